"""Routine rules: a routine takes the time it states, its exercises suit when it is done, and
every exercise in a problem area's routine is tagged with that problem area."""

from __future__ import annotations

from generator.checks.context import CheckContext, Placed
from generator.durations import NAMED_MINUTES, TOLERANCE, routine_seconds, stated_minutes_fit
from generator.model import DraftExercise, Equipment, Exercise, Routine

FITS_FOR_WHEN: dict[str, tuple[str, ...]] = {
    "warm-up": ("warm-up",),
    "pre-run": ("pre-run", "warm-up"),
    "post-run": ("post-run",),
    "separate-day": ("strength-day",),
    "after-speed-work": ("post-run", "strength-day"),
}
"""A routine's 'when' → the exercise 'fits' values that belong in it (any one is enough)."""


def check_routine_minutes(context: CheckContext) -> None:
    exercises = {
        key: placed.entry
        for key, placed in context.entries.get("exercises", {}).items()
        if isinstance(placed.entry, DraftExercise)
    }
    equipment = {
        key: placed.entry
        for key, placed in context.entries.get("equipment", {}).items()
        if isinstance(placed.entry, Equipment)
    }
    for placed in context.each("routines"):
        routine = placed.entry
        assert isinstance(routine, Routine)
        seconds = routine_seconds(routine, exercises, equipment)
        named = NAMED_MINUTES.search(routine.name)
        if named and int(named.group(1)) != max(1, round(seconds / 60)):
            context.report(
                placed,
                ("name",),
                f"the name says {named.group(1)} minutes but a session takes about "
                f"{seconds / 60:.1f}, and the page shows {max(1, round(seconds / 60))}",
                "change the sets, reps or rests until the two agree, or the name",
            )
        if stated_minutes_fit(routine.minutes, seconds):
            continue
        computed = seconds / 60
        session = "one step of this ladder takes" if routine.ladder else "its items take"
        context.report(
            placed,
            ("minutes",),
            f"states {routine.minutes} minutes but {session} about {computed:.1f} "
            f"minutes (more than {TOLERANCE:.0%} apart)",
            f"set 'minutes: {max(1, round(computed))}', or change the sets, reps or rests",
        )


def _exercise(context: CheckContext, key: str) -> Exercise | None:
    placed = context.entries.get("exercises", {}).get(key)
    return placed.entry if placed is not None and isinstance(placed.entry, Exercise) else None


def check_items_fit_when(context: CheckContext) -> None:
    for placed in context.each("routines"):
        routine = placed.entry
        assert isinstance(routine, Routine)
        allowed = FITS_FOR_WHEN[routine.when]
        for i, item in enumerate(routine.items):
            exercise = _exercise(context, item.exercise)
            if exercise is None or set(exercise.fits) & set(allowed):
                continue
            context.report(
                placed,
                ("items", i, "exercise"),
                f"'{item.exercise}' does not fit a '{routine.when}' routine "
                f"(it fits {', '.join(exercise.fits)})",
                f"choose an exercise whose 'fits' includes {' or '.join(allowed)}, "
                "or change the routine's 'when'",
            )


def check_routine_exercises_tagged(context: CheckContext) -> None:
    untagged: dict[tuple[str, str], list[str]] = {}
    known = context.ids["problem-areas"]
    for placed in context.each("routines"):
        routine = placed.entry
        assert isinstance(routine, Routine)
        for item in routine.items:
            exercise = _exercise(context, item.exercise)
            if exercise is None:
                continue
            for area in routine.problem_areas:
                if area in known and area not in exercise.problem_areas:
                    routines = untagged.setdefault((item.exercise, area), [])
                    if placed.id not in routines:
                        routines.append(placed.id)
    for (key, area), routines in sorted(untagged.items()):
        exercise_placed: Placed = context.entries["exercises"][key]
        named = ", ".join(f"'{r}'" for r in routines)
        context.report(
            exercise_placed,
            ("problem_areas",),
            f"'{key}' is in the {area} routine {named} but not tagged '{area}'",
            f"add '{area}' to 'problem_areas' with a citation that backs it, "
            "or take the exercise out of the routine",
        )
