"""The movement figure in Chromium: it animates, it stands still when motion is reduced, and
the limbs it draws point where the exercise's angles say."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import REPO, Tab

pytestmark = pytest.mark.browser

POSE_HELD_AT = {"end": 0.5 * 4800}
"""A moment (ms) inside the stretch of the 4.8 s loop where a two-pose figure holds its end."""
SEGMENTS = ("torso", "near-thigh", "near-shin", "near-upper-arm", "near-forearm")


def declared_pose(exercise: str, pose: str) -> dict[str, float]:
    """The near-side angles as written in the exercise file (missing joints are 0)."""
    text = (REPO / "content" / "exercises" / f"{exercise}.yml").read_text(encoding="utf-8")
    angles = yaml.safe_load(text)["illustration"]["poses"][pose]
    near = {k: (v[0] if isinstance(v, list) else v) for k, v in angles.items()}
    return {j: float(near.get(j, 0)) for j in ("trunk", "hip", "knee", "shoulder", "elbow")}


def expected_directions(a: dict[str, float]) -> dict[str, float]:
    """Each segment's direction, in degrees from straight down towards the way the figure
    faces, from the convention in CONTRIBUTING.md ('Posing the figure')."""
    return {
        "torso": 180 - a["trunk"],
        "near-thigh": a["hip"] - a["trunk"],
        "near-shin": a["hip"] - a["knee"] - a["trunk"],
        "near-upper-arm": a["shoulder"] - a["trunk"],
        "near-forearm": a["shoulder"] + a["elbow"] - a["trunk"],
    }


DRAWN_DIRECTIONS = """([figure, time]) => {
  for (const animation of document.getAnimations()) {
    animation.pause();
    animation.currentTime = time;
  }
  const result = {};
  for (const use of figure.querySelectorAll('use[data-limb]')) {
    const m = use.getCTM();
    const axis = use.dataset.limb === 'torso' ? -10 : 10;
    const dx = m.c * axis, dy = m.d * axis;
    result[use.dataset.limb] = Math.atan2(dx, dy) * 180 / Math.PI;
  }
  return result;
}"""


def difference(a: float, b: float) -> float:
    return abs((a - b + 180) % 360 - 180)


@pytest.fixture
def still_tab(chromium: Any, site_url: str) -> Iterator[Tab]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    yield Tab(context.new_page(), site_url)
    context.close()


def test_the_figure_moves_between_its_poses(tab: Tab) -> None:
    page = tab.open("/exercises/glute-bridge/")
    thigh = page.locator('.movement__animated [data-limb="near-thigh"]').locator("xpath=..")
    assert thigh.evaluate("g => getComputedStyle(g).animationName") == "mv-turn-2"
    at = """([g, t]) => { const a = g.getAnimations()[0]; a.pause(); a.currentTime = t;
                         return getComputedStyle(g).transform; }"""
    handle = thigh.element_handle()
    start = page.evaluate(at, [handle, 0])
    end = page.evaluate(at, [handle, 0.5 * 4800])
    assert start != end
    assert page.locator(".movement__stills").is_hidden()
    assert tab.errors == []


def test_reduced_motion_shows_the_start_and_end_poses_side_by_side(still_tab: Tab) -> None:
    page = still_tab.open("/exercises/glute-bridge/")
    assert page.locator(".movement__animated").is_hidden()
    stills = page.locator(".movement__still")
    assert stills.count() == 2
    assert [s.strip() for s in stills.locator(".movement__label").all_inner_texts()] == [
        "start",
        "end",
    ]
    first, second = (stills.nth(i).bounding_box() for i in range(2))
    assert first is not None and second is not None
    assert second["x"] > first["x"] + first["width"] - 1
    pictures = [stills.nth(i).locator("svg").screenshot() for i in range(2)]
    assert pictures[0] != pictures[1]
    written = (REPO / "content" / "exercises" / "glute-bridge.yml").read_text(encoding="utf-8")
    caption = page.locator(".movement figcaption")
    assert caption.is_visible()
    assert caption.inner_text().strip() == yaml.safe_load(written)["caption"]
    still_tab.screenshot("movement-reduced-motion")


@pytest.mark.parametrize(
    "exercise", ["glute-bridge", "bodyweight-squat", "push-up", "romanian-deadlift", "step-up"]
)
def test_limbs_are_drawn_at_the_declared_angles(tab: Tab, exercise: str) -> None:
    page = tab.open(f"/exercises/{exercise}/")
    figure = page.locator(".movement__animated").element_handle()
    for time, pose in ((0, "start"), (POSE_HELD_AT["end"], "end")):
        drawn = page.evaluate(DRAWN_DIRECTIONS, [figure, time])
        expected = expected_directions(declared_pose(exercise, pose))
        for segment in SEGMENTS:
            assert difference(drawn[segment], expected[segment]) < 0.5, (pose, segment)


def illustrated() -> dict[str, bool]:
    """Exercise name → whether its file declares poses, read from the content files."""
    found = {}
    for path in (REPO / "content" / "exercises").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[data["name"]] = "illustration" in data
    return found


LOADED = "img => img.complete && img.naturalWidth > 0"


def test_finder_results_show_a_still_of_each_illustrated_exercise_that_loads(tab: Tab) -> None:
    page = tab.open("/finder/")
    page.wait_for_selector("[data-finder][data-finder-ready]")
    results = page.locator("[data-finder-results] > li")
    expected = illustrated()
    # Text, not rendered text: cards below the screen skip layout (content-visibility).
    names = [name.strip() for name in results.locator("> a").all_text_contents()]
    assert names
    for i, name in enumerate(names):
        assert results.nth(i).locator("img.movement-still").count() == int(expected[name]), name
    still = results.first.locator("img.movement-still")
    assert still.get_attribute("alt") == ""
    assert still.get_attribute("loading") == "lazy"
    assert (still.get_attribute("width"), still.get_attribute("height")) == ("90", "64")
    still.scroll_into_view_if_needed()
    page.wait_for_function(LOADED, arg=still.element_handle())
    box = still.bounding_box()
    # Large enough to tell the movement by, not a speck beside the name.
    assert box is not None and box["width"] >= 80 and box["height"] >= 60, box
    assert tab.errors == []


def test_exercise_list_cards_show_a_still_that_loads(phone: Tab) -> None:
    page = phone.open("/patterns/squat/")
    still = page.locator(".cards img.movement-still").first
    still.scroll_into_view_if_needed()
    page.wait_for_function(LOADED, arg=still.element_handle())
    assert still.get_attribute("alt") == ""
    phone.screenshot("pattern-cards-with-stills-phone")
