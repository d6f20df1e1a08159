"""Partial rebuilds for `mkdocs serve`: a saved YAML file rewrites only the pages it changed.

MkDocs 1.x rebuilds every page on each save. This adapter keeps what the last full build
produced (files, navigation, theme environment, search index) and, when a save changes only
page bodies, renders just those pages again and rewrites the search index in place. Anything
that could change navigation — a page added or removed, a title or front matter changed, a
hand-written page, the config or the theme — falls back to the full build, so the preview is
never stale.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from watchdog.observers.polling import PollingObserver

from generator.engine.incremental import Refresh, WarmGuide
from generator.engine.page_build import read_page, write_page
from generator.render.page import Page
from generator.report import human, printable_lines
from generator.templating import environment

log = logging.getLogger("mkdocs.plugins.runner-guide")
DATA_SUFFIXES = (".yml", ".yaml")


@dataclass
class BuiltSite:
    """What the last full build left behind, for partial rebuilds to reuse."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any
    pages: dict[str, Page]
    """The plugin's generated pages, whose figures go in after conversion: a rebuilt page
    is updated here so the plugin puts in its new figure."""


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


def _reason(error: BaseException) -> str:
    """What went wrong first: MkDocs reports a plugin's error as 'Aborted with a BuildError!'
    raised while handling it, so the error it handled says more."""
    while error.__context__ is not None and str(error.__context__):
        error = error.__context__
    return str(error) or type(error).__name__


