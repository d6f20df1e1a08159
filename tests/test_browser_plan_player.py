"""A session of the plan played in the workout player on a 390 px phone, from the plan's day
card to the summary, with the keyboard and a clock the test holds: each exercise block at the
session's sets, a problem area's routine step by step, sides, holds and rests as the guide
counts them, what a screen reader hears, and a time taken that matches the minutes the plan
shows for the session."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from conftest import ARTIFACTS, REPO, Tab

from generator.durations import (
    SECONDS_PER_REP,
    SIDE_SWITCH_SECONDS,
    changeovers,
    dose_seconds,
    setup_seconds,
)
from generator.model import Dosage, Exercise, Guide
from generator.pipeline import check
from generator.plan.data import phase_dose
from generator.plan.model import PlanRules

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

START = 1_800_000_000_000
"""Where the page's clock starts (ms since 1970); it stands still from START_PAUSED on."""
START_PAUSED = START + 60_000

UNCOVERED = """el => {
  // The topmost element at the element's centre is itself (or a part of it), and it is on
  // the screen: no header or bar covers it.
  const box = el.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return box.top >= 0 && box.bottom <= innerHeight && el.contains(top);
}"""


@dataclass(frozen=True)
class Planned:
    """One exercise of the session as the guide doses it."""

    exercise: str
    dose: Dosage
    per_side: bool
    changeover: int

    @property
    def name(self) -> str:
        return GUIDE.exercises[self.exercise].name


def planned(card: dict[str, Any]) -> list[Planned]:
    """The session on a day card, dosed from the content: an exercise block at the card's sets
    and the phase's repetitions, a routine's items at their own dose and changeovers."""
    found: list[Planned] = []
    for item in card["items"]:
        if item["routine"]:
            routine = GUIDE.routines[item["routine"]]
            before = changeovers(routine, GUIDE.exercises, GUIDE.equipment)
            found += [
                Planned(step.exercise, step, step.per_side, seconds)
                for step, seconds in zip(routine.items, before, strict=True)
            ]
            continue
        key = item["exercise"]
        exercise = GUIDE.exercises[key]
        assert isinstance(exercise, Exercise)
        phased = phase_dose(GUIDE, exercise, key, RULES, card["phase"])
        dose = exercise.dosage.model_copy(update={"sets": item["sets"], "reps": phased.reps})
        changeover = setup_seconds(exercise, GUIDE.equipment)
        found.append(Planned(key, dose, bool(exercise.one_sided), changeover))
    return found


@pytest.fixture
def phone(chromium: Any, site_url: str) -> Iterator[Tab]:
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


def _open(tab: Tab) -> Any:
    page = tab.open(WEAK_HIPS)
    page.wait_for_selector("[data-plan][data-plan-ready]", state="attached")
    page.clock.pause_at(START_PAUSED)
    return page


def _session(page: Any, index: int = 0) -> dict[str, Any]:
    """The index-th day card with a session in the shown week, as the page drew it."""
    card: dict[str, Any] = (
        page.locator("[data-plan-week] [data-session]")
        .nth(index)
        .evaluate(
            """card => ({
          date: card.dataset.date, phase: card.dataset.phase, seconds: Number(card.dataset.seconds),
          total: card.querySelector('.plan__day-total').textContent,
          items: [...card.querySelectorAll('[data-exercise], [data-routine]')].map(item => ({
            exercise: item.dataset.exercise || null, routine: item.dataset.routine || null,
            sets: Number(item.dataset.sets) || null})),
        })"""
        )
    )
    return card


def _text(page: Any, name: str) -> str:
    return str(page.text_content(f"[data-player-{name}]")).strip()


def _wait(page: Any, seconds: int) -> None:
    page.clock.run_for(seconds * 1000)


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _check_step(page: Any, heading: str, kicker: str, set_line: str) -> None:
    assert _text(page, "heading") == heading
    assert _text(page, "kicker") == kicker
    assert _text(page, "set") == set_line
    assert page.locator("[data-player-heading]").evaluate(UNCOVERED), heading


