"""One page built again through MkDocs' public interface, for the preview's partial rebuilds.

MkDocs 1.x has no public call that builds a single page, so these are the steps its own build
takes for each page (`mkdocs/commands/build.py`), written with public parts only: the plugin
events, `Page.read_source` and `Page.render`, `get_context` and the theme's template. The
`--dirty` and draft branches are left out: the preview uses neither.
"""

from __future__ import annotations

from collections.abc import Sequence

import jinja2
from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def read_page(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read the page's Markdown and convert it to HTML, with the plugins' page events."""
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    assert page.markdown is not None
    page.markdown = config.plugins.on_page_markdown(
        page.markdown, page=page, config=config, files=files
    )
    page.render(config, files)
    assert page.content is not None
    page.content = config.plugins.on_page_content(
        page.content, page=page, config=config, files=files
    )


def write_page(
    page: Page,
    config: MkDocsConfig,
    doc_files: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
) -> None:
    """Put a read page into the theme's template and write it to the site folder."""
    page.active = True  # the theme marks the current page by this
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
        if output.strip():
            data = output.encode("utf-8", errors="xmlcharrefreplace")
            utils.write_file(data, page.file.abs_dest_path)
    finally:
        page.active = False
