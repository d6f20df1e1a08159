"""The finder and the problem pages agree with the routines, and 'no equipment' means a home."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema

from generator.finder import FinderIndex
from generator.pipeline import build_pages

Edit = Callable[[str, str, str], None]


def rendered(content: Path) -> dict[str, str]:
    pages, _, problems = build_pages(content)
    assert problems == []
    return {path: page.text for path, page in pages.items()}


def finder_index(content: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(rendered(content)["finder/index.json"])
    return data


def test_an_exercise_in_a_problems_routine_is_listed_under_that_problem(content: Path) -> None:
    pages = rendered(content)
    data = json.loads(pages["finder/index.json"])
    weak_hips = data["values"]["problem-areas"].index("weak-hips")
    for name in ("bridge", "clamshell"):  # both are in the weak-hips routine
        [entry] = [entry for entry in data["exercises"] if entry[0] == name]
        assert weak_hips in entry[3]
        assert f"(../exercises/{name}.md)" in pages["problem-areas/weak-hips.md"]


def test_a_problem_missing_from_a_routine_exercise_is_refused(content: Path, edit: Edit) -> None:
    edit("exercises/bridge.yml", "problem_areas: [weak-hips]", "problem_areas: []")
    _, _, problems = build_pages(content)
    assert any("exercises/bridge.yml" in str(p.path) and "weak-hips" in p.message for p in problems)


def test_the_finder_says_what_no_equipment_counts(content: Path, edit: Edit) -> None:
    edit(
        "taxonomy/equipment.yml",
        "  summary: Nothing needed.",
        "  summary: Nothing needed.\n  household: true",
    )
    finder = rendered(content)["finder/index.md"]
    assert '<option value="none">No equipment</option>' in finder
    assert "without buying anything: bodyweight." in finder
    data = finder_index(content)
    assert data["household"] == [data["values"]["equipment"].index("bodyweight")]  # type: ignore[index]


def test_finder_page_carries_the_form_but_not_the_list(content: Path) -> None:
    finder = rendered(content)["finder/index.md"]
    assert 'data-finder-index="index.json"' in finder
    assert "Single-leg bridge" not in finder
    assert "exclude: true" in finder.split("---")[1]


def test_finder_index_holds_exercises_and_routines_with_links_from_the_finder(
    content: Path,
) -> None:
    data = finder_index(content)
    assert [entry[0] for entry in data["exercises"]] == ["bridge", "clamshell", "single-leg-bridge"]  # type: ignore[union-attr]
    assert [entry[0] for entry in data["routines"]] == ["hip-basics"]  # type: ignore[union-attr]
    assert data["urls"] == {
        "exercises": "../exercises/{id}/",
        "routines": "../routines/{id}/",
        "stills": "../exercises/{id}.svg",
    }


def test_finder_index_marks_the_exercises_that_have_a_still(content: Path) -> None:
    data = finder_index(content)
    has_still = {entry[0]: entry[-1] for entry in data["exercises"]}  # type: ignore[union-attr]
    assert has_still == {"bridge": 1, "clamshell": 0, "single-leg-bridge": 0}


def _schema_errors(index: object) -> list[str]:
    validator = jsonschema.Draft202012Validator(FinderIndex.model_json_schema(by_alias=True))
    return [error.message for error in validator.iter_errors(index)]


DRAFT_WITHOUT_PATTERN = """status: draft
name: Wall sit
muscles:
  primary: [quadriceps]
level: beginner
"""


def test_the_written_finder_index_is_what_its_schema_declares(content: Path) -> None:
    # A draft without a pattern or a dose is written with pattern -1 and minutes null.
    (content / "exercises" / "wall-sit.yml").write_text(DRAFT_WITHOUT_PATTERN, encoding="utf-8")
    data = finder_index(content)
    draft = data["exercises"][-1]  # type: ignore[index]
    assert (draft[0], draft[2], draft[8], draft[9]) == ("wall-sit", -1, None, 1)
    assert _schema_errors(data) == []
    data["exercises"][0].append(0)  # type: ignore[index]
    data["colours"] = []
    assert len(_schema_errors(data)) == 2


def test_the_guides_own_finder_index_is_what_its_schema_declares() -> None:
    pages, _, problems = build_pages(Path(__file__).parent.parent / "content")
    assert problems == []
    assert _schema_errors(json.loads(pages["finder/index.json"].text)) == []