def _screenshot(page: Any, name: str) -> None:
    ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screenshots" / f"{name}.png"))


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

    counted = 0
    sets = 0
    reps_seconds = 0
    for number, step in enumerate(session):
        dose, name = step.dose, step.name
        assert _text(page, "progress") == f"Exercise {number + 1} of {len(session)}"
        _check_step(
            page,
            f"{'First' if number == 0 else 'Next'}: {name}",
            "Get ready" if number == 0 else "Next exercise",
            f"Set 1 of {dose.sets}{' · Left side' if step.per_side else ''}",
        )
        still = page.locator(".player__figure img.player__still")
        assert (still.get_attribute("src") or "").endswith(f"{step.exercise}.svg")
        assert name in _text(page, "live")
        _wait(page, step.changeover - 3)
        assert _text(page, "live") == "3", "the last seconds of a timer are read out"
        _wait(page, 3)
        for set_number in range(1, dose.sets + 1):
            for side in ("Left", "Right") if step.per_side else (None,):
                where = f"Set {set_number} of {dose.sets}"
                _check_step(page, name, "", f"{where}{f' · {side} side' if side else ''}")
                assert _text(page, "live").startswith(f"{name}. {where}")
                assert _text(page, "cue") == GUIDE.exercises[step.exercise].cues[0]
                assert _text(page, "dose").startswith(f"{dose.sets} × ")
                figure = page.locator(".player__figure figure.movement")
                figure.wait_for(state="visible")
                box = figure.bounding_box()
                assert box is not None and box["height"] >= 200, "the figure is large"
                timed = dose.timed_seconds()
                if timed:
                    assert _text(page, "clock") == _clock(timed)
                    _wait(page, timed)
                else:
                    assert _text(page, "clock") == f"{dose.reps} reps"
                    reps_seconds += SECONDS_PER_REP * (dose.reps or 0)
                    page.keyboard.press("Enter")
                if side == "Left":
                    assert _text(page, "kicker") == "Switch to the right side"
                    _wait(page, SIDE_SWITCH_SECONDS)
            sets += 1
            if set_number < dose.sets:
                assert _text(page, "kicker") == "Rest"
                assert _text(page, "clock") == _clock(dose.rest_seconds)
                assert _text(page, "live").startswith(f"Rest {dose.rest_seconds} seconds")
                _wait(page, dose.rest_seconds)
        counted += dose_seconds(dose, step.per_side, step.changeover)

    assert counted == card["seconds"], "the plan times the session as the guide does"
    assert card["total"] == f"{math.ceil(counted / 60)} min"
    assert page.locator("[data-player-summary]").is_visible()
    taken = counted - reps_seconds
    assert _text(page, "summary-time") == f"Time taken: {_clock(taken)}", (
        "the player's clock is the plan's time without the seconds it counts for repetitions, "
        "which ended at once"
    )
    assert _text(page, "summary-sets") == f"Sets done: {sets} of {sets}"
    assert _text(page, "live") == (
        f"Workout finished: {sets} of {sets} sets done in {_clock(taken)}."
    )
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
    assert _text(page, "heading") == f"First: {session[0].name}"
    first = f"Exercise 1 of {len(session)}"
    while _text(page, "progress") == first and _text(page, "set").startswith("Set 1 "):
        page.click("[data-player-next]")
    if _text(page, "progress") == first:
        page.click("[data-player-skip]")
    assert _text(page, "heading") == f"Next: {session[1].name}"
    page.click("[data-player-finish]")
    every = sum(step.dose.sets for step in session)
    assert _text(page, "summary-sets") == f"Sets done: 1 of {every}"
    page.keyboard.press("Escape")
    assert not page.locator("[data-player]").is_visible()
    assert phone.errors == []


@pytest.mark.parametrize("width", [390, 1280])
def test_plan_player_screenshots(chromium: Any, site_url: str, width: int) -> None:
    """The plan's week with its start buttons, and the player mid-exercise from a session, for
    a person to look at."""
    context = chromium.new_context(
        viewport={"width": width, "height": 844 if width == 390 else 900},
        service_workers="block",
    )
    tab = Tab(context.new_page(), site_url)
    tab.page.clock.install(time=START)
    page = _open(tab)
    card = _session(page)
    start = page.locator(f"#day-{card['date']} [data-player-start]")
    start.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -160)")
    _screenshot(page, f"plan-session-start-{width}")
    start.click()
    _wait(page, planned(card)[0].changeover)
    page.locator(".player__figure figure.movement").wait_for(state="visible")
    assert page.locator("[data-player-heading]").evaluate(UNCOVERED)
    _screenshot(page, f"plan-player-exercise-{width}")
    context.close()
    assert tab.errors == []
