"""A draft may leave out what its source lacks, is marked on its page, ranks last and never
reaches a routine or a problem-area page."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.finder import INDEX_PATH
from generator.pipeline import build_pages, check
from generator.render.urls import FINDER_PAGE

Edit = Callable[[str, str, str], None]

DRAFT = """status: draft
name: Wall sit
pattern: squat
muscles:
  primary: [quadriceps]
  secondary: [gluteus-maximus]
level: beginner
force: static
mechanic: isolation
origin:
  dataset: free-exercise-db
  id: Wall_Sit
  url: https://github.com/yuhonas/free-exercise-db
  license: The Unlicense (public domain dedication)
  images: [Wall_Sit/0.jpg]
  instructions:
    - Lean on a wall and slide down.
    - Hold the position.
"""


@pytest.fixture
def with_draft(content: Path) -> Path:
    (content / "exercises" / "wall-sit.yml").write_text(DRAFT, encoding="utf-8")
    return content


def _problems(content: Path, reviewed_only: bool = False) -> list[str]:
    _, problems = check(content, reviewed_only=reviewed_only)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}"
        for p in problems
    ]


def _pages(content: Path) -> dict[str, str]:
    rendered, _, problems = build_pages(content)
    assert problems == []
    return {path: page.text for path, page in rendered.items()}


def test_a_draft_without_summary_steps_safety_sources_or_dose_passes(with_draft: Path) -> None:
    assert _problems(with_draft) == []


def test_a_reviewed_exercise_still_needs_every_field(content: Path, edit: Edit) -> None:
    edit("exercises/clamshell.yml", "summary: Open the top knee while lying on your side.\n", "")
    assert _problems(content) == ["exercises/clamshell.yml:1:1: missing required key 'summary'"]


def test_reviewed_only_refuses_the_draft_and_lists_what_is_missing(with_draft: Path) -> None:
    found = _problems(with_draft, reviewed_only=True)
    assert "exercises/wall-sit.yml:1:1: this exercise is still a draft" in found
    for key in (
        "summary",
        "caption",
        "equipment",
        "one_sided",
        "dosage",
        "fits",
        "steps",
        "cues",
        "safety",
    ):
        assert f"exercises/wall-sit.yml:1:1: missing required key '{key}'" in found
    assert len(found) == 1 + 10


def test_reviewed_only_is_a_command_line_flag(guide_dir: Path, with_draft: Path) -> None:
    runner = CliRunner()
    content = str(guide_dir / "content")
    assert runner.invoke(main, ["check", "--content", content]).exit_code == 0
    strict = runner.invoke(main, ["check", "--content", content, "--reviewed-only"])
    assert strict.exit_code == 1
    assert "this exercise is still a draft" in strict.output


def test_a_routine_cannot_use_a_draft(with_draft: Path, edit: Edit) -> None:
    edit("routines/hip-basics.yml", "exercise: bridge,", "exercise: wall-sit,")
    assert _problems(with_draft) == [
        "routines/hip-basics.yml:9:16: 'wall-sit' is a draft and cannot be part of a routine"
    ]


def test_a_draft_cannot_appear_on_a_problem_area_page(with_draft: Path) -> None:
    draft = with_draft / "exercises" / "wall-sit.yml"
    draft.write_text(
        DRAFT.replace("pattern: squat\n", "pattern: squat\nproblem_areas: [weak-hips]\n")
    )
    assert (
        "exercises/wall-sit.yml:4:16: a draft cannot be listed on problem-area pages"
        in _problems(with_draft)
    )


def test_a_draft_page_shows_the_notice_and_quotes_its_source_with_credit(
    with_draft: Path,
) -> None:
    page = _pages(with_draft)["exercises/wall-sit.md"]
    assert '!!! warning "Not yet reviewed"' in page
    assert page.index("Not yet reviewed") < page.index("## Muscles worked")
    assert "## Instructions from free-exercise-db" in page
    assert "> 1. Lean on a wall and slide down." in page
    assert "> 2. Hold the position." in page
    assert (
        "Quoted as published by [free-exercise-db](https://github.com/yuhonas/free-exercise-db), "
        "under The Unlicense (public domain dedication)."
    ) in page
    assert "## How to do it" not in page
    assert "- **Force:** Static hold" in page
    assert "- **Mechanic:** Isolation (one joint)" in page


def test_a_draft_with_a_caption_gives_it_before_its_steps(with_draft: Path) -> None:
    caption = "Leaning your back on a wall with knees bent, you hold still."
    draft = with_draft / "exercises" / "wall-sit.yml"
    draft.write_text(f"{DRAFT}caption: {caption}\n", encoding="utf-8")
    page = _pages(with_draft)["exercises/wall-sit.md"]
    assert page.index("## How to do it") < page.index(caption) < page.index("## Instructions")


def test_a_draft_ranks_below_reviewed_pages_in_search(with_draft: Path) -> None:
    rendered = _pages(with_draft)
    assert "search:\n  boost: 0.25\n" in rendered["exercises/wall-sit.md"]
    assert "search:\n  boost: 2\n" in rendered["exercises/bridge.md"]


def test_the_finder_lists_drafts_after_every_reviewed_exercise(with_draft: Path) -> None:
    # 'wall-sit' sorts after the reviewed ids anyway; an id sorting first proves the order.
    (with_draft / "exercises" / "aa-wall-sit.yml").write_text(
        DRAFT.replace("Wall sit", "Early draft"), encoding="utf-8"
    )
    finder = json.loads(_pages(with_draft)[INDEX_PATH])
    # Each entry ends with the draft flag, then whether the exercise has a still.
    listed = [(entry[0], entry[-2]) for entry in finder["exercises"]]
    assert listed == [
        ("bridge", 0),
        ("clamshell", 0),
        ("single-leg-bridge", 0),
        ("aa-wall-sit", 1),
        ("wall-sit", 1),
    ]


def test_drafts_stay_off_pattern_and_muscle_pages_and_get_their_own_list(
    with_draft: Path,
) -> None:
    rendered = _pages(with_draft)
    assert "wall-sit" not in rendered["patterns/squat.md"]
    assert "wall-sit" not in rendered["muscles/quadriceps.md"]
    assert "wall-sit" not in rendered["exercises/index.md"]
    assert "[Wall sit](exercises/wall-sit.md)" in rendered["drafts.md"]


def test_a_guide_without_drafts_has_no_drafts_page(content: Path) -> None:
    assert "drafts.md" not in _pages(content)


def test_published_open_data_holds_reviewed_exercises_only(with_draft: Path) -> None:
    data = json.loads(_pages(with_draft)["data/exercises.json"])
    assert sorted(data["exercises"]) == ["bridge", "clamshell", "single-leg-bridge"]


def test_the_exercise_index_counts_reviewed_ones_and_points_to_the_drafts(
    with_draft: Path,
) -> None:
    index = _pages(with_draft)["exercises/index.md"]
    assert "All 3 exercises" in index
    assert "[Drafts not yet reviewed](../drafts.md) (1) are listed on a page of their own" in index


def test_adding_a_draft_leaves_every_reviewed_page_as_it_was(content: Path) -> None:
    before = _pages(content)
    (content / "exercises" / "wall-sit.yml").write_text(DRAFT, encoding="utf-8")
    after = _pages(content)
    changed = sorted(path for path in before if before[path] != after[path])
    # The finder's data lists the draft and its page counts it; listings point to drafts.md.
    expected = ["exercises/index.md", INDEX_PATH, FINDER_PAGE, "patterns/squat.md"]
    assert changed == sorted(expected)
    assert set(after) - set(before) == {"drafts.md", "exercises/wall-sit.md"}


def test_a_draft_page_shows_what_its_name_suggests_for_the_reviewer(
    with_draft: Path, edit: Edit
) -> None:
    edit("exercises/wall-sit.yml", "pattern: squat\n", "")
    edit(
        "exercises/wall-sit.yml",
        "  instructions:",
        "  suggested:\n    pattern: [squat]\n    equipment: [band]\n  instructions:",
    )
    page = _pages(with_draft)["exercises/wall-sit.md"]
    assert (
        "- **Pattern:** not yet sorted; its name suggests [Squat](../patterns/squat.md), "
        "for a reviewer to confirm"
    ) in page
    assert "- **Equipment:** not given; its name suggests [Resistance band]" in page


def test_a_suggestion_naming_an_unknown_id_is_reported(with_draft: Path, edit: Edit) -> None:
    edit(
        "exercises/wall-sit.yml",
        "  instructions:",
        "  suggested:\n    pattern: [squats]\n  instructions:",
    )
    assert _problems(with_draft) == [
        "exercises/wall-sit.yml:17:15: unknown pattern 'squats' (did you mean 'squat'?)"
    ]
