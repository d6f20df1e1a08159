"""Runners build their week on /plan/; every week obeys every rule in content/plan/rules.yml.

The rules are read from the YAML file and evaluated here, independently of the page's script,
so a week that breaks a rule fails whatever the planner's code does. Each profile is entered
through the form like a runner would, then reloaded, printed and exported to a calendar.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml
from conftest import REPO, Tab

from generator.model import Guide
from generator.pipeline import check

pytestmark = pytest.mark.browser

RULES: dict[str, Any] = yaml.safe_load((REPO / "content/plan/rules.yml").read_text("utf-8"))
KIND_OF = {routine: kind for kind, entry in RULES["kinds"].items() for routine in entry["routines"]}
SLOTS_OF_DAY = {
    "rest": {"rest-day"},
    "easy": {"before-easy", "after-easy"},
    "hard": {"before-hard", "after-hard"},
}
START = datetime.date(2026, 11, 30)
GYM = [
    "band", "dumbbell", "kettlebell", "barbell", "cable", "slider", "bench",
    "suspension-trainer", "medicine-ball", "pull-up-bar",
]  # fmt: skip
LEVELS = ("beginner", "intermediate", "advanced")


@cache
def guide() -> Guide:
    found, problems = check(REPO / "content")
    assert found is not None, problems
    return found


@dataclass(frozen=True)
class Profile:
    """What one runner tells the planner."""

    name: str
    days: tuple[str, str, str, str, str, str, str]
    per_day: int
    per_week: int
    experience: str
    equipment: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    race_in_days: int | None = None
    expect_kinds: tuple[str, ...] = ()


PROFILES = [
    Profile(
        "beginner, three runs a week, knee pain, no equipment",
        ("rest", "easy", "rest", "easy", "rest", "hard", "rest"),
        15, 45, "new", problems=["runners-knee"],
    ),
    Profile(
        "marathoner, six runs with two hard days and a gym",
        ("rest", "hard", "easy", "easy", "easy", "hard", "easy"),
        45, 150, "regular", equipment=GYM, expect_kinds=("heavy",),
    ),
    Profile(
        "ten minutes a day",
        ("rest", "easy", "hard", "easy", "rest", "easy", "hard"),
        10, 70, "some",
    ),
    Profile(
        "race in five weeks",
        ("rest", "hard", "easy", "easy", "rest", "easy", "hard"),
        20, 60, "some", equipment=["band", "dumbbell"], race_in_days=34,
    ),
    Profile(
        "trail runner with weak hips and back-to-back long runs",
        ("rest", "easy", "easy", "hard", "rest", "hard", "hard"),
        20, 80, "some", equipment=["band"], problems=["weak-hips"],
    ),
    Profile(
        "new to lifting with a sore hamstring",
        ("rest", "easy", "rest", "hard", "rest", "easy", "hard"),
        15, 60, "new", equipment=["slider", "band"], problems=["hamstring-strain"],
    ),
    Profile(
        "regular lifter, four runs, race in ten weeks",
        ("rest", "hard", "easy", "rest", "hard", "easy", "rest"),
        60, 180, "regular", equipment=GYM, race_in_days=68, expect_kinds=("heavy", "circuit"),
    ),
    Profile(
        "regular lifter with a barbell and a kettlebell adds plyometrics",
        ("rest", "hard", "easy", "rest", "hard", "easy", "rest"),
        60, 180, "regular", equipment=["barbell", "kettlebell", "bench"],
        expect_kinds=("heavy", "plyometric"),
    ),
    Profile(
        "runs every day with a kettlebell",
        ("easy", "hard", "easy", "easy", "hard", "easy", "easy"),
        15, 60, "some", equipment=["kettlebell"],
    ),
    Profile(
        "calf and ankle trouble, two problem areas",
        ("rest", "easy", "hard", "easy", "rest", "easy", "hard"),
        20, 100, "new", problems=["calf-achilles", "ankle-instability"],
    ),
]  # fmt: skip


@dataclass(frozen=True)
class Session:
    day: int
    slot: str
    routine: str
    minutes: int

    @property
    def kind(self) -> str:
        return KIND_OF[self.routine]


def broken_rules(
    sessions: list[Session], days: list[str], experience: str, race_day: int | None = None
) -> list[str]:
    """Every rule in rules.yml the sessions break; ``race_day`` marks the seven race days."""
    scope = "every-week" if race_day is None else "race-week"
    found = []
    for rule_id, rule in RULES["rules"].items():
        if rule.get("scope", "every-week") == "race-week" and scope != "race-week":
            continue
        mine = [s for s in sessions if s.kind in rule["kinds"]]
        if not mine:
            continue
        broken = False
        if "slots" in rule:
            broken |= any(s.slot not in rule["slots"] for s in mine)
        if "experience" in rule:
            broken |= experience not in rule["experience"]
        if "max_per_week" in rule:
            condition = rule.get("when_week_has", [])
            if not condition or any(s.kind in condition for s in sessions):
                broken |= len(mine) > rule["max_per_week"]
        if "max_per_day" in rule:
            broken |= any(sum(s.day == day for s in mine) > rule["max_per_day"] for day in range(7))
        if "not_before" in rule:
            for s in mine:
                tomorrow = s.day + 1 if s.day < 6 else (0 if race_day is None else None)
                if tomorrow is not None:
                    broken |= days[tomorrow] in rule["not_before"]
        if "clear_days_before_race" in rule and race_day is not None:
            first = race_day - rule["clear_days_before_race"]
            broken |= any(first <= s.day <= race_day for s in mine)
        if broken:
            found.append(rule_id)
    return found


def page_promises(sessions: list[Session], days: list[str], profile: Profile) -> list[str]:
    """What the routine pages and the runner's own limits demand of any week."""
    failures = []
    levels = RULES["experience"][profile.experience]["levels"]
    owned = {*profile.equipment, *RULES["always_available"]}
    for s in sessions:
        routine = guide().routines[s.routine]
        if s.slot not in SLOTS_OF_DAY[days[s.day]]:
            failures.append(f"{s.routine}: slot {s.slot} on a {days[s.day]} day")
        if s.slot not in RULES["routine_when"][routine.when]:
            failures.append(f"{s.routine}: its page says {routine.when}, placed {s.slot}")
        items = routine.items[:1] if routine.ladder else routine.items
        exercises = [guide().exercises[item.exercise] for item in items]
        if max(LEVELS.index(e.level) for e in exercises) >= len(levels):
            failures.append(f"{s.routine}: too hard for {profile.experience}")
        needed = {
            kit for item in routine.items for kit in guide().exercises[item.exercise].equipment
        }
        if not needed <= owned:
            failures.append(f"{s.routine}: needs {sorted(needed - owned)}")
    for key in {s.routine for s in sessions}:
        count = sum(s.routine == key for s in sessions)
        if count > guide().routines[key].times_per_week:
            failures.append(f"{key}: {count} times, its page says at most ")
    for day in range(7):
        today = [s for s in sessions if s.day == day]
        if sum(s.minutes for s in today) > profile.per_day:
            failures.append(f"day {day}: over {profile.per_day} minutes")
        if len({s.routine for s in today}) < len(today):
            failures.append(f"day {day}: the same routine twice")
    if sum(s.minutes for s in sessions) > profile.per_week:
        failures.append(f"week: over {profile.per_week} minutes")
    return failures


