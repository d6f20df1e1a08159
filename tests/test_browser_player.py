"""The workout player on a 390 px phone, played from start to finish with the keyboard and
a clock the test holds: each set and side in order, the rests running by themselves, the
figure in view, the name never under the header, what a screen reader hears, pause and
resume, and a summary that counts what was done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import REPO, Tab
from player_driver import (
    START_PAUSED,
    UNCOVERED,
    Played,
    clock,
    clocked,
    play_through,
    screenshot,
    text,
    wait,
)

from generator.durations import changeovers
from generator.pipeline import check

pytestmark = pytest.mark.browser

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None

ROUTINE = "post-run-hips"
"""Repetitions and holds, one-sided and two-sided exercises: every kind of step."""


@pytest.fixture
def player(chromium: Any, site_url: str) -> Iterator[Tab]:
    """A phone with the clock under the test's control; no service worker in the way."""
    with clocked(chromium, site_url) as tab:
        yield tab


def _open(player: Tab) -> Any:
    page = player.open(f"/routines/{ROUTINE}/")
    page.clock.pause_at(START_PAUSED)
    return page


def test_a_routine_is_played_from_start_to_finish_with_the_keyboard(player: Tab) -> None:
    page = _open(player)
    routine = GUIDE.routines[ROUTINE]
    page.locator("[data-player-start]").focus()
    page.keyboard.press("Enter")
    dialog = page.locator("[data-player]")
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.playerNext === ''")
    before = changeovers(routine, GUIDE.exercises, GUIDE.equipment)
    played = play_through(
        page,
        [
            Played(
                item.exercise,
                GUIDE.exercises[item.exercise].name,
                GUIDE.exercises[item.exercise].cues[0],
                item,
                item.per_side,
                changeover,
            )
            for item, changeover in zip(routine.items, before, strict=True)
        ],
    )
    # Every set of repetitions was ended at once, so the time taken is the routine's
    # computed duration without the seconds it counts for repetitions.
    taken = clock(played.seconds - played.repetition_seconds)
    sets = played.sets
    assert text(page, "summary-time") == f"Time taken: {taken}"
    assert text(page, "summary-sets") == f"Sets done: {sets} of {sets}"
    assert text(page, "live").startswith(f"Workout finished: {sets} of {sets} sets done")
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
    while text(page, "heading") != name:
        page.keyboard.press("Enter")
    assert text(page, "clock") == f"0:{hold.timed_seconds():02d}"
    wait(page, 5)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Pause"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Resume"
    paused_at = text(page, "elapsed")
    wait(page, 60)
    assert text(page, "clock") == f"0:{hold.timed_seconds() - 5:02d}"
    assert text(page, "elapsed") == paused_at, "time taken stands still while paused"
    page.keyboard.press("Enter")
    wait(page, 2)
    assert text(page, "clock") == f"0:{hold.timed_seconds() - 7:02d}"
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
    assert text(page, "heading").startswith("Next: ")
    page.click("[data-player-finish]")
    assert text(page, "summary-sets") == f"Sets done: 1 of {planned}"
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
    with clocked(chromium, site_url, width, phone=False) as tab:
        page = _open(tab)
        page.click("[data-player-start]")
        first = GUIDE.routines[ROUTINE]
        wait(page, changeovers(first, GUIDE.exercises, GUIDE.equipment)[0])
        page.locator(".player__figure figure.movement").wait_for(state="visible")
        assert page.locator("[data-player-heading]").evaluate(UNCOVERED)
        screenshot(page, f"player-exercise-{width}")
        page.click("[data-player-next]")
        wait(page, 2)
        assert page.locator("[data-player-heading]").evaluate(UNCOVERED)
        screenshot(page, f"player-rest-{width}")
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
