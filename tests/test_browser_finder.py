"""The finder as a reader uses it, in Debian's Chromium against the built guide.

Expected results are worked out from the content, not from the finder's own code.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REPO, Tab

from generator.indexes import build_indexes
from generator.pipeline import check

pytestmark = pytest.mark.browser

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None
INDEXES = build_indexes(GUIDE)
HOUSEHOLD = {key for key, item in GUIDE.equipment.items() if item.household}


def open_finder(tab: Tab, query: str = "") -> Any:
    page = tab.open(f"/finder/{query}")
    page.wait_for_selector("[data-finder][data-finder-ready]")
    return page


def count(page: Any) -> int:
    return int(page.inner_text("[data-finder-count]").split(" ")[0])


def shown(page: Any) -> list[str]:
    """Every result name, after pressing "Show more" until all are drawn."""
    while page.locator("[data-finder-more]").is_visible():
        page.click("[data-finder-more]")
    return sorted(page.locator("[data-finder-results] > li > a").all_text_contents())


def exercises(assisting: bool = False, **filters: str) -> list[str]:
    """Exercise names matching the filters; a problem area includes its routines' exercises."""
    names = []
    for key, exercise in GUIDE.exercises.items():
        muscles = exercise.muscles.primary + (exercise.muscles.secondary if assisting else [])
        equipment = list(exercise.equipment)
        if set(equipment) <= HOUSEHOLD:
            equipment.append("none")
        facets = {
            "pattern": [exercise.pattern],
            "problem-areas": INDEXES.problem_areas_of_exercise[key],
            "muscles": muscles,
            "equipment": equipment,
            "level": [exercise.level],
        }
        ok = all(value in facets[name] for name, value in filters.items() if name != "minutes")
        if "minutes" in filters:
            minutes = INDEXES.exercise_minutes[key]
            ok = ok and minutes is not None and minutes <= int(filters["minutes"])
        if ok:
            names.append(exercise.name)
    return sorted(names)


def test_finder_narrows_with_combined_filters(tab: Tab) -> None:
    page = open_finder(tab)
    assert count(page) == len(GUIDE.exercises)
    page.select_option("select[name=problem-areas]", "weak-hips")
    assert shown(page) == exercises(**{"problem-areas": "weak-hips"})
    page.select_option("select[name=equipment]", "bodyweight")
    page.select_option("select[name=level]", "beginner")
    combined = {"problem-areas": "weak-hips", "equipment": "bodyweight", "level": "beginner"}
    assert shown(page) == exercises(**combined)
    assert 0 < count(page) < len(GUIDE.exercises)
    page.select_option("select[name=minutes]", "5")
    assert shown(page) == exercises(**combined, minutes="5")
    assert "problem-areas=weak-hips" in page.url and "level=beginner" in page.url
    tab.screenshot("finder")


def test_finder_restores_filters_from_the_address(tab: Tab) -> None:
    page = open_finder(tab, "?pattern=hinge&equipment=bodyweight")
    assert page.input_value("select[name=pattern]") == "hinge"
    assert page.input_value("select[name=equipment]") == "bodyweight"
    assert shown(page) == exercises(pattern="hinge", equipment="bodyweight")
    page.click(".finder__reset")
    page.wait_for_function("!location.search")
    assert count(page) == len(GUIDE.exercises)


def test_each_option_count_is_what_choosing_it_shows(tab: Tab) -> None:
    page = open_finder(tab, "?problem-areas=weak-hips")
    page.focus("select[name=level]")  # counts are written when a reader reaches the list
    label = page.locator("select[name=level] option[value=beginner]").inner_text()
    promised = int(label.rsplit("(", 1)[1].rstrip(")"))
    page.select_option("select[name=level]", "beginner")
    assert (
        count(page)
        == promised
        == len(exercises(**{"problem-areas": "weak-hips", "level": "beginner"}))
    )


def test_muscle_filter_matches_primary_muscles_unless_assisting_ones_are_included(
    tab: Tab,
) -> None:
    page = open_finder(tab, "?muscles=gluteus-maximus")
    primary = exercises(muscles="gluteus-maximus")
    assert shown(page) == primary
    page.check("input[name=assisting]")
    widened = exercises(assisting=True, muscles="gluteus-maximus")
    assert shown(page) == widened and len(widened) > len(primary)
    assert "assisting=yes" in page.url


NOTHING_BOUGHT = {"bodyweight", "wall"}
"""What a runner has at home without buying anything: the floor and a wall."""


