"""A routine shows one time wherever a reader meets it, and that time is a session's honest
length: never less than the work and rests it asks for, one step of a ladder, and the
minutes it takes to load a bar."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from conftest import REPO

from generator.pipeline import check

_LOADED, _PROBLEMS = check(REPO / "content")
assert _LOADED is not None
GUIDE = _LOADED


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _times_shown(site: Path) -> dict[str, dict[str, set[int]]]:
    """Routine id → where its time is shown → the minutes shown there."""
    shown: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for key in GUIDE.routines:
        page = _text(site / "routines" / key / "index.html")
        for minutes in re.findall(r"About (\d+) minutes", page):
            shown[key]["routine page facts"].add(int(minutes))
        for minutes in re.findall(r"(?:Total time|Time per session):</strong> about (\d+)", page):
            shown[key]["routine page total"].add(int(minutes))
    for page in site.rglob("index.html"):
        html = _text(page)
        for key, minutes in re.findall(
            r'<a href="[^"]*routines/([a-z0-9-]+)/">[^<]+</a>\s*— (\d+) min', html
        ):
            shown[key][f"list on {page.parent.name}"].add(int(minutes))
        for href, minutes in re.findall(
            r'<p><strong><a href="([^"]*)">[^<]+</a></strong></p>\s*<p>(\d+) min ·', html
        ):
            key = href.rstrip("/").rsplit("/", 1)[-1]
            shown[key][f"card on {page.parent.name}"].add(int(minutes))
    for area_key, area in GUIDE.problem_areas.items():
        html = _text(site / "problem-areas" / area_key / "index.html")
        starter = re.search(r'class="start-here__facts">About (\d+) minutes', html)
        if starter:
            shown[area.starter_routine]["problem page start here"].add(int(starter.group(1)))
    finder = json.loads(_text(site / "finder" / "index.json"))
    for row in finder["routines"]:
        shown[row[0]]["finder"].add(int(row[-1]))
    plan = json.loads(_text(site / "plan" / "data.json"))
    for key, routine in plan["routines"].items():
        shown[key]["plan builder"].add(int(routine["minutes"]))
    return shown


def test_every_place_shows_a_routine_with_the_same_time(built_guide: Path) -> None:
    shown = _times_shown(built_guide)
    disagreeing = {
        key: {place: sorted(values) for place, values in places.items()}
        for key, places in shown.items()
        if len(set().union(*places.values())) != 1
    }
    assert disagreeing == {}
    for key in GUIDE.routines:
        places = set(shown[key])
        assert {"routine page facts", "routine page total", "finder", "plan builder"} <= places
    assert any(place.startswith("list on") for places in shown.values() for place in places)
    assert any(place.startswith("card on") for places in shown.values() for place in places)


def _shown_minutes(site: Path, key: str) -> int:
    page = _text(site / "routines" / key / "index.html")
    match = re.search(r"About (\d+) minutes", page)
    assert match, key
    return int(match.group(1))


def test_a_routine_never_claims_less_time_than_its_rests_and_repetitions(
    built_guide: Path,
) -> None:
    for key, routine in GUIDE.routines.items():
        if routine.ladder:
            continue
        floor = sum(
            (item.sets - 1) * item.rest_seconds
            + item.sets * (2 if item.per_side else 1) * (item.reps or 0) * 2
            for item in routine.items
        )
        assert _shown_minutes(built_guide, key) * 60 >= floor * 0.8, key


def test_a_heavy_barbell_session_counts_minutes_to_load_the_bar(built_guide: Path) -> None:
    routine = GUIDE.routines["maximal-strength"]
    waiting = sum((item.sets - 1) * item.rest_seconds for item in routine.items)
    new_lifts = len({item.exercise for item in routine.items})
    assert _shown_minutes(built_guide, "maximal-strength") * 60 >= waiting + new_lifts * 90


def test_a_ladder_shows_the_time_of_one_step_a_session(built_guide: Path) -> None:
    for key, routine in GUIDE.routines.items():
        if not routine.ladder:
            continue
        every_step = sum((item.sets - 1) * item.rest_seconds for item in routine.items)
        assert _shown_minutes(built_guide, key) * 60 < every_step, key
        page = _text(built_guide / "routines" / key / "index.html")
        assert "one step a session" in page
