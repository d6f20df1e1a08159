"""The guide on a 390 px phone: what a runner needs first is on the first screens, nothing
scrolls sideways, every control is big enough to tap, and a printed routine fits one page."""

from __future__ import annotations

import re

import pytest
from conftest import REPO, Tab
from test_browser_find import PAGE_TYPES

from generator.pipeline import check

pytestmark = pytest.mark.browser

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None

SCREEN = 844
"""The phone viewport's height in CSS pixels (conftest's `phone` fixture)."""

SMALL_TARGETS = """() => {
  // Every visible link and control, measured against WCAG 2.5.8 at 44 x 44 px, with the
  // criterion's own exceptions: a link inside running text is exempt (its size is set by
  // the line of text around it), and so is a target whose destination is also offered by
  // a large enough target on the same page (the "equivalent" exception, used by the body
  // map, whose muscles are all listed as cards too). A card whose link is stretched over
  // the whole card (an ::after covering the positioned card) is measured as the card.
  const width = document.documentElement.clientWidth;
  const blockOf = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith("inline")) node = node.parentElement;
    return node;
  };
  const inRunningText = (el) => {
    if (el instanceof SVGElement) return false;
    const block = blockOf(el);
    return block && block.textContent.trim().length > el.textContent.trim().length;
  };
  const targetRect = (el) => {
    if (getComputedStyle(el, "::after").position === "absolute") {
      let node = el.parentElement;
      while (node && getComputedStyle(node).position === "static") node = node.parentElement;
      if (node) return node.getBoundingClientRect();
    }
    return el.getBoundingClientRect();
  };
  const big = (el) => {
    const rect = targetRect(el);
    return rect.width >= 44 && rect.height >= 44;
  };
  const controls = [...document.querySelectorAll(
    "a[href], button, select, input:not([type=hidden]):not(.md-toggle), summary, " +
      "label.md-header__button"
  )];
  const hrefOf = (el) => el.href?.baseVal ?? el.href;
  const largeHrefs = new Set(
    controls.filter((el) => el.matches("a") && !(el instanceof SVGElement) && big(el))
      .map(hrefOf)
  );
  return controls.flatMap((el) => {
    const own = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!own.width || !own.height || style.visibility === "hidden") return [];
    if (own.right <= 0 || own.left >= width || el.closest("[hidden], .md-search")) return [];
    if (el.closest(".md-sidebar") && !document.getElementById("__drawer").checked) return [];
    if (el.matches("a") && inRunningText(el)) return [];
    if (big(el)) return [];
    if (el.matches("a") && largeHrefs.has(new URL(hrefOf(el), location.href).href)) return [];
    const rect = targetRect(el);
    const name = (el.textContent.trim() || el.getAttribute("aria-label") || el.title || "")
      .slice(0, 40);
    const size = `${Math.round(rect.width)}x${Math.round(rect.height)}`;
    return [`${el.tagName.toLowerCase()} "${name}" ${size}`];
  });
}"""


def top_of(page: object, selector: str) -> float:
    """Distance in CSS pixels from the top of the document to the element."""
    return float(
        page.eval_on_selector(  # type: ignore[attr-defined]
            selector, "el => el.getBoundingClientRect().top + window.scrollY"
        )
    )


@pytest.mark.parametrize("exercise", ["clamshell", "single-leg-rdl", "hamstring-slider-curl"])
def test_exercise_steps_start_within_the_first_one_and_a_half_screens(
    phone: Tab, exercise: str
) -> None:
    page = phone.open(f"/exercises/{exercise}/")
    assert top_of(page, "h2#how-to-do-it") < 1.5 * SCREEN
    dose = page.locator(".dose-card__amount")
    assert top_of(page, ".dose-card__amount") < top_of(page, "h2#how-to-do-it")
    assert float(dose.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 20
    assert top_of(page, "h2#how-to-do-it") < top_of(page, "h2#muscles-worked")


@pytest.mark.parametrize("area", sorted(GUIDE.problem_areas))
def test_problem_page_shows_red_flags_and_start_here_on_the_first_two_screens(
    phone: Tab, area: str
) -> None:
    page = phone.open(f"/problem-areas/{area}/")
    assert top_of(page, ".admonition.danger") < 2 * SCREEN
    button = page.locator(".start-here__button")
    box = button.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] < 2 * SCREEN
    starter = GUIDE.problem_areas[area].starter_routine
    assert button.get_attribute("href", timeout=1000).rstrip("/").endswith(starter)  # type: ignore[union-attr]


def test_problem_page_lists_exercises_starter_routine_first_and_never_advanced_first(
    phone: Tab,
) -> None:
    page = phone.open("/problem-areas/runners-knee/")
    names = page.locator(".cards--numbered li > p:first-child a").all_inner_texts()
    area = GUIDE.problem_areas["runners-knee"]
    starter = [GUIDE.exercises[i.exercise].name for i in GUIDE.routines[area.starter_routine].items]
    assert names[: len(starter)] == starter
    level = {e.name: e.level for e in GUIDE.exercises.values()}
    rest = [level[name] for name in names[len(starter) :]]
    assert rest == sorted(rest, key=["beginner", "intermediate", "advanced"].index)
    assert level[names[0]] != "advanced"


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_page_scrolls_sideways_on_a_phone(phone: Tab, kind: str) -> None:
    page = phone.open(PAGE_TYPES[kind])
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{PAGE_TYPES[kind]} is {overflow} px wider than the screen"


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_every_link_and_control_is_at_least_44_px_on_a_phone(phone: Tab, kind: str) -> None:
    page = phone.open(PAGE_TYPES[kind])
    small = page.evaluate(SMALL_TARGETS)
    assert small == [], f"{PAGE_TYPES[kind]}: " + "; ".join(small)


