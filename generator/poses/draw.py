"""Movement figures as HTML, through the templates: the shared shapes, a figure, a still."""

from __future__ import annotations

import markupsafe

from generator.model import Guide
from generator.poses.figure import Movement, movement, shared_shapes
from generator.poses.model import Segment
from generator.templating import environment

_HTML = environment(autoescape=True, keep_trailing_newline=False)


def _compact(html: str) -> markupsafe.Markup:
    """One figure without blank or indented lines, so Markdown passes it through whole."""
    return markupsafe.Markup("\n".join(line.strip() for line in html.splitlines() if line.strip()))


def draw_shapes(skeleton: dict[str, Segment]) -> markupsafe.Markup:
    """What a page with figures needs once: the shared shapes and the figure styles."""
    template = _HTML.get_template("movement_shapes.html.j2")
    return _compact(template.render(shapes=shared_shapes(skeleton)))


def draw_movement(movement: Movement) -> markupsafe.Markup:
    """The animated figure with its still poses and caption."""
    return _compact(_HTML.get_template("movement.html.j2").render(m=movement))


def draw_still(movement: Movement, pose: int = -1) -> markupsafe.Markup:
    """One pose as a small picture (the last pose unless told)."""
    index = pose % len(movement.poses)
    return _compact(_HTML.get_template("movement_still.html.j2").render(m=movement, pose=index))


def exercise_movement(guide: Guide, key: str) -> Movement | None:
    """The figure of one validated exercise, or None when it has no illustration yet."""
    exercise = guide.exercises[key]
    if exercise.illustration is None:
        return None
    return movement(
        key,
        exercise.name,
        exercise.illustration,
        guide.skeleton,
        guide.props,
        (exercise.muscles.primary, exercise.muscles.secondary),
        exercise.one_sided,
    )


def preview_page(guide: Guide, key: str) -> str | None:
    """A standalone page with one exercise's figure and its still poses, for posing."""
    figure = exercise_movement(guide, key)
    if figure is None:
        return None
    return _HTML.get_template("pose_page.html.j2").render(
        name=guide.exercises[key].name,
        shapes=draw_shapes(guide.skeleton),
        figure=draw_movement(figure),
        stills=[draw_still(figure, i) for i in range(len(figure.poses))],
    )
