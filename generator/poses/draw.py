"""Movement figures as HTML, through the templates: the shared shapes, a figure, a still."""

from __future__ import annotations

import markupsafe

from generator.guide import Guide
from generator.model import Exercise
from generator.poses.figure import Movement, SharedShape, movement, shared_shapes, short_number
from generator.poses.layout import layout
from generator.templating import environment

_HTML = environment(autoescape=True, keep_trailing_newline=False)


_HTML.filters["n"] = short_number


def _compact(html: str) -> markupsafe.Markup:
    """One figure without blank or indented lines, so Markdown passes it through whole."""
    return markupsafe.Markup(
        "\n".join([kept for line in html.splitlines() if (kept := line.strip())])
    )


def draw_shapes(shapes: list[SharedShape], used: set[str]) -> markupsafe.Markup:
    """The shared shapes (from shared_shapes) a page's figure draws with, once on the page."""
    shapes = [shape for shape in shapes if shape.id in used]
    return _compact(_HTML.get_template("fragments/movement_shapes.html.j2").render(shapes=shapes))


def draw_movement(movement: Movement, shapes: markupsafe.Markup) -> markupsafe.Markup:
    """The animated figure with its still poses and caption; ``shapes`` (from draw_shapes)
    go inside it when this is the first figure on its page, else pass an empty Markup."""
    return _compact(
        _HTML.get_template("fragments/movement.html.j2").render(m=movement, shapes=shapes)
    )


def draw_still(movement: Movement) -> markupsafe.Markup:
    """The last pose as a small SVG file for lists and the finder, a fraction of the
    figure's size."""
    return _compact(_HTML.get_template("fragments/movement_still.svg.j2").render(m=movement))


def exercise_movement(guide: Guide, key: str) -> Movement | None:
    """The figure of one validated exercise, or None when it has no illustration yet."""
    exercise = guide.exercises[key]
    if not isinstance(exercise, Exercise) or exercise.illustration is None:
        return None
    laid = guide.layouts.get(key) or layout(exercise.illustration, guide.skeleton, guide.props)
    return movement(
        key,
        exercise.name,
        exercise.caption,
        exercise.illustration,
        guide.skeleton,
        laid,
        (exercise.muscles.primary, exercise.muscles.secondary),
        exercise.one_sided,
    )


def preview_page(guide: Guide, key: str) -> str | None:
    """A standalone page with one exercise's figure and its still poses, for posing."""
    figure = exercise_movement(guide, key)
    if figure is None:
        return None
    return _HTML.get_template("tools/pose_page.html.j2").render(
        name=guide.exercises[key].name,
        figure=draw_movement(figure, draw_shapes(shared_shapes(guide.skeleton), figure.used)),
        still=draw_still(figure),
    )


def contact_sheet_page(guide: Guide) -> str:
    """One page with every illustrated exercise's still poses side by side, to look at
    them all at once."""
    shapes = shared_shapes(guide.skeleton)
    figures = [(key, exercise_movement(guide, key)) for key in sorted(guide.exercises)]
    drawn = [(key, figure) for key, figure in figures if figure is not None]
    used = set().union(*(figure.used for _, figure in drawn)) if drawn else set()
    defs = draw_shapes(shapes, used)
    return _HTML.get_template("tools/contact_sheet.html.j2").render(
        figures=[
            (guide.exercises[key].name, draw_movement(figure, defs if i == 0 else _EMPTY))
            for i, (key, figure) in enumerate(drawn)
        ]
    )


_EMPTY = markupsafe.Markup("")