def test_no_equipment_lists_nothing_that_needs_anything_bought(tab: Tab) -> None:
    page = open_finder(tab, "?equipment=none")
    names = shown(page)
    assert names == exercises(equipment="none")
    by_name = {exercise.name: exercise for exercise in GUIDE.exercises.values()}
    needs = {name: set(by_name[name].equipment) - NOTHING_BOUGHT for name in names}
    assert {name: things for name, things in needs.items() if things} == {}
    assert "Wall sit" in names and "Step-up" not in names and "Hip thrust" not in names
    note = page.locator(".finder__note").inner_text()
    assert "without buying anything: bodyweight and wall" in note


LEVEL = {"Beginner": 0, "Intermediate": 1, "Advanced": 2}


def ranked(page: Any) -> list[tuple[str, str]]:
    """The results as drawn, in order: (name, level)."""
    while page.locator("[data-finder-more]").is_visible():
        page.click("[data-finder-more]")
    names = page.locator("[data-finder-results] > li > a").all_text_contents()
    facts = page.locator("[data-finder-results] > li > .finder__facts").all_text_contents()
    return [(name, fact.split(" · ")[1]) for name, fact in zip(names, facts, strict=True)]


def test_a_beginner_with_a_problem_area_sees_the_problem_pages_order_first(tab: Tab) -> None:
    page = tab.open("/problem-areas/runners-knee/")
    recommended = page.locator(".cards--numbered li strong a").all_text_contents()
    page = open_finder(tab, "?problem-areas=runners-knee&level=beginner")
    beginners = [name for name, _ in ranked(page)]
    assert beginners == [name for name in recommended if name in beginners]
    assert len(beginners) >= 3


def test_results_go_from_beginner_to_advanced_so_none_advanced_opens_a_beginners_list(
    tab: Tab,
) -> None:
    for query in ("", "?problem-areas=runners-knee", "?equipment=none"):
        levels = [LEVEL[level] for _, level in ranked(open_finder(tab, query))]
        assert levels == sorted(levels), query


def test_routines_are_listed_and_filtered_by_problem_time_and_equipment(tab: Tab) -> None:
    page = open_finder(tab, "?show=routines&problem-areas=weak-hips&minutes=10")
    expected = sorted(
        routine.name
        for key, routine in GUIDE.routines.items()
        if "weak-hips" in routine.problem_areas and INDEXES.routine_minutes[key] <= 10
    )
    assert sorted(shown(page)) == expected and expected
    assert page.locator("select[name=level]").is_hidden()
    assert count(page) == len(expected)


def test_a_shared_link_with_an_unknown_value_says_so(tab: Tab) -> None:
    page = open_finder(tab, "?muscles=glute-maxx&level=beginner")
    notice = page.locator("[data-finder-notice]")
    assert notice.is_visible()
    assert "glute-maxx" in notice.inner_text()
    assert shown(page) == exercises(level="beginner")
    tab.screenshot("finder-unknown-value")


def test_back_undoes_a_filter_change(tab: Tab) -> None:
    page = open_finder(tab)
    page.select_option("select[name=problem-areas]", "runners-knee")
    page.wait_for_function("location.search.includes('runners-knee')")
    page.select_option("select[name=level]", "beginner")
    page.wait_for_function("location.search.includes('level')")
    page.go_back()
    page.wait_for_function("!location.search.includes('level')")
    assert page.input_value("select[name=level]") == ""
    assert page.input_value("select[name=problem-areas]") == "runners-knee"
    assert shown(page) == exercises(**{"problem-areas": "runners-knee"})
    page.go_back()
    page.wait_for_function("!location.search")
    assert count(page) == len(GUIDE.exercises)


def test_show_more_adds_the_next_cards_and_moves_focus_to_the_first_new_one(tab: Tab) -> None:
    page = open_finder(tab)
    page.set_viewport_size({"width": 390, "height": 844})
    total = count(page)
    cards = page.locator("[data-finder-results] > li")
    before = cards.count()
    assert 0 < before < total, "a long list starts with its first page of cards"
    more = page.locator("[data-finder-more]")
    assert more.bounding_box()["height"] >= 44
    more.focus()
    page.keyboard.press("Enter")
    after = cards.count()
    assert before < after <= total
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == cards.nth(before).locator("a").text_content()
    assert count(page) == total, "the announced count is of all matches, not of cards drawn"
    assert len(shown(page)) == total
