"""How long a dose and a routine really take, computed from their items rather than taken on
trust. This is the one place a time is computed: routine pages, exercise pages, listings, the
finder, the plan builder and the print card all show these figures.

A routine states its minutes; the check compares that claim with this computation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.model import Dosage, DraftExercise, Equipment, Routine

SECONDS_PER_REP = 3
"""A controlled repetition: about two seconds down and one up."""
SETUP_SECONDS = 15
"""Moving to an exercise and getting into position, when its equipment says no more."""
SIDE_SWITCH_SECONDS = 5
"""Changing sides within a set of a one-sided exercise."""
TOLERANCE = 0.20
"""How far a routine's stated minutes may stray from the computed time."""
NAMED_MINUTES = re.compile(r"\b(\d+)[ -]minutes?\b", re.IGNORECASE)
"""A time in a routine's name ("Shins in 10 minutes"): readers take it as the session's length."""


def dose_seconds(
    dose: Dosage,
    per_side: bool,
    changeover_seconds: int = SETUP_SECONDS,
    sets: int | None = None,
) -> int:
    """Work, rests between sets, side switches and the changeover into one dose; with
    ``sets``, into its first that many sets (the plan's running clock of a dose)."""
    done = dose.sets if sets is None else sets
    sides = 2 if per_side else 1
    work = dose.reps * SECONDS_PER_REP if dose.reps is not None else dose.timed_seconds() or 0
    switches = SIDE_SWITCH_SECONDS * done if per_side else 0
    return done * work * sides + (done - 1) * dose.rest_seconds + switches + changeover_seconds


def setup_seconds(exercise: DraftExercise, equipment: Mapping[str, Equipment]) -> int:
    """Getting an exercise ready: the longest set-up among its equipment (loading a bar takes
    minutes, a band seconds), never less than the plain changeover."""
    times = [equipment[key].setup_seconds for key in exercise.equipment if key in equipment]
    return max([SETUP_SECONDS, *times])


def exercise_seconds(exercise: DraftExercise, equipment: Mapping[str, Equipment]) -> int | None:
    """An exercise's default dose done on its own, both sides where it is one-sided; None for
    a draft without a dose."""
    if exercise.dosage is None:
        return None
    one_sided = bool(exercise.one_sided)
    return dose_seconds(exercise.dosage, one_sided, setup_seconds(exercise, equipment))


def exercise_minutes(exercise: DraftExercise, equipment: Mapping[str, Equipment]) -> int | None:
    seconds = exercise_seconds(exercise, equipment)
    return None if seconds is None else max(1, round(seconds / 60))


def changeovers(
    routine: Routine,
    exercises: Mapping[str, DraftExercise],
    equipment: Mapping[str, Equipment],
) -> list[int]:
    """The seconds before each item of a routine: its exercise's set-up, or, when it repeats
    the lift of the item before (warm-up sets, then work sets), the rest before the heavier
    sets. The workout player times the same changeovers."""
    seconds: list[int] = []
    for position, item in enumerate(routine.items):
        before = routine.items[position - 1] if position else None
        if before is not None and before.exercise == item.exercise:
            seconds.append(max(SETUP_SECONDS, before.rest_seconds))
        elif item.exercise in exercises:
            seconds.append(setup_seconds(exercises[item.exercise], equipment))
        else:
            seconds.append(SETUP_SECONDS)
    return seconds


def routine_seconds(
    routine: Routine,
    exercises: Mapping[str, DraftExercise],
    equipment: Mapping[str, Equipment],
) -> int:
    """One session of the routine: each item's dose after its changeover. A ladder is done
    one step per session, so a session is its longest step."""
    items = [
        dose_seconds(item, item.per_side, changeover)
        for item, changeover in zip(
            routine.items, changeovers(routine, exercises, equipment), strict=True
        )
    ]
    return max(items) if routine.ladder else sum(items)


def routine_minutes(
    routine: Routine,
    exercises: Mapping[str, DraftExercise],
    equipment: Mapping[str, Equipment],
) -> int:
    """The computed time of one session rounded to whole minutes, never below one."""
    return max(1, round(routine_seconds(routine, exercises, equipment) / 60))


def stated_minutes_fit(stated: int, seconds: int) -> bool:
    """True when a routine's stated minutes are within the tolerance of the computed time."""
    computed = seconds / 60
    return abs(stated - computed) <= TOLERANCE * computed
