"""Rendering again after a save, as little as the change needs.

When every entry that changed differs only in fields no other entry's page shows (a
kind's ``own_page_fields``, generator/kinds.py), only those entries' own pages are rendered
again, with the whole-guide families; the render context is kept, since nothing it holds
reads those fields. Any other change (a name, a list, a taxonomy, an entry added or
removed) renders every page. tests/test_partial_render.py checks that both ways give the
same pages.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pydantic import BaseModel

from generator.guide import Guide
from generator.kinds import every_kind, kind_named, with_pages
from generator.poses.draw import draw_still, exercise_movement
from generator.render.context import RenderContext, render_context
from generator.render.entries import entry_page
from generator.render.families import FAMILIES, WHOLE_GUIDE
from generator.render.page import Page


@dataclass(frozen=True)
class Rendering:
    """Every generated page, the context they were rendered from, and which of them this
    rendering wrote (all of them, unless it followed a small change)."""

    context: RenderContext
    pages: dict[str, Page]
    rendered: frozenset[str]

    @property
    def partial(self) -> bool:
        return len(self.rendered) < len(self.pages)


def render_all(
    guide: Guide, *, directory_urls: bool, page_size: int, site_path: str | None
) -> Rendering:
    """Every generated page of the guide, keyed by its path, in sorted order."""
    context = render_context(
        guide, directory_urls=directory_urls, page_size=page_size, site_path=site_path
    )
    shared = context.shared()
    pages: dict[str, Page] = {}
    for family in FAMILIES:
        pages.update(family(context, shared))
    return Rendering(context, dict(sorted(pages.items())), frozenset(pages))


def render_again(previous: Rendering, guide: Guide) -> Rendering:
    """The pages of ``guide``, rendering again only what changed since ``previous``."""
    changed = own_page_changes(previous.context.guide, guide)
    if changed is None:
        old = previous.context
        return render_all(
            guide,
            directory_urls=old.directory_urls,
            page_size=old.page_size,
            site_path=old.site_path,
        )
    context = _context_after(previous.context, guide, changed)
    shared = context.shared()
    pages = dict(previous.pages)
    rendered: set[str] = set()
    for section, key in changed:
        path, page, more = entry_page(context, shared, section, key, guide.of(section)[key])
        pages[path] = page
        pages.update(more)
        rendered |= {path, *more}
    for family in WHOLE_GUIDE:
        written = family(context, shared)
        pages.update(written)
        rendered |= set(written)
    return Rendering(context, dict(sorted(pages.items())), frozenset(rendered))


def _context_after(
    context: RenderContext, guide: Guide, changed: list[tuple[str, str]]
) -> RenderContext:
    """The previous render context for ``guide``: only the movement figures of changed
    exercises are drawn again, since a figure carries its exercise's caption."""
    figures, stills = dict(context.figures), dict(context.stills)
    for section, key in changed:
        if section == "exercises":
            figure = exercise_movement(guide, key)
            figures[key] = figure
            stills.pop(key, None)
            if figure is not None:
                stills[key] = draw_still(figure)
    return replace(context, guide=guide, figures=figures, stills=stills)


def own_page_changes(old: Guide, new: Guide) -> list[tuple[str, str]] | None:
    """The entries (kind, id) that changed from ``old`` to ``new`` when each differs only in
    fields its own page alone shows; None when anything else changed."""
    if (old.cited_pages, old.sources, old.media, old.hand_written) != (
        new.cited_pages,
        new.sources,
        new.media,
        new.hand_written,
    ):
        return None
    paged = {kind.name for kind in with_pages()}
    for kind in every_kind():
        if kind.name not in paged and old.of(kind.name) != new.of(kind.name):
            return None
    changed: list[tuple[str, str]] = []
    for name in sorted(paged):
        before, after = old.of(name), new.of(name)
        if before.keys() != after.keys():
            return None
        own = kind_named(name).own_page_fields
        for key, entry in after.items():
            was = before[key]
            if was == entry:
                continue
            if not (
                isinstance(entry, BaseModel)
                and type(was) is type(entry)
                and _differs_only_in(was, entry, own)
            ):
                return None
            changed.append((name, key))
    return changed


def _differs_only_in(old: BaseModel, new: BaseModel, allowed: frozenset[str]) -> bool:
    return all(
        getattr(old, name) == getattr(new, name)
        for name in type(new).model_fields
        if name not in allowed
    )
