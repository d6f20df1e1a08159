"""The workout player as a test drives it: a browser whose clock the test holds, the texts the
player shows, and whether the header or anything else covers what the runner must see. Shared
by the routine's and the plan's player tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from conftest import ARTIFACTS, Tab

from generator.durations import SECONDS_PER_REP, SIDE_SWITCH_SECONDS, dose_seconds
from generator.model import Dosage

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


@contextlib.contextmanager
def clocked(chromium: Any, site_url: str, width: int = 390, phone: bool = True) -> Iterator[Tab]:
    """A tab with the clock under the test's control (a touch phone unless ``phone`` is
    False); no service worker in the way."""
    context = chromium.new_context(
        viewport={"width": width, "height": 844 if width == 390 else 900},
        **({"is_mobile": True, "has_touch": True} if phone else {}),
        service_workers="block",
    )
    tab = Tab(context.new_page(), site_url)
    tab.page.clock.install(time=START)
    try:
        yield tab
    finally:
        context.close()


def screenshot(page: Any, name: str) -> None:
    """The screen as the runner sees it (the player fills it; the page under it is not shown)."""
    ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screenshots" / f"{name}.png"))


def text(page: Any, name: str) -> str:
    """What the player's part ``data-player-<name>`` says."""
    return str(page.text_content(f"[data-player-{name}]")).strip()


def wait(page: Any, seconds: int) -> None:
    page.clock.run_for(seconds * 1000)


def clock(seconds: int) -> str:
    """A time as the player writes it: 0:45, 1:30."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def check_step(page: Any, heading: str, kicker: str, set_line: str) -> None:
    assert text(page, "heading") == heading
    assert text(page, "kicker") == kicker
    assert text(page, "set") == set_line
    assert page.locator("[data-player-heading]").evaluate(UNCOVERED), heading


@dataclass(frozen=True)
class Played:
    """One exercise of a workout as the content doses it: what the player must show and time."""

    exercise: str
    name: str
    cue: str
    dose: Dosage
    per_side: bool
    changeover: int


@dataclass(frozen=True)
class Tally:
    """A workout played through: its sets, the time the guide counts for it
    (generator/durations.py), and the part of that time counted for repetitions."""

    sets: int
    seconds: int
    repetition_seconds: int


def play_through(page: Any, workout: list[Played]) -> Tally:
    """Play the open player from its first step to its summary with the keyboard, letting the
    test's clock run every timer out and ending each set of repetitions at once, and check
    every step on the way: the next exercise's name and still while getting to it, the last
    seconds read out, each set and side, the figure, the cue, the holds, side switches and
    rests the dose gives."""
    sets = seconds = repetition_seconds = 0
    for number, step in enumerate(workout):
        dose, name = step.dose, step.name
        assert text(page, "progress") == f"Exercise {number + 1} of {len(workout)}"
        check_step(
            page,
            f"{'First' if number == 0 else 'Next'}: {name}",
            "Get ready" if number == 0 else "Next exercise",
            f"Set 1 of {dose.sets}{' · Left side' if step.per_side else ''}",
        )
        still = page.locator(".player__figure img.player__still")
        assert (still.get_attribute("src") or "").endswith(f"{step.exercise}.svg")
        assert name in text(page, "live")
        wait(page, step.changeover - 3)
        assert text(page, "live") == "3", "the last seconds of a timer are read out"
        wait(page, 3)
        for set_number in range(1, dose.sets + 1):
            for side in ("Left", "Right") if step.per_side else (None,):
                where = f"Set {set_number} of {dose.sets}"
                check_step(page, name, "", f"{where}{f' · {side} side' if side else ''}")
                assert text(page, "live").startswith(f"{name}. {where}")
                assert text(page, "cue") == step.cue
                assert text(page, "dose").startswith(f"{dose.sets} × ")
                assert ("each side" in text(page, "dose")) == step.per_side
                figure = page.locator(".player__figure figure.movement")
                figure.wait_for(state="visible")
                box = figure.bounding_box()
                assert box is not None and box["height"] >= 200, "the figure is large"
                assert figure.evaluate(UNCOVERED)
                timed = dose.timed_seconds()
                if timed:
                    assert text(page, "clock") == clock(timed)
                    wait(page, timed)
                else:
                    assert text(page, "clock") == f"{dose.reps} reps"
                    repetition_seconds += SECONDS_PER_REP * (dose.reps or 0)
                    page.keyboard.press("Enter")
                if side == "Left":
                    assert text(page, "kicker") == "Switch to the right side"
                    wait(page, SIDE_SWITCH_SECONDS)
            sets += 1
            if set_number < dose.sets:
                assert text(page, "kicker") == "Rest"
                assert text(page, "clock") == clock(dose.rest_seconds)
                assert text(page, "live").startswith(f"Rest {dose.rest_seconds} seconds")
                wait(page, dose.rest_seconds)
        seconds += dose_seconds(dose, step.per_side, step.changeover)
    assert page.locator("[data-player-summary]").is_visible()
    return Tally(sets, seconds, repetition_seconds)
