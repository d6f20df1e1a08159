"""The movement figures' stylesheet and every exercise's still, published as files, and
the stills put into the lists that show them."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from generator.render.context import RenderContext
from generator.render.formatting import HTML
from generator.render.page import STILL_SLOT, Page
from generator.render.urls import MOVEMENT_CSS, STILL_PATH, file_href

_STILL = re.compile(STILL_SLOT.format(id="([a-z0-9-]+)"))
_LIST_STILL = HTML.get_template("fragments/list_still.html.j2")


def figure_files(context: RenderContext) -> dict[str, Page]:
    """movement.css and exercises/<id>.svg for every exercise with a figure."""
    pages = {MOVEMENT_CSS: Page(HTML.get_template("fragments/movement.css").render(), None)}
    for key, still in context.stills.items():
        pages[STILL_PATH.format(id=key)] = Page(still, None)
    return pages


def with_stills(pages: dict[str, Page], paths: Iterable[str], context: RenderContext) -> None:
    """Give each of ``paths`` that shows stills in its lists their images as fragments,
    linked from where the page is published, or from the site's root when the context has
    its path (engines disagree on where a relative link in HTML starts; see STILL_SLOT)."""
    for path in paths:
        page = pages[path]
        keys = sorted(set(_STILL.findall(page.text))) if path.endswith(".md") else []
        if not keys:
            continue
        fragments = dict(page.fragments)
        # The stills share one folder, so the way there is worked out once per page.
        first = STILL_PATH.format(id=keys[0])
        if context.site_path is None:
            way = file_href(path, first, context.directory_urls)
        else:
            way = context.site_path + first
        way = way.removesuffix(posixpath.basename(first))
        for key in keys:
            src = way + posixpath.basename(STILL_PATH.format(id=key))
            fragments[STILL_SLOT.format(id=key)] = _list_still(src)
        pages[path] = replace(page, fragments=fragments)


@lru_cache(maxsize=4096)
def _list_still(src: str) -> str:
    """A list's image of a still; pages in one folder show the same ones."""
    return _LIST_STILL.render(src=src).strip()
