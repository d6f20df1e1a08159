"""The families of generated pages, in the order they are rendered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.render.context import RenderContext
from generator.render.entries import entry_pages
from generator.render.figures import figure_files
from generator.render.finder import finder_pages
from generator.render.page import Page
from generator.render.plan import plan_pages
from generator.render.references import reference_pages
from generator.render.search import search_files

Family = Callable[[RenderContext, dict[str, Any]], dict[str, Page]]

WHOLE_GUIDE: tuple[Family, ...] = (
    reference_pages,
    lambda context, shared: figure_files(context),
    finder_pages,
    plan_pages,
    search_files,
)
"""Families drawn from the whole guide at once (references, figures, finder, plan, search):
rendered again after any change, which costs little."""

FAMILIES: tuple[Family, ...] = (entry_pages, *WHOLE_GUIDE)
"""Every family of generated pages; each reads the context and the templates' shared values."""
