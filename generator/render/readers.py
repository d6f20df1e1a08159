"""Which pages read an entry: the pages that name its id.

A page shows an entry's name or summary only beside a link to it, a picture of it or a data
attribute holding its id, so the pages whose text names a changed entry's id are the pages
that show it (generator/render/partial.py renders them again after a save).
"""

from __future__ import annotations

import re
from typing import Any

from generator.guide import Guide
from generator.kinds import with_pages
from generator.render.context import RenderContext, names
from generator.render.entries import asked, entry_page, entry_search_terms
from generator.render.page import Page


def readers(
    previous: dict[str, Page],
    context: RenderContext,
    shared: dict[str, Any],
    changed: list[tuple[str, str]],
    whole: set[str],
) -> list[tuple[str, str]] | None:
    """The entries whose pages read the ``changed`` ones: those whose pages named them
    before, and those their pages name before and after; None when a page that named them
    is neither an entry's page nor one a family writes whole."""
    guide = context.guide
    named: set[tuple[str, str]] = set(changed)
    for section, key in changed:
        path, page, _ = entry_page(context, shared, section, key, guide.of(section)[key])
        named |= _entries_named(previous.get(path), guide) | _entries_named(page, guide)
    for path in _pages_naming({key for _, key in changed}, previous):
        if path in whole or is_index_page(path):
            continue
        owner = _owner(path, guide)
        if owner is None:
            return None
        named.add(owner)
    return sorted(named)


def search_terms_changed(old: RenderContext, new: RenderContext) -> list[tuple[str, str]]:
    """The entries whose search terms differ between two contexts: every page's terms are
    split with the words of the guide's names, so a new name can change pages that never
    name its entry. Words are only looked up as parts of an entry's own words, so only the
    entries whose names or questions contain a word gained or lost are worked out again."""
    if old.symptoms != new.symptoms:
        return [(kind.name, key) for kind in with_pages() for key in new.guide.of(kind.name)]
    moved = old.words ^ new.words
    if not moved:
        return []
    found = []
    for kind in with_pages():
        for key, entry in new.guide.of(kind.name).items():
            minutes = new.indexes.routine_minutes.get(key) if kind.name == "routines" else None
            text = " ".join([*names(entry), *asked(entry, minutes)]).lower()
            if any(word in text for word in moved) and entry_search_terms(
                old, kind.name, key, old.guide.of(kind.name)[key]
            ) != entry_search_terms(new, kind.name, key, entry):
                found.append((kind.name, key))
    return found


_ID_TOKEN = "(?<![a-z0-9-])(?:{})(?![a-z0-9-])"


def _pages_naming(ids: set[str], pages: dict[str, Page]) -> set[str]:
    """The pages whose text or fragments name any of ``ids``."""
    pattern = re.compile(
        _ID_TOKEN.format("|".join(sorted(map(re.escape, ids), key=len, reverse=True)))
    )
    return {
        path
        for path, page in pages.items()
        if pattern.search(page.text) or any(pattern.search(f) for f in page.fragments.values())
    }


def _entries_named(page: Page | None, guide: Guide) -> set[tuple[str, str]]:
    """The entries with pages whose ids a page's text names."""
    if page is None:
        return set()
    words = set(re.findall(r"[a-z0-9][a-z0-9-]*", page.text))
    return {
        (kind.name, key) for kind in with_pages() for key in guide.of(kind.name) if key in words
    }


def _owner(path: str, guide: Guide) -> tuple[str, str] | None:
    """The entry whose page (or continuation page) ``path`` is, if any."""
    section, _, rest = path.partition("/")
    key = rest.split("/page/")[0].removesuffix(".md")
    if section in {kind.name for kind in with_pages()} and key in guide.of(section):
        return (section, key)
    return None


def is_index_page(path: str) -> bool:
    return path == "drafts.md" or any(
        path == f"{kind.name}/index.md" or path.startswith(f"{kind.name}/page/")
        for kind in with_pages()
        if kind.index_page is not None
    )
