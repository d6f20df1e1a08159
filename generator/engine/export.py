"""A plain engine's input: the guide's pages written out with a config that needs no plugin
of ours, so MkDocs, Zensical or any engine reading `mkdocs.yml` can publish the guide.

Everything the `runner-guide` plugin does at build time is done here instead: generated
pages are written as files, the navigation is expanded, YAML data stays out of the docs,
the tag allow-list goes into the tags plugin's own option, each generated page carries
its edit link in front matter (the theme's actions partial reads it), and each page's search
terms are in the `tags` the search plugin indexes (its topics move to `topics`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

from generator.engine.export_target import (
    check_target,
    discard,
    protected_folders,
    put_in_place,
    staging_folder,
    write_marker,
)
from generator.engine.navigation import EXPAND_LIMIT, EXPAND_SECTIONS, expand_nav
from generator.front_matter import FENCE, front_matter
from generator.model.media import MEDIA_FOLDER
from generator.pipeline import Built, build
from generator.problems import Problem
from generator.render import Page
from generator.search_terms import page_search_terms
from generator.templating import THEME_FRAGMENTS

PLUGIN = "runner-guide"
DATA_SUFFIXES = (".yml", ".yaml")
CLASSIC_LOOK = {"variant": "classic"}
"""Asks Zensical for the look Material gives (its header, fonts and icons); MkDocs ignores it."""


def site_path(config: dict[str, Any]) -> str:
    """The path the site is published under, such as '/runners/' ('/' without a site_url)."""
    path = urlsplit(str(config.get("site_url") or "")).path or "/"
    return path if path.endswith("/") else f"{path}/"


def _with_edit_url(page: Page, edit_base: str | None) -> str:
    """The page text with its drawings in place (a plain engine has no hook to put them in
    after conversion; each is one block of raw HTML without blank lines, which Markdown
    passes through) and `edit_url` added to its front matter, when it has a source file."""
    text = page.html(page.text)
    if page.source is None or edit_base is None or not text.startswith("---\n"):
        return text
    return f"---\nedit_url: {json.dumps(edit_base + page.source)}\n{text[4:]}"


TOPICS = "topics"
"""The front matter key the exported pages keep their topics under, for the tags plugin;
`tags` then holds the topics and the page's search terms, for the search index."""


def _with_search_tags(text: str) -> str:
    """The page with its search terms (`search: terms:` and the word forms of `questions:`)
    in the `tags` the search plugin indexes, as our plugin hands them over at build time,
    and its topics moved to `topics`, where the tags plugin is told to read them."""
    block = front_matter(text)
    if block is None:
        return text
    meta = yaml.safe_load(block)
    if not isinstance(meta, dict) or ("tags" not in meta and not page_search_terms(meta)):
        return text
    topics = meta.pop("tags", None) or []
    terms = page_search_terms(meta)
    meta = {**meta, **({TOPICS: topics} if topics else {}), "tags": [*topics, *terms]}
    lines = text.splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FENCE)
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"{FENCE}\n{dumped}{FENCE}\n{''.join(lines[end + 1 :])}"


def _plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and PLUGIN in entry:
            options: dict[str, Any] = entry[PLUGIN] or {}
            return options
    return {}


def _plain_plugins(config: dict[str, Any], topics: list[str]) -> list[Any]:
    """The configured plugins without ours, the tags plugin holding the allowed topics."""
    plugins: list[Any] = []
    for entry in config.get("plugins", []):
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name == PLUGIN:
            continue
        if name == "tags":
            options = dict(entry["tags"] or {}) if isinstance(entry, dict) else {}
            options["tags_allowed"] = sorted(topics)
            options["tags_name_property"] = TOPICS
            entry = {"tags": options}
        plugins.append(entry)
    return plugins


def export_site(
    config_file: Path, target: Path, shown: str | None = None
) -> tuple[list[Problem], Path | None]:
    """Write ``target``/docs and ``target``/mkdocs.yml, or return the content's problems;
    second, where files that appeared in the old folder while it was replaced were kept.

    Raises ``ExportRefused`` before anything is touched when ``target`` is not a new or
    empty folder outside the project's sources, nor one an earlier export wrote; the pages
    are written next to it first and swapped in whole, so a failure leaves it as it was.
    """
    config = yaml_load(config_file.read_text(encoding="utf-8"))
    root = config_file.parent
    content = root / config.get("docs_dir", "docs")
    theme = {**config["theme"], **CLASSIC_LOOK}
    theme_dir = root / theme["custom_dir"] if theme.get("custom_dir") else None
    checked = check_target(target, root, protected_folders(content, theme_dir), shown=shown)
    built = build(content, site_path=site_path(config))
    if built.problems:
        return built.problems, None
    staged, made = staging_folder(checked)
    try:
        _write_export(config, built, root, theme, theme_dir, staged)
        write_marker(staged)
        kept = put_in_place(staged, checked)
    except BaseException:
        discard(staged, made)
        raise
    return [], kept


def _write_export(
    config: dict[str, Any],
    built: Built,
    root: Path,
    theme: dict[str, Any],
    theme_dir: Path | None,
    target: Path,
) -> None:
    content = root / config.get("docs_dir", "docs")
    pages, topics = built.pages, built.topics
    docs = target / "docs"
    # Original images stay out, as in the plugin: the build writes the examined copies.
    unpublished = shutil.ignore_patterns(*(f"*{s}" for s in DATA_SUFFIXES), MEDIA_FOLDER)
    shutil.copytree(content, docs, ignore=unpublished)
    repo_url, edit_uri = config.get("repo_url"), config.get("edit_uri")
    edit_base = f"{repo_url.rstrip('/')}/{edit_uri.strip('/')}/" if repo_url and edit_uri else None
    for path, page in pages.items():
        destination = docs / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(_with_edit_url(page, edit_base), encoding="utf-8")
    for path, data in built.files.items():
        destination = docs / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
    for path, appendix in built.appendices.items():
        page_file = docs / path
        text = page_file.read_text(encoding="utf-8").rstrip("\n")
        page_file.write_text(f"{text}\n{appendix}", encoding="utf-8")
    for page_file in sorted(docs.rglob("*.md")):
        text = page_file.read_text(encoding="utf-8")
        searchable = _with_search_tags(text)
        if searchable != text:
            page_file.write_text(searchable, encoding="utf-8")
    options = _plugin_options(config)
    overrides = target / "overrides"
    if theme_dir is not None:
        shutil.copytree(theme_dir, overrides)
    shutil.copytree(THEME_FRAGMENTS, overrides, dirs_exist_ok=True)
    plain = {
        **config,
        "docs_dir": "docs",
        "theme": {**theme, "custom_dir": "overrides"},
        "plugins": _plain_plugins(config, topics),
    }
    if config.get("nav") is not None:
        plain["nav"] = expand_nav(
            config["nav"],
            options.get("expand_nav", EXPAND_SECTIONS),
            pages,
            options.get("expand_nav_limit", EXPAND_LIMIT),
        )
    (target / "mkdocs.yml").write_text(
        yaml.safe_dump(plain, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
