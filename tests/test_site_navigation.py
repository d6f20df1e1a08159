"""The sidebar and the tabs, as a reader of any page of the built guide sees them."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

ENTRY_SECTIONS = {"exercises": "Exercises", "routines": "Routines", "muscles": "Muscles"}


class Sidebar(HTMLParser):
    """The primary sidebar's links (label and href) and the active tab's label."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.active_tabs: list[str] = []
        self._sidebar_depth = 0
        self._in_active_tab = False
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self._sidebar_depth and tag == "div":
            self._sidebar_depth += 1
        elif tag == "div" and attributes.get("data-md-type") == "navigation":
            self._sidebar_depth = 1
        if tag == "li" and "md-tabs__item--active" in classes:
            self._in_active_tab = True
        if tag == "a":
            self._href, self._text = attributes.get("href"), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._sidebar_depth:
            self._sidebar_depth -= 1
        if tag == "a" and self._href is not None:
            label = " ".join("".join(self._text).split())
            if self._sidebar_depth and "#" not in self._href:
                self.links.append((label, self._href))
            if self._in_active_tab:
                self.active_tabs.append(label)
                self._in_active_tab = False
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def sidebar(site: Path, page: Path) -> Sidebar:
    parser = Sidebar()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def resolved(site: Path, page: Path, href: str) -> str:
    """Where a relative link on a page leads, as a path from the site's root."""
    folder = page.parent.relative_to(site).as_posix()
    return posixpath.normpath(posixpath.join(folder, href)).removeprefix("./")


def test_every_sidebar_link_leads_where_its_label_says_from_every_page(built_guide: Path) -> None:
    targets: dict[str, set[str]] = {}
    pages = sorted(built_guide.rglob("index.html"))
    assert len(pages) > 300
    for page in pages:
        for label, href in sidebar(built_guide, page).links:
            target = resolved(built_guide, page, href)
            assert (built_guide / target / "index.html").is_file(), (page, href)
            targets.setdefault(label, set()).add(target)
    assert {"Exercises", "Routines", "Problem areas", "Guides"} <= set(targets)
    wandering = {label: sorted(found) for label, found in targets.items() if len(found) > 1}
    assert not wandering


def test_an_entry_page_marks_its_own_section_tab(built_guide: Path) -> None:
    for folder, tab in ENTRY_SECTIONS.items():
        pages = sorted((built_guide / folder).glob("*/index.html"))
        assert pages, folder
        for page in pages:
            assert sidebar(built_guide, page).active_tabs == [tab], page.relative_to(built_guide)
