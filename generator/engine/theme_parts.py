"""Theme parts drawn once and reused: the navigation and tabs of pages outside the nav.

Material draws the navigation sidebar and the tabs into every page. For a page listed in
the navigation they mark that page and hold its table of contents, but a page outside it
(an exercise, a routine, a muscle: most of a large guide) is seen by them only through its
section, which they mark as active, its folder, against which every link is made relative,
and the parts its front matter hides. Pages alike in those three get the same HTML, so it
is drawn once per kind of page and build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

import markupsafe


class ThemeParts:
    """The `theme_part` template global: `{% call theme_part("nav", page) %}…{% endcall %}`
    returns the enclosed part, drawn once for each (part, section, folder, hidden parts)."""

    def __init__(self, nav_pages: list[Any]) -> None:
        self._in_nav = {id(page) for page in nav_pages}
        self._drawn: dict[tuple[object, ...], markupsafe.Markup] = {}

    def __call__(self, part: str, page: Any, caller: Callable[[], str]) -> markupsafe.Markup:
        if page is None or id(page) in self._in_nav or getattr(page, "url", None) is None:
            return markupsafe.Markup(caller())
        meta = page.meta or {}
        hidden = tuple(meta.get("hide") or ())
        folder = posixpath.dirname(page.url.rstrip("/"))
        key = (part, id(page.parent), folder, hidden)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = markupsafe.Markup(caller())
        return drawn
