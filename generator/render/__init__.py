"""Turn a validated guide into pages in memory, one function per page family over one
render context built once.

The result is a plain mapping of page path to text, so any Markdown site engine can publish
it; nothing here knows about MkDocs.
"""

from __future__ import annotations

from generator.guide import Guide
from generator.listings import PAGE_SIZE
from generator.render.open_data import open_data, release_note
from generator.render.page import Page
from generator.render.partial import Rendering, render_again, render_all
from generator.render.references import page_references

__all__ = [
    "Page",
    "Rendering",
    "open_data",
    "page_references",
    "release_note",
    "render",
    "render_again",
    "render_all",
    "topics",
]


def render(
    guide: Guide,
    *,
    directory_urls: bool = True,
    page_size: int = PAGE_SIZE,
    site_path: str | None = None,
) -> dict[str, Page]:
    """Every generated page of the guide, keyed by its path, in sorted order.

    ``directory_urls`` says how the site engine publishes pages (``x/`` or ``x.html``); it
    matters only for links inside HTML fragments, which MkDocs does not rewrite. Lists
    longer than ``page_size`` entries continue on numbered pages. ``site_path`` (such as
    '/runners/') addresses contributed images from the site's root instead of the page:
    an exercise page's folder differs from its URL's, and engines disagree on which one a
    relative link in HTML starts from (Zensical rewrites it from the source file).
    """
    rendering = render_all(
        guide, directory_urls=directory_urls, page_size=page_size, site_path=site_path
    )
    return rendering.pages


def topics(guide: Guide) -> list[str]:
    """Names a hand-written page may use as tags: each has a group page listing its guides."""
    groups = (guide.problem_areas, guide.patterns, guide.muscles, guide.equipment)
    return sorted({entry.name for group in groups for entry in group.values()})
