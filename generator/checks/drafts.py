"""Draft rules: a draft may leave out what its source lacks, and stays out of the guide's advice.

Routines and problem areas are advice a runner follows, so they may only use reviewed
exercises; ``guide check --reviewed-only`` holds drafts to the full exercise model too.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.checks.context import CheckContext
from generator.load import Document
from generator.model import DraftExercise, Exercise, Routine
from generator.problems import Problem

PROMOTE_HINT = "fill in every field in your own words, then remove 'status: draft'"


def exercise_model(data: Any, *, reviewed_only: bool) -> type[BaseModel]:
    """The model a file is held to: drafts are relaxed unless every file must be reviewed."""
    is_draft = isinstance(data, dict) and data.get("status") == "draft"
    return DraftExercise if is_draft and not reviewed_only else Exercise


def still_a_draft(document: Document) -> Problem:
    where = document.key_position(("status",))
    return Problem(
        document.path, where.line, where.column, "this exercise is still a draft", PROMOTE_HINT
    )


def check_drafts_stay_out_of_advice(context: CheckContext) -> None:
    """A routine may not use a draft, and a draft may not claim to help a problem area."""
    drafts = {
        placed.id
        for placed in context.each("exercises")
        if isinstance(placed.entry, DraftExercise) and placed.entry.is_draft
    }
    for placed in context.each("routines"):
        routine = placed.entry
        assert isinstance(routine, Routine)
        for i, item in enumerate(routine.items):
            if item.exercise in drafts:
                context.report(
                    placed,
                    ("items", i, "exercise"),
                    f"'{item.exercise}' is a draft and cannot be part of a routine",
                    "choose a reviewed exercise, or review the draft first",
                )
    for placed in context.each("exercises"):
        exercise = placed.entry
        if placed.id in drafts and isinstance(exercise, DraftExercise) and exercise.problem_areas:
            context.report(
                placed,
                ("problem_areas",),
                "a draft cannot be listed on problem-area pages",
                "remove 'problem_areas' until the exercise is reviewed",
            )
