"""Long lists continue on numbered pages that link to each other, so no page grows with N."""

from __future__ import annotations

import re
from pathlib import Path

from generator.listings import paginate
from generator.pipeline import build_pages


def test_a_list_longer_than_a_page_continues_on_numbered_pages() -> None:
    pages = paginate("exercises/index.md", [("Squat", ["a", "b", "c"]), ("Hinge", ["d", "e"])], 2)
    assert list(pages) == ["exercises/index.md", "exercises/page/2.md", "exercises/page/3.md"]
    assert pages["exercises/index.md"].groups == [("Squat", ["a", "b"])]
    assert pages["exercises/page/2.md"].groups == [("Squat", ["c"]), ("Hinge", ["d"])]
    assert pages["exercises/page/3.md"].groups == [("Hinge", ["e"])]


def test_every_page_of_a_list_links_to_every_other_page() -> None:
    pages = paginate("muscles/glutes.md", [("", list("abcde"))], 2)
    assert pages["muscles/glutes.md"].pages == [
        (1, "glutes.md"),
        (2, "glutes/page/2.md"),
        (3, "glutes/page/3.md"),
    ]
    assert pages["muscles/glutes/page/3.md"].pages == [
        (1, "../../glutes.md"),
        (2, "2.md"),
        (3, "3.md"),
    ]


def test_a_short_list_stays_on_one_page_without_a_pager(content: Path) -> None:
    rendered, _, _ = build_pages(content)
    assert not any("/page/" in path for path in rendered)
    assert "Pages of this list" not in rendered["exercises/index.md"].text


def test_small_page_size_splits_the_exercise_index_and_keeps_every_exercise(
    content: Path,
) -> None:
    rendered, _, problems = build_pages(content, page_size=1)
    assert problems == []
    index_pages = ["exercises/index.md", "exercises/page/2.md", "exercises/page/3.md"]
    assert all(path in rendered for path in index_pages)
    linked = [
        name
        for path in index_pages
        for name in re.findall(r"\*\*\[([^]]+)\]\(", rendered[path].text)
    ]
    assert sorted(linked) == ["Bridge", "Clamshell", "Single-leg bridge"]
    assert "[2](page/2.md)" in rendered["exercises/index.md"].text
    assert "[1](../index.md)" in rendered["exercises/page/3.md"].text
    # Cards on a continuation page link back up to the exercise pages.
    assert re.search(r"\*\*\[[^]]+\]\(\.\./[a-z-]+\.md\)", rendered["exercises/page/2.md"].text)
