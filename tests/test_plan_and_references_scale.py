"""The plan builder and the References page stay small as the library grows: a guide three
times the real one (the benchmark's synthetic copies) gives the same plan page, bar one
choice per extra problem area, and a References page that counts citing pages past eight."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import markupsafe
import pytest

from benchmarks.synthesize import synthesize
from generator.guide import Guide
from generator.pipeline import check, rendered
from generator.render import Page

REAL = len(list(Path(__file__).parent.parent.joinpath("content", "exercises").glob("*.yml")))
PROBLEM_CHOICE = re.compile(r'^<label><input type="checkbox" name="problem".*$')


@dataclass(frozen=True)
class Synthetic:
    guide: Guide
    pages: dict[str, Page]


@pytest.fixture(scope="module")
def guides(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Synthetic]:
    """A one-copy and a three-copy synthetic guide, checked and rendered."""
    built = {}
    for copies in (1, 3):
        tree = tmp_path_factory.mktemp(f"guide-{copies}")
        synthesize(tree, REAL * copies)
        guide, problems = check(tree / "content")
        assert guide is not None, problems
        built[copies] = Synthetic(guide, rendered(guide).pages)
    return built


def _without_problem_choices(page: str) -> list[str]:
    return [line for line in page.splitlines() if not PROBLEM_CHOICE.match(line)]


def test_plan_page_grows_only_by_one_short_choice_per_problem_area(
    guides: dict[int, Synthetic],
) -> None:
    small, large = guides[1].pages["plan/index.md"].text, guides[3].pages["plan/index.md"].text
    small_data = json.loads(guides[1].pages["plan/data.json"].text)
    large_data = json.loads(guides[3].pages["plan/data.json"].text)
    assert len(large_data["routines"]) >= 2 * len(small_data["routines"])
    assert len(large_data["problem_areas"]) >= 2 * len(small_data["problem_areas"])
    assert _without_problem_choices(large) == _without_problem_choices(small)
    choices = [line for line in large.splitlines() if PROBLEM_CHOICE.match(line)]
    assert len(choices) == len(large_data["problem_areas"])
    assert max(len(line) for line in choices) < 140
    routine = next(iter(large_data["routines"].values()))
    assert routine["name"] not in large, "routines live in the data file, not the page"
    [flag, *_] = next(iter(large_data["problem_areas"].values()))["red_flags"]["urgent"]
    assert flag not in large, "red flags live in the data file, not the page"


def _citing_pages(guide: Guide, source: str) -> int:
    """Pages whose own sources include ``source``: entries, hand-written guides, the planner."""
    entries = [*guide.problem_areas.values(), *guide.exercises.values(), *guide.routines.values()]
    cited = [entry.sources for entry in entries] + [p.sources for p in guide.cited_pages.values()]
    if guide.plan is not None:
        plan = [c for rule in guide.plan.rules.values() for c in rule.sources]
        cited.append(plan + guide.plan.progression.sources)
    return sum(any(c.source == source for c in citations) for citations in cited)


def test_references_page_names_eight_citing_pages_and_counts_the_rest(
    guides: dict[int, Synthetic],
) -> None:
    large = guides[3]
    page = large.pages["references.md"].text
    entries = re.split(r"\n\n\d+\. ", page)[1:]
    assert len(entries) == len(large.guide.publications)
    counted = 0
    for key, source in large.guide.publications.items():
        title = str(markupsafe.escape(source.title))
        [entry] = [e for e in entries if title in e.split("\n")[0]]
        found = re.search(r"Cited on: (.*)$", entry, re.MULTILINE)
        total = _citing_pages(large.guide, key)
        if found is None:
            assert total == 0 and "Not cited on a page yet." in entry
            continue
        named = found.group(1).count("](")
        more = re.search(r" and (\d+) more pages?$", found.group(1))
        assert named == min(8, total), key
        assert (int(more.group(1)) if more else 0) == total - named, key
        counted += more is not None
    assert counted, "some source is cited on more than eight pages"
    assert len(page) < 1.5 * len(guides[1].pages["references.md"].text)
