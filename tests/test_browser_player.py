"""The workout player on a 390 px phone, played from start to finish with the keyboard and
a clock the test holds: each set and side in order, the rests running by themselves, the
figure in view, the name never under the header, what a screen reader hears, pause and
resume, and a summary that counts what was done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ARTIFACTS, REPO, Tab

from generator.durations import SECONDS_PER_REP, SIDE_SWITCH_SECONDS, changeovers, dose_seconds
from generator.pipeline import check

pytestmark = pytest.mark.browser

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None

ROUTINE = "post-run-hips"
"""Repetitions and holds, one-sided and two-sided exercises: every kind of step."""

START = 1_800_000_000_000
"""Where the page's clock starts (ms since 1970); it stands still from START_PAUSED on."""
START_PAUSED = START + 60_000

UNCOVERED = """el => {
  // The element is drawn where it is: the topmost element at its centre is itself (or a
  // part of it), so no header or bar covers it, and it is inside the screen.
  const box = el.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return box.top >= 0 && box.bottom <= innerHeight && el.contains(top);
}"""


@pytest.fixture
def player(chromium: Any, site_url: str) -> Iterator[Tab]:
    """A phone with the clock under the test's control; no service worker in the way."""
    context = chromium.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        service_workers="block",
    )
    tab = Tab(context.new_page(), site_url)
    tab.page.clock.install(time=START)
    yield tab
    context.close()


def _open(player: Tab) -> Any:
    page = player.open(f"/routines/{ROUTINE}/")
    page.clock.pause_at(START_PAUSED)
    return page


def _screenshot(page: Any, name: str) -> None:
    """The screen as the runner sees it (the player fills it; the page under it is not shown)."""
    ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screenshots" / f"{name}.png"))


def _text(page: Any, name: str) -> str:
    return str(page.text_content(f"[data-player-{name}]")).strip()


def _wait(page: Any, seconds: int) -> None:
    page.clock.run_for(seconds * 1000)


def _check_step(page: Any, heading: str, kicker: str, set_line: str) -> None:
    assert _text(page, "heading") == heading
    assert _text(page, "kicker") == kicker
    assert _text(page, "set") == set_line
    assert page.locator("[data-player-heading]").evaluate(UNCOVERED), heading


def test_a_routine_is_played_from_start_to_finish_with_the_keyboard(player: Tab) -> None:
    page = _open(player)
    routine = GUIDE.routines[ROUTINE]
    page.locator("[data-player-start]").focus()
    page.keyboard.press("Enter")
    dialog = page.locator("[data-player]")
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.playerNext === ''")
    expected_seconds = 0
    sets = 0
    before = changeovers(routine, GUIDE.exercises, GUIDE.equipment)
    for number, item in enumerate(routine.items):
        name = GUIDE.exercises[item.exercise].name
        lead = "Get ready" if number == 0 else "Next exercise"
        _check_step(
            page,
            f"{'First' if number == 0 else 'Next'}: {name}",
            lead,
            f"Set 1 of {item.sets}{' · Left side' if item.per_side else ''}",
        )
        still = page.locator(".player__figure img.player__still")
        assert (still.get_attribute("src") or "").endswith(f"{item.exercise}.svg")
        assert name in _text(page, "live")
        _wait(page, before[number] - 3)
        assert _text(page, "live") == "3", "the last seconds of a timer are read out"
        _wait(page, 3)
        for set_number in range(1, item.sets + 1):
            for side in ("Left", "Right") if item.per_side else (None,):
                side_text = f" · {side} side" if side else ""
                _check_step(page, name, "", f"Set {set_number} of {item.sets}{side_text}")
                assert _text(page, "live").startswith(f"{name}. Set {set_number} of {item.sets}")
                figure = page.locator(".player__figure figure.movement")
                figure.wait_for(state="visible")
                box = figure.bounding_box()
                assert box is not None and box["height"] >= 200, "the figure is large"
                assert figure.evaluate(UNCOVERED)
                timed = item.timed_seconds()
                if timed:
                    assert _text(page, "clock") == f"0:{timed:02d}"
                    _wait(page, timed)
                else:
                    assert _text(page, "clock") == f"{item.reps} reps"
                    page.keyboard.press("Enter")
                if side == "Left":
                    assert _text(page, "kicker") == "Switch to the right side"
                    _wait(page, SIDE_SWITCH_SECONDS)
            sets += 1
            if set_number < item.sets:
                assert _text(page, "kicker") == "Rest"
                assert _text(page, "clock") == f"0:{item.rest_seconds:02d}"
                _wait(page, item.rest_seconds)
        # Every set of repetitions was ended at once, so the time taken is the routine's
        # computed duration without the seconds it counts for repetitions.
        reps = (item.reps or 0) * item.sets * (2 if item.per_side else 1)
        expected_seconds += dose_seconds(item, item.per_side, before[number])
        expected_seconds -= SECONDS_PER_REP * reps
    assert page.locator("[data-player-summary]").is_visible()
    minutes, seconds = divmod(expected_seconds, 60)
    assert _text(page, "summary-time") == f"Time taken: {minutes}:{seconds:02d}"
    assert _text(page, "summary-sets") == f"Sets done: {sets} of {sets}"
    assert _text(page, "live").startswith(f"Workout finished: {sets} of {sets} sets done")
    assert page.evaluate("document.activeElement.dataset.playerClose === ''")
    page.keyboard.press("Enter")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.playerStart === ''")
    assert player.errors == []


