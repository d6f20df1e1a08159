"""A shared link may hold anything: the finder and the plan builder still open, ready, with a
form that answers, and the plan's calendar never holds a date a calendar cannot read.

The fuzzing loads the real pages with generated addresses in one reused browser tab, so it
runs the page scripts exactly as a reader's browser does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import icalendar
import pytest
from conftest import Tab
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_browser_plan import ready, shown_sessions

pytestmark = pytest.mark.browser

PROTOTYPE_NAMES = ["constructor", "__proto__", "hasOwnProperty", "toString", "valueOf"]
FINDER_PARAMETERS = [
    "show", "pattern", "problem-areas", "muscles", "equipment", "level", "minutes", "assisting",
]  # fmt: skip
PLAN_PARAMETERS = [
    "days", "n", "min", "eq", "exp", "start", "weeks", "dist", "race", "pa", "ok", "week",
]  # fmt: skip
HOSTILE_VALUES = [
    *PROTOTYPE_NAMES,
    "5000-00-00",  # shaped like a date, but none
    "2026-02-31",
    "constructor,__proto__,toString",
    "%E0%A4%A",  # malformed percent-encoding
    "%",
    "%FF%FE%00",
    "x" * 5_000,  # times twelve parameters: near the 64 KB request line a test server reads
]
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def reused(chromium: Any, site_url: str) -> Iterator[Tab]:
    """One tab for every generated address, so fuzzing costs page loads, not browser starts."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = Tab(context.new_page(), site_url)
    # Other hosts do not matter here, and passing every request through Python costs more
    # than the page load itself on a busy machine; a site file may come from the cache.
    tab.page.unroute("**/*")
    tab.page.set_default_timeout(10_000)  # a page that never gets ready fails soon
    yield tab
    context.close()


def _query(pairs: list[tuple[str, str]]) -> str:
    """An address query as a link could write it: keys and values percent-encoded or raw."""
    return "?" + "&".join(f"{key}={value}" for key, value in pairs)


def _open(tab: Tab, path: str) -> Any:
    """Open ``path`` without waiting for images and fonts: readiness is what is awaited."""
    tab.errors.clear()
    tab.page.goto(tab.base + path, wait_until="domcontentloaded")
    return tab.page


def _other(page: Any, select: str, values: list[str]) -> str:
    """A value of ``select`` other than the one chosen now, so choosing it is a change."""
    current = page.input_value(select)
    return next(value for value in values if value != current)


def finder_works(tab: Tab, query: str) -> None:
    """The finder opens ready from ``query``, and choosing another list redraws it and is
    written to the address."""
    page = _open(tab, f"/finder/{query}")
    page.wait_for_selector("[data-finder][data-finder-ready]", timeout=10_000)
    show = _other(page, "select[name=show]", ["exercises", "routines"])
    page.select_option("select[name=show]", show)
    page.wait_for_function(
        "show => document.querySelector('[data-finder-count]').textContent.endsWith(show)"
        " && (show === 'exercises' ? !location.search.includes('show=')"
        " : location.search.includes('show=routines'))",
        arg=show,
    )
    assert tab.errors == [], (query[:200], tab.errors)


def plan_works(tab: Tab, query: str) -> None:
    """The plan builder opens ready from ``query``, and a choice in the form is taken up and
    written to the address."""
    page = ready(_open(tab, f"/plan/{query}"))
    day = _other(page, "select[name=day-0]", ["easy", "rest"])
    page.select_option("select[name=day-0]", day)
    page.wait_for_function(
        "code => new URLSearchParams(location.search).get('days')?.startsWith(code)", arg=day[0]
    )
    assert page.locator("[data-plan]").get_attribute("data-plan-state") in ("ready", "blocked")
    assert tab.errors == [], (query[:200], tab.errors)


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=lambda v: v[:20])
def test_the_finder_survives_a_hostile_value_in_every_parameter(reused: Tab, value: str) -> None:
    finder_works(reused, _query([(name, value) for name in FINDER_PARAMETERS]))


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=lambda v: v[:20])
def test_the_plan_survives_a_hostile_value_in_every_parameter(reused: Tab, value: str) -> None:
    plan_works(reused, _query([(name, value) for name in PLAN_PARAMETERS]))
    page = reused.page
    # Every value was refused, so the plan is the default one, drawn and ready.
    assert page.locator("[data-plan]").get_attribute("data-plan-state") == "ready"
    assert page.locator("input[name=problem]:checked").count() == 0
    assert shown_sessions(page)


