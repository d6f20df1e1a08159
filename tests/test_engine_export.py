"""`guide export` feeds a plain engine: the pages MkDocs alone and Zensical build from it
link exactly where the plugin build's pages do, and served under the guide's real path
(/runners/) every link, image, figure and the search work on both."""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

import pytest
from conftest import REPO, QuietHandler, serving
from mkdocs.utils.yaml import yaml_load

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


ENGINES = ("mkdocs", "zensical")


def engine_command(engine: str) -> list[str]:
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    assert ZENSICAL is not None, "zensical is missing: `make test` installs it with '.[test]'"
    return [ZENSICAL, "build", "--strict"]


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


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def engine_site(exported: Path, engine: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export built by one engine, in a copy of its own."""
    project = tmp_path_factory.mktemp(engine) / "guide"
    shutil.copytree(exported, project)
    result = subprocess.run(
        engine_command(engine), cwd=project, capture_output=True, text=True, env=ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


SITE_PATH = "/runners/"
"""Where the guide is published (site_url in mkdocs.yml), and where the engines' sites are
served here: a link that leaves it is as broken as one to a missing file."""


class _UnderSitePath(QuietHandler):
    """Serves the site's files under SITE_PATH only."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SITE_PATH):
            return str(Path(self.directory) / "outside-the-site-path")
        return super().translate_path(path[len(SITE_PATH) - 1 :])


@pytest.fixture(scope="module")
def served(engine_site: Path) -> Iterator[str]:
    """The engine's site on 127.0.0.1 under /runners/; the address of its home page."""
    with serving(engine_site, _UnderSitePath) as address:
        yield address + SITE_PATH


def test_export_has_no_plugin_of_ours_and_no_yaml_data(exported: Path) -> None:
    config = (exported / "mkdocs.yml").read_text(encoding="utf-8")
    assert "runner-guide" not in config
    assert not list((exported / "docs").rglob("*.yml"))
    clamshell = (exported / "docs" / "exercises" / "clamshell.md").read_text(encoding="utf-8")
    assert "edit_url:" in clamshell and "content/exercises/clamshell.yml" in clamshell


def test_export_asks_zensical_for_the_classic_look(exported: Path) -> None:
    config = yaml_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["variant"] == "classic"


def test_each_engine_builds_pages_that_link_like_the_plugin_build(
    engine_site: Path, built_guide: Path
) -> None:
    built = internal_links(engine_site)
    plugin = internal_links(built_guide)
    missing = sorted(set(plugin) - set(built))
    assert not missing, missing[:5]
    differing = [page for page in plugin if built[page] != plugin[page]]
    assert not differing, [(p, built[p] ^ plugin[p]) for p in differing[:3]]
    edit = (engine_site / "exercises" / "clamshell" / "index.html").read_text()
    assert "edit/main/content/exercises/clamshell.yml" in edit


def _movement_figures(site: Path) -> set[str]:
    return {
        page.relative_to(site).as_posix()
        for page in site.glob("exercises/*/index.html")
        if '<figure class="movement"' in page.read_text(encoding="utf-8")
    }


def test_each_engine_draws_every_exercise_figure_the_plugin_build_draws(
    engine_site: Path, built_guide: Path
) -> None:
    drawn = _movement_figures(built_guide)
    assert len(drawn) > 50
    assert _movement_figures(engine_site) == drawn
    figure = (engine_site / "exercises" / "glute-bridge" / "index.html").read_text()
    assert figure.count('<figure class="movement"') == 1
    assert "<!-- movement figure -->" not in figure
    assert (engine_site / "exercises" / "glute-bridge.svg").is_file()


class _Addresses(HTMLParser):
    """Every address a page asks the browser to follow or load: links, images (each
    srcset candidate), scripts, stylesheets, icons, sources of media."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if not value:
                continue
            if name in ("href", "src", "poster") and tag != "use":
                self.urls.append(value)
            elif name == "srcset":
                self.urls += [c.split()[0] for c in value.split(",") if c.strip()]


def test_served_under_the_site_path_no_link_or_image_is_broken(
    served: str, engine_site: Path
) -> None:
    """Every address on every page, resolved as a browser does from the page's URL, stays
    under /runners/ and answers 200."""
    origin = urlsplit(served)
    wanted: dict[str, str] = {}
    for html in sorted(engine_site.rglob("*.html")):
        page = html.relative_to(engine_site).as_posix()
        url = served + page.removesuffix("index.html")
        parser = _Addresses()
        parser.feed(html.read_text(encoding="utf-8"))
        for address in parser.urls:
            target = urlsplit(urljoin(url, address))
            if target.scheme not in ("http", "https") or target.netloc != origin.netloc:
                continue
            wanted.setdefault(target._replace(query="", fragment="").geturl(), page)
    assert len(wanted) > 300
    broken = []
    for target, page in sorted(wanted.items()):
        try:
            with urlopen(Request(target, method="HEAD"), timeout=10):
                pass
        except HTTPError as error:
            broken.append(f"{page} -> {target[len(served) - len(SITE_PATH) :]} ({error.code})")
    assert not broken, f"{len(broken)} broken: {broken[:5]}"


SEARCH_BOX = ".md-search__input, input[role='combobox'][aria-controls]"
SEARCH_RESULT_LINKS = ".md-search-result__link, [role='listbox'] a[role='option']"
"""The search box and a search result's link: Material's, and Zensical's (inside its
dialog's shadow root, which Playwright's selectors enter)."""


@pytest.mark.browser
def test_under_the_site_path_images_figures_finder_and_search_work(
    chromium: Any, served: str, engine: str
) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served + "exercises/banded-lateral-walk/", wait_until="load")
    images = page.eval_on_selector_all(
        ".contributed-image img", "imgs => imgs.map(i => [i.currentSrc, i.naturalWidth])"
    )
    assert images and all(width > 0 for _, width in images), images
    box = page.locator("figure.movement svg.movement__animated").bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100
    index = [url for url in requested if url.endswith(".json") and "search" in url]
    assert not index, f"{engine} fetched the search index on page load: {index}"

    page.keyboard.press("/")
    search_box = page.locator(SEARCH_BOX)
    search_box.wait_for(state="visible")
    search_box.press_sequentially("clamshell")
    first = page.locator(SEARCH_RESULT_LINKS).first
    first.wait_for(timeout=15_000)
    assert urlsplit(first.get_attribute("href") or "").path == SITE_PATH + "exercises/clamshell/"
    first.click()
    page.wait_for_url("**/runners/exercises/clamshell/**")

    page.goto(served + "finder/", wait_until="load")
    page.wait_for_function(
        "document.querySelectorAll('[data-finder-results] li').length > 10", timeout=15_000
    )
    context.close()


def test_guide_build_with_zensical_replaces_the_site_with_zensicals_build(
    guide_dir: Path,
) -> None:
    site = guide_dir / "site"
    site.mkdir()
    (site / "old.html").write_text("an earlier build", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--engine", "zensical"],
        cwd=guide_dir,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "old.html").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="zensical-' in home
    assert (site / "exercises" / "clamshell" / "index.html").is_file()
    assert not list(guide_dir.glob(".site-*")), "the build left its staging folder behind"
