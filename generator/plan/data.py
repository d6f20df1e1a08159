"""The plan page's data filled in from the guide and the plan rules (the format is declared
in generator/plan/records.py). Every time in it comes from generator/durations.py, so the page
only adds up figures and never has a second way of timing a set."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Literal

from generator.durations import (
    SECONDS_PER_REP,
    SIDE_SWITCH_SECONDS,
    changeovers,
    dose_seconds,
    routine_minutes,
    routine_seconds,
    setup_seconds,
)
from generator.guide import Guide
from generator.model import DraftExercise, Exercise, ProblemArea, Routine, RoutineItem
from generator.model.plan import PhaseId, PlanRules
from generator.plan.records import (
    Dose,
    NextStep,
    PlanBlock,
    PlanData,
    PlanDay,
    PlanEquipment,
    PlanExercise,
    PlanExperience,
    PlanPhase,
    PlanProblemArea,
    PlanProgression,
    PlanRace,
    PlanRoutine,
    PlanRule,
    PlanSessions,
    PlanTiming,
    RedFlagTiers,
    RoutineStep,
)

Href = Callable[[str], str]
"""Turns a page path into the link the data carries."""
Stills = Callable[[str], str | None]
"""An exercise's still picture, or None when it has none."""


LEVEL_ORDER = ("beginner", "intermediate", "advanced")
DATA_PATH = "plan/data.json"
"""Where the plan page fetches its data from, so the page stays small however many routines
and problem areas the guide has."""
LOADS = frozenset({"dumbbell", "kettlebell", "barbell", "cable", "machine", "ez-bar", "sled"})
"""Equipment that adds weight, so a heavier week can mean fewer, heavier repetitions."""


def routine_level(guide: Guide, routine: Routine) -> str:
    """The hardest exercise in the routine; a ladder is as hard as its first step."""
    items = routine.items[:1] if routine.ladder else routine.items
    levels = [guide.exercises[item.exercise].level for item in items]
    return max(levels, key=LEVEL_ORDER.index)


def _timed(item: RoutineItem) -> Literal["hold", "work"] | None:
    if item.hold_seconds is not None:
        return "hold"
    return None if item.timed_seconds() is None else "work"


def _dose(item: RoutineItem, changeover: int) -> Dose:
    """The dose with the time of 1, 2, … of its sets, each from the one duration function."""
    return Dose(
        sets=item.sets,
        reps=item.reps,
        seconds_each=item.timed_seconds(),
        timed=_timed(item),
        rest_seconds=item.rest_seconds,
        per_side=item.per_side,
        changeover_seconds=changeover,
        seconds=[
            dose_seconds(item, item.per_side, changeover, sets=sets)
            for sets in range(1, item.sets + 1)
        ],
    )


def phase_dose(
    guide: Guide, exercise: Exercise, key: str, rules: PlanRules, phase: PhaseId
) -> Dose:
    """An exercise's own dose changed as the phase says: more or fewer sets, and fewer, heavier
    repetitions on exercises done with a weight."""
    change = rules.phases[phase]
    own = exercise.dosage
    added = 0 if exercise.pattern in rules.steady_patterns else change.sets_add
    sets = max(1, math.ceil((own.sets + added) * change.sets_percent / 100))
    reps = own.reps
    if reps is not None and LOADS & set(exercise.equipment):
        reps = max(3, round(reps * change.loaded_reps_percent / 100))
    item = RoutineItem(
        exercise=key,
        sets=min(sets, 10),
        reps=reps,
        hold_seconds=own.hold_seconds,
        work_seconds=own.work_seconds,
        work_minutes=own.work_minutes,
        rest_seconds=own.rest_seconds,
        per_side=exercise.one_sided,
    )
    return _dose(item, setup_seconds(exercise, guide.equipment))


def _candidates(guide: Guide, rules: PlanRules, patterns: list[str], key: str) -> list[str]:
    block = rules.blocks[key]
    found = []
    for exercise_id, exercise in guide.exercises.items():
        if not isinstance(exercise, Exercise) or "strength-day" not in exercise.fits:
            continue
        if exercise.pattern not in patterns or exercise_id in block.exclude:
            continue
        worked = {*exercise.muscles.primary}
        if block.muscles and not worked & set(block.muscles):
            continue
        found.append(exercise_id)
    return sorted(found)


def _next_step(
    guide: Guide, exercise: DraftExercise, href: Href, always: set[str]
) -> NextStep | None:
    for step in exercise.progressions[:1]:
        following = guide.exercises[step.exercise]
        return NextStep(
            name=following.name,
            href=href(f"exercises/{step.exercise}.md"),
            when=step.ready_when,
            level=following.level,
            equipment=sorted(set(following.equipment) - always),
        )
    return None


def _minutes(guide: Guide, routine: Routine) -> int:
    return routine_minutes(routine, guide.exercises, guide.equipment)


def early_routines(guide: Guide, key: str, area: ProblemArea) -> list[str]:
    """The starter routine and the area's routines no longer and no harder than it."""
    starter = guide.routines[area.starter_routine]
    limit = (_minutes(guide, starter), LEVEL_ORDER.index(routine_level(guide, starter)))
    easier = [
        routine_id
        for routine_id, routine in guide.routines.items()
        if key in routine.problem_areas
        and routine_id != area.starter_routine
        and (_minutes(guide, routine), LEVEL_ORDER.index(routine_level(guide, routine))) <= limit
    ]
    return [area.starter_routine, *sorted(easier)]


