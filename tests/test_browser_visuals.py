"""Body maps, ladders, printed routines and offline use, in Debian's Chromium."""

from __future__ import annotations

import re

import pytest
from conftest import ARTIFACTS, REPO, Tab

from generator.pipeline import check

pytestmark = pytest.mark.browser

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None


@pytest.mark.parametrize("exercise", ["single-leg-rdl", "clamshell", "deadlift", "push-up"])
def test_body_map_highlights_exactly_the_muscles_worked(tab: Tab, exercise: str) -> None:
    page = tab.open(f"/exercises/{exercise}/")
    entry = GUIDE.exercises[exercise]
    primary = page.eval_on_selector_all(
        ".body-map__muscle--primary", "regions => regions.map(r => r.dataset.muscle)"
    )
    secondary = page.eval_on_selector_all(
        ".body-map__muscle--secondary", "regions => regions.map(r => r.dataset.muscle)"
    )
    assert sorted(primary) == sorted(entry.muscles.primary)
    assert sorted(secondary) == sorted(entry.muscles.secondary)
    fill = page.eval_on_selector(
        ".body-map__muscle--primary path", "path => getComputedStyle(path).fill"
    )
    assert fill not in ("none", "rgba(0, 0, 0, 0)")
    description = page.text_content("svg.body-map__figure desc") or ""
    assert all(GUIDE.muscles[m].name in description for m in entry.muscles.primary)


def test_clicking_a_region_on_the_muscle_map_opens_that_muscle(tab: Tab) -> None:
    page = tab.open("/muscles/")
    tab.screenshot("muscle-index-body-map")
    page.locator('.body-map--links [data-muscle="gluteus-medius"] path').first.click()
    page.wait_for_url("**/muscles/gluteus-medius/")
    assert page.locator("h1").inner_text().startswith("Glute med")
    page.go_back()
    page.locator('.body-map--links [data-muscle="tibialis-anterior"] path').first.click()
    page.wait_for_url("**/muscles/tibialis-anterior/")


def test_every_drawn_muscle_has_a_clickable_region_and_every_other_a_link(tab: Tab) -> None:
    page = tab.open("/muscles/")
    linked = page.eval_on_selector_all(
        ".body-map--links a",
        "links => links.map(a => a.querySelector('[data-muscle]').dataset.muscle)",
    )
    assert sorted(linked) == sorted(GUIDE.body_map)
    # Coarse groups and muscles not drawn yet are reached from the list under the map.
    listed = page.eval_on_selector_all(
        ".grid.cards a[href]",
        "links => links.map(a => new URL(a.getAttribute('href'), location.href).pathname)",
    )
    for key in set(GUIDE.muscles) - set(GUIDE.body_map):
        assert f"/muscles/{key}/" in listed, key


def test_ladder_shows_the_chain_in_order_with_criteria(tab: Tab) -> None:
    page = tab.open("/exercises/hamstring-slider-curl/")
    ladder = page.locator("h2#easier-and-harder + ol > li")
    names = [
        text.split(" —")[0].removesuffix(" (this exercise)") for text in ladder.all_inner_texts()
    ]
    assert names == [
        "Glute bridge",
        "Single-leg bridge",
        "Hamstring slider curl",
        "Single-leg slider curl",
    ]
    assert "30 seconds" in ladder.nth(0).inner_text()
    assert "(this exercise)" in ladder.nth(2).inner_text()


@pytest.mark.parametrize("routine", sorted(GUIDE.routines))
def test_routine_prints_on_one_page(tab: Tab, routine: str) -> None:
    page = tab.open(f"/routines/{routine}/")
    assert page.locator("[data-print]").is_visible()
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, (routine, paper, pages)
    if routine == "hamstring-ladder":
        (ARTIFACTS / "routine-hamstring-ladder.pdf").write_bytes(page.pdf(format="A4"))
        tab.screenshot("routine-print-view")


def test_browsing_never_leaves_this_machine(tab: Tab) -> None:
    for path in (
        "/",
        "/problem-areas/it-band-syndrome/",
        "/exercises/clamshell/",
        "/routines/post-run-hips/",
        "/muscles/",
        "/finder/?level=beginner",
        "/open-data/",
    ):
        page = tab.open(path)
        page.wait_for_load_state("networkidle")
    page.fill(".md-search__input", "")
    page.locator(".md-search__input").press_sequentially("hips", delay=20)
    page.wait_for_selector(".md-search-result__item")
    assert tab.foreign == []
    assert tab.errors == []
