"""A session of the plan played in the workout player on a 390 px phone, from the plan's day
card to the summary, with the keyboard and a clock the test holds: each exercise block at the
session's sets, a problem area's routine step by step, sides, holds and rests as the guide
counts them, what a screen reader hears, and a time taken that matches the minutes the plan
shows for the session."""

from __future__ import annotations

import math
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

from generator.durations import changeovers, setup_seconds
from generator.guide import Guide
from generator.model import Dosage, Exercise
from generator.model.plan import PlanRules
from generator.pipeline import check
from generator.plan.data import phase_dose

pytestmark = pytest.mark.browser

_FOUND, _ = check(REPO / "content")
assert _FOUND is not None and _FOUND.plan is not None
GUIDE: Guide = _FOUND
RULES: PlanRules = _FOUND.plan

WEAK_HIPS = (
    "/plan/?days=rererhr&n=2&min=15&eq=none&exp=new&start=2026-11-30&weeks=12"
    "&pa=weak-hips&ok=weak-hips"
)
"""A beginner with weak hips: exercise blocks and the area's routine in one short session, with
repetitions and holds, one-sided and two-sided exercises."""


def planned(card: dict[str, Any]) -> list[Played]:
    """The session on a day card, dosed from the content: an exercise block at the card's sets
    and the phase's repetitions, a routine's items at their own dose and changeovers."""
    found: list[Played] = []
    for item in card["items"]:
        if item["routine"]:
            routine = GUIDE.routines[item["routine"]]
            before = changeovers(routine, GUIDE.exercises, GUIDE.equipment)
            found += [
                _played(step.exercise, step, step.per_side, seconds)
                for step, seconds in zip(routine.items, before, strict=True)
            ]
            continue
        key = item["exercise"]
        exercise = GUIDE.exercises[key]
        assert isinstance(exercise, Exercise)
        phased = phase_dose(GUIDE, exercise, key, RULES, card["phase"])
        dose = exercise.dosage.model_copy(update={"sets": item["sets"], "reps": phased.reps})
        changeover = setup_seconds(exercise, GUIDE.equipment)
        found.append(_played(key, dose, bool(exercise.one_sided), changeover))
    return found


def _played(key: str, dose: Dosage, per_side: bool, changeover: int) -> Played:
    exercise = GUIDE.exercises[key]
    return Played(key, exercise.name, exercise.cues[0], dose, per_side, changeover)


@pytest.fixture
def phone(chromium: Any, site_url: str) -> Iterator[Tab]:
    """A phone with the clock under the test's control; no service worker in the way."""
    with clocked(chromium, site_url) as tab:
        yield tab


def _open(tab: Tab) -> Any:
    page = tab.open(WEAK_HIPS)
    page.wait_for_selector("[data-plan][data-plan-ready]", state="attached")
    page.clock.pause_at(START_PAUSED)
    return page


SESSION_CARD = """card => ({
  date: card.dataset.date, phase: card.dataset.phase, seconds: Number(card.dataset.seconds),
  total: card.querySelector('.plan__day-total').textContent,
  items: [...card.querySelectorAll('[data-exercise], [data-routine]')].map(item => ({
    exercise: item.dataset.exercise || null, routine: item.dataset.routine || null,
    sets: Number(item.dataset.sets) || null})),
})"""
"""A day card with a session as the page drew it: its date, phase, time and items."""


def _session(page: Any, index: int = 0) -> dict[str, Any]:
    """The index-th day card with a session in the shown week."""
    card: dict[str, Any] = (
        page.locator("[data-plan-week] [data-session]").nth(index).evaluate(SESSION_CARD)
    )
    return card


def test_a_plan_session_is_played_from_its_day_card_to_the_summary_with_the_keyboard(
    phone: Tab,
) -> None:
    page = _open(phone)
    card = _session(page)
    session = planned(card)
    kinds = {(p.per_side, p.dose.timed_seconds() is None) for p in session}
    assert len(kinds) == 4, "the session has one- and two-sided sets of reps and holds"
    assert any(item["routine"] for item in card["items"]), "the session holds a routine"
    start = page.locator(f"#day-{card['date']} [data-player-start]")
    assert start.inner_text() == "Start this session"
    start.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.playerStart === ''"), "in the tab order"
    page.keyboard.press("Enter")
    dialog = page.locator("[data-player]")
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.dataset.playerNext === ''")

    played = play_through(page, session)
    assert played.seconds == card["seconds"], "the plan times the session as the guide does"
    assert card["total"] == f"{math.ceil(played.seconds / 60)} min"
    taken = clock(played.seconds - played.repetition_seconds)
    assert text(page, "summary-time") == f"Time taken: {taken}", (
        "the player's clock is the plan's time without the seconds it counts for repetitions, "
        "which ended at once"
    )
    sets = played.sets
    assert text(page, "summary-sets") == f"Sets done: {sets} of {sets}"
    assert text(page, "live") == f"Workout finished: {sets} of {sets} sets done in {taken}."
    assert page.evaluate("document.activeElement.dataset.playerClose === ''")
    page.keyboard.press("Enter")
    assert not dialog.is_visible()
    started_by = f"#day-{card['date']} [data-player-start]"
    assert page.evaluate(f"document.activeElement === document.querySelector('{started_by}')"), (
        "focus is back on the button that started the session"
    )
    assert phone.errors == []


def test_each_session_day_starts_its_own_session_and_finish_counts_what_was_done(
    phone: Tab,
) -> None:
    page = _open(phone)
    assert page.locator("[data-plan-week] [data-session]").count() == 2
    assert page.locator("[data-plan-week] [data-player-start]").count() == 2
    assert page.locator("[data-plan-week] .plan__day:not([data-session]) button").count() == 0
    card = _session(page, 1)
    session = planned(card)
    page.click(f"#day-{card['date']} [data-player-start]")
    assert text(page, "heading") == f"First: {session[0].name}"
    first = f"Exercise 1 of {len(session)}"
    while text(page, "progress") == first and text(page, "set").startswith("Set 1 "):
        page.click("[data-player-next]")
    if text(page, "progress") == first:
        page.click("[data-player-skip]")
    assert text(page, "heading") == f"Next: {session[1].name}"
    page.click("[data-player-finish]")
    every = sum(step.dose.sets for step in session)
    assert text(page, "summary-sets") == f"Sets done: 1 of {every}"
    page.keyboard.press("Escape")
    assert not page.locator("[data-player]").is_visible()
    assert phone.errors == []


@pytest.mark.parametrize("width", [390, 1280])
def test_plan_player_screenshots(chromium: Any, site_url: str, width: int) -> None:
    """The plan's week with its start buttons, and the player mid-exercise from a session, for
    a person to look at."""
    with clocked(chromium, site_url, width, phone=False) as tab:
        page = _open(tab)
        card = _session(page)
        start = page.locator(f"#day-{card['date']} [data-player-start]")
        start.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -160)")
        screenshot(page, f"plan-session-start-{width}")
        start.click()
        wait(page, planned(card)[0].changeover)
        page.locator(".player__figure figure.movement").wait_for(state="visible")
        assert page.locator("[data-player-heading]").evaluate(UNCOVERED)
        screenshot(page, f"plan-player-exercise-{width}")
    assert tab.errors == []
