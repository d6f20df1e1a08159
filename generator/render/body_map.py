"""The body map: front and back figures highlighting muscles or linking to their pages."""

from __future__ import annotations

from dataclasses import dataclass

import markupsafe

from generator.guide import Guide
from generator.muscle_groups import regions_for
from generator.render.formatting import HTML
from generator.render.urls import html_href

VIEWS = (("front", "Front"), ("back", "Back"))
FIGURE_WIDTH, VIEW_STEP = 200, 220
"""Each figure is 200 units wide; the next one starts 220 units to the right."""


@dataclass(frozen=True)
class Region:
    """One muscle on the body map, as the template draws it."""

    id: str
    name: str
    view: str
    shapes: list[str]
    state: str
    href: str


def body_map(
    guide: Guide,
    *,
    title: str,
    primary: list[str] | None = None,
    secondary: list[str] | None = None,
    links: bool = False,
    directory_urls: bool = True,
    highlighted_views_only: bool = False,
    highlighted_regions_only: bool = False,
) -> markupsafe.Markup:
    """The front and back figures, highlighting muscles or linking each to its page.

    ``highlighted_views_only`` leaves out a figure with nothing highlighted on it, so a muscle
    seen from one side is drawn larger on its own page. ``highlighted_regions_only`` leaves
    out the seams of the muscles that are not highlighted: the small map on an exercise page
    then costs a third of the bytes, which every exercise page pays.
    """
    primary = primary or []
    secondary = secondary or []
    shown_primary = [r for key in primary for r in regions_for(key, guide.muscles, guide.body_map)]
    shown_secondary = [
        r for key in secondary for r in regions_for(key, guide.muscles, guide.body_map)
    ]
    regions = [
        Region(
            id=key,
            name=guide.muscles[key].name,
            view=region.view,
            shapes=region.shapes,
            state="primary"
            if key in shown_primary
            else "secondary"
            if key in shown_secondary
            else "",
            href=html_href("muscles/index.md", f"muscles/{key}.md", directory_urls),
        )
        for key, region in guide.body_map.items()
    ]
    legend = [
        (state, label, [guide.muscles[key].name for key in keys])
        for state, label, keys in (
            ("primary", "Primary", primary),
            ("secondary", "Secondary", secondary),
        )
        if keys
    ]
    description = ". ".join(f"{label}: {', '.join(names)}" for _, label, names in legend)
    highlighted = {region.view for region in regions if region.state}
    if highlighted_regions_only:
        regions = [region for region in regions if region.state]
    shown = [view for view in VIEWS if not highlighted_views_only or view[0] in highlighted]
    views = [(view, VIEW_STEP * i, label) for i, (view, label) in enumerate(shown)]
    text = HTML.get_template("fragments/body_map.svg.j2").render(
        title=title,
        description=description,
        regions=regions,
        views=views,
        width=VIEW_STEP * (len(views) - 1) + FIGURE_WIDTH,
        links=links,
    )
    return markupsafe.Markup(text.strip())
