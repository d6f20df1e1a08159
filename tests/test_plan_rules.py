"""The plan builder's rules file is checked like any content: located errors with a fix."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import build_pages, check
from generator.render import Page

FIXTURE = Path(__file__).parent / "fixtures" / "plan"
PLAN = "plan/index.md"
Edit = Callable[[str, str, str], None]


@pytest.fixture
def planned(content: Path) -> Path:
    """The minimal guide plus a small rules file citing one of its sources."""
    shutil.copytree(FIXTURE / "plan", content / "plan")
    return content


def lines(content: Path) -> list[str]:
    _, problems = check(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}"
        for p in problems
    ]


def test_a_guide_with_rules_gets_a_plan_page(planned: Path) -> None:
    pages, _, problems = build_pages(planned)
    assert problems == []
    assert "plan/index.md" in pages


def test_a_guide_without_rules_has_no_plan_page(content: Path) -> None:
    pages, _, problems = build_pages(content)
    assert problems == []
    assert "plan/index.md" not in pages


def test_rule_citing_a_missing_source_is_reported_with_a_suggestion(
    planned: Path, edit: Edit
) -> None:
    edit("plan/rules.yml", "- source: example-2020-hips", "- source: example-2020-hipz")
    assert lines(planned) == [
        "plan/rules.yml:36:17: unknown source 'example-2020-hipz' "
        "(did you mean 'example-2020-hips'?)"
    ]


def test_block_naming_an_unknown_pattern_is_reported_with_a_suggestion(
    planned: Path, edit: Edit
) -> None:
    edit("plan/rules.yml", "    a: [hinge]", "    a: [hinje]")
    assert lines(planned) == [
        "plan/rules.yml:21:9: unknown pattern 'hinje' (did you mean 'hinge'?)"
    ]


def test_block_without_an_exercise_for_strength_days_is_reported(planned: Path, edit: Edit) -> None:
    edit("plan/rules.yml", "    b: [hinge]", "    b: [prehab]")
    assert lines(planned) == ["plan/rules.yml:22:8: block 'main' offers no exercise for session B"]


def test_priority_naming_an_unknown_block_is_reported(planned: Path, edit: Edit) -> None:
    edit("plan/rules.yml", "priority: [main, problem-area]", "priority: [mian, problem-area]")
    assert lines(planned) == ["plan/rules.yml:23:12: unknown block 'mian' (did you mean 'main'?)"]


def test_rule_that_constrains_nothing_is_refused(planned: Path, edit: Edit) -> None:
    edit("plan/rules.yml", "    max_per_day: 1\n", "")
    [problem] = lines(planned)
    assert problem.startswith("plan/rules.yml:39:5: rules.one-session-a-day: a rule needs")


def test_rule_claiming_research_without_sources_is_refused(planned: Path, edit: Edit) -> None:
    edit(
        "plan/rules.yml",
        "    max_per_day: 1\n    evidence: coaching practice",
        "    max_per_day: 1\n    evidence: research",
    )
    [problem] = lines(planned)
    assert "a rule backed by research names its sources" in problem


def _plan_data(pages: Mapping[str, Page]) -> dict[str, Any]:
    """The data file the plan page names for its script to fetch, as that script gets it."""
    found = re.search(r'<div class="plan" data-plan data-plan-data="([^"]+)">', pages[PLAN].text)
    assert found, "the plan page names its data file"
    data: dict[str, Any] = json.loads(pages[posixpath.join("plan", found.group(1))].text)
    return data


def test_plan_data_times_each_set_count_with_the_guides_one_duration(planned: Path) -> None:
    pages, _, _ = build_pages(planned)
    bridge = _plan_data(pages)["exercises"]["single-leg-bridge"]
    # One-sided 20 s holds, 30 s rest: each set is 2 × 20 s plus a 5 s side switch, with 30 s
    # rest between sets and 15 s to set up: 60, 135 and 210 s for 1, 2 and 3 sets.
    assert bridge["doses"]["base"]["seconds"] == [60, 135, 210]
    # The build phase adds a set; the lighter week keeps half of the base sets, rounded up.
    assert bridge["doses"]["build"]["seconds"] == [60, 135, 210, 285]
    assert bridge["doses"]["lighter"]["sets"] == 2


def test_plan_data_holds_every_red_flag_tier_of_the_problem_page(planned: Path) -> None:
    pages, _, _ = build_pages(planned)
    text = pages[PLAN].text
    area = _plan_data(pages)["problem_areas"]["weak-hips"]
    assert "Groin pain that is worse when you hop." in area["red_flags"]["urgent"]
    assert area["red_flags"]["see_a_physio_if"]
    assert area["clearance"] is None
    assert area["early"] == ["hip-basics"]
    assert "none of the first two lists applies to me" in text
    assert "No session the day before a hard run." in text
    assert "Example 2020: A fixture claim." in text
    assert "Coaching practice: no study tests this rule directly." in text


def test_a_problem_area_can_ask_for_clearance_before_running(planned: Path, edit: Edit) -> None:
    edit(
        "problem-areas/weak-hips.yml",
        "starter_routine: hip-basics",
        "starter_routine: hip-basics\nclearance_before_running: A fixture reason.",
    )
    pages, _, problems = build_pages(planned)
    assert problems == []
    assert _plan_data(pages)["problem_areas"]["weak-hips"]["clearance"] == "A fixture reason."


def test_plan_data_is_published_as_open_data_with_its_license_and_schema(planned: Path) -> None:
    pages, _, _ = build_pages(planned)
    published = json.loads(pages["data/plan.json"].text)
    assert published["license"]["name"] == "CC BY-SA 4.0"
    assert published["routines"]["hip-basics"]["href"] == "routines/hip-basics/"
    assert published["rules"]["one-session-a-day"]["max_per_day"] == 1
    schema = json.loads(pages["data/plan.schema.json"].text)
    assert set(schema["properties"]) == set(published) - {"license", "notice", "version", "date"}


def test_references_page_lists_the_planner_among_the_pages_citing_a_source(
    planned: Path,
) -> None:
    pages, _, _ = build_pages(planned)
    references = pages["references.md"].text
    cited_source = references[references.index("Hip strengthening for runners") :]
    cited_on = next(line for line in cited_source.splitlines() if "Cited on:" in line)
    assert cited_on.endswith("[My running week](plan/index.md)")
    uncited = references[references.index("How I teach the bridge") :]
    assert "My running week" not in uncited.split("\n\n")[1]
