"""Ladder rules: following progressions always leads somewhere harder, never back."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.context import CheckContext, Placed
from generator.load import Location
from generator.model import DraftExercise


def check_no_progression_cycles(context: CheckContext) -> None:
    exercises = context.entries.get("exercises", {})
    edges: dict[str, list[tuple[str, Placed, Location]]] = {key: [] for key in exercises}
    for placed in exercises.values():
        exercise = placed.entry
        assert isinstance(exercise, DraftExercise)
        for i, step in enumerate(exercise.progressions):
            if step.exercise in exercises and step.exercise != placed.id:
                edges[placed.id].append((step.exercise, placed, ("progressions", i, "exercise")))
        for i, step in enumerate(exercise.regressions):
            if step.exercise in exercises and step.exercise != placed.id:
                edges[step.exercise].append((placed.id, placed, ("regressions", i, "exercise")))
    state: dict[str, int] = {}
    for start in sorted(edges):
        if state.get(start):
            continue
        path = [start]
        stack: list[Iterator[tuple[str, Placed, Location]]] = [iter(edges[start])]
        state[start] = 1
        while stack:
            edge = next(stack[-1], None)
            if edge is None:
                stack.pop()
                state[path.pop()] = 2
                continue
            target, source, location = edge
            if state.get(target) == 1:
                loop = [*path[path.index(target) :], target]
                context.report(
                    source,
                    location,
                    f"progression cycle: {' → '.join(loop)}",
                    "a progression must be harder; remove one link of the loop",
                )
            elif not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append(iter(edges[target]))
