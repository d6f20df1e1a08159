"""Rendering again after a save, as little as the change needs.

- When every entry that changed differs only in fields no other entry's page shows (a
  kind's ``own_page_fields``, generator/kinds.py), only those entries' own pages are
  rendered again, with the whole-guide families; the render context is kept, since nothing
  it holds reads those fields.
- When a few entries changed only in what other pages show beside a link to them (a
  kind's ``linked_fields``: a name, a summary), the pages that link to them are rendered
  again: the pages whose text named a changed entry's id before the save (a link, a
  picture, a data attribute), the pages of the entries a changed entry's page names, every
  kind's index pages, the whole-guide families, and the pages whose search terms change
  with the guide's words (generator/render/readers.py).
- Anything else (an entry added or removed, a taxonomy, a source, a hand-written page)
  renders every page.

tests/test_partial_render.py checks that every way gives the pages a full render gives.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from generator.guide import Guide
from generator.kinds import every_kind, kind_named, with_pages
from generator.poses.draw import draw_still, exercise_movement
from generator.render.context import RenderContext, render_context
from generator.render.entries import entry_page, index_pages
from generator.render.families import FAMILIES, WHOLE_GUIDE
from generator.render.figures import with_stills
from generator.render.page import Page
from generator.render.readers import is_index_page, readers, search_terms_changed


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
    return _all_pages(context)


def _all_pages(context: RenderContext) -> Rendering:
    shared = context.shared()
    pages: dict[str, Page] = {}
    for family in FAMILIES:
        pages.update(family(context, shared))
    with_stills(pages, list(pages), context)
    return Rendering(context, dict(sorted(pages.items())), frozenset(pages))


READERS_LIMIT = 12
"""More changed entries than this at once (a search and replace across files) render every
page: finding the pages that read them would cost about as much."""


def render_again(previous: Rendering, guide: Guide) -> Rendering:
    """The pages of ``guide``, rendering again only what changed since ``previous``."""
    old = previous.context
    changed = changed_entries(old.guide, guide)
    if changed is not None and all(_own_page_only(old.guide, guide, *entry) for entry in changed):
        context = _context_after(old, guide, changed)
        shared = context.shared()
        return _rendered_again(previous, context, shared, changed, _whole_guide(context, shared))
    if (
        changed is None
        or len(changed) > READERS_LIMIT
        or not all(_linked_only(old.guide, guide, *entry) for entry in changed)
    ):
        return render_all(
            guide,
            directory_urls=old.directory_urls,
            page_size=old.page_size,
            site_path=old.site_path,
        )
    context = render_context(
        guide,
        directory_urls=old.directory_urls,
        page_size=old.page_size,
        site_path=old.site_path,
        drawn_before=old,
    )
    # Pictures are files of their own, listed by the finder and the plan.
    if context.stills.keys() != old.stills.keys():
        return _all_pages(context)
    shared = context.shared()
    whole = _whole_guide(context, shared)
    entries = readers(previous.pages, context, shared, changed, set(whole))
    if entries is None:
        return _all_pages(context)
    entries = sorted({*entries, *search_terms_changed(old, context)})
    return _rendered_again(
        previous, context, shared, entries, {**index_pages(context, shared), **whole}
    )


def _whole_guide(context: RenderContext, shared: dict[str, Any]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for family in WHOLE_GUIDE:
        pages.update(family(context, shared))
    return pages


def _rendered_again(
    previous: Rendering,
    context: RenderContext,
    shared: dict[str, Any],
    entries: list[tuple[str, str]],
    written: dict[str, Page],
) -> Rendering:
    """``previous`` with the pages of ``entries`` (and their continuation pages) rendered
    again from ``context``, and the pages ``written`` by whole families in place of theirs."""
    lists_again = any(map(is_index_page, written))
    pages = {
        path: page
        for path, page in previous.pages.items()
        if not (lists_again and is_index_page(path))
    }
    rendered: set[str] = set(written)
    for section, key in entries:
        path, page, more = entry_page(context, shared, section, key, context.guide.of(section)[key])
        continued = f"{path.removesuffix('.md')}/page/"
        for stale in [p for p in pages if p.startswith(continued)]:
            del pages[stale]
        pages[path] = page
        pages.update(more)
        rendered |= {path, *more}
    pages.update(written)
    with_stills(pages, rendered, context)
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


def changed_entries(old: Guide, new: Guide) -> list[tuple[str, str]] | None:
    """The entries (kind, id) of kinds with pages that differ from ``old`` to ``new``; None
    when entries came or went, or anything without a page of its own changed."""
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
        changed += [(name, key) for key, entry in after.items() if before[key] != entry]
    return changed


def _own_page_only(old: Guide, new: Guide, kind: str, key: str) -> bool:
    return _differs_only(old, new, kind, key, kind_named(kind).own_page_fields)


def _linked_only(old: Guide, new: Guide, kind: str, key: str) -> bool:
    declared = kind_named(kind)
    return _differs_only(old, new, kind, key, declared.own_page_fields | declared.linked_fields)


def _differs_only(old: Guide, new: Guide, kind: str, key: str, fields: frozenset[str]) -> bool:
    """Whether the entry changed in ``fields`` alone."""
    was, entry = old.of(kind)[key], new.of(kind)[key]
    return (
        isinstance(entry, BaseModel)
        and type(was) is type(entry)
        and all(
            getattr(was, name) == getattr(entry, name)
            for name in type(entry).model_fields
            if name not in fields
        )
    )
