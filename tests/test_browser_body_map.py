"""The body map as a reader meets it: muscles drawn as shapes on the figure, named when
pointed at or focused, and shown on every muscle's own page."""

from __future__ import annotations

import itertools

import pytest
from conftest import REPO, Tab

from generator.muscle_groups import regions_for
from generator.pipeline import check

pytestmark = pytest.mark.browser

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None

CAPTION = ".body-map--links .body-map__caption"
HEADS = {
    "quadriceps": {"rectus-femoris", "vastus-medialis"},
    "hamstrings": {"biceps-femoris", "semitendinosus", "semimembranosus"},
}
"""Muscles of a drawn group that have shapes of their own, drawn over the group's shape."""

REGION_POINTS = """(figure) => {
  // Every whole unit of the figure each region covers, and points along each outline,
  // in the figure's own coordinates (the body outline and the muscles share them).
  const body = figure.querySelector(".body-map__body");
  const regions = {};
  for (const muscle of figure.querySelectorAll("[data-muscle]")) {
    const paths = [...muscle.querySelectorAll("path")];
    const box = muscle.getBBox();
    const covered = [];
    for (let x = Math.floor(box.x); x <= box.x + box.width; x++) {
      for (let y = Math.floor(box.y); y <= box.y + box.height; y++) {
        if (paths.some((path) => path.isPointInFill(new DOMPoint(x, y)))) covered.push(`${x},${y}`);
      }
    }
    const outside = paths.flatMap((path) => {
      const length = path.getTotalLength();
      return [...Array(60).keys()]
        .map((i) => path.getPointAtLength((length * i) / 60))
        .filter((point) => !body.isPointInFill(point) && !body.isPointInStroke(point))
        .map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`);
    });
    regions[muscle.dataset.muscle] = { covered, outside };
  }
  return regions;
}"""


def figures(tab: Tab) -> dict[str, dict[str, dict[str, list[str]]]]:
    """The muscle index's front and back figures, measured region by region."""
    page = tab.open("/muscles/")
    groups = page.locator(".body-map--links svg > g")
    return {view: groups.nth(i).evaluate(REGION_POINTS) for i, view in enumerate(("front", "back"))}


def test_every_muscle_is_drawn_inside_the_body_outline(tab: Tab) -> None:
    for view, regions in figures(tab).items():
        assert sorted(regions) == sorted(k for k, r in GUIDE.body_map.items() if r.view == view)
        for muscle, measured in regions.items():
            assert measured["covered"], f"{muscle} covers no part of the {view} figure"
            assert measured["outside"] == [], f"{muscle} leaves the body at {measured['outside']}"


def test_muscles_of_one_figure_touch_but_do_not_cover_each_other(tab: Tab) -> None:
    """Only the quads and the hamstrings share ground with their own heads, drawn over them,
    and enough of each group is left in view to be pointed at."""
    related = {frozenset((group, head)) for group, heads in HEADS.items() for head in heads}
    for regions in figures(tab).values():
        covered = {muscle: set(measured["covered"]) for muscle, measured in regions.items()}
        for first, second in itertools.combinations(covered, 2):
            shared = len(covered[first] & covered[second])
            smaller = min(len(covered[first]), len(covered[second]))
            if frozenset((first, second)) in related:
                assert shared >= 0.9 * smaller, f"{first} and {second}: a head outside its group"
            else:
                assert shared <= 0.1 * smaller, f"{first} and {second} share {shared} of {smaller}"
        for group in HEADS.keys() & covered.keys():
            heads = set().union(*(covered[head] for head in HEADS[group]))
            assert len(covered[group] - heads) >= 0.15 * len(covered[group]), (
                f"{group} is hidden under its heads, so it cannot be chosen on the map"
            )


