"""After a save, the preview renders again only what the change needs, and shows the same
pages a full build would."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from pydantic import BaseModel

from generator.engine.incremental import WarmGuide
from generator.guide import Guide
from generator.kinds import kind_named, with_pages
from generator.load import Document
from generator.memo import FromFiles
from generator.pipeline import Built, build, rendered, rendered_again
from generator.release import release_of

RELEASE = release_of(REPO / "content")

EDITED = {
    "exercises": ["clamshell", "calf-raise", "single-leg-rdl"],
    "routines": ["post-run-hips", "achilles-tendinopathy-10-minutes"],
    "problem-areas": ["achilles-tendinopathy", "runners-knee"],
}
"""Entries other pages show a lot of: in routines, on ladders, named by problem areas."""


@pytest.fixture(scope="module")
def before(published_guide: Guide) -> Built:
    """The real guide rendered in full, as the preview holds it before a save."""
    return rendered(published_guide, release=RELEASE)


def _edited_text(value: Any) -> tuple[Any, bool]:
    """``value`` with its first piece of text changed, and whether there was one."""
    if isinstance(value, BaseModel):
        return _edited_text(value.model_dump())
    if isinstance(value, str):
        return f"{value} edited", True
    if isinstance(value, list):
        for index, item in enumerate(value):
            edited, found = _edited_text(item)
            if found:
                return [*value[:index], edited, *value[index + 1 :]], True
    if isinstance(value, dict):
        for key, item in value.items():
            edited, found = _edited_text(item)
            if found:
                return {**value, key: edited}, True
    return value, False


def _with(guide: Guide, kind: str, key: str, field: str, value: Any) -> Guide:
    entry = guide.of(kind)[key]
    assert isinstance(entry, BaseModel)
    data = entry.model_dump()
    data[field] = value
    entries = {name: dict(group) for name, group in guide.entries.items()}
    entries[kind][key] = type(entry).model_validate(data)
    return replace(guide, entries=entries)


def _own_field_edits() -> list[tuple[str, str, str]]:
    return [
        (kind.name, key, field)
        for kind in with_pages()
        for key in EDITED.get(kind.name, [])
        for field in sorted(kind.own_page_fields)
    ]


@pytest.mark.parametrize(("kind", "key", "field"), _own_field_edits())
def test_an_edit_to_what_only_its_page_shows_rewrites_that_page_as_a_full_build_would(
    published_guide: Guide, before: Built, kind: str, key: str, field: str
) -> None:
    current = getattr(published_guide.of(kind)[key], field)
    value, found = _edited_text(current)
    if field == "questions" and not found:
        value = ["what does this test ask"]
    elif field == "video" and not found:
        value = "https://vimeo.com/123456789"
    elif not found:
        pytest.skip(f"{key} has no text in '{field}' to edit")
    edited = _with(published_guide, kind, key, field, value)
    again = rendered_again(before, edited, RELEASE)
    full = rendered(edited, release=RELEASE)
    assert again.rendering is not None and again.rendering.partial
    assert f"{kind}/{key}.md" in again.rendering.rendered
    assert again.pages == full.pages
    assert again.pages != before.pages


SHOWN_EDITS: list[tuple[str, str, str, Any]] = [
    ("exercises", "clamshell", "name", "Clamshell renamed"),
    ("exercises", "clamshell", "summary", "A summary other pages show."),
    ("exercises", "clamshell", "cues", ["One cue other pages show.", "And a second one."]),
    ("exercises", "clamshell", "fits", ["warm-up"]),
    ("exercises", "clamshell", "level", "intermediate"),
    ("exercises", "clamshell", "pattern", "squat"),
    ("exercises", "clamshell", "equipment", ["band"]),
    (
        "exercises",
        "clamshell",
        "muscles",
        {"primary": ["gluteus-maximus"], "secondary": ["adductors"]},
    ),
    (
        "exercises",
        "clamshell",
        "progressions",
        [{"exercise": "single-leg-rdl", "ready_when": "Twenty slow repetitions feel easy."}],
    ),
    ("exercises", "calf-raise", "name", "Calf raise renamed"),
    # 'chopper' joins the guide's words, so the wood chop's alias 'woodchopper' is now also
    # found as 'wood chopper': a page that never names the calf raise changes.
    ("exercises", "calf-raise", "summary", "A heel raise whose summary says chopper."),
    ("routines", "post-run-hips", "name", "Hips after a run"),
    ("routines", "post-run-hips", "goal", "A goal other pages show."),
    ("problem-areas", "achilles-tendinopathy", "name", "Achilles pain"),
    ("problem-areas", "achilles-tendinopathy", "summary", "A summary other pages show."),
    ("muscles", "gluteus-medius", "name", "Glute med renamed"),
    ("equipment", "band", "name", "Resistance band renamed"),
    ("patterns", "hip-isolation", "name", "Hip work renamed"),
]
"""Edits to what other pages show: names, summaries, and the lists that place an entry on
other pages (its muscles, pattern, equipment, ladder)."""


@pytest.mark.parametrize(("kind", "key", "field", "value"), SHOWN_EDITS)
def test_an_edit_other_pages_show_rewrites_the_pages_showing_it_as_a_full_build_would(
    published_guide: Guide, before: Built, kind: str, key: str, field: str, value: Any
) -> None:
    assert getattr(published_guide.of(kind)[key], field) != value
    edited = _with(published_guide, kind, key, field, value)
    again = rendered_again(before, edited, RELEASE)
    full = rendered(edited, release=RELEASE)
    assert again.pages.keys() == full.pages.keys()
    differing = [path for path in full.pages if again.pages[path] != full.pages[path]]
    assert differing == []
    assert again.rendering is not None and f"{kind}/{key}.md" in again.rendering.rendered


@pytest.mark.parametrize(
    ("kind", "key", "field", "value"),
    [edit for edit in SHOWN_EDITS if edit[2] in kind_named(edit[0]).linked_fields],
)
def test_an_edit_to_what_other_pages_show_beside_a_link_renders_only_some_pages(
    published_guide: Guide, before: Built, kind: str, key: str, field: str, value: Any
) -> None:
    edited = _with(published_guide, kind, key, field, value)
    again = rendered_again(before, edited, RELEASE)
    assert again.rendering is not None and again.rendering.partial


def test_a_rename_renders_the_pages_that_name_it_not_the_whole_guide(
    published_guide: Guide, before: Built
) -> None:
    edited = _with(published_guide, "exercises", "clamshell", "name", "Clamshell renamed")
    again = rendered_again(before, edited, RELEASE)
    assert again.rendering is not None and again.rendering.partial
    rendered_pages = again.rendering.rendered
    assert {"exercises/clamshell.md", "routines/post-run-hips.md", "muscles/piriformis.md"} <= (
        rendered_pages
    )
    assert "exercises/nordic-curl.md" not in rendered_pages
    pages = [path for path in again.rendering.pages if path.endswith(".md")]
    assert len([path for path in rendered_pages if path.endswith(".md")]) < len(pages) / 4


def test_an_entry_added_renders_every_page_again(published_guide: Guide, before: Built) -> None:
    entries = {name: dict(group) for name, group in published_guide.entries.items()}
    entries["exercises"]["clamshell-copy"] = published_guide.exercises["clamshell"]
    sources = {**published_guide.sources, ("exercises", "clamshell-copy"): "copy.yml"}
    edited = replace(published_guide, entries=entries, sources=sources)
    again = rendered_again(before, edited, RELEASE)
    assert again.rendering is not None and not again.rendering.partial


def test_a_saved_step_shows_in_the_preview_as_a_fresh_build_shows_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    warm = WarmGuide(content.resolve())
    warm.refresh()
    exercise = content / "exercises" / "clamshell.yml"
    text = exercise.read_text(encoding="utf-8")
    step = next(line for line in text.splitlines() if line.startswith("  - "))
    exercise.write_text(text.replace(step, f"{step} Keep the feet together.", 1), "utf-8")
    refresh = warm.refresh()
    assert refresh.problems == []
    assert "exercises/clamshell.md" in refresh.changed
    assert "Keep the feet together." in refresh.pages["exercises/clamshell.md"].text
    fresh = build(content)
    assert fresh.problems == []
    assert refresh.pages == fresh.pages


@pytest.fixture
def warm(tmp_path: Path) -> tuple[WarmGuide, Path]:
    """The real guide kept warm, as `make serve` holds it after its first build."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    guide = WarmGuide(content.resolve())
    assert guide.refresh().problems == []
    return guide, content


