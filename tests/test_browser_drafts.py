"""A reader meets a draft: marked on its page, last in the finder, gone under a time filter."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, Tab
from test_drafts import DRAFT

from generator.engine.build import build_site

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No line per request in the test output."""


@pytest.fixture
def draft_tab(chromium: Any, guide_dir: Path, tmp_path: Path) -> Iterator[Tab]:
    """The small fixture guide with one imported draft, built strictly and served locally."""
    (guide_dir / "content" / "exercises" / "aa-wall-sit.yml").write_text(DRAFT, encoding="utf-8")
    config = guide_dir / "mkdocs.yml"
    theme = f"theme:\n  name: material\n  custom_dir: {REPO / 'overrides'}\n  font: false\n"
    config.write_text(config.read_text().replace("theme:\n  name: material\n", theme))
    site = tmp_path / "site"
    build_site(guide_dir / "mkdocs.yml", site)
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield Tab(context.new_page(), f"http://127.0.0.1:{server.server_address[1]}")
    context.close()
    server.shutdown()


def test_a_draft_page_opens_with_its_notice_and_the_quoted_instructions(draft_tab: Tab) -> None:
    page = draft_tab.open("/exercises/aa-wall-sit/")
    notice = page.locator(".admonition.warning")
    assert notice.locator(".admonition-title").inner_text() == "Not yet reviewed"
    assert notice.is_visible()
    quote = page.locator("blockquote")
    assert "Lean on a wall and slide down." in quote.inner_text()


def test_the_finder_lists_the_draft_last_and_a_time_filter_hides_it(draft_tab: Tab) -> None:
    page = draft_tab.open("/finder/")
    page.wait_for_selector("[data-finder][data-finder-ready]")
    assert draft_tab.errors == []
    while page.locator("[data-finder-more]").is_visible():
        page.click("[data-finder-more]")
    names = page.locator("[data-finder-results] > li:not([hidden]) > a").all_text_contents()
    assert names[-1] == "Wall sit"
    assert "Wall sit" not in names[:-1]
    page.select_option("select[name=minutes]", "10")
    shown = page.locator("[data-finder-results] > li:not([hidden]) > a").all_text_contents()
    assert "Wall sit" not in shown
    assert shown, "the reviewed exercises with a dose stay listed"