def ready(page: Any) -> Any:
    """The plan page once its data has arrived and the form answers."""
    page.wait_for_selector("[data-plan][data-plan-ready]", state="attached")
    return page


def open_plan(tab: Tab, path: str = "/plan/") -> Any:
    return ready(tab.open(path))


def read_sessions(page: Any, selector: str) -> list[Session]:
    found = page.eval_on_selector_all(
        f"{selector} [data-session]", "items => items.map(item => ({...item.dataset}))"
    )
    return [Session(int(s["day"]), s["slot"], s["routine"], int(s["minutes"])) for s in found]


def enter(page: Any, profile: Profile) -> None:
    """Fill the form the way a runner does, one control at a time."""
    for day, kind in enumerate(profile.days):
        page.select_option(f"select[name=day-{day}]", kind)
    page.fill("input[name=per-day]", str(profile.per_day))
    page.fill("input[name=per-week]", str(profile.per_week))
    page.check(f"input[name=experience][value={profile.experience}]")
    for kit in profile.equipment:
        page.check(f"input[name=equipment][value={kit}]")
    page.fill("input[name=start]", START.isoformat())
    if profile.race_in_days is not None:
        race = START + datetime.timedelta(days=profile.race_in_days)
        page.fill("input[name=race]", race.isoformat())
    for area in profile.problems:
        page.check(f"input[name=problem][value={area}]")
    for area in profile.problems:
        flags = page.locator(f"[data-flags={area}] li").all_inner_texts()
        on_page = guide().problem_areas[area].red_flags
        assert flags == list(getattr(on_page, "urgent", on_page))
        assert page.locator("[data-plan]").get_attribute("data-plan-state") == "blocked"
        assert read_sessions(page, "[data-plan-week]") == []
        page.check(f"[data-flags={area}] input[name=clear]")


