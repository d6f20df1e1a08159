"""The MkDocs adapter: hands the core's pages to MkDocs and keeps data files and original
images out of the site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from material.plugins.tags.structure.tag import Tag
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from generator.engine.incremental import warm_guide
from generator.engine.navigation import EXPAND_LIMIT, EXPAND_SECTIONS, expand_nav
from generator.engine.preview import (
    BuiltSite,
    full_build_finished,
    next_site_dir,
    start_preview,
    watch_saves_only,
)
from generator.engine.theme_parts import ThemeParts
from generator.model.media import MEDIA_FOLDER
from generator.offline.worker import write_offline_files
from generator.render import Page
from generator.report import human
from generator.search_terms import page_search_terms
from generator.templating import THEME_FRAGMENTS

DATA_SUFFIXES = (".yml", ".yaml")
"""Theme templates the generated pages rely on, such as the 'related' tags listing layout."""


THEME_BYTECODE = jinja2.FileSystemBytecodeCache()
"""Jinja's own per-user cache folder, so a rebuild does not compile the theme again."""


class GuidePluginConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the `runner-guide` plugin in mkdocs.yml."""

    expand_nav = config_options.ListOfItems(config_options.Type(str), default=EXPAND_SECTIONS)
    """Sections whose nav entry `<section>/index.md` grows to list every member page."""
    expand_nav_limit = config_options.Type(int, default=EXPAND_LIMIT)
    """A section with more members than this keeps only its index page in the navigation."""


class GuidePlugin(BasePlugin[GuidePluginConfig]):  # type: ignore[no-untyped-call]
    """Adds every generated page to the build, with an edit link to its YAML source.

    The content root is MkDocs' ``docs_dir``, so ``mkdocs serve`` already watches it and a
    saved YAML file triggers a rebuild.
    """

    pages: dict[str, Page]
    files: dict[str, bytes]
    """Site path → bytes of the image files the core produced."""
    appendices: dict[str, str]
    """Hand-written page path → the reference list appended to it."""
    nav: Navigation | None = None
    site: BuiltSite | None = None
    """What this build produced, for the partial rebuilds of `mkdocs serve`."""
    serving: bool = False
    """True under `mkdocs serve`, whose live reload an offline copy would only get in the way of."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        elsewhere = next_site_dir(Path(config.docs_dir))
        if elsewhere is not None:  # the preview serves a full build once it has succeeded
            config.site_dir = str(elsewhere)
        warm = warm_guide(Path(config.docs_dir), directory_urls=config.use_directory_urls)
        warm.one_off = not self.serving
        refresh = warm.latest()
        if refresh.problems:
            raise PluginError("the guide's content has problems:\n" + human(refresh.problems))
        self.pages, self.appendices, names = refresh.pages, refresh.appendices, refresh.topics
        self.files = refresh.files
        # The theme links the manifest and registers the service worker only when they exist.
        config.extra["offline"] = not self.serving
        if str(THEME_FRAGMENTS) not in config.theme.dirs:
            config.theme.dirs.append(str(THEME_FRAGMENTS))
        tags = config.plugins.get("material/tags")
        if tags is not None:
            # A hand-written page may only be tagged with a topic that has a group page.
            tags.config.tags_allowed = {Tag(name) for name in names}
        if config.nav is not None:
            config.nav = expand_nav(
                config.nav, self.config.expand_nav, self.pages, self.config.expand_nav_limit
            )
        return config

    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        # Drawings go in last, so neither Markdown nor the search index reads them.
        generated = self.pages.get(page.file.src_uri)
        return generated.html(output) if generated is not None else output

    @event_priority(50)
    def on_page_context(
        self, context: Any, /, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """Give a page's search terms (front matter `search: terms:` and `questions:`) to the
        search index as its tags, a field weighted apart from the text. Runs before the search
        plugin reads the page and after the tags plugin has read its topics, so no topic
        listing sees them."""
        terms = page_search_terms(page.meta)
        if terms:
            page.meta["tags"] = [*page.meta.get("tags", []), *terms]
        return context

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for file in list(files):
            # An original image is never published: only the copies the core made of the
            # files the check examined, without their metadata.
            if file.src_uri.endswith(DATA_SUFFIXES) or file.src_uri.startswith(f"{MEDIA_FOLDER}/"):
                files.remove(file)
        for path, page in self.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{path} is generated from data; remove the hand-written copy")
            generated = File.generated(config, path, content=page.text)
            if page.source is not None:
                generated.edit_uri = page.source
            files.append(generated)
        for path, data in self.files.items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        appendix = self.appendices.get(page.file.src_uri)
        return markdown if appendix is None else markdown.rstrip("\n") + "\n" + appendix

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Place generated pages in their section, so the tab and breadcrumbs show where
        a reader is, and link each exercise to its easier and harder neighbours."""
        homes = {
            page.file.src_uri.removesuffix("index.md"): page.parent
            for page in nav.pages
            if page.file.src_uri.endswith("/index.md")
        }
        for path, generated in self.pages.items():
            file = files.get_file_from_path(path)
            page = file.page if file is not None else None
            if page is None or page in nav.pages:
                continue
            page.parent = homes.get(path.rsplit("/", 1)[0] + "/")
            for attribute, neighbour in (
                ("previous_page", generated.easier),
                ("next_page", generated.harder),
            ):
                other = files.get_file_from_path(neighbour) if neighbour else None
                setattr(page, attribute, other.page if other is not None else None)
        self.nav = nav
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        # Compiled theme templates are kept between builds (Jinja checks their source).
        env.bytecode_cache = THEME_BYTECODE
        if self.nav is not None:
            env.globals["theme_part"] = ThemeParts(self.nav.pages)
            self.site = BuiltSite(config, files, self.nav, env, self.pages)
            full_build_finished(Path(config.docs_dir), self.site)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.serving:
            write_offline_files(
                Path(config.site_dir),
                config.site_name,
                config.site_description or "",
                config.use_directory_urls,
            )

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[[], None]
    ) -> LiveReloadServer:
        """Serve saves with partial rebuilds; see generator/engine/preview.py."""
        warm = warm_guide(Path(config.docs_dir), directory_urls=config.use_directory_urls)
        watched = [Path(config.config_file_path)]
        if config.theme.custom_dir:
            watched.append(Path(config.theme.custom_dir))
        preview = start_preview(Path(config.docs_dir), builder, warm, watched, server)
        if self.site is not None:
            preview.remember(self.site)
        server.builder = preview
        watch_saves_only(server)
        return server
