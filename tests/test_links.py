"""Every internal link, anchor and asset in the built guide resolves."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import REPO
from mkdocs.utils.yaml import yaml_load

SITE_PATH = urlsplit(yaml_load((REPO / "mkdocs.yml").read_text())["site_url"]).path
"""Absolute links (the 404 page uses them) start with the site's path on its host."""


class Page(HTMLParser):
    """The ids a page defines and the internal references it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            value = values.get(name)
            if value and not urlsplit(value).scheme and not value.startswith("//"):
                self.references.append(value)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_no_broken_internal_links_anchors_or_assets(built_guide: Path) -> None:
    pages = {p: parse(p) for p in built_guide.rglob("*.html")}
    broken: list[str] = []
    for path, page in pages.items():
        here = path.relative_to(built_guide).parent.as_posix()
        for reference in page.references:
            parts = urlsplit(reference)
            target_path = unquote(parts.path)
            if target_path.startswith("/"):
                assert target_path.startswith(SITE_PATH), reference
                target_path = target_path.removeprefix(SITE_PATH)
                resolved = posixpath.normpath(target_path or ".")
                target = built_guide / resolved
                if target.is_dir():
                    target = target / "index.html"
            elif target_path:
                resolved = posixpath.normpath(posixpath.join(here, target_path))
                target = built_guide / resolved
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = path
            if not target.is_file():
                broken.append(f"{path.relative_to(built_guide)} → {reference}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(built_guide)} → {reference} (no anchor)")
    assert broken == []
    assert len(pages) > 150
