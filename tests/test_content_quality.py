"""The published guide is complete: every section filled, every group stocked, nothing orphaned."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import REPO

from generator.model import Guide
from generator.pipeline import check

MINIMAL_EQUIPMENT = {"bodyweight", "band", "bench", "wall", "slider"}
"""What a short problem-area routine may ask for: a band, a step, a wall, or a towel to slide on."""


@pytest.fixture(scope="module")
def guide() -> Guide:
    loaded, problems = check(REPO / "content")
    assert problems == []
    assert loaded is not None
    return loaded


def test_the_library_has_its_minimum_size(guide: Guide) -> None:
    assert len(guide.exercises) >= 100
    assert len(guide.problem_areas) >= 14
    assert len(guide.muscles) >= 30
    assert len(guide.routines) >= 12
    articles = [p for p in (REPO / "content" / "guides").glob("*.md") if p.name != "index.md"]
    assert len(articles) >= 10


def test_every_exercise_has_every_section(guide: Guide) -> None:
    thin = [
        key
        for key, exercise in guide.exercises.items()
        if len(exercise.steps) < 3
        or len(exercise.cues) < 2
        or not exercise.mistakes
        or not exercise.safety
        or not exercise.muscles.primary
        or not exercise.equipment
        or not exercise.sources
    ]
    assert thin == []


def test_every_pattern_and_category_is_stocked(guide: Guide) -> None:
    counts = Counter(exercise.pattern for exercise in guide.exercises.values())
    short = {
        key: counts[key]
        for key, pattern in guide.patterns.items()
        if counts[key] < (5 if pattern.kind == "pattern" else 3)
    }
    assert short == {}
    assert {"squat", "hinge", "lunge", "push", "pull", "core"} <= set(guide.patterns)


def test_every_problem_area_has_four_exercises_and_routines(guide: Guide) -> None:
    for key, area in guide.problem_areas.items():
        exercises = [e for e in guide.exercises.values() if key in e.problem_areas]
        assert len(exercises) >= 4, key
        assert key in guide.routines[area.starter_routine].problem_areas, key


def test_every_problem_area_has_5_10_and_15_minute_minimal_equipment_routines(
    guide: Guide,
) -> None:
    def needs(routine_key: str) -> set[str]:
        routine = guide.routines[routine_key]
        return {e for item in routine.items for e in guide.exercises[item.exercise].equipment}

    for key in guide.problem_areas:
        lengths = {
            routine.minutes
            for routine_key, routine in guide.routines.items()
            if key in routine.problem_areas and needs(routine_key) <= MINIMAL_EQUIPMENT
        }
        assert {5, 10, 15} <= lengths, key


def test_every_muscle_is_trained_by_some_exercise(guide: Guide) -> None:
    used = {
        muscle
        for exercise in guide.exercises.values()
        for muscle in (*exercise.muscles.primary, *exercise.muscles.secondary)
    }
    assert sorted(set(guide.muscles) - used) == []


def test_one_sided_routine_items_say_per_side(guide: Guide) -> None:
    missing = [
        (key, item.exercise)
        for key, routine in guide.routines.items()
        for item in routine.items
        if guide.exercises[item.exercise].one_sided
        and not item.per_side
        and guide.exercises[item.exercise].pattern not in ("drill", "plyometric", "lunge")
    ]
    assert missing == []


def test_hamstring_ladder_climbs_in_order_with_pass_criteria(guide: Guide) -> None:
    ladder = guide.routines["hamstring-ladder"]
    assert ladder.ladder
    assert [item.exercise for item in ladder.items] == [
        "glute-bridge",
        "single-leg-bridge",
        "hamstring-slider-curl",
        "single-leg-slider-curl",
    ]
    assert all(item.pass_when for item in ladder.items[:-1])


def test_every_problem_area_link_is_backed_by_a_source(guide: Guide) -> None:
    unsourced = [key for key, e in guide.exercises.items() if e.problem_areas and not e.sources]
    assert unsourced == []
    assert all(area.sources for area in guide.problem_areas.values())


def test_every_routine_from_the_brief_exists(guide: Guide) -> None:
    assert {
        "post-run-hips",
        "post-run-posterior-chain",
        "hamstring-ladder",
        "post-run-mobility",
        "trail-leg-routine",
        "pedestal-core",
        "general-strength-circuit",
        "maximal-strength",
        "plyometric-progression",
        "upper-body-after-intervals",
        "single-leg-after-speed",
        "running-warm-up",
    } <= set(guide.routines)


def routine_exercises_for(guide: Guide, area: str) -> set[str]:
    """Every exercise any routine for the problem area asks the reader to do."""
    return {
        item.exercise
        for routine in guide.routines.values()
        if area in routine.problem_areas
        for item in routine.items
    }


def test_gluteal_tendinopathy_routines_leave_out_exercises_that_compress_the_tendons(
    guide: Guide,
) -> None:
    compressive = {
        "clamshell",
        "figure-four-stretch",
        "side-lying-leg-lift",
        "side-lying-hip-adduction",
    }
    assert routine_exercises_for(guide, "gluteal-tendinopathy") & compressive == set()


def test_high_hamstring_routines_leave_out_deep_hip_flexion_and_stretches(guide: Guide) -> None:
    deep_hip_flexion = {
        "romanian-deadlift",
        "single-leg-rdl",
        "good-morning",
        "deadlift",
        "kettlebell-swing",
        "askling-diver",
        "askling-glider",
        "bulgarian-split-squat",
        "forward-lunge",
        "walking-lunge",
        "inchworm",
        "leg-swings",
    }
    assert routine_exercises_for(guide, "high-hamstring-tendinopathy") & deep_hip_flexion == set()


def test_achilles_routines_keep_the_heel_at_floor_level_for_insertional_pain(guide: Guide) -> None:
    heel_below_step = {"single-leg-calf-raise", "seated-soleus-raise", "towel-heel-raise"}
    assert routine_exercises_for(guide, "achilles-tendinopathy") & heel_below_step == set()
