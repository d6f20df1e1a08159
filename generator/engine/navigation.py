"""The site navigation as data: small sections list their pages, large ones only their index.

Engine-neutral: the MkDocs plugin applies it to the configured nav, and the export writes
the expanded nav into the config it hands to a plain engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

EXPAND_SECTIONS = ["problem-areas", "patterns"]
"""Sections whose nav entry `<section>/index.md` grows to list every member page."""
EXPAND_LIMIT = 20
"""A section with more members than this keeps only its index page in the navigation: the
navigation is written into every page, so a long list costs every page its bytes."""


def expand_nav(nav: Any, sections: list[str], pages: Iterable[str], limit: int) -> Any:
    """Replace each `<section>/index.md` nav entry by the index followed by its members.

    Only small sections are expanded (at most ``limit`` members), so the navigation every page
    carries never grows with the size of the library; everything else is reached from index
    pages and search.
    """
    if isinstance(nav, list):
        return [expand_nav(item, sections, pages, limit) for item in nav]
    if isinstance(nav, dict):
        return {title: expand_nav(value, sections, pages, limit) for title, value in nav.items()}
    if isinstance(nav, str):
        section = nav.removesuffix("/index.md")
        if nav.endswith("/index.md") and section in sections:
            members = [
                p
                for p in pages
                if p.startswith(f"{section}/")
                and p.endswith(".md")
                and p != nav
                and "/" not in p.removeprefix(f"{section}/")
            ]
            if len(members) <= limit:
                return [nav, *members]
    return nav