def test_pause_stops_the_hold_timer_and_resume_carries_on(player: Tab) -> None:
    page = _open(player)
    routine = GUIDE.routines[ROUTINE]
    hold = next(item for item in routine.items if item.timed_seconds())
    page.locator("[data-player-start]").focus()
    page.keyboard.press("Enter")
    name = GUIDE.exercises[hold.exercise].name
    while _text(page, "heading") != name:
        page.keyboard.press("Enter")
    assert _text(page, "clock") == f"0:{hold.timed_seconds():02d}"
    _wait(page, 5)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Pause"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Resume"
    paused_at = _text(page, "elapsed")
    _wait(page, 60)
    assert _text(page, "clock") == f"0:{hold.timed_seconds() - 5:02d}"
    assert _text(page, "elapsed") == paused_at, "time taken stands still while paused"
    page.keyboard.press("Enter")
    _wait(page, 2)
    assert _text(page, "clock") == f"0:{hold.timed_seconds() - 7:02d}"
    assert player.errors == []


def test_skip_and_finish_show_a_summary_of_what_was_done(player: Tab) -> None:
    page = _open(player)
    first = GUIDE.routines[ROUTINE].items[0]
    planned = sum(item.sets for item in GUIDE.routines[ROUTINE].items)
    page.click("[data-player-start]")
    page.click("[data-player-next]")
    for _ in range(2 if first.per_side else 1):
        page.click("[data-player-next]")
        if first.per_side:
            page.click("[data-player-next]")
    page.click("[data-player-skip]")
    assert _text(page, "heading").startswith("Next: ")
    page.click("[data-player-finish]")
    assert _text(page, "summary-sets") == f"Sets done: 1 of {planned}"
    page.keyboard.press("Escape")
    assert not page.locator("[data-player]").is_visible()


def test_with_reduced_motion_the_player_shows_still_poses(player: Tab) -> None:
    page = player.page
    page.emulate_media(reduced_motion="reduce")
    player.open(f"/routines/{ROUTINE}/")
    page.click("[data-player-start]")
    page.click("[data-player-next]")
    page.locator(".player__figure figure.movement").wait_for(state="attached")
    assert not page.locator(".player__figure .movement__animated").is_visible()
    assert page.locator(".player__figure .movement__still").first.is_visible()


@pytest.mark.parametrize("width", [390, 1280])
def test_player_screenshots_mid_exercise_and_mid_rest(
    chromium: Any, site_url: str, width: int
) -> None:
    """Pictures of the player for a person to look at; the name is in view at both widths."""
    context = chromium.new_context(
        viewport={"width": width, "height": 844 if width == 390 else 900},
        service_workers="block",
    )
    tab = Tab(context.new_page(), site_url)
    tab.page.clock.install(time=START)
    page = _open(tab)
    page.click("[data-player-start]")
    first = GUIDE.routines[ROUTINE]
    _wait(page, changeovers(first, GUIDE.exercises, GUIDE.equipment)[0])
    page.locator(".player__figure figure.movement").wait_for(state="visible")
    assert page.locator("[data-player-heading]").evaluate(UNCOVERED)
    _screenshot(page, f"player-exercise-{width}")
    page.click("[data-player-next]")
    _wait(page, 2)
    assert page.locator("[data-player-heading]").evaluate(UNCOVERED)
    _screenshot(page, f"player-rest-{width}")
    context.close()
    assert tab.errors == []


def test_sound_and_vibration_stay_off_once_switched_off(player: Tab) -> None:
    page = _open(player)
    page.click("[data-player-start]")
    page.uncheck("[data-player-sound]")
    page.uncheck("[data-player-vibrate]")
    page.reload()
    page.click("[data-player-start]")
    assert not page.is_checked("[data-player-sound]")
    assert not page.is_checked("[data-player-vibrate]")