def test_a_saved_problem_is_reported_and_a_saved_fix_clears_it(
    warm: tuple[WarmGuide, Path],
) -> None:
    guide, content = warm
    exercise = content / "exercises" / "clamshell.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("Lie on your side", "Lie on your\u200b side", 1), "utf-8")
    problems = guide.refresh().problems
    assert [p.path.name for p in problems] == ["clamshell.yml"]
    assert "invisible" in problems[0].message
    exercise.write_text(text, "utf-8")
    assert guide.refresh().problems == []


def test_a_saved_pose_redraws_the_figure_as_a_fresh_build_draws_it(
    warm: tuple[WarmGuide, Path],
) -> None:
    guide, content = warm
    before = guide.refresh().pages["exercises/clamshell.md"]
    exercise = content / "exercises" / "clamshell.yml"
    text = exercise.read_text(encoding="utf-8")
    assert "abd: [40, 0]" in text
    exercise.write_text(text.replace("abd: [40, 0]", "abd: [30, 0]", 1), "utf-8")
    after = guide.refresh()
    assert after.problems == []
    assert after.pages["exercises/clamshell.md"] != before
    assert after.pages == build(content).pages


def test_values_kept_between_saves_follow_the_files_and_the_entries_within_them() -> None:
    made: list[str] = []

    def text(value: str) -> str:
        made.append(value)
        return value

    memo: FromFiles[str] = FromFiles()
    muscles = Document(Path("taxonomy/muscles.yml"), {}, {}, {})
    calf = Document(Path("exercises/calf-raise.yml"), {}, {}, {})
    assert memo.of((muscles,), lambda: text("soleus"), "soleus") == "soleus"
    assert memo.of((muscles,), lambda: text("gastrocnemius"), "gastrocnemius") == "gastrocnemius"
    assert memo.of((calf,), lambda: text("calf v1")) == "calf v1"
    memo.run_finished()
    saved = Document(Path("exercises/calf-raise.yml"), {"name": "saved"}, {}, {})
    assert memo.of((muscles,), lambda: text("again"), "soleus") == "soleus"
    assert memo.of((saved,), lambda: text("calf v2")) == "calf v2"
    assert made == ["soleus", "gastrocnemius", "calf v1", "calf v2"]
