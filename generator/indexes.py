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
    by_pattern: dict[str, list[str]] = {key: [] for key in guide.patterns}
    by_problem: dict[str, list[str]] = {key: [] for key in guide.problem_areas}
    primary: dict[str, list[str]] = {key: [] for key in guide.muscles}
    secondary: dict[str, list[str]] = {key: [] for key in guide.muscles}
    by_equipment: dict[str, list[str]] = {key: [] for key in guide.equipment}
    routines_by_exercise: dict[str, list[str]] = {key: [] for key in guide.exercises}
    routines_by_problem: dict[str, list[str]] = {key: [] for key in guide.problem_areas}
    easier: dict[str, list[Link]] = {key: [] for key in guide.exercises}
    harder: dict[str, list[Link]] = {key: [] for key in guide.exercises}
    routine_equipment: dict[str, list[str]] = {}
    drafts_by_pattern: dict[str, list[str]] = {key: [] for key in [*guide.patterns, ""]}
    areas_of_exercise: dict[str, list[str]] = {key: [] for key in guide.exercises}

    for key, exercise in guide.exercises.items():
        if exercise.is_draft:
            _add(drafts_by_pattern, exercise.pattern or "", key)
            continue
        _add(by_pattern, exercise.pattern or "", key)
        for area in exercise.problem_areas:
            _add(by_problem, area, key)
            _add(areas_of_exercise, key, area)
        for muscle in exercise.muscles.primary:
            for each in [muscle, *guide.muscles[muscle].members]:
                _add(primary, each, key)
        for muscle in exercise.muscles.secondary:
            for each in [muscle, *guide.muscles[muscle].members]:
                _add(secondary, each, key)
        for item in exercise.equipment:
            _add(by_equipment, item, key)
        for step in exercise.progressions:
            _add_link(harder, key, Link(step.exercise, step.ready_when))
            _add_link(easier, step.exercise, Link(key, step.ready_when))
        for step in exercise.regressions:
            _add_link(easier, key, Link(step.exercise, step.ready_when))
            _add_link(harder, step.exercise, Link(key, step.ready_when))

    for key, routine in guide.routines.items():
        needed: list[str] = []
        for entry in routine.items:
            _add(routines_by_exercise, entry.exercise, key)
            for equipment in guide.exercises[entry.exercise].equipment:
                if equipment not in needed:
                    needed.append(equipment)
        for area in routine.problem_areas:
            _add(routines_by_problem, area, key)
        routine_equipment[key] = [e for e in guide.equipment if e in needed]

    return Indexes(
        by_pattern=by_pattern,
        by_problem_area=by_problem,
        by_primary_muscle=primary,
        by_secondary_muscle=secondary,
        by_equipment=by_equipment,
        routines_by_exercise=routines_by_exercise,
        routines_by_problem_area=routines_by_problem,
        easier=easier,
        harder=harder,
        routine_equipment=routine_equipment,
        drafts_by_pattern=drafts_by_pattern,
        problem_areas_of_exercise=areas_of_exercise,
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
