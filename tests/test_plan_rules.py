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
        "plan/rules.yml:32:17: unknown source 'example-2020-hipz' "
        "(did you mean 'example-2020-hips'?)"
    ]


def test_rule_naming_an_unknown_kind_is_reported(planned: Path, edit: Edit) -> None:
    edit("plan/rules.yml", "    kinds: [prehab]", "    kinds: [prehap]")
    assert lines(planned) == [
        "plan/rules.yml:29:13: unknown routine kind 'prehap' (did you mean 'prehab'?)"
    ]


def test_routine_without_a_kind_is_reported_in_the_rules_where_it_is_fixed(
    planned: Path, edit: Edit
) -> None:
    kinds = "    default: hip-basics\n    routines: [hip-basics]"
    edit("plan/rules.yml", kinds, "    routines: [x]")
    assert lines(planned) == [
        "plan/rules.yml:19:3: routine 'hip-basics' (hip-basics.yml) has no kind in the "
        "plan builder",
        "plan/rules.yml:23:16: unknown routine 'x'",
    ]


def test_rule_that_constrains_nothing_is_refused(planned: Path, edit: Edit) -> None:
    edit("plan/rules.yml", "    slots: [after-easy, after-hard, rest-day]\n", "")
    [problem] = lines(planned)
    assert problem.startswith("plan/rules.yml:28:5: rules.light-work-after-runs: a rule needs")


def test_routine_that_could_never_be_placed_is_reported(planned: Path, edit: Edit) -> None:
    edit("plan/rules.yml", "slots: [after-easy, after-hard, rest-day]", "slots: [before-easy]")
    assert lines(planned) == [
        "plan/rules.yml:30:12: routine 'hip-basics' (when: post-run) can never be placed: "
        "rule 'light-work-after-runs' leaves no slot its page allows"
    ]


def _plan_data(pages: Mapping[str, Page]) -> dict[str, Any]:
    """The data file the plan page names for its script to fetch, as that script gets it."""
    found = re.search(r'<div class="plan" data-plan data-plan-data="([^"]+)">', pages[PLAN].text)
    assert found, "the plan page names its data file"
    data: dict[str, Any] = json.loads(pages[posixpath.join("plan", found.group(1))].text)
    return data


def test_plan_page_uses_the_computed_minutes_not_the_stated_ones(planned: Path) -> None:
    pages, _, _ = build_pages(planned)
    routines = _plan_data(pages)["routines"]
    assert isinstance(routines, dict)
    # Clamshell 2 × 15 × 3 s × 2 sides + 20 s rest + 2 side switches + setup = 225 s;
    # bridge 2 × 30 s + 20 s rest + setup = 95 s; 320 s is 5 minutes, not the stated 8.
    assert routines["hip-basics"]["minutes"] == 5
    assert routines["hip-basics"]["kind"] == "prehab"


def test_plan_page_lists_the_problem_pages_red_flags_and_each_rules_sources(
    planned: Path,
) -> None:
    pages, _, _ = build_pages(planned)
    text = pages[PLAN].text
    flags = _plan_data(pages)["problem_areas"]["weak-hips"]["urgent"]
    assert "Groin pain that is worse when you hop." in flags
    assert "None of these apply to me" in text
    assert "Short routines go after a run." in text
    assert "Example 2020: A fixture claim." in text


def test_plan_data_is_published_as_open_data_with_its_license(planned: Path) -> None:
    pages, _, _ = build_pages(planned)
    published = json.loads(pages["data/plan.json"].text)
    assert published["license"]["name"] == "CC BY-SA 4.0"
    assert published["routines"]["hip-basics"]["href"] == "routines/hip-basics/"
    assert published["rules"]["light-work-after-runs"]["kinds"] == ["prehab"]


def test_routine_given_two_kinds_is_reported(planned: Path, edit: Edit) -> None:
    second = "  warm-up:\n    name: Warm-up\n    summary: Moves.\n    fatiguing: false\n"
    second += "    routines: [hip-basics]\npriorities:"
    edit("plan/rules.yml", "priorities:", second)
    assert lines(planned) == [
        "plan/rules.yml:29:16: routine 'hip-basics' is already of kind 'prehab'"
    ]


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
