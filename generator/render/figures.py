"""The movement figures' stylesheet and every exercise's still, published as files."""

from __future__ import annotations

from generator.render.context import RenderContext
from generator.render.formatting import HTML
from generator.render.page import Page
from generator.render.urls import MOVEMENT_CSS, STILL_PATH


def figure_files(context: RenderContext) -> dict[str, Page]:
    """movement.css and exercises/<id>.svg for every exercise with a figure."""
    pages = {MOVEMENT_CSS: Page(HTML.get_template("fragments/movement.css").render(), None)}
    for key, still in context.stills.items():
        pages[STILL_PATH.format(id=key)] = Page(still, None)
    return pages
