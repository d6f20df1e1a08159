"""The guide's warnings agree with each other: what one page escalates, no page plays down, and
every routine carries the cautions its exercises and its own notes call for."""

from __future__ import annotations

import re

import pytest

from generator.guide import Guide
from generator.model import ProblemArea, Routine

HIGH_RISK_SITES = ("navicular", "front of the shin", "fifth metatarsal", "sesamoid", "femoral neck")
"""Stress fracture sites that heal slowly and can break fully, so they need a doctor within days."""

ASKLING_EXERCISES = {"askling-extender", "askling-diver", "askling-glider"}
ASKLING_TRIALS = {"askling-2013-hamstring-rehab", "askling-2014-hamstring-sprinters"}


@pytest.fixture(scope="module")
def guide(published_guide: Guide) -> Guide:
    return published_guide


def flags_in(area: ProblemArea, *tiers: str) -> list[str]:
    return [flag for tier in tiers for flag in getattr(area.red_flags, tier)]


def routine_text(routine: Routine) -> str:
    """Everything a runner reads on a routine page besides the exercise pages."""
    parts = [routine.goal, *routine.notes]
    parts += [text for item in routine.items for text in (item.note, item.progress) if text]
    return " ".join(parts).lower()


def test_hop_self_tests_are_skipped_when_one_spot_on_a_bone_is_tender(guide: Guide) -> None:
    unguarded = [
        key
        for key, area in guide.problem_areas.items()
        if area.self_test
        and "hop" in " ".join(area.self_test.steps).lower()
        and not all(word in " ".join(area.self_test.steps).lower() for word in ("tender", "spot"))
    ]
    assert unguarded == []


def test_a_gap_felt_in_the_achilles_is_urgent_on_every_page(guide: Guide) -> None:
    played_down = [
        (key, flag)
        for key, area in guide.problem_areas.items()
        for flag in flags_in(area, "soon", "see_a_physio_if")
        if "gap" in flag.lower() and ("tendon" in flag.lower() or "achilles" in flag.lower())
    ]
    assert played_down == []
    for key in ("calf-achilles", "achilles-tendinopathy", "calf-strain", "ankle-sprain"):
        urgent = " ".join(flags_in(guide.problem_areas[key], "urgent")).lower()
        assert "gap" in urgent, key


def test_pages_that_are_easily_confused_link_each_other(guide: Guide) -> None:
    one_way = [
        (key, other)
        for key, area in guide.problem_areas.items()
        for other in area.related
        if key not in guide.problem_areas[other].related
    ]
    assert one_way == []
    assert "achilles-tendinopathy" in guide.problem_areas["calf-achilles"].related
    assert "ankle-instability" in guide.problem_areas["ankle-sprain"].related


def test_high_risk_stress_fracture_sites_send_the_runner_to_a_doctor_within_days(
    guide: Guide,
) -> None:
    bone = " ".join(flags_in(guide.problem_areas["bone-stress-injury"], "urgent", "soon")).lower()
    assert [site for site in HIGH_RISK_SITES if site not in bone] == []
    too_mild = [
        (key, flag)
        for key, area in guide.problem_areas.items()
        for tier in ("soon", "see_a_physio_if")
        for flag in flags_in(area, tier)
        if any(site in flag.lower() for site in HIGH_RISK_SITES)
        and (
            tier == "see_a_physio_if"
            or "weight-bearing" not in flag.lower()
            or "within days" not in flag.lower()
        )
    ]
    assert too_mild == []


def heel_drop_exercises(guide: Guide) -> set[str]:
    """Exercises whose own steps lower the heel below the level of a step."""
    return {
        key
        for key, exercise in guide.exercises.items()
        if any("below the step" in step.lower() for step in exercise.steps)
    }


def test_exercises_that_drop_the_heel_below_a_step_warn_about_pain_at_the_heel_bone(
    guide: Guide,
) -> None:
    droppers = heel_drop_exercises(guide)
    assert {"calf-raise", "single-leg-calf-raise"} <= droppers
    silent = [
        key
        for key in sorted(droppers)
        if not any("heel bone" in note.lower() for note in guide.exercises[key].safety)
    ]
    assert silent == []


