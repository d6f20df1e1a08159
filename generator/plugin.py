"""The MkDocs adapter: hands the core's pages to MkDocs and keeps data files out of the site."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.pipeline import build_pages
from generator.report import human

DATA_SUFFIXES = (".yml", ".yaml")


class GuidePlugin(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    """Adds every generated page to the build, with an edit link to its YAML source.

    The content root is MkDocs' ``docs_dir``, so ``mkdocs serve`` already watches it and a
    saved YAML file triggers a rebuild.
    """

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        pages, problems = build_pages(Path(config.docs_dir))
        if problems:
            raise PluginError("the guide's content has problems:\n" + human(problems))
        for file in list(files):
            if file.src_uri.endswith(DATA_SUFFIXES):
                files.remove(file)
        for path, page in pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{path} is generated from data; remove the hand-written copy")
            generated = File.generated(config, path, content=page.text)
            if page.source is not None:
                generated.edit_uri = page.source
            files.append(generated)
        return files
