"""Where pages and files are published, and links between them for HTML fragments."""

from __future__ import annotations

import posixpath

MOVEMENT_CSS = "assets/stylesheets/movement.css"
"""The movement figures' stylesheet, published with the pages (mkdocs.yml lists it)."""
STILL_PATH = "exercises/{id}.svg"
"""Each exercise's small still, one file that every list and the finder show."""


def page_url(page: str, directory_urls: bool) -> str:
    """Where a Markdown page is published: 'x/y/' or 'x/y.html' ('index.md' is its folder)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/" if directory_urls else f"{stem}.html"


FINDER_PAGE = "finder/index.md"
"""An index page, like every page with raw HTML links: its folder is the same as its URL's,
so a link relative to the source file and one relative to the output URL agree, whichever
convention an engine follows."""
PLAN_PAGE = "plan/index.md"
"""An index page too, for the same reason."""


def _published_folder(page: str, directory_urls: bool) -> str:
    """The folder a published page's relative links start from ('.' for the site's root)."""
    return posixpath.dirname(page_url(page, directory_urls).rstrip("/") + "/x") or "."


def html_href(from_page: str, to_page: str, directory_urls: bool) -> str:
    """A relative link for HTML fragments, which site engines do not rewrite."""
    target = page_url(to_page, directory_urls)
    relative = posixpath.relpath(target or ".", _published_folder(from_page, directory_urls))
    return relative + ("/" if target.endswith("/") and not relative.endswith("/") else "")


def file_href(from_page: str, file: str, directory_urls: bool) -> str:
    """A relative link from a page to a published file (an image), for HTML fragments."""
    return posixpath.relpath(file, _published_folder(from_page, directory_urls))
