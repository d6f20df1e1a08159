"""What a physiotherapist-and-science-editor review found wrong stays fixed: warning signs a
clinician expects, tests that do not claim more than they show, honest evidence labels, and
no passage that echoes the articles the guide learned from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from generator.guide import Guide
from generator.model import ProblemArea
from generator.pipeline import build_pages, check

GROWING = {"young-runners"}
"""Pages written for runners who are still growing: their self-tests need no adult note."""


@pytest.fixture(scope="module")
def guide() -> Guide:
    loaded, problems = check(REPO / "content")
    assert problems == []
    assert loaded is not None
    return loaded


def warning_signs(area: ProblemArea) -> str:
    tiers = area.red_flags
    return " ".join([*tiers.urgent, *tiers.soon]).lower()


def test_every_self_test_outside_the_young_runners_page_is_marked_for_adults(
    guide: Guide,
) -> None:
    unmarked = [
        key
        for key, area in guide.problem_areas.items()
        if area.self_test is not None and key not in GROWING and not area.self_test.adult_only
    ]
    assert unmarked == []
    assert sum(area.self_test is not None for area in guide.problem_areas.values()) >= 14


def test_a_self_test_for_adults_tells_growing_runners_so_on_its_page(content: Path) -> None:
    path = content / "problem-areas" / "weak-hips.yml"
    path.write_text(
        path.read_text(encoding="utf-8") + "self_test:\n  name: Hop and look\n  adult_only: true\n"
        "  steps: [Hop on one leg in front of a mirror.]\n  pass_when: the hips stay level.\n",
        encoding="utf-8",
    )
    rendered, _, problems = build_pages(content)
    assert problems == []
    page = rendered["problem-areas/weak-hips.md"].text
    test_section = page[page.index("## Self-test: Hop and look") :]
    assert '!!! info "For adults only"' in test_section
    assert test_section.index("For adults only") < test_section.index("Hop on one leg")
    # The fixture has no page for young runners, so the note must not link to one.
    assert "young-runners.md" not in test_section


def test_the_bone_page_names_the_triad_disordered_eating_and_the_signs_in_men(
    guide: Guide,
) -> None:
    signs = warning_signs(guide.problem_areas["bone-stress-injury"])
    assert "female athlete triad" in signs
    assert "disordered eating" in signs
    assert "in men" in signs


def test_the_low_back_page_warns_about_teenagers_new_pain_after_50_and_steroids(
    guide: Guide,
) -> None:
    signs = warning_signs(guide.problem_areas["low-back"])
    assert "teenager" in signs and "arching backwards" in signs
    assert "after the age of 50" in signs
    assert "steroid" in signs


def test_the_plantar_heel_page_warns_about_a_pop_in_the_arch_and_heel_pain_in_children(
    guide: Guide,
) -> None:
    signs = warning_signs(guide.problem_areas["plantar-heel-pain"])
    assert "pop" in signs and "arch" in signs
    assert "child" in signs


def test_the_runners_knee_self_test_does_not_claim_to_find_the_cause(guide: Guide) -> None:
    test = guide.problem_areas["runners-knee"].self_test
    assert test is not None
    verdict = test.pass_when.lower()
    assert "points to" not in verdict
    assert "does not show what causes" in verdict


OVERSTATED = ("main fix", "the fix", "cures", "the answer")


def test_no_summary_promises_a_fix_its_own_evidence_does_not_back(guide: Guide) -> None:
    promising = [
        key
        for key, area in guide.problem_areas.items()
        if any(word in area.summary.lower() for word in OVERSTATED)
    ]
    assert promising == []


BORROWED = (
    "gold standard",
    "no hip drop, no cramp",
    "one or two pulls",
    "hips square, glutes squeezed",
    "start with 6 to 8 pulls",
)
"""Phrases of the source articles the guide was first drafted from; our wording must differ."""


def content_text() -> str:
    files = [*REPO.glob("content/**/*.yml"), *REPO.glob("content/**/*.md")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files).lower()


def test_no_page_repeats_the_wording_of_the_articles_the_guide_learned_from() -> None:
    text = content_text()
    assert [phrase for phrase in BORROWED if phrase in text] == []


def test_the_hamstring_ladder_credits_coaches_for_the_idea(guide: Guide) -> None:
    notes = " ".join(guide.routines["hamstring-ladder"].notes).lower()
    assert "coaches" in notes and "coaching practice" in notes


CONSENSUS_TITLE = re.compile(r"consensus|position statement|agreement", re.IGNORECASE)


def test_only_agreed_statements_are_shown_as_clinical_consensus(guide: Guide) -> None:
    """A review or commentary by a few authors is an expert review, not a consensus."""
    mislabelled = [
        key
        for key, source in guide.publications.items()
        if source.kind == "expert-consensus" and not CONSENSUS_TITLE.search(source.title)
    ]
    assert mislabelled == []
    reviews = [s for s in guide.publications.values() if s.kind == "narrative-review"]
    assert len(reviews) >= 10
    assert {s.evidence for s in reviews} == {"expert-review"}


def test_the_new_problem_areas_carry_the_warning_signs_their_conditions_need(
    guide: Guide,
) -> None:
    expected = {
        "young-runners": ("growth plate", "stress fracture"),
        "masters-runners": ("chest pain", "osteoporosis", "blood clot"),
        "forefoot-pain": ("metatarsal stress fracture", "fifth metatarsal", "sesamoid"),
        "ankle-tendon-pain": ("navicular", "fifth metatarsal", "torn"),
    }
    missing = {
        key: [sign for sign in signs if sign not in warning_signs(guide.problem_areas[key])]
        for key, signs in expected.items()
    }
    assert missing == {key: [] for key in expected}


def test_the_young_runners_page_says_strength_training_is_safe_when_supervised(
    guide: Guide,
) -> None:
    area = guide.problem_areas["young-runners"]
    why = " ".join(area.why_strength_helps).lower()
    assert "supervised" in why
    assert "set for adults" in why
    assert area.self_test is None or not area.self_test.adult_only
