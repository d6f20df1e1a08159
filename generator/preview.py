"""Partial rebuilds for `mkdocs serve`: a saved YAML file rewrites only the pages it changed.

MkDocs 1.x rebuilds every page on each save. This adapter keeps what the last full build
produced (files, navigation, theme environment, search index) and, when a save changes only
page bodies, renders just those pages again and rewrites the search index in place. Anything
that could change navigation — a page added or removed, a title or front matter changed, a
hand-written page, the config or the theme — falls back to the full build, so the preview is
never stale.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import watchdog.observers
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from watchdog.observers.polling import PollingObserver

from generator.incremental import Refresh, WarmGuide
from generator.report import human

log = logging.getLogger("mkdocs.plugins.runner-guide")
DATA_SUFFIXES = (".yml", ".yaml")


@dataclass
class BuiltSite:
    """What the last full build left behind, for partial rebuilds to reuse."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any


def _stamps(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    """Modification stamps of every file under ``paths`` that is not content data."""
    stamps: dict[Path, tuple[int, int]] = {}
    for top in paths:
        if top.is_file():
            candidates = [top]
        elif top.is_dir():
            candidates = [p for p in top.rglob("*") if p.is_file()]
        else:
            continue
        for path in candidates:
            if path.suffix in DATA_SUFFIXES and path.is_relative_to(paths[0]):
                continue
            status = os.stat(path)
            stamps[path] = (status.st_mtime_ns, status.st_size)
    return stamps


SHARED_KEYS = ("title", "tags")
"""Front-matter keys other pages are built from: navigation titles and tag listings."""


def page_head(text: str) -> str:
    """What other pages show of this one: its title, tags and first heading.

    Navigation, previous/next footers and tag listings are built from these; a change to
    anything else in a page (its description, its body) shows on that page alone.
    """
    head, _, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    shared = [line for line in head.splitlines() if line.startswith(SHARED_KEYS)]
    if any(line.startswith("tags") for line in shared):
        shared = head.splitlines()
    heading = next((line for line in body.splitlines() if line.startswith("# ")), "")
    return "\n".join([*shared, heading])


class PartialRebuild:
    """The serve builder: a partial rebuild when it is safe, else the full one."""

    def __init__(self, full: Callable[[], None], warm: WarmGuide, watched: list[Path]) -> None:
        self.full = full
        self.warm = warm
        self.watched = watched
        """The docs dir first, then config and theme files; YAML under the docs dir is data."""
        self.site: BuiltSite | None = None
        self.stamps = _stamps(watched)
        self.heads = {path: page_head(page.text) for path, page in warm.pages.items()}

    def remember(self, site: BuiltSite) -> None:
        """Called at the end of every full build."""
        self.site = site
        self.stamps = _stamps(self.watched)
        self.heads = {path: page_head(page.text) for path, page in self.warm.pages.items()}

    def __call__(self) -> None:
        started = time.monotonic()
        if self.site is None or _stamps(self.watched) != self.stamps:
            self.full()
            return
        refresh = self.warm.refresh()
        if refresh.problems:
            log.error("the guide's content has problems:\n%s", human(refresh.problems))
            return
        if self._needs_full_build(refresh):
            self.full()
            return
        self._rebuild(refresh, self.site)
        log.info(
            "Rebuilt %d changed page(s) in %.2f seconds",
            len(refresh.changed),
            time.monotonic() - started,
        )

    def _needs_full_build(self, refresh: Refresh) -> bool:
        if refresh.structure_changed:
            return True
        return any(
            page_head(refresh.pages[path].text) != self.heads.get(path)
            for path in refresh.changed
            if path.endswith(".md")
        )

    def _rebuild(self, refresh: Refresh, site: BuiltSite) -> None:
        config, files = site.config, site.files
        pages = []
        for path in sorted(refresh.changed):
            file = files.get_file_from_path(path)
            if file is None:
                self.full()
                return
            file.content_string = refresh.pages[path].text
            known = getattr(config.plugins.get("runner-guide"), "pages", None)
            if isinstance(known, dict):  # its figures go in after conversion, from these
                known[path] = refresh.pages[path]
            if file.page is None:
                file.copy_file()
            else:
                pages.append(file.page)
        search = config.plugins.get("material/search")
        if search is not None:
            locations = tuple(page.url for page in pages)
            search.search_index.entries = [
                entry
                for entry in search.search_index.entries
                if not _belongs_to(entry["location"], locations)
            ]
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in pages:
            _populate_page(page, config, files)
        # As in a full build: listings (such as Material's tag listings) are filled in here.
        config.plugins.on_env(site.env, config=config, files=files)
        for page in pages:
            _build_page(page, config, doc_files, site.nav, site.env)
        if search is not None:
            search.on_post_build(config=config)


def _belongs_to(location: str, page_urls: tuple[str, ...]) -> bool:
    """True when a search entry (``page/`` or ``page/#section``) is one of these pages'."""
    page = location.split("#", 1)[0]
    return page in page_urls


def notice_saves_at_once(server: LiveReloadServer) -> None:
    """Watch with the system's change notifications instead of polling every half second.

    MkDocs polls because it works everywhere; where watchdog has a native observer (inotify
    on Linux, FSEvents on macOS) a save is seen at once, which is most of a partial
    rebuild's wait. The paths already watched move to the new observer.
    """
    native = watchdog.observers.Observer
    if native is PollingObserver or not isinstance(server.observer, PollingObserver):
        return
    paths = dict(server._watched_paths)
    for path in paths:
        for _ in range(paths[path]):
            server.unwatch(path)
    server.observer = native()  # type: ignore[assignment]  # MkDocs annotates its default
    for path in paths:
        server.watch(path)


_PREVIEWS: dict[Path, PartialRebuild] = {}


def start_preview(
    docs_dir: Path, full: Callable[[], None], warm: WarmGuide, watched: list[Path]
) -> PartialRebuild:
    """Register the partial builder for a served docs dir; full builds report back to it."""
    preview = PartialRebuild(full, warm, [docs_dir, *watched])
    _PREVIEWS[docs_dir.resolve()] = preview
    return preview


def full_build_finished(docs_dir: Path, site: BuiltSite) -> None:
    preview = _PREVIEWS.get(docs_dir.resolve())
    if preview is not None:
        preview.remember(site)