def test_routines_that_drop_the_heel_below_a_step_warn_about_pain_at_the_heel_bone(
    guide: Guide,
) -> None:
    droppers = heel_drop_exercises(guide)
    silent = [
        key
        for key, routine in guide.routines.items()
        if {item.exercise for item in routine.items} & droppers
        and "heel bone" not in routine_text(routine)
    ]
    assert silent == []


def test_the_single_leg_calf_raise_carries_every_caution_of_the_calf_raise(guide: Guide) -> None:
    two_legs = " ".join(guide.exercises["calf-raise"].safety).lower()
    one_leg = " ".join(guide.exercises["single-leg-calf-raise"].safety).lower()
    for topic in ("sore achilles", "below the step", "heel bone"):
        assert topic not in two_legs or topic in one_leg, topic


def is_readiness_gate(note: str | None) -> bool:
    """A note that says when the runner is ready: only once something is pain-free."""
    text = (note or "").lower()
    return "only" in text and ("pain-free" in text or "symptoms" in text)


def test_hops_in_a_problem_routine_come_with_a_readiness_note(guide: Guide) -> None:
    ungated = [
        (key, item.exercise)
        for key, routine in guide.routines.items()
        if routine.problem_areas
        for item in routine.items
        if guide.exercises[item.exercise].pattern == "plyometric"
        and not is_readiness_gate(item.note)
    ]
    assert ungated == []
    hops = guide.routines["ankle-instability-15-minutes"].items[-1]
    assert hops.exercise == "single-leg-hops" and is_readiness_gate(hops.note)


LEAVE_JUMPS_OUT = re.compile(r"leave (the )?jumps out|without jumps|no jumps")


def test_a_routine_that_says_to_leave_jumps_out_lists_no_jumps(guide: Guide) -> None:
    contradicting = [
        (key, item.exercise)
        for key, routine in guide.routines.items()
        if any(LEAVE_JUMPS_OUT.search(note.lower()) for note in routine.notes)
        for item in routine.items
        if guide.exercises[item.exercise].pattern == "plyometric"
    ]
    assert contradicting == []
    circuit = guide.routines["general-strength-circuit"]
    assert guide.exercises[circuit.items[0].exercise].pattern != "plyometric"


def test_routines_that_cite_askling_use_the_askling_exercises(guide: Guide) -> None:
    citing = {
        key
        for key, routine in guide.routines.items()
        if {citation.source for citation in routine.sources} & ASKLING_TRIALS
    }
    assert citing
    without = [
        key
        for key in sorted(citing)
        if not {item.exercise for item in guide.routines[key].items} & ASKLING_EXERCISES
    ]
    assert without == []


def test_the_first_hamstring_strain_stage_leaves_out_curls(guide: Guide) -> None:
    first = guide.routines[guide.problem_areas["hamstring-strain"].starter_routine]
    curls = {
        key for key, exercise in guide.exercises.items() if exercise.pattern == "hamstring-curl"
    }
    assert {"hamstring-slider-curl", "nordic-curl"} <= curls
    assert {item.exercise for item in first.items} & curls == set()


def test_the_new_problem_pages_carry_the_warning_signs_a_physiotherapist_expects(
    guide: Guide,
) -> None:
    def urgent(key: str) -> str:
        return " ".join(flags_in(guide.problem_areas[key], "urgent")).lower()

    def soon(key: str) -> str:
        return " ".join(flags_in(guide.problem_areas[key], "soon")).lower()

    assert "ottawa" in urgent("ankle-sprain") and "achilles" in urgent("ankle-sprain")
    assert "high-ankle" in soon("ankle-sprain")
    assert "femoral neck" in urgent("groin-pain") and "impingement" in soon("groin-pain")
    assert "achilles rupture" in urgent("calf-strain") and "clot" in urgent("calf-strain")
    assert "prolapse" in soon("postnatal-running")
    physio = " ".join(guide.problem_areas["postnatal-running"].red_flags.see_a_physio_if)
    assert "pelvic health physiotherapist" in physio