def test_pointing_at_a_muscle_names_it_under_the_map(tab: Tab) -> None:
    page = tab.open("/muscles/")
    caption = page.locator(CAPTION)
    before = caption.bounding_box()
    assert before is not None
    assert before["y"] + before["height"] <= page.viewport_size["height"], "caption off screen"
    for muscle in ("gluteus-medius", "tibialis-anterior", "pectorals"):
        region = page.locator(f'.body-map--links [data-muscle="{muscle}"] path').first
        box = region.bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert caption.inner_text() == GUIDE.muscles[muscle].name
        assert caption.bounding_box() == before, "naming the muscle moved the page"
    page.mouse.move(1, 1)
    assert caption.inner_text() not in {m.name for m in GUIDE.muscles.values()}


def test_tabbing_through_the_map_names_each_muscle_in_turn(tab: Tab) -> None:
    page = tab.open("/muscles/")
    caption = page.locator(CAPTION)
    focused = "() => document.activeElement.closest('.body-map--links a')?.ariaLabel ?? null"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(focused):
            break
    names = []
    for _ in range(3):
        name = page.evaluate(focused)
        assert name, "the keyboard left the map"
        assert caption.inner_text() == name
        names.append(name)
        page.keyboard.press("Tab")
    assert len(set(names)) == 3
    page.keyboard.press("Shift+Tab")
    assert caption.inner_text() == names[-1]


@pytest.mark.parametrize("muscle", sorted(GUIDE.muscles))
def test_each_muscle_page_shows_where_its_muscle_is(tab: Tab, muscle: str) -> None:
    page = tab.open(f"/muscles/{muscle}/")
    shown = regions_for(muscle, GUIDE.muscles, GUIDE.body_map)
    highlighted = page.eval_on_selector_all(
        ".muscle-map .body-map__muscle--primary", "regions => regions.map(r => r.dataset.muscle)"
    )
    assert sorted(highlighted) == sorted(shown)
    figure = page.locator(".muscle-map svg.body-map__figure")
    views = {GUIDE.body_map[key].view for key in shown}
    labels = figure.locator(".body-map__label").all_text_contents()
    assert sorted(labels) == sorted(view.capitalize() for view in views)
    region = page.locator(".muscle-map .body-map__muscle--primary path").first
    box = region.bounding_box()
    assert box is not None and box["width"] >= 6 and box["height"] >= 6
    colours = page.eval_on_selector_all(
        ".muscle-map .body-map__muscle path",
        "paths => paths.map(p => [p.closest('.body-map__muscle--primary') !== null,"
        " getComputedStyle(p).fill])",
    )
    highlight = {fill for primary, fill in colours if primary}
    others = {fill for primary, fill in colours if not primary}
    assert len(highlight) == 1 and not highlight & others
    assert GUIDE.muscles[muscle].name in (figure.locator("title").first.text_content() or "")


TAPPABLE = """() => [...document.querySelectorAll(".body-map--links a")].map((link) => {
  // The CSS pixels where a tap lands on this muscle and not on a neighbour drawn over it.
  const box = link.getBoundingClientRect();
  let pixels = 0;
  for (let x = Math.floor(box.left); x <= box.right; x++) {
    for (let y = Math.floor(box.top); y <= box.bottom; y++) {
      if (document.elementFromPoint(x, y)?.closest("a") === link) pixels++;
    }
  }
  return [link.ariaLabel, pixels];
})"""


def test_every_muscle_on_the_phone_map_has_room_for_a_tap(phone: Tab) -> None:
    """The list under the map is the full-size way in; the map still gives each muscle at
    least 100 square pixels (both sides together) that a tap lands on."""
    page = phone.open("/muscles/")
    page.set_viewport_size({"width": 390, "height": 2000})
    page.locator(".body-map--links").scroll_into_view_if_needed()
    areas = dict(page.evaluate(TAPPABLE))
    assert len(areas) == len(GUIDE.body_map)
    cramped = {name: pixels for name, pixels in areas.items() if pixels < 100}
    assert cramped == {}