def plan_data(guide: Guide, rules: PlanRules, href: Href, stills: Stills) -> PlanData:
    """Everything the page needs; ``href`` turns a page path into a link and ``stills`` gives
    an exercise's still picture, or None when it has none."""
    blocks = _blocks(guide, rules)
    pooled = sorted(
        {e for block in blocks.values() for ids in block.exercises.values() for e in ids}
    )
    return PlanData(
        timing=PlanTiming(seconds_per_rep=SECONDS_PER_REP, side_switch_seconds=SIDE_SWITCH_SECONDS),
        days={
            key: PlanDay(name=day.name, code=day.code, runs=day.runs)
            for key, day in rules.days.items()
        },
        always_available=rules.always_available,
        equipment={
            key: PlanEquipment(name=choice.name, equipment=choice.equipment)
            for key, choice in rules.equipment.items()
        },
        experience={
            key: PlanExperience(name=level.name, levels=list(level.levels))
            for key, level in rules.experience.items()
        },
        race_distances={
            key: PlanRace(name=race.name, light_days=race.light_days)
            for key, race in rules.race_distances.items()
        },
        sessions=PlanSessions(**rules.sessions.model_dump()),
        blocks=blocks,
        priority=rules.priority,
        phases={
            key: PlanPhase(
                name=phase.name,
                says=phase.says,
                intensity=phase.intensity,
                plyometrics=phase.plyometrics,
            )
            for key, phase in rules.phases.items()
        },
        rules={
            key: PlanRule(**rule.model_dump(exclude={"sources"}))
            for key, rule in rules.rules.items()
        },
        progression=PlanProgression(**rules.progression.model_dump(exclude={"sources"})),
        exercises={key: _exercise(guide, rules, key, href, stills) for key in pooled},
        routines={key: _routine(guide, rules, key, href, stills) for key in guide.routines},
        problem_areas={key: _problem_area(guide, key, href) for key in guide.problem_areas},
    )


def _blocks(guide: Guide, rules: PlanRules) -> dict[str, PlanBlock]:
    """Each block of the week with the exercises that may fill its A and B slots."""
    return {
        key: PlanBlock(
            name=block.name,
            a=block.a,
            b=block.b,
            pick=block.pick,
            plyometric=block.plyometric,
            easiest_first=block.easiest_first,
            exercises={
                "a": _candidates(guide, rules, block.a, key),
                "b": _candidates(guide, rules, block.b, key),
            },
        )
        for key, block in rules.blocks.items()
    }


def _exercise(guide: Guide, rules: PlanRules, key: str, href: Href, stills: Stills) -> PlanExercise:
    """One exercise a plan may pick, with its dose in every phase and its next step."""
    exercise = guide.exercises[key]
    assert isinstance(exercise, Exercise)
    always = set(rules.always_available)
    return PlanExercise(
        name=exercise.name,
        href=href(f"exercises/{key}.md"),
        still=stills(key),
        cue=exercise.cues[0],
        pattern=exercise.pattern,
        level=exercise.level,
        equipment=sorted(set(exercise.equipment) - always),
        loaded=bool(LOADS & set(exercise.equipment)),
        muscles=exercise.muscles.primary,
        problem_areas=exercise.problem_areas,
        doses={phase: phase_dose(guide, exercise, key, rules, phase) for phase in rules.phases},
        next=_next_step(guide, exercise, href, always),
    )


def _routine(guide: Guide, rules: PlanRules, key: str, href: Href, stills: Stills) -> PlanRoutine:
    """One routine as the plan and its workout player show it, step by step."""
    routine = guide.routines[key]
    exercises = guide.exercises
    return PlanRoutine(
        name=routine.name,
        href=href(f"routines/{key}.md"),
        minutes=_minutes(guide, routine),
        seconds=routine_seconds(routine, exercises, guide.equipment),
        level=routine_level(guide, routine),
        equipment=sorted(
            {e for item in routine.items for e in exercises[item.exercise].equipment}
            - set(rules.always_available)
        ),
        steps=[
            RoutineStep(
                exercise=item.exercise,
                name=exercises[item.exercise].name,
                href=href(f"exercises/{item.exercise}.md"),
                still=stills(item.exercise),
                cue=exercises[item.exercise].cues[0],
                dose=_dose(item, changeover),
            )
            for item, changeover in zip(
                routine.items, changeovers(routine, exercises, guide.equipment), strict=True
            )
        ],
    )


def _problem_area(guide: Guide, key: str, href: Href) -> PlanProblemArea:
    """A problem area with every tier of its red flags and the routines that serve it."""
    area = guide.problem_areas[key]
    return PlanProblemArea(
        name=area.name,
        href=href(f"problem-areas/{key}.md"),
        red_flags=RedFlagTiers(
            urgent=area.red_flags.urgent,
            soon=area.red_flags.soon,
            see_a_physio_if=area.red_flags.see_a_physio_if,
        ),
        clearance=area.clearance_before_running,
        routines=[
            area.starter_routine,
            *sorted(
                r
                for r, routine in guide.routines.items()
                if key in routine.problem_areas and r != area.starter_routine
            ),
        ],
        early=early_routines(guide, key, area),
    )


def plan_json(guide: Guide, rules: PlanRules, href: Href, stills: Stills) -> str:
    """The plan data as the compact JSON file the plan page fetches when it opens."""
    data = plan_data(guide, rules, href, stills).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