def race_window(profile: Profile) -> tuple[list[datetime.date], list[str]]:
    assert profile.race_in_days is not None
    race = START + datetime.timedelta(days=profile.race_in_days)
    dates = [race - datetime.timedelta(days=6 - i) for i in range(7)]
    days = [profile.days[date.weekday()] for date in dates[:6]] + ["hard"]
    return dates, days


def expected_events(
    profile: Profile, week: list[Session], race: list[Session], weeks: int
) -> list[tuple[datetime.date, str]]:
    """(date, routine) of every session from the first day to race day or the plan's end."""
    last = START + datetime.timedelta(days=weeks * 7 - 1)
    window: list[datetime.date] = []
    if profile.race_in_days is not None:
        window, _ = race_window(profile)
        last = window[-1]
    events = []
    date = START
    while date <= last:
        if date in window:
            events += [(date, s.routine) for s in race if window[s.day] == date]
        else:
            events += [(date, s.routine) for s in week if s.day == date.weekday()]
        date += datetime.timedelta(days=1)
    return sorted(events)


def pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


@pytest.mark.parametrize("profile", PROFILES, ids=[p.name for p in PROFILES])
def test_each_runner_gets_a_week_that_obeys_every_rule(
    tab: Tab, profile: Profile, tmp_path: Path
) -> None:
    page = open_plan(tab)
    enter(page, profile)
    assert page.locator("[data-plan]").get_attribute("data-plan-state") == "ready"
    days = list(profile.days)
    week = read_sessions(page, "[data-plan-week]")
    assert week, "a plan with at least one session"
    assert broken_rules(week, days, profile.experience) == []
    assert page_promises(week, days, profile) == []
    kinds = {s.kind for s in week}
    assert set(profile.expect_kinds) <= kinds, kinds
    for area in profile.problems:
        served = [s for s in week if area in guide().routines[s.routine].problem_areas]
        assert served, f"nothing in the week works on {area}"

    race: list[Session] = []
    phases = page.eval_on_selector_all(
        "[data-plan-weeks] tr", "rows => rows.map(r => r.dataset.phase)"
    )
    if profile.race_in_days is None:
        assert page.locator("[data-plan-race]").is_hidden()
        assert len(phases) == 10
    else:
        _, race_days = race_window(profile)
        race = read_sessions(page, "[data-plan-race-week]")
        assert broken_rules(race, race_days, profile.experience, race_day=6) == []
        assert page_promises(race, race_days, profile) == []
        assert len(phases) == profile.race_in_days // 7 + 1
        assert phases[-1] == "race" and phases[-2] == "taper"
    # A lighter week (or the taper) comes every 3 to 4 weeks, as rules.yml sets it.
    every = RULES["progression"]["lighter_every"][profile.experience]
    hard_runs = "".join("x" if p in ("learn", "build", "heavier") else "." for p in phases)
    assert max(len(run) for run in hard_runs.split(".")) <= every - 1, phases
    assert "lighter" in phases or profile.race_in_days is not None

    # The address bar holds the plan: a reload and a fresh tab both bring it back.
    address = page.url
    page.reload()
    ready(page)
    assert read_sessions(page, "[data-plan-week]") == week
    assert page.input_value("input[name=per-week]") == str(profile.per_week)
    fresh = page.context.new_page()
    fresh.goto(address)
    assert read_sessions(ready(fresh), "[data-plan-week]") == week
    fresh.close()

    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(prefer_css_page_size=True)) == 1
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.click("[data-plan-ics]")
    raw = Path(download.value.path()).read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    names = {guide().routines[key].name: key for key in guide().routines}
    found = sorted(
        (
            event.decoded("DTSTART"),
            next(key for name, key in names.items() if str(event["SUMMARY"]).startswith(name)),
        )
        for event in events
    )
    assert all("DTSTAMP" in event for event in events)
    assert found == expected_events(profile, week, race, len(phases))
    assert tab.errors == [] and tab.foreign == []


