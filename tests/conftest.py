"""Shared fixtures: a copy of a small, valid content tree that each test may break."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from generator.guide import Guide

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def guide_dir(tmp_path: Path) -> Path:
    """A fresh copy of tests/fixtures/minimal: mkdocs.yml plus content/."""
    target = tmp_path / "guide"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


@pytest.fixture
def content(guide_dir: Path) -> Path:
    return guide_dir / "content"


@pytest.fixture
def edit(content: Path) -> Callable[[str, str, str], None]:
    """Replace text in one content file, failing loudly if the text is not there."""

    def replace(relative: str, old: str, new: str) -> None:
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


@pytest.fixture(scope="session")
def published_guide() -> Guide:
    """The real guide's content, loaded once; any content problem fails the test using it."""
    from generator.pipeline import check

    loaded, problems = check(REPO / "content")
    assert problems == []
    assert loaded is not None
    return loaded


@pytest.fixture(scope="session")
def built_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide, built once per test run with a strict build."""
    from generator.engine.build import build_site

    site = tmp_path_factory.mktemp("built") / "site"
    build_site(REPO / "mkdocs.yml", site)
    return site


ARTIFACTS = REPO / "test-artifacts"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output free of one line per request."""


@contextlib.contextmanager
def serving(site: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """``site`` served on 127.0.0.1 until the block ends; its address, without a slash."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_guide: Path) -> Iterator[str]:
    """The built guide served on 127.0.0.1 for the length of the test run."""
    with serving(built_guide) as address:
        yield address


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; `make test` installs it."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make test`, which installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tab:
    """One browser page that records console errors and requests to other hosts."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url: str = route.request.url
        if url.startswith(self.base) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def screenshot(self, name: str) -> Path:
        target = ARTIFACTS / "screenshots" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(target), full_page=True)
        return target


NO_WORKER = {"service_workers": "block"}
"""The offline worker stays out of tests about something else: it would store the whole
guide in every fresh browser, and its requests bypass the Tab's request routing.
tests/test_browser_offline.py tests it."""


@pytest.fixture
def tab(chromium: Any, site_url: str) -> Iterator[Tab]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, **NO_WORKER)
    yield Tab(context.new_page(), site_url)
    context.close()


@pytest.fixture
def phone(chromium: Any, site_url: str) -> Iterator[Tab]:
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, **NO_WORKER
    )
    yield Tab(context.new_page(), site_url)
    context.close()
