"""Contacts as the reader sees them: in Chromium, each declared contact point of every
exercise is drawn where the solved figure puts it, in every key pose, and there it touches
what it should (the floor line, a step's top, the bar)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from conftest import REPO, Tab

from generator.guide import Guide
from generator.model import Exercise
from generator.pipeline import check
from generator.poses.contacts import TOLERANCE
from generator.poses.layout import body_point, contact_gap

pytestmark = pytest.mark.browser

HELD_AT = {
    2: {"start": 0.0, "end": 0.5 * 4800},
    3: {"start": 0.0, "middle": 0.28 * 4800, "end": 0.5 * 4800},
}
"""A moment (ms) of the 4.8 s loop at which each key pose is held, by number of poses."""
DRAWN_POINT = """([figure, limb, x, y, time]) => {
  for (const animation of document.getAnimations()) {
    animation.pause();
    animation.currentTime = time;
  }
  const svg = figure.closest('svg');
  const use = figure.querySelector(`use[data-limb="${limb}"]`);
  const point = svg.createSVGPoint();
  point.x = x;
  point.y = y;
  const into = svg.getScreenCTM().inverse().multiply(use.getScreenCTM());
  const drawn = point.matrixTransform(into);
  return [drawn.x, drawn.y];
}"""


@pytest.fixture(scope="module")
def guide() -> Guide:
    found, problems = check(REPO / "content")
    assert found is not None, problems
    return found


def with_contacts(guide: Guide) -> list[str]:
    return sorted(
        key
        for key, exercise in guide.exercises.items()
        if isinstance(exercise, Exercise)
        and exercise.illustration is not None
        and exercise.illustration.contacts
    )


def test_every_declared_contact_is_drawn_touching_in_every_key_pose(tab: Tab, guide: Guide) -> None:
    exercises = with_contacts(guide)
    assert len(exercises) >= 10
    for key in exercises:
        exercise = guide.exercises[key]
        assert isinstance(exercise, Exercise) and exercise.illustration is not None
        laid = guide.layouts[key]
        page = tab.open(f"/exercises/{key}/")
        figure: Any = page.locator(".movement__animated > g").first.element_handle()
        times = HELD_AT[len(laid.poses)]
        for pose in laid.poses:
            for i in pose.contact_gaps:
                contact = exercise.illustration.contacts[i]
                point = body_point(guide.skeleton, contact.at)
                assert point is not None
                gap = contact_gap(guide.skeleton, laid.camera, pose.frames, contact, laid.props)
                assert gap is not None and gap[0] <= TOLERANCE, (key, pose.name, contact.at)
                solved = laid.camera.project(pose.frames[point.limb].apply(point.local))
                shape_x = point.local[0] if _seen_from_the_side(page, point.limb) else 0.0
                drawn = page.evaluate(
                    DRAWN_POINT,
                    [figure, point.limb, shape_x, -point.local[1], times[pose.name]],
                )
                off = math.dist(drawn, solved)
                assert off < TOLERANCE, (key, pose.name, contact.at, drawn, solved)
    assert tab.errors == []


def _seen_from_the_side(page: Any, limb: str) -> bool:
    shape = page.locator(f'.movement__animated use[data-limb="{limb}"]').get_attribute("href")
    return bool(shape and shape.endswith("-s"))
