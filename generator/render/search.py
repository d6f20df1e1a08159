"""What the search box needs besides the engine's own index: the stop words, as a script
the search worker loads."""

from __future__ import annotations

from typing import Any

from generator.render.context import RenderContext
from generator.render.page import Page
from generator.search_terms import STOP_WORDS_SCRIPT, stop_words_script


def search_files(context: RenderContext, shared: dict[str, Any]) -> dict[str, Page]:
    """The stop words the query is read with, from their one declaration."""
    return {STOP_WORDS_SCRIPT: Page(stop_words_script(), None)}
