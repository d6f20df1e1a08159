"""Reference rules: every id a file names exists, and no list repeats itself."""

from __future__ import annotations

from generator.checks.context import CheckContext
from generator.model import Exercise, Pattern, ProblemArea, Routine


def check_exercise_references(context: CheckContext) -> None:
    for placed in context.each("exercises"):
        exercise = placed.entry
        assert isinstance(exercise, Exercise)
        context.reference(placed, ("pattern",), exercise.pattern, "patterns")
        for i, area in enumerate(exercise.problem_areas):
            context.reference(placed, ("problem_areas", i), area, "problem-areas")
        for group in ("primary", "secondary"):
            for i, muscle in enumerate(getattr(exercise.muscles, group)):
                context.reference(placed, ("muscles", group, i), muscle, "muscles")
        for i, item in enumerate(exercise.equipment):
            context.reference(placed, ("equipment", i), item, "equipment")
        for group in ("regressions", "progressions"):
            for i, step in enumerate(getattr(exercise, group)):
                if step.exercise == placed.id:
                    context.report(
                        placed,
                        (group, i, "exercise"),
                        f"'{placed.id}' lists itself in its own {group}",
                        "link to a different exercise",
                    )
                else:
                    context.reference(placed, (group, i, "exercise"), step.exercise, "exercises")
        context.no_repeats(placed, ("muscles", "primary"), exercise.muscles.primary)
        context.no_repeats(placed, ("equipment",), exercise.equipment)
        both = set(exercise.muscles.primary) & set(exercise.muscles.secondary)
        for i, muscle in enumerate(exercise.muscles.secondary):
            if muscle in both:
                context.report(
                    placed,
                    ("muscles", "secondary", i),
                    f"muscle '{muscle}' is listed as both primary and secondary",
                    "keep it in one list",
                )


def check_routine_references(context: CheckContext) -> None:
    for placed in context.each("routines"):
        routine = placed.entry
        assert isinstance(routine, Routine)
        for i, area in enumerate(routine.problem_areas):
            context.reference(placed, ("problem_areas", i), area, "problem-areas")
        for i, entry in enumerate(routine.items):
            context.reference(placed, ("items", i, "exercise"), entry.exercise, "exercises")


def check_taxonomy_references(context: CheckContext) -> None:
    for placed in context.each("problem-areas"):
        problem_area = placed.entry
        assert isinstance(problem_area, ProblemArea)
        context.reference(placed, ("starter_routine",), problem_area.starter_routine, "routines")
    for placed in context.each("patterns"):
        pattern = placed.entry
        assert isinstance(pattern, Pattern)
        for i, muscle in enumerate(pattern.main_muscles):
            context.reference(placed, ("main_muscles", i), muscle, "muscles")