def test_no_plan_is_built_until_the_red_flags_are_ruled_out(tab: Tab) -> None:
    page = open_plan(tab)
    page.check("input[name=problem][value=runners-knee]")
    assert page.locator("[data-flags=runners-knee]").is_visible()
    assert page.locator("[data-plan-blocked]").is_visible()
    assert read_sessions(page, "[data-plan-week]") == []
    assert page.locator("[data-plan-ics]").is_hidden()
    page.reload()
    ready(page)
    assert page.locator("[data-plan-blocked]").is_visible()
    page.check("[data-flags=runners-knee] input[name=clear]")
    assert read_sessions(page, "[data-plan-week]") != []


@pytest.mark.parametrize("width", [390, 1280])
def test_plan_page_screenshots(chromium: Any, site_url: str, width: int) -> None:
    """Pictures of a full plan at phone and desktop width, for a person to look at."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    tab = Tab(context.new_page(), site_url)
    page = open_plan(
        tab,
        "/plan/?days=rheerhe&day=25&week=90&exp=some&eq=band,dumbbell&pa=weak-hips"
        "&ok=weak-hips&start=2026-11-30&weeks=10&race=2027-01-24",
    )
    assert len(read_sessions(page, "[data-plan-week]")) > 3
    assert tab.screenshot(f"plan-{width}").exists()
    context.close()


def test_choosing_a_problem_area_shows_its_urgent_red_flags_from_the_fetched_data(
    tab: Tab,
) -> None:
    fetched: list[str] = []
    tab.page.on("request", lambda request: fetched.append(request.url))
    page = open_plan(tab)
    assert any(url.endswith("/plan/data.json") for url in fetched)
    assert page.locator("[data-flags]").count() == 0, "no red flags before a choice"
    area = guide().problem_areas["achilles-tendinopathy"]
    page.check("input[name=problem][value=achilles-tendinopathy]")
    box = page.locator("[data-flags=achilles-tendinopathy]")
    assert box.is_visible()
    assert box.locator("li").all_inner_texts() == list(
        getattr(area.red_flags, "urgent", area.red_flags)
    )
    assert box.locator(".plan__flags-title").inner_text().startswith(f"{area.name}: get checked")
    box.get_by_role("link", name=f"Read the {area.name} page").click()
    page.wait_for_url("**/problem-areas/achilles-tendinopathy/")
    assert page.locator("h1").first.inner_text().startswith(area.name)
    assert tab.errors == [] and tab.foreign == []


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
    assert "pa=runners-knee" in page.url
