"""Runners build their plan on /plan/ in Chromium: what only a browser shows.

The planning itself (every rule, phase, taper and the safety behaviour over many runner
profiles) is tested without a browser in tests/js/plan.test.js; here a runner fills in the
form, reloads, opens the link elsewhere, prints, downloads the calendar and reads the red flags
of a problem page before any plan.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import icalendar
import pytest
from conftest import REPO, Tab

from generator.guide import Guide
from generator.pipeline import check

pytestmark = pytest.mark.browser

START = datetime.date(2026, 11, 30)
MARATHONER = (
    "/plan/?days=rheeehl&n=2&min=45&eq=gym&exp=regular&start=2026-11-30"
    "&race=2027-03-21&dist=marathon"
)
BEGINNER = (
    "/plan/?days=rererhr&n=2&min=20&eq=none&exp=new&start=2026-11-30&weeks=12"
    "&pa=runners-knee&ok=runners-knee"
)
INJURED = (
    "/plan/?days=rheerhl&n=3&min=20&eq=none&exp=some&start=2026-11-30&weeks=8"
    "&pa=bone-stress-injury&ok=bone-stress-injury"
)


@cache
def guide() -> Guide:
    found, problems = check(REPO / "content")
    assert found is not None, problems
    return found


def ready(page: Any) -> Any:
    """The plan page once its data has arrived and the form answers."""
    page.wait_for_selector("[data-plan][data-plan-ready]", state="attached")
    return page


def open_plan(tab: Tab, path: str = "/plan/") -> Any:
    return ready(tab.open(path))


def shown_sessions(page: Any) -> list[tuple[str, str, list[str]]]:
    """(date, session letter, exercise or routine ids) of each session card in the shown week."""
    return [
        (card["date"], card["session"], card["items"])
        for card in page.eval_on_selector_all(
            "[data-plan-week] [data-session]",
            """cards => cards.map(c => ({date: c.dataset.date, session: c.dataset.session,
                items: [...c.querySelectorAll('[data-exercise], [data-routine]')]
                  .map(i => i.dataset.exercise || i.dataset.routine)}))""",
        )
    ]


def session_dates(page: Any) -> list[str]:
    return " ".join(
        page.eval_on_selector_all("[data-plan-weeks] tr", "rows => rows.map(r => r.dataset.dates)")
    ).split()


def enter_marathoner(page: Any) -> None:
    """The form filled in one control at a time, as a runner does."""
    for day, kind in enumerate(("rest", "hard", "easy", "easy", "easy", "hard", "long")):
        page.select_option(f"select[name=day-{day}]", kind)
    page.select_option("select[name=sessions]", "2")
    page.fill("input[name=minutes]", "45")
    page.check("input[name=experience][value=regular]")
    page.check("input[name=equipment][value=gym]")
    page.fill("input[name=start]", START.isoformat())
    page.select_option("select[name=weeks]", "9")
    page.fill("input[name=race]", "2027-03-21")
    page.select_option("select[name=distance]", "marathon")


def pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def test_the_form_starts_from_an_empty_week(tab: Tab) -> None:
    page = open_plan(tab)
    kinds = [page.input_value(f"select[name=day-{day}]") for day in range(7)]
    assert kinds == ["rest"] * 7
    assert "days=rrrrrrr" in page.url
    assert tab.errors == [] and tab.foreign == []


def test_every_choice_survives_a_reload_a_new_tab_and_the_printed_link(
    tab: Tab, tmp_path: Path
) -> None:
    page = open_plan(tab)
    enter_marathoner(page)
    page.select_option("[data-plan-week-pick]", "3")
    week = shown_sessions(page)
    assert len(week) == 2 and {letter for _, letter, _ in week} == {"A", "B"}
    address = page.url
    chosen = parse_qs(urlparse(address).query)
    assert chosen["days"] == ["rheeehl"] and chosen["min"] == ["45"] and chosen["week"] == ["3"]
    assert chosen["race"] == ["2027-03-21"] and chosen["dist"] == ["marathon"]

    page.reload()
    ready(page)
    assert shown_sessions(page) == week
    assert page.input_value("input[name=minutes]") == "45"
    assert page.input_value("select[name=day-6]") == "long"
    assert page.input_value("select[name=weeks]") == "9"
    assert page.input_value("select[name=distance]") == "marathon"
    assert page.is_checked("input[name=equipment][value=gym]")
    fresh = page.context.new_page()
    fresh.goto(address)
    assert shown_sessions(ready(fresh)) == week
    fresh.close()

    page.emulate_media(media="print")
    assert page.locator("[data-plan-print-link]").inner_text() == f"This plan: {address}"
    phases = page.eval_on_selector_all(
        "[data-print-phase]", "s => s.map(x => x.dataset.printPhase)"
    )
    assert phases == ["base", "lighter", "build", "peak", "taper"]
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == len(phases)
    page.emulate_media(media="screen")
    assert tab.errors == [] and tab.foreign == []


def test_the_calendar_holds_one_event_per_session_with_its_exercises(tab: Tab) -> None:
    page = open_plan(tab, MARATHONER)
    expected = session_dates(page)
    assert len(expected) >= 25
    week = shown_sessions(page)
    with page.expect_download() as download:
        page.click("[data-plan-ics]")
    raw = Path(download.value.path()).read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    dates = [event.decoded("DTSTART").isoformat() for event in events]
    assert dates == expected
    assert len({str(event["UID"]) for event in events}) == len(events)
    names = {key: exercise.name for key, exercise in guide().exercises.items()}
    for date, letter, items in week:
        [event] = [e for e in events if e.decoded("DTSTART").isoformat() == date]
        assert str(event["SUMMARY"]).startswith(f"Strength {letter}")
        description = str(event["DESCRIPTION"])
        assert all(names[item] in description for item in items), (items, description)
        link = urlparse(str(event["URL"]))
        assert link.fragment == f"day-{date}" and "week=1" in link.query
    assert tab.errors == []


def test_a_calendar_link_opens_its_own_session(tab: Tab) -> None:
    page = open_plan(tab, MARATHONER)
    date = session_dates(page)[-3]
    row = page.locator(f"[data-plan-weeks] tr[data-dates*='{date}']")
    week = row.get_attribute("data-week")
    page = open_plan(tab, f"{MARATHONER}&week={week}#day-{date}")
    card = page.locator(f"#day-{date}")
    assert card.get_attribute("data-session") in ("A", "B")
    assert card.is_visible()


def test_every_tier_of_red_flags_comes_before_any_plan(tab: Tab) -> None:
    page = open_plan(tab)
    page.select_option("select[name=day-1]", "hard")
    page.check("input[name=problem][value=bone-stress-injury]")
    box = page.locator("[data-flags=bone-stress-injury]")
    flags = guide().problem_areas["bone-stress-injury"].red_flags
    for tier in ("urgent", "soon", "see_a_physio_if"):
        shown = box.locator(f"[data-plan-flags-items={tier}] li").all_inner_texts()
        assert shown == list(getattr(flags, tier))
    assert any("hopping" in flag for flag in box.locator("li").all_inner_texts())
    assert page.locator("[data-plan]").get_attribute("data-plan-state") == "blocked"
    assert page.locator("[data-plan-blocked]").is_visible()
    assert shown_sessions(page) == [] and page.locator("[data-plan-ics]").is_hidden()
    box.locator("input[name=clear]").check()
    assert page.locator("[data-plan]").get_attribute("data-plan-state") == "ready"
    assert "ok=bone-stress-injury" in page.url


def test_an_injury_that_needs_clearance_says_so_first_and_plans_no_hard_running(
    tab: Tab,
) -> None:
    page = open_plan(tab, INJURED)
    notice = page.locator("[data-plan-clearance]")
    assert notice.is_visible()
    assert "no hard running until a clinician clears you" in notice.inner_text()
    week_top = page.locator("[data-plan-week]").bounding_box()["y"]
    assert notice.bounding_box()["y"] < week_top
    kinds = page.eval_on_selector_all(
        "[data-plan-week] [data-date]", "d => d.map(x => x.dataset.kind)"
    )
    assert set(kinds) <= {"rest", "easy"}
    early = {"bone-stress-injury-5-minutes", "bone-stress-injury-10-minutes"}
    sessions = shown_sessions(page)
    assert sessions and all(set(items) <= early for _, _, items in sessions)


def test_names_every_object_has_never_break_the_page(tab: Tab) -> None:
    page = open_plan(
        tab,
        "/plan/?days=rhrrhrl&pa=constructor,__proto__,toString&ok=__proto__&eq=constructor"
        "&exp=toString&dist=__proto__&start=99999-01-01&race=10000-01-01",
    )
    assert page.locator("[data-plan]").get_attribute("data-plan-state") == "ready"
    assert page.locator("[data-flags]").count() == 0
    assert page.get_attribute("input[name=race]", "max") == "9999-12-31"
    assert tab.errors == []


def test_on_a_phone_the_plan_is_one_tap_away(phone: Tab) -> None:
    page = open_plan(phone, BEGINNER)
    page.evaluate("window.scrollTo(0, 0)")
    jump = page.locator("[data-plan-jump]")
    jump.wait_for(state="visible")
    box = jump.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844, "the button is on screen"
    jump.tap()
    page.wait_for_timeout(400)
    result = page.locator("#your-plan").bounding_box()
    assert result["y"] < 844 / 2, "the plan starts in the top half of the screen"
    page.locator("[data-plan-week] [data-session]").first.wait_for(state="visible")
    stills = page.locator("[data-plan-week] [data-session] img.plan__still")
    assert stills.count() > 0
    assert all(
        page.evaluate("img => img.naturalWidth > 0", stills.nth(i).element_handle())
        for i in range(stills.count())
    )


PROFILES = {"marathoner": MARATHONER, "beginner-knee": BEGINNER, "bone-stress": INJURED}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", list(PROFILES))
def test_plan_page_screenshots(chromium: Any, site_url: str, width: int, name: str) -> None:
    """Pictures of three runners' plans at phone and desktop width, for a person to look at."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    tab = Tab(context.new_page(), site_url)
    page = open_plan(tab, PROFILES[name])
    page.locator("#your-plan").scroll_into_view_if_needed()
    assert shown_sessions(page)
    assert tab.screenshot(f"plan-{name}-{width}").exists()
    context.close()


def test_a_choice_made_while_the_data_loads_is_kept(tab: Tab) -> None:
    held: list[Any] = []
    tab.page.route("**/plan/data.json", lambda route: held.append(route))
    page = tab.open("/plan/")
    page.check("input[name=problem][value=runners-knee]")
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    ready(page)
    assert page.locator("input[name=problem][value=runners-knee]").is_checked()
    assert page.locator("[data-flags=runners-knee]").is_visible()
    assert page.locator("[data-plan]").get_attribute("data-plan-state") == "blocked"
    assert re.search(r"pa=runners-knee", page.url)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["beginner-knee", "bone-stress"])
def test_a_full_plan_has_no_serious_accessibility_violations(
    tab: Tab, name: str, scheme: str
) -> None:
    tab.page.emulate_media(color_scheme=scheme)
    page = open_plan(tab, PROFILES[name])
    page.add_script_tag(path=str(REPO / "node_modules" / "axe-core" / "axe.min.js"))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)"""
    )
    assert violations == [], "\n".join(violations)
