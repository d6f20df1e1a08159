"""Lookup tables over a validated guide, built once and shared by every page."""

from __future__ import annotations

from dataclasses import dataclass

from generator.durations import changeovers, exercise_minutes, routine_minutes
from generator.guide import Guide


@dataclass(frozen=True)
class Link:
    """A step to another exercise on a progression ladder, with its criterion."""

    exercise: str
    ready_when: str


@dataclass(frozen=True)
class Indexes:
    """Reverse references: which exercises and routines point at each entry."""

    by_pattern: dict[str, list[str]]
    by_problem_area: dict[str, list[str]]
    by_primary_muscle: dict[str, list[str]]
    by_secondary_muscle: dict[str, list[str]]
    by_equipment: dict[str, list[str]]
    routines_by_exercise: dict[str, list[str]]
    routines_by_problem_area: dict[str, list[str]]
    easier: dict[str, list[Link]]
    """Exercise id → easier steps, from its own regressions and others' progressions."""
    harder: dict[str, list[Link]]
    """Exercise id → harder steps, from its own progressions and others' regressions."""
    routine_equipment: dict[str, list[str]]
    drafts_by_pattern: dict[str, list[str]]
    """Drafts only, for the drafts page ('' for drafts without a pattern); every other
    table lists reviewed exercises."""
    problem_areas_of_exercise: dict[str, list[str]]
    """Exercise id → problem areas it helps. Validation refuses an exercise in a problem's
    routine that does not list that problem, so pages and the finder agree with routines."""
    routine_minutes: dict[str, int]
    """Routine id → minutes of one session, from the one duration function; every page,
    the finder and the plan show this figure."""
    routine_changeovers: dict[str, list[int]]
    """Routine id → the seconds before each of its items, as its time counts them."""
    exercise_minutes: dict[str, int | None]
    """Exercise id → minutes of its default dose on its own (None for a draft without one)."""


def _add(table: dict[str, list[str]], key: str, value: str) -> None:
    bucket = table.setdefault(key, [])
    if value not in bucket:
        bucket.append(value)


def _add_link(table: dict[str, list[Link]], key: str, link: Link) -> None:
    bucket = table.setdefault(key, [])
    if all(existing.exercise != link.exercise for existing in bucket):
        bucket.append(link)


def build_indexes(guide: Guide) -> Indexes:
    """Walk the guide once and record every reverse reference."""
    by_exercise = _exercise_tables(guide)
    by_routine = _routine_tables(guide)
    return Indexes(
        by_pattern=by_exercise.by_pattern,
        by_problem_area=by_exercise.by_problem,
        by_primary_muscle=by_exercise.primary,
        by_secondary_muscle=by_exercise.secondary,
        by_equipment=by_exercise.by_equipment,
        routines_by_exercise=by_routine.by_exercise,
        routines_by_problem_area=by_routine.by_problem,
        easier=by_exercise.easier,
        harder=by_exercise.harder,
        routine_equipment=by_routine.equipment,
        drafts_by_pattern=by_exercise.drafts_by_pattern,
        problem_areas_of_exercise=by_exercise.areas_of_exercise,
        routine_minutes={
            key: routine_minutes(routine, guide.exercises, guide.equipment)
            for key, routine in guide.routines.items()
        },
        routine_changeovers={
            key: changeovers(routine, guide.exercises, guide.equipment)
            for key, routine in guide.routines.items()
        },
        exercise_minutes={
            key: exercise_minutes(exercise, guide.equipment)
            for key, exercise in guide.exercises.items()
        },
    )


@dataclass(frozen=True)
class _ExerciseTables:
    """What the exercises point at, turned round."""

    by_pattern: dict[str, list[str]]
    by_problem: dict[str, list[str]]
    primary: dict[str, list[str]]
    secondary: dict[str, list[str]]
    by_equipment: dict[str, list[str]]
    easier: dict[str, list[Link]]
    harder: dict[str, list[Link]]
    drafts_by_pattern: dict[str, list[str]]
    areas_of_exercise: dict[str, list[str]]


def _exercise_tables(guide: Guide) -> _ExerciseTables:
    found = _ExerciseTables(
        by_pattern={key: [] for key in guide.patterns},
        by_problem={key: [] for key in guide.problem_areas},
        primary={key: [] for key in guide.muscles},
        secondary={key: [] for key in guide.muscles},
        by_equipment={key: [] for key in guide.equipment},
        easier={key: [] for key in guide.exercises},
        harder={key: [] for key in guide.exercises},
        drafts_by_pattern={key: [] for key in [*guide.patterns, ""]},
        areas_of_exercise={key: [] for key in guide.exercises},
    )
    for key, exercise in guide.exercises.items():
        if exercise.is_draft:
            _add(found.drafts_by_pattern, exercise.pattern or "", key)
            continue
        _add(found.by_pattern, exercise.pattern or "", key)
        for area in exercise.problem_areas:
            _add(found.by_problem, area, key)
            _add(found.areas_of_exercise, key, area)
        for muscles, table in (
            (exercise.muscles.primary, found.primary),
            (exercise.muscles.secondary, found.secondary),
        ):
            for muscle in muscles:
                for each in [muscle, *guide.muscles[muscle].members]:
                    _add(table, each, key)
        for item in exercise.equipment:
            _add(found.by_equipment, item, key)
        for step in exercise.progressions:
            _add_link(found.harder, key, Link(step.exercise, step.ready_when))
            _add_link(found.easier, step.exercise, Link(key, step.ready_when))
        for step in exercise.regressions:
            _add_link(found.easier, key, Link(step.exercise, step.ready_when))
            _add_link(found.harder, step.exercise, Link(key, step.ready_when))
    return found


@dataclass(frozen=True)
class _RoutineTables:
    """What the routines point at, turned round, and the equipment each needs."""

    by_exercise: dict[str, list[str]]
    by_problem: dict[str, list[str]]
    equipment: dict[str, list[str]]


def _routine_tables(guide: Guide) -> _RoutineTables:
    found = _RoutineTables(
        by_exercise={key: [] for key in guide.exercises},
        by_problem={key: [] for key in guide.problem_areas},
        equipment={},
    )
    for key, routine in guide.routines.items():
        needed: list[str] = []
        for entry in routine.items:
            _add(found.by_exercise, entry.exercise, key)
            for equipment in guide.exercises[entry.exercise].equipment:
                if equipment not in needed:
                    needed.append(equipment)
        for area in routine.problem_areas:
            _add(found.by_problem, area, key)
        found.equipment[key] = [e for e in guide.equipment if e in needed]
    return found