class PartialRebuild:
    """The serve builder: a partial rebuild when it is safe, else the full one.

    A full build writes into a new folder, served only once the build succeeded: while a
    build fails, the last good pages stay served, with the error in a banner on each page
    and in the log, and the server never waits on a build that will not finish.
    """

    def __init__(
        self,
        full: Callable[[], None],
        warm: WarmGuide,
        watched: list[Path],
        server: LiveReloadServer | None = None,
    ) -> None:
        self.full = full
        self.warm = warm
        self.watched = watched
        """The docs dir first, then config and theme files; YAML under the docs dir is data."""
        self.server = server
        self.site: BuiltSite | None = None
        self.stamps = _stamps(watched)
        self.heads = {path: page_head(page.text) for path, page in warm.pages.items()}
        self.error: str | None = None
        """What the last build failed with, while the last good pages are served."""
        self.next_site_dir: Path | None = None
        """Where the full build under way writes (the plugin points MkDocs there)."""
        self.own_site_dirs: list[Path] = []
        self.rebuilding = False
        """True during a partial rebuild."""
        """Folders full builds wrote, the one served last; removed when no longer served."""

    def remember(self, site: BuiltSite) -> None:
        """Called at the end of every full build (the theme environment's event, which a
        partial rebuild also sends for the tag listings: then nothing is to be recorded)."""
        if self.rebuilding:
            return
        self.site = site
        self.stamps = _stamps(self.watched)
        self.heads = {path: page_head(page.text) for path, page in self.warm.pages.items()}

    def __call__(self) -> None:
        started = time.monotonic()
        if self.site is None or _stamps(self.watched) != self.stamps:
            self._full()
            return
        refresh = self.warm.refresh()
        if refresh.problems:
            self._failed("the guide's content has problems:\n" + human(refresh.problems))
            return
        if self._needs_full_build(refresh):
            self._full()
            return
        try:
            self._rebuild(refresh, self.site)
        except Exception as error:  # any failure: the last good pages stay served
            self._failed(f"the rebuild failed: {error}")
            return
        self.error = None
        log.info(
            "Rebuilt %d changed page(s) in %.2f seconds",
            len(refresh.changed),
            time.monotonic() - started,
        )

    def _full(self) -> None:
        """A full build into a new folder, served only when it succeeded."""
        if self.server is None:
            self.full()
            return
        target = Path(tempfile.mkdtemp(prefix="guide-preview-"))
        self.next_site_dir = target
        try:
            self.full()
        except Exception as error:  # any failure: the last good pages stay served
            shutil.rmtree(target, ignore_errors=True)
            self._failed(_reason(error))
            return
        finally:
            self.next_site_dir = None
        self.error = None
        self.server.root = str(target)
        for old in self.own_site_dirs:
            shutil.rmtree(old, ignore_errors=True)
        self.own_site_dirs = [target]

    def _failed(self, message: str) -> None:
        self.error = message
        log.error("%s\nThe last good pages are still served; save a fix to rebuild.", message)

    def remove_site_dirs(self) -> None:
        for old in self.own_site_dirs:
            shutil.rmtree(old, ignore_errors=True)
        self.own_site_dirs = []

    def _needs_full_build(self, refresh: Refresh) -> bool:
        """A full build when pages come or go, or when what other pages show of a changed
        page (its title, tags or first heading) changed and it is in the navigation or
        carries tags: then every page could show it. A page outside the navigation (an
        exercise in a guide of hundreds) is shown by title only in the footers of its
        ladder neighbours, which the partial rebuild redraws."""
        if refresh.structure_changed:
            return True
        if self.site is None:
            return True
        in_nav = {page.file.src_uri for page in self.site.nav.pages}
        for path in self._head_changed(refresh):
            tagged = any(
                line.startswith("tags") for line in page_head(refresh.pages[path].text).splitlines()
            )
            if tagged or path in in_nav or self.heads.get(path, "").startswith("tags"):
                return True
        return False

    def _head_changed(self, refresh: Refresh) -> list[str]:
        return [
            path
            for path in sorted(refresh.changed)
            if path.endswith(".md") and page_head(refresh.pages[path].text) != self.heads.get(path)
        ]

    def _rebuild(self, refresh: Refresh, site: BuiltSite) -> None:
        config, files = site.config, site.files
        pages = []
        for path in sorted(refresh.changed):
            file = files.get_file_from_path(path)
            if file is None:
                self.full()
                return
            file.content_string = refresh.pages[path].text
            site.pages[path] = refresh.pages[path]
            if file.page is None:
                file.copy_file()
            else:
                pages.append(file.page)
        pages += self._ladder_neighbours(refresh, site, pages)
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
            read_page(page, config, files)
        for path in self._head_changed(refresh):
            self.heads[path] = page_head(refresh.pages[path].text)
        # As in a full build: listings (such as Material's tag listings) are filled in here.
        self.rebuilding = True
        try:
            config.plugins.on_env(site.env, config=config, files=files)
        finally:
            self.rebuilding = False
        for page in pages:
            write_page(page, config, doc_files, site.nav, site.env)
        if search is not None:
            search.on_post_build(config=config)

    def _ladder_neighbours(self, refresh: Refresh, site: BuiltSite, pages: list[Any]) -> list[Any]:
        """Pages whose footer names a page whose title changed: its ladder neighbours."""
        renamed = []
        for path in self._head_changed(refresh):
            file = site.files.get_file_from_path(path)
            if file is not None and file.page is not None:
                renamed.append(file.page)
        return [
            file.page
            for file in site.files.documentation_pages()
            if file.page is not None
            and file.page not in pages
            and (file.page.previous_page in renamed or file.page.next_page in renamed)
        ]


def _belongs_to(location: str, page_urls: tuple[str, ...]) -> bool:
    """True when a search entry (``page/`` or ``page/#section``) is one of these pages'."""
    page = location.split("#", 1)[0]
    return page in page_urls


