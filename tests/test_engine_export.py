"""`guide export` feeds a plain engine: the pages it builds link exactly where the plugin
build's pages do, with MkDocs alone and, where it is installed, with Zensical."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
ZENSICAL = shutil.which("zensical", path=str(Path(sys.executable).parent))


class _ArticleLinks(HTMLParser):
    """Targets of the links inside a page's article: the content, not the theme's chrome."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag == "a" and self.depth:
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1


def internal_links(site: Path) -> dict[str, set[str]]:
    """Page path → the site paths its article links to (query and fragment dropped)."""
    pages: dict[str, set[str]] = {}
    for html in sorted(site.rglob("*.html")):
        page = html.relative_to(site).as_posix()
        if page in ("404.html",) or page.startswith("tags"):
            continue
        parser = _ArticleLinks()
        parser.feed(html.read_text(encoding="utf-8"))
        targets = set()
        for href in parser.hrefs:
            path = href.split("#", 1)[0].split("?", 1)[0]
            if not path or "://" in path or path.startswith(("mailto:", "javascript:")):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            targets.add(resolved.removesuffix("/index.html").removesuffix("/"))
        pages[page] = targets
    return pages


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "guide"
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "export", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def test_export_has_no_plugin_of_ours_and_no_yaml_data(exported: Path) -> None:
    config = (exported / "mkdocs.yml").read_text(encoding="utf-8")
    assert "runner-guide" not in config
    assert not list((exported / "docs").rglob("*.yml"))
    clamshell = (exported / "docs" / "exercises" / "clamshell.md").read_text(encoding="utf-8")
    assert "edit_url:" in clamshell and "content/exercises/clamshell.yml" in clamshell


def test_plain_mkdocs_build_of_the_export_links_like_the_plugin_build(
    exported: Path, built_guide: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.yml"],
        cwd=exported,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert result.returncode == 0, result.stderr
    plain = internal_links(exported / "site")
    plugin = internal_links(built_guide)
    assert set(plain) == set(plugin)
    differing = [page for page in plugin if plain[page] != plugin[page]]
    assert not differing, differing[:5]
    edit = (exported / "site" / "exercises" / "clamshell" / "index.html").read_text()
    assert "edit/main/content/exercises/clamshell.yml" in edit
    figure = (exported / "site" / "exercises" / "glute-bridge" / "index.html").read_text()
    assert figure.count('<figure class="movement"') == 1
    assert "<!-- movement figure -->" not in figure
    assert (exported / "site" / "exercises" / "glute-bridge.svg").is_file()


@pytest.mark.skipif(ZENSICAL is None, reason="zensical is not installed in this environment")
def test_zensical_build_of_the_export_links_like_the_plugin_build(
    exported: Path, built_guide: Path, tmp_path: Path
) -> None:
    project = tmp_path / "zensical"
    shutil.copytree(exported, project, ignore=shutil.ignore_patterns("site"))
    result = subprocess.run(
        [str(ZENSICAL), "build"], cwd=project, capture_output=True, text=True, env=ENV
    )
    assert result.returncode == 0, result.stderr
    zensical = internal_links(project / "site")
    plugin = internal_links(built_guide)
    missing = sorted(set(plugin) - set(zensical))
    assert not missing, missing[:5]
    differing = [page for page in plugin if zensical[page] != plugin[page]]
    assert not differing, [(p, zensical[p] ^ plugin[p]) for p in differing[:3]]
