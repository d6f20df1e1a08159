"""The finder page: its filter form, and the JSON index it fetches."""

from __future__ import annotations

import posixpath
from typing import Any

import markupsafe

from generator.finder import INDEX_PATH, filters, finder_index
from generator.render.context import RenderContext
from generator.render.formatting import HTML, LABELS, render_markdown
from generator.render.page import Page
from generator.render.urls import FINDER_PAGE, STILL_PATH, html_href, page_url


def finder_pages(context: RenderContext, shared: dict[str, Any]) -> dict[str, Page]:
    """The finder's page, whose links are relative to it, and its index."""
    guide, directory_urls = context.guide, context.directory_urls
    here = posixpath.dirname(page_url(FINDER_PAGE, directory_urls).rstrip("/") + "/x")
    urls = {
        section: html_href(FINDER_PAGE, f"{section}/{{id}}.md", directory_urls)
        for section in ("exercises", "routines")
    }
    urls["stills"] = posixpath.relpath(STILL_PATH, here or ".")
    form = HTML.get_template("fragments/finder.html.j2").render(
        filters=filters(guide, LABELS),
        household=[item.name.lower() for item in guide.equipment.values() if item.household],
        index_url=posixpath.relpath(INDEX_PATH, here or "."),
        exercise_index=html_href(FINDER_PAGE, "exercises/index.md", directory_urls),
    )
    index = finder_index(guide, context.indexes, urls, set(context.stills))
    page = render_markdown("pages/finder.md.j2", **shared, finder=markupsafe.Markup(form.strip()))
    return {FINDER_PAGE: Page(page, None), INDEX_PATH: Page(index, None)}