CHANGES = frozenset(
    (
        watchdog.events.EVENT_TYPE_MODIFIED,
        watchdog.events.EVENT_TYPE_CREATED,
        watchdog.events.EVENT_TYPE_DELETED,
        watchdog.events.EVENT_TYPE_MOVED,
    )
)
"""The file events that are a save; opening, reading and closing a file are not."""


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class SaveHandler(watchdog.events.FileSystemEventHandler):
    """Asks the server for a rebuild when a file is saved, created, removed or moved.

    MkDocs rebuilds on any event, and the native observer also reports a file being
    opened and closed, so each build's own reading of the content would start the next.
    A 'modified' event that leaves a file's time and size as they were is no save either.
    """

    def __init__(self, server: LiveReloadServer, folder: str) -> None:
        self.server = server
        self.stamps = {
            os.path.join(top, name): _stamp(os.path.join(top, name))
            for top, _, names in os.walk(folder)
            for name in names
        }

    def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        path = os.fsdecode(event.src_path)
        stamp = _stamp(path)
        unchanged = path in self.stamps and self.stamps[path] == stamp
        if event.event_type == watchdog.events.EVENT_TYPE_MODIFIED and unchanged:
            return
        self.stamps[path] = stamp
        if event.event_type == watchdog.events.EVENT_TYPE_MOVED:
            destination = os.fsdecode(event.dest_path)
            self.stamps[destination] = _stamp(destination)
        log.debug(str(event))
        with self.server._rebuild_cond:
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()


def watch_saves_only(server: LiveReloadServer) -> None:
    """Watch every path for saves only (see SaveHandler), with the system's change
    notifications where watchdog has them (inotify, FSEvents) rather than polling every
    half second: a save is seen at once, which is most of a partial rebuild's wait."""
    paths = dict(server._watched_paths)
    for path in paths:
        for _ in range(paths[path]):
            server.unwatch(path)
    native = watchdog.observers.Observer
    if native is not PollingObserver and isinstance(server.observer, PollingObserver):
        server.observer = native()  # type: ignore[assignment]  # MkDocs annotates its default

    def watch(path: str, func: None = None, *, recursive: bool = True) -> None:
        path = os.path.abspath(path)
        server._watched_paths[path] = server._watched_paths.get(path, 0) + 1
        if server._watched_paths[path] > 1:
            return
        handler = SaveHandler(server, path)
        server._watch_refs[path] = server.observer.schedule(handler, path, recursive=recursive)

    server.watch = watch  # type: ignore[method-assign]  # paths MkDocs adds later too
    for path, count in paths.items():
        for _ in range(count):
            server.watch(path)


_BANNER = environment(autoescape=True).get_template("tools/preview_error.html.j2")


def show_build_error(server: LiveReloadServer, preview: PartialRebuild) -> None:
    """While a build error stands, every served page carries it in a banner at the top."""
    inject: Callable[[bytes, int], bytes] = server._inject_js_into_html

    def with_banner(content: bytes, epoch: int) -> bytes:
        page = inject(content, epoch)
        if preview.error is None or b"</body>" not in page:
            return page
        banner = _BANNER.render(error=printable_lines(preview.error)).encode("utf-8")
        at = page.rindex(b"</body>")
        return page[:at] + banner + page[at:]

    server._inject_js_into_html = with_banner  # type: ignore[method-assign]


_PREVIEWS: dict[Path, PartialRebuild] = {}


def start_preview(
    docs_dir: Path,
    full: Callable[[], None],
    warm: WarmGuide,
    watched: list[Path],
    server: LiveReloadServer | None = None,
) -> PartialRebuild:
    """Register the partial builder for a served docs dir; full builds report back to it."""
    preview = PartialRebuild(full, warm, [docs_dir, *watched], server)
    _PREVIEWS[docs_dir.resolve()] = preview
    if server is not None:
        show_build_error(server, preview)
        atexit.register(preview.remove_site_dirs)
    return preview


def next_site_dir(docs_dir: Path) -> Path | None:
    """Where the full build about to run for this served docs dir must write, if elsewhere."""
    preview = _PREVIEWS.get(docs_dir.resolve())
    return preview.next_site_dir if preview is not None else None


def full_build_finished(docs_dir: Path, site: BuiltSite) -> None:
    preview = _PREVIEWS.get(docs_dir.resolve())
    if preview is not None:
        preview.remember(site)