def test_menu_entries_are_at_least_44_px_on_a_phone(phone: Tab) -> None:
    page = phone.open(PAGE_TYPES["exercise"])
    page.click(".md-header label[for=__drawer]")
    page.wait_for_timeout(400)
    small = page.evaluate(SMALL_TARGETS)
    assert small == [], "; ".join(small)


def test_home_page_lists_every_problem_area_as_a_card_tapped_anywhere(phone: Tab) -> None:
    page = phone.open("/")
    cards = page.locator(".cards--linked li:has(a[href*='problem-areas/'])")
    corners = {}
    for card in cards.all():
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] - 10, box["y"] + box["height"] - 8
        corners[card.locator("a").first.get_attribute("href")] = page.evaluate(
            "([x, y]) => { const link = document.elementFromPoint(x, y)?.closest('a');"
            " return link ? link.getAttribute('href') : null; }",
            [x, y],
        )
    linked = {href.strip("/").rsplit("/", 1)[-1] for href in corners if href}
    assert linked == set(GUIDE.problem_areas)
    assert all(corner == href for href, corner in corners.items())
    cards.first.scroll_into_view_if_needed()
    first = cards.first.bounding_box()
    assert first is not None
    page.mouse.click(first["x"] + first["width"] - 10, first["y"] + first["height"] - 8)
    page.wait_for_url("**/problem-areas/**")


def test_page_numbers_of_a_long_list_are_44_px_tap_targets(phone: Tab) -> None:
    page = phone.open("/exercises/")
    numbers = page.locator("nav.pager a, nav.pager [aria-current=page]")
    assert numbers.count() >= 2
    for number in numbers.all():
        box = number.bounding_box()
        assert box is not None
        assert box["width"] >= 44 and box["height"] >= 44, number.inner_text()


def test_routine_on_a_phone_is_one_card_per_exercise_with_dose_and_cue(phone: Tab) -> None:
    page = phone.open("/routines/post-run-hips/")
    routine = GUIDE.routines["post-run-hips"]
    cards = page.locator(".routine-card")
    assert cards.count() == len(routine.items)
    assert not page.locator(".routine-table").is_visible()
    for card, item in zip(cards.all(), routine.items, strict=True):
        exercise = GUIDE.exercises[item.exercise]
        assert card.locator(".routine-card__name").inner_text() == exercise.name
        assert f"{item.sets} × " in card.locator(".routine-card__dose").inner_text()
        assert card.locator(".routine-card__cue").inner_text() == exercise.cues[0]
    assert "What if it hurts?" in page.locator(".routine-hurts").inner_text()


def test_wide_screen_routine_shows_the_table_instead_of_cards(tab: Tab) -> None:
    page = tab.open("/routines/post-run-hips/")
    assert page.locator(".routine-table table").is_visible()
    assert not page.locator(".routine-card").first.is_visible()


def test_do_it_now_steps_through_the_routine_one_exercise_at_a_time(phone: Tab) -> None:
    page = phone.open("/routines/post-run-hips/")
    names = [GUIDE.exercises[item.exercise].name for item in GUIDE.routines["post-run-hips"].items]
    page.click("[data-routine-start]")
    visible = page.locator(".routine-card:visible")
    assert visible.count() == 1
    assert visible.locator(".routine-card__name").inner_text() == names[0]
    assert f"1 of {len(names)}" in page.inner_text("[data-routine-progress]")
    size = visible.locator(".routine-card__dose").evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 32
    page.click("[data-routine-next]")
    assert visible.locator(".routine-card__name").inner_text() == names[1]
    page.click("[data-routine-stop]")
    assert page.locator(".routine-card:visible").count() == len(names)
    assert phone.errors == []


@pytest.mark.parametrize("routine", sorted(GUIDE.routines))
def test_printed_routine_is_one_page_with_each_cue_and_the_address(tab: Tab, routine: str) -> None:
    page = tab.open(f"/routines/{routine}/")
    page.emulate_media(media="print")
    text = page.inner_text("article")
    for item in GUIDE.routines[routine].items:
        assert GUIDE.exercises[item.exercise].cues[0] in text
    assert f"routines/{routine}/" in page.inner_text(".print-address")
    underlined = page.eval_on_selector_all(
        "article a",
        "links => links.filter(a => getComputedStyle(a).textDecorationLine"
        " .includes('underline') && a.offsetParent).length",
    )
    assert underlined == 0
    for paper in ("A4", "Letter"):
        pdf = page.pdf(format=paper)
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, (routine, paper)
