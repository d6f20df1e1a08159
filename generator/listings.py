"""Long lists split into numbered pages, so no listing page grows with the library.

The first page keeps its address; later pages live under '<page>/page/<n>/' and every page
links to all the others by number, so readers and crawlers can reach each entry.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

PAGE_SIZE = 100
"""Entries per listing page."""

Groups = list[tuple[str, list[str]]]
"""Headed runs of entry ids; a heading may be empty."""


@dataclass(frozen=True)
class Listing:
    """One page of a list: its number, its share of the groups, and links to every page."""

    number: int
    groups: Groups
    pages: list[tuple[int, str]]
    """(page number, Markdown link from this page) for the pager."""

    @property
    def empty(self) -> bool:
        return not any(keys for _, keys in self.groups)


def page_path(first: str, number: int) -> str:
    """Where page ``number`` of the list that starts on page ``first`` lives."""
    if number == 1:
        return first
    base = first.removesuffix(".md").removesuffix("/index")
    return f"{base}/page/{number}.md"


def link(from_page: str, to_page: str) -> str:
    """A Markdown link from one source page to another."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def paginate(first: str, groups: Groups, size: int = PAGE_SIZE) -> dict[str, Listing]:
    """Split ``groups`` into pages of at most ``size`` entries, keyed by page path."""
    flat = [(heading, key) for heading, keys in groups for key in keys]
    count = max(1, -(-len(flat) // size))
    paths = [page_path(first, n) for n in range(1, count + 1)]
    pages: dict[str, Listing] = {}
    for number, path in enumerate(paths, start=1):
        chunk = flat[(number - 1) * size : number * size]
        mine: Groups = [(heading, []) for heading, _ in groups]
        for heading, key in chunk:
            next(keys for h, keys in mine if h == heading).append(key)
        if not flat:
            mine = [(heading, []) for heading, _ in groups]
        else:
            mine = [(heading, keys) for heading, keys in mine if keys]
        pager = [(n, link(path, target)) for n, target in enumerate(paths, start=1)]
        pages[path] = Listing(number, mine, pager)
    return pages
