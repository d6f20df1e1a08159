"""The page of every entry of a kind that has pages (generator/kinds.py), the kind's index
page, the continuation pages of long lists, and the drafts index."""

from __future__ import annotations

from typing import Any

from generator.bibliography import numbered
from generator.guide import Guide
from generator.indexes import Indexes
from generator.kinds import with_pages
from generator.listings import Groups, Listing, link, paginate
from generator.render.context import RenderContext, names
from generator.render.formatting import render_markdown
from generator.render.ladders import neighbours
from generator.render.page import FIGURE_SLOT, Page
from generator.search_terms import name_keys, search_terms

DRAFT_TEMPLATE = "pages/draft_exercise.md.j2"
"""A draft's page: its notice, what it has, and its source's words quoted with credit."""


def _listed(section: str, key: str | None, guide: Guide, indexes: Indexes) -> Groups | None:
    """The entries a listing page shows, in headed groups; None for pages that list nothing."""
    if key is None:
        if section == "exercises":
            return [(guide.patterns[p].name, keys) for p, keys in indexes.by_pattern.items()]
        if section in ("routines", "problem-areas"):
            return [("", list(guide.of(section)))]
        return None
    tables = {"patterns": indexes.by_pattern, "equipment": indexes.by_equipment}
    if section in tables:
        return [("", tables[section][key])]
    if section == "muscles":
        return [
            ("Exercises where it does most of the work", indexes.by_primary_muscle[key]),
            ("Exercises where it assists", indexes.by_secondary_muscle[key]),
        ]
    return None


def asked(entry: Any, minutes: int | None = None) -> list[str]:
    """The goals and questions an entry answers; a routine's length counts as one ('10
    minute routine': the problem-area routines have their length in their names, and few
    routines say 'routine' in theirs). ``minutes`` is the time the routine pages show."""
    length = [f"{minutes} minute routine"] if minutes is not None else []
    return [*getattr(entry, "questions", []), *length]


def _listing(
    context: RenderContext,
    shared: dict[str, Any],
    path: str,
    title: str,
    groups: Groups | None,
    pages: dict[str, Page],
) -> Listing | None:
    """Render the continuation pages of a long list into ``pages``; return the first
    page's share."""
    if groups is None:
        return None
    kind = path.removesuffix("/index.md") if path.endswith("/index.md") else "exercises"
    listings = paginate(path, groups, context.page_size)
    for later, listing in list(listings.items())[1:]:
        text = render_markdown(
            "pages/listing_page.md.j2",
            **shared,
            title=title,
            first=link(later, path),
            listing=listing,
            kind=kind,
            prefix=link(later, kind) + "/",
        )
        pages[later] = Page(text, None)
    return listings[path]


def entry_search_terms(context: RenderContext, section: str, key: str, entry: Any) -> list[str]:
    """The search terms an entry's page declares: its names and questions with their
    variants, and a problem area's telling symptom words."""
    minutes = context.indexes.routine_minutes.get(key) if section == "routines" else None
    return sorted(
        {
            *search_terms([*names(entry), *asked(entry, minutes)], context.words),
            *name_keys(names(entry)),
            *(context.symptoms.get(key, []) if section == "problem-areas" else []),
        }
    )


def entry_page(
    context: RenderContext, shared: dict[str, Any], section: str, key: str, entry: Any
) -> tuple[str, Page, dict[str, Page]]:
    """One entry's page, with the continuation pages of the list it carries."""
    kind = next(k for k in with_pages() if k.name == section)
    guide = context.guide
    path = f"{section}/{key}.md"
    more: dict[str, Page] = {}
    listed = _listed(section, key, guide, context.indexes)
    listing = _listing(context, shared, path, entry.name, listed, more)
    terms = entry_search_terms(context, section, key, entry)
    chosen = DRAFT_TEMPLATE if getattr(entry, "is_draft", False) else str(kind.page)
    text = render_markdown(
        chosen,
        **shared,
        id=key,
        references=numbered(guide, getattr(entry, "sources", [])),
        search_terms=terms,
        listing=listing,
        **{kind.page_entry: entry},
    )
    is_exercise = kind.page_entry == "exercise"
    easier, harder = neighbours(context.ladders.get(key, [])) if is_exercise else (None, None)
    fragments = {}
    if section == "exercises" and FIGURE_SLOT in text:
        fragments[FIGURE_SLOT] = str(context.movement_figure(key))
    page = Page(text, guide.sources[(section, key)], easier, harder, fragments)
    return path, page, more


def entry_pages(context: RenderContext, shared: dict[str, Any]) -> dict[str, Page]:
    """Every entry's page and every kind's index page, with their continuation pages."""
    pages: dict[str, Page] = {}
    for kind in with_pages():
        for key, entry in context.guide.of(kind.name).items():
            path, page, more = entry_page(context, shared, kind.name, key, entry)
            pages.update(more)
            pages[path] = page
    pages.update(index_pages(context, shared))
    return pages


def index_pages(context: RenderContext, shared: dict[str, Any]) -> dict[str, Page]:
    """Every kind's index page with its continuation pages, and the drafts index: the pages
    that list a whole kind."""
    pages: dict[str, Page] = {}
    for kind in with_pages():
        if kind.index_page is None:
            continue
        path = f"{kind.name}/index.md"
        title = kind.name.replace("-", " ").capitalize()
        listed = _listed(kind.name, None, context.guide, context.indexes)
        listing = _listing(context, shared, path, title, listed, pages)
        pages[path] = Page(render_markdown(kind.index_page, **shared, listing=listing), None)
    if any(exercise.is_draft for exercise in context.guide.exercises.values()):
        pages["drafts.md"] = Page(render_markdown("pages/drafts_index.md.j2", **shared), None)
    return pages