def test_a_plan_link_naming_an_object_property_as_a_problem_area_is_not_a_choice(
    reused: Tab,
) -> None:
    page = ready(reused.open("/plan/?pa=constructor,weak-hips,weak-hips&ok=__proto__"))
    ticked = page.eval_on_selector_all(
        "input[name=problem]:checked", "inputs => inputs.map(i => i.value)"
    )
    assert ticked == ["weak-hips"]
    assert page.locator("[data-flags]").count() == 1
    assert page.locator("[data-plan]").get_attribute("data-plan-state") == "blocked"
    assert re.search(r"pa=weak-hips(&|$)", page.url)


def test_repeated_parameters_count_once(reused: Tab) -> None:
    page = ready(reused.open("/plan/?exp=regular&exp=constructor&days=ehehehe&days=__proto__"))
    assert page.is_checked("input[name=experience][value=regular]")
    assert page.input_value("select[name=day-1]") == "hard"
    finder = reused.open("/finder/?level=beginner&level=toString")
    finder.wait_for_selector("[data-finder][data-finder-ready]")
    assert finder.input_value("select[name=level]") == "beginner"
    assert finder.locator("[data-finder-notice]").is_hidden()


def test_an_unknown_value_in_a_finder_link_is_quoted_short(reused: Tab) -> None:
    page = reused.open(f"/finder/?pattern={'y' * 50_000}")
    page.wait_for_selector("[data-finder][data-finder-ready]")
    notice = page.locator("[data-finder-notice]").inner_text()
    assert "y" * 40 + "…" in notice and len(notice) < 300


KEYS = st.one_of(
    st.sampled_from([*FINDER_PARAMETERS, *PLAN_PARAMETERS, *PROTOTYPE_NAMES]),
    st.text(max_size=12),
)
VALUES = st.one_of(
    st.sampled_from(HOSTILE_VALUES[:-1]),
    st.text(max_size=40),
    st.lists(st.sampled_from([*PROTOTYPE_NAMES, "weak-hips", "band", "hinge", ""]), max_size=5).map(
        ",".join
    ),
    st.from_regex(r"[0-9]{4,6}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.from_regex(r"(%[0-9A-Fa-f]{0,2}){1,6}", fullmatch=True),
)
PAIRS = st.lists(st.tuples(KEYS, VALUES), max_size=8)


def _encoded(pairs: list[tuple[str, str]]) -> str:
    """Text as it goes into an address: '%' sequences kept raw (malformed ones included), every
    other character that could end the query or the pair escaped."""
    return _query(
        [(quote(key, safe="%"), quote(value, safe="%,")) for key, value in pairs]
    ).replace("#", "%23")


@FUZZ
@given(pairs=PAIRS)
def test_the_finder_survives_any_address(reused: Tab, pairs: list[tuple[str, str]]) -> None:
    finder_works(reused, _encoded(pairs))


@FUZZ
@given(pairs=PAIRS)
def test_the_plan_survives_any_address(reused: Tab, pairs: list[tuple[str, str]]) -> None:
    plan_works(reused, _encoded(pairs))


# The calendar


def test_the_plan_dates_refuse_years_past_9999(reused: Tab) -> None:
    page = ready(reused.open("/plan/?start=10000-01-03&race=+010000-01-01"))
    for name in ("start", "race"):
        assert page.get_attribute(f"input[name={name}]", "min") == "1900-01-01"
    assert page.get_attribute("input[name=race]", "max") == "9999-12-31"
    latest_start = page.get_attribute("input[name=start]", "max")
    assert latest_start is not None and latest_start < "9999-12-31"
    assert page.input_value("input[name=start]") < "2100-01-01"  # next Monday instead
    assert page.input_value("input[name=race]") == ""
    page.fill("input[name=start]", "9999-12-31")
    assert page.evaluate("document.querySelector('input[name=start]').validity.rangeOverflow")


def test_a_plan_ending_at_the_last_calendar_date_exports_four_digit_years(
    reused: Tab, tmp_path: Path
) -> None:
    page = ready(reused.open("/plan/?days=ehehehe&exp=regular&weeks=12"))
    latest_start = page.get_attribute("input[name=start]", "max")
    assert latest_start is not None
    page.fill("input[name=start]", latest_start)
    page.fill("input[name=race]", "9999-12-31")
    page.wait_for_function("location.search.includes('race=9999-12-31')")
    assert "up to your race" in page.locator("[data-plan-summary]").inner_text()
    with page.expect_download() as download:
        page.click("[data-plan-ics]")
    raw = Path(download.value.path()).read_bytes()
    assert re.search(rb"[+-]0\d{5}", raw) is None
    dates = re.findall(rb"^(?:DTSTART|DTEND);VALUE=DATE:(\d+)\r$", raw, re.MULTILINE)
    assert dates and all(len(date) == 8 for date in dates)
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert events
    last = max(event.decoded("DTSTART").isoformat() for event in events)
    assert "9999-12-20" <= last <= "9999-12-31"
    assert reused.errors == []
