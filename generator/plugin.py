"""The MkDocs adapter: hands the core's pages to MkDocs and keeps data files out of the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from material.plugins.tags.structure.tag import Tag
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from generator.pipeline import build
from generator.render import Page
from generator.report import human

DATA_SUFFIXES = (".yml", ".yaml")
THEME_FRAGMENTS = Path(__file__).parent / "templates" / "theme"
"""Theme templates the generated pages rely on, such as the 'related' tags listing layout."""


class GuidePluginConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the `runner-guide` plugin in mkdocs.yml."""

    expand_nav = config_options.ListOfItems(
        config_options.Type(str), default=["problem-areas", "patterns"]
    )
    """Sections whose nav entry `<section>/index.md` grows to list every member page."""
    expand_nav_limit = config_options.Type(int, default=40)
    """A section with more members than this keeps only its index page in the navigation."""


def expand_nav(nav: Any, sections: list[str], pages: dict[str, Page], limit: int) -> Any:
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
                p for p in pages if p.startswith(f"{section}/") and p.endswith(".md") and p != nav
            ]
            if len(members) <= limit:
                return [nav, *members]
    return nav


class GuidePlugin(BasePlugin[GuidePluginConfig]):  # type: ignore[no-untyped-call]
    """Adds every generated page to the build, with an edit link to its YAML source.

    The content root is MkDocs' ``docs_dir``, so ``mkdocs serve`` already watches it and a
    saved YAML file triggers a rebuild.
    """

    pages: dict[str, Page]
    appendices: dict[str, str]
    """Hand-written page path → the reference list appended to it."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        built = build(Path(config.docs_dir), directory_urls=config.use_directory_urls)
        if built.problems:
            raise PluginError("the guide's content has problems:\n" + human(built.problems))
        self.pages, self.appendices, names = built.pages, built.appendices, built.topics
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

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for file in list(files):
            if file.src_uri.endswith(DATA_SUFFIXES):
                files.remove(file)
        for path, page in self.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{path} is generated from data; remove the hand-written copy")
            generated = File.generated(config, path, content=page.text)
            if page.source is not None:
                generated.edit_uri = page.source
            files.append(generated)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        appendix = self.appendices.get(page.file.src_uri)
        return markdown if appendix is None else markdown.rstrip("\n") + "\n" + appendix
