"""Readers find a page by the plural, singular or misspelt form of its name."""

from __future__ import annotations

from generator.search_terms import problem_terms, search_terms, vocabulary


def test_plural_queries_find_singular_names() -> None:
    terms = search_terms(["Calf raise", "heel drop"], set())
    assert {"calves", "raises", "drops"} <= set(terms)


def test_common_misspelling_of_calf_is_indexed() -> None:
    assert "calve" in search_terms(["Calf raise"], set())


def test_singular_queries_find_plural_names() -> None:
    assert "hamstring" in search_terms(["Hamstrings"], set())


def test_hyphenated_names_are_found_written_as_one_word() -> None:
    terms = search_terms(["Push-up"], set())
    assert {"pushup", "pushups", "ups"} <= set(terms)


def test_possessive_names_are_found_without_the_apostrophe() -> None:
    assert {"runners", "runner"} <= set(search_terms(["Runner's knee"], set()))


def test_compound_names_are_split_into_words_the_guide_uses() -> None:
    words = vocabulary(["A clam opens like a shell"])
    assert {"clam", "shells"} <= set(search_terms(["Clamshell"], words))
    assert "shells" not in search_terms(["Clamshell"], set())


def test_abbreviations_get_no_invented_plural() -> None:
    terms = search_terms(["RDL", "Romanian deadlift"], set())
    assert "rdls" not in terms
    assert {"deadlift", "deadlifts"} <= set(terms)


def test_a_problem_area_keeps_its_own_name_forms_and_drops_longer_forms_of_other_words() -> None:
    own = ["knee", "knees", "runner", "runners"]
    terms = ["ache", "aches", "knee", "kneecap", "kneecaps", "knees", "runner", "runners"]
    assert problem_terms(own, terms) == ["ache", "knee", "knees", "runner", "runners"]
