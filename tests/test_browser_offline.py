"""The guide without a connection: after one visit online, a phone keeps every routine,
exercise and problem-area page with their figures, the finder and the plan builder; a page
it never stored shows the offline page; and a new build replaces what it stored."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, QuietHandler

from generator.offline.worker import write_offline_files
from generator.pipeline import check

pytestmark = pytest.mark.browser

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None

OFFLINE_HEADING = "Not stored for offline use"

WORKER_READY = """async () => {
  // Installed means stored: the worker activates only once every file is in its cache.
  // Given a minute, then the caches as they are, so a broken worker fails the test.
  for (const end = Date.now() + 60000; Date.now() < end;) {
    if (navigator.serviceWorker.controller) break;
    await new Promise(r => setTimeout(r, 50));
  }
  return (await caches.keys()).filter(name => name.startsWith("guide-"));
}"""


def _phone(chromium: Any) -> Any:
    return chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)


def _heading(page: Any) -> str:
    """The page's title, without the permalink sign that follows it."""
    return str(
        page.evaluate(
            "(() => { const h = document.querySelector('article h1').cloneNode(true);"
            " h.querySelector('.headerlink')?.remove(); return h.textContent; })()"
        )
    )


@pytest.fixture(scope="module")
def offline(chromium: Any, site_url: str) -> Iterator[tuple[Any, str]]:
    """A browser that opened the home page and searched once with a connection, then lost it
    (a wide screen, where the search box is in the header)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/")
    assert len(page.evaluate(WORKER_READY)) == 1
    page.goto(site_url + "/guides/priorities/")
    page.click(".md-search__input")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim()"
        " !== 'Initializing search'"
    )
    context.set_offline(True)
    yield page, site_url
    context.close()


TITLES = """async urls => Promise.all(urls.map(async url => {
  // Each page as the worker hands it over, read for its title.
  const response = await fetch(url);
  const html = new DOMParser().parseFromString(await response.text(), "text/html");
  const title = html.querySelector("article h1");
  title?.querySelector(".headerlink")?.remove();
  return response.ok && title ? title.textContent : `${url}: ${response.status}`;
}))"""


@pytest.mark.parametrize("section", ["routines", "exercises", "problem-areas"])
def test_every_page_a_runner_needs_opens_without_a_connection(
    offline: tuple[Any, str], section: str
) -> None:
    page, base = offline
    entries = getattr(GUIDE, section.replace("-", "_"))
    urls = [f"{base}/{section}/{key}/" for key in entries]
    names = [entry.name for entry in entries.values()]
    assert page.evaluate(TITLES, urls) == names
    for url, name in list(zip(urls, names, strict=True))[:: max(1, len(urls) // 4)]:
        page.goto(url, wait_until="domcontentloaded")
        assert _heading(page) == name, url


def test_figures_and_stills_show_without_a_connection(offline: tuple[Any, str]) -> None:
    page, base = offline
    page.goto(f"{base}/exercises/clamshell/")
    assert page.locator("figure.movement .movement__animated").is_visible()
    page.goto(f"{base}/routines/post-run-hips/")
    stills = page.locator(".routine-table img.movement-still")
    stills.first.scroll_into_view_if_needed()
    page.wait_for_function(
        "[...document.querySelectorAll('.routine-table img')].every(i => i.complete)"
    )
    widths = stills.evaluate_all("images => images.map(image => image.naturalWidth)")
    assert widths and all(width > 0 for width in widths)


def test_the_player_runs_without_a_connection(offline: tuple[Any, str]) -> None:
    page, base = offline
    page.goto(f"{base}/routines/post-run-hips/")
    page.click("[data-player-start]")
    page.click("[data-player-next]")
    page.locator(".player__figure figure.movement").wait_for(state="visible")


def test_the_finder_filters_without_a_connection(offline: tuple[Any, str]) -> None:
    page, base = offline
    page.goto(f"{base}/finder/")
    page.wait_for_selector("[data-finder][data-finder-ready]")
    every = page.inner_text("[data-finder-count]")
    page.select_option("select[name=level]", "beginner")
    beginners = sum(exercise.level == "beginner" for exercise in GUIDE.exercises.values())
    page.wait_for_function(
        f"document.querySelector('[data-finder-count]').textContent.startsWith('{beginners} ')"
    )
    assert page.inner_text("[data-finder-count]") != every


def test_the_plan_builder_makes_a_week_without_a_connection(offline: tuple[Any, str]) -> None:
    page, base = offline
    page.goto(f"{base}/plan/")
    page.wait_for_selector("[data-plan][data-plan-ready]", state="attached")
    page.select_option("select[name=day-0]", "rest")
    assert page.locator("[data-plan-week] [data-session]").count() > 0


def test_a_plan_session_plays_without_a_connection(offline: tuple[Any, str]) -> None:
    page, base = offline
    page.goto(f"{base}/plan/?days=rererhr&n=2&min=15&eq=none&exp=new&start=2026-11-30")
    page.wait_for_selector("[data-plan][data-plan-ready]", state="attached")
    page.click("[data-plan-week] [data-player-start]")
    page.click("[data-player-next]")
    page.locator(".player__figure figure.movement").wait_for(state="visible")
    assert page.locator(".player__figure figure.movement .movement__animated").is_visible()


def test_search_finds_stored_pages_without_a_connection(offline: tuple[Any, str]) -> None:
    page, base = offline
    page.goto(f"{base}/routines/post-run-hips/")
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("clamshell", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert _heading(page) == "Clamshell"


def test_a_page_visited_before_opens_and_one_never_stored_shows_the_offline_page(
    offline: tuple[Any, str],
) -> None:
    page, base = offline
    page.goto(f"{base}/guides/priorities/")
    assert _heading(page) != OFFLINE_HEADING
    page.goto(f"{base}/muscles/gluteus-medius/")
    assert _heading(page) == OFFLINE_HEADING
    assert page.locator("article a[href$='routines/']").count() == 1


def test_the_guide_is_installable(chromium: Any, site_url: str) -> None:
    context = _phone(chromium)
    page = context.new_page()
    page.goto(site_url + "/")
    page.evaluate(WORKER_READY)
    session = context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    manifest = session.send("Page.getAppManifest")
    context.close()
    # Chromium never offers to install from a private window, which every test browser is;
    # every other criterion (manifest, icons, worker, start URL) must be met.
    assert [error for error in errors if error["errorId"] != "in-incognito"] == []
    assert manifest["errors"] == []


@pytest.fixture
def own_site(built_guide: Path, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the built guide on a server of its own, for a test that publishes anew."""
    site = tmp_path / "site"
    shutil.copytree(built_guide, site)
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_new_build_replaces_everything_stored_by_the_old_one(
    chromium: Any, own_site: tuple[Path, str]
) -> None:
    site, base = own_site
    context = _phone(chromium)
    page = context.new_page()
    page.goto(base + "/routines/post-run-hips/")
    [first] = page.evaluate(WORKER_READY)
    routine = site / "routines/post-run-hips/index.html"
    changed = routine.read_text(encoding="utf-8").replace(
        GUIDE.routines["post-run-hips"].goal, "A goal rewritten for the next version."
    )
    assert "A goal rewritten" in changed
    routine.write_text(changed, encoding="utf-8")
    write_offline_files(site, "Guide", "", directory_urls=True)
    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    # The new worker stores the new version, then removes the old one's cache.
    replaced = page.evaluate(
        f"""async () => {{
          for (const end = Date.now() + 60000; Date.now() < end;) {{
            const names = (await caches.keys()).filter(name => name.startsWith("guide-"));
            if (names.length === 1 && names[0] !== {first!r}) return true;
            await new Promise(r => setTimeout(r, 100));
          }}
          return false;
        }}"""
    )
    assert replaced, "the old version's cache is still there, or no new one was made"
    context.set_offline(True)
    page.reload()
    assert "A goal rewritten for the next version." in page.inner_text("article")
    context.close()
