"""A new kind of content is one row in generator/kinds.py, its model and its page template:
loading, the layout of content/, the checks, the editor schema, the Guide, the pages and
`guide diff` all follow from that row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from pydantic import Field

from generator import kinds
from generator.authoring.diff import compare, describe
from generator.kinds import Kind
from generator.model.fields import Entry, Id, Name, Text
from generator.pipeline import check, rendered
from generator.render import formatting
from generator.schemas import json_schemas


class Drill(Entry):
    """A running drill (a throwaway kind, declared only by this test)."""

    name: Name = Field(description="The drill's name.")
    summary: Text = Field(description="What it trains.")
    exercise: Id = Field(description="An exercise it builds on.")


DRILLS = Kind(
    "drills",
    "drill",
    "Drill",
    Drill,
    "folder",
    "drill.schema.json",
    page="drill.md.j2",
    page_entry="drill",
)
TEMPLATE = (
    "# {{ drill.name }}\n\n{{ drill.summary }}\n\n"
    "Builds on {{ guide.exercises[drill.exercise].name }}.\n"
)


@pytest.fixture
def with_drills(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The registry with one more kind, and its page template beside the real ones."""
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, DRILLS))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "drill.md.j2").write_text(TEMPLATE)
    environment = formatting.MARKDOWN
    monkeypatch.setattr(
        environment,
        "loader",
        jinja2.ChoiceLoader([jinja2.FileSystemLoader(templates), environment.loader]),  # type: ignore[list-item]
    )
    yield


def write_drill(content: Path, key: str, text: str) -> None:
    (content / "drills").mkdir(exist_ok=True)
    (content / "drills" / f"{key}.yml").write_text(text)


def test_a_kind_added_to_the_registry_is_loaded_checked_and_published(
    with_drills: None, content: Path
) -> None:
    write_drill(
        content,
        "a-skips",
        "name: A-skips\nsummary: Quick knees and a tall posture.\nexercise: bridge\n",
    )
    guide, problems = check(content)
    assert problems == []
    assert guide is not None
    assert guide.of("drills")["a-skips"].name == "A-skips"
    page = rendered(guide).pages["drills/a-skips.md"]
    assert page.text.startswith("# A-skips")
    assert f"Builds on {guide.exercises['bridge'].name}." in page.text
    assert page.source == "drills/a-skips.yml"
    assert "drill.schema.json" in json_schemas()


def test_a_new_kind_gets_the_same_located_errors_as_the_others(
    with_drills: None, content: Path
) -> None:
    write_drill(content, "a-skips", "name: A-skips\nsumary: Quick knees.\nexercise: bridge\n")
    _, problems = check(content)
    messages = [f"{p.path.name}:{p.line}:{p.column}: {p.message}" for p in problems]
    assert "a-skips.yml:2:1: unknown key 'sumary' (did you mean 'summary'?)" in messages
    assert "a-skips.yml:1:1: missing required key 'summary'" in messages


def test_a_folder_of_a_kind_not_in_the_registry_is_refused(content: Path) -> None:
    write_drill(content, "a-skips", "name: A-skips\n")
    _, problems = check(content)
    assert any("folder content/drills/ is not part of the guide" in p.message for p in problems)


def test_guide_diff_reports_entries_of_a_new_kind(with_drills: None, content: Path) -> None:
    write_drill(content, "a-skips", "name: A-skips\nsummary: Quick knees.\nexercise: bridge\n")
    before, _ = check(content)
    write_drill(content, "b-skips", "name: B-skips\nsummary: Quick heels.\nexercise: bridge\n")
    after, _ = check(content)
    assert before is not None and after is not None
    lines = describe(compare(before, after, rendered(before).pages, rendered(after).pages))
    assert "Drills: 1 added, 0 removed, 0 changed" in lines
    assert "  + b-skips  B-skips" in lines
