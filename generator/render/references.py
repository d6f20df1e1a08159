"""The guide's reference list, the numbered lists appended to hand-written pages that cite
sources, and the glossary page."""

from __future__ import annotations

import posixpath
from typing import Any

from generator.bibliography import bibliography, numbered
from generator.glossary import GLOSSARY_PAGE
from generator.guide import Guide
from generator.kinds import kind_named
from generator.render.context import RenderContext
from generator.render.formatting import render_markdown
from generator.render.page import Page


def reference_pages(context: RenderContext, shared: dict[str, Any]) -> dict[str, Page]:
    """references.md, and glossary.md when the guide explains any words."""
    guide = context.guide
    pages = {
        "references.md": Page(
            render_markdown("pages/references.md.j2", **shared, listed=bibliography(guide)), None
        )
    }
    if guide.glossary:
        terms = sorted(guide.glossary.items(), key=lambda pair: pair[1].term.lower())
        pages[GLOSSARY_PAGE] = Page(
            render_markdown("pages/glossary.md.j2", **shared, terms=terms),
            kind_named("glossary").where,
        )
    return pages


def page_references(guide: Guide) -> dict[str, str]:
    """The numbered reference list to append to each hand-written page that cites sources."""
    return {
        path: render_markdown(
            "fragments/page_references.md.j2",
            references=numbered(guide, cited.sources),
            every_source=posixpath.relpath("references.md", posixpath.dirname(path) or "."),
        )
        for path, cited in guide.cited_pages.items()
        if cited.sources
    }
