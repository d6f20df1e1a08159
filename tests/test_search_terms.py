"""Readers find a page by the plural or singular of any word of its name, and search never
indexes a word form that is not English."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import lemminflect
import pytest

from generator.load import load_content
from generator.pipeline import build_pages
from generator.render.context import names as _names
from generator.search_terms import (
    NAME_KEY,
    STOP_WORDS,
    STOP_WORDS_SCRIPT,
    name_keys,
    page_search_terms,
    search_terms,
    telling_symptom_words,
    vocabulary,
)
from generator.validate import validate

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def guide():  # type: ignore[no-untyped-def]
    guide, problems = validate(load_content(ROOT / "content"))
    assert guide is not None, problems
    return guide


def test_plural_queries_find_singular_names() -> None:
    terms = search_terms(["Calf raise", "heel drop"], set())
    assert {"calves", "raises", "drops"} <= set(terms)


def test_every_word_of_a_name_gets_its_plural_not_only_the_last() -> None:
    assert {"hill", "hills", "sprint"} <= set(search_terms(["Hill sprints"], set()))
    assert {"calves", "raises"} <= set(search_terms(["Calf raise"], set()))


def test_irregular_plurals_come_from_the_lexicon() -> None:
    terms = search_terms(["Short foot"], set())
    assert "feet" in terms
    assert "foots" not in terms


def test_singular_queries_find_plural_names() -> None:
    assert "hamstring" in search_terms(["Hamstrings"], set())


def test_hyphenated_names_are_found_written_as_one_word() -> None:
    terms = search_terms(["Push-up"], set())
    assert {"pushup", "pushups", "ups"} <= set(terms)


def test_hyphenated_names_are_joined_only_where_readers_join_them() -> None:
    # 'push-up', 'warm-up' and 'step-down' are typed as one word; a joined 'hamstringcurls'
    # or 'singlelegs' is typed by nobody and made 'hamstring' count the page twice.
    terms = set(
        search_terms(["Warm-up", "Step-down", "Hamstring-curl machine", "Single-leg RDL"], set())
    )
    assert {"warmup", "stepdown", "stepdowns"} <= terms
    assert not {"hamstringcurl", "hamstringcurls", "singleleg", "singlelegs"} & terms
    assert {"hamstring", "curls", "single", "legs"} <= terms


def test_an_ing_word_gets_no_plural() -> None:
    terms = set(
        search_terms(["Running after childbirth", "Kettlebell swing", "Strength training"], set())
    )
    assert not {"runnings", "trainings"} & terms
    assert {"running", "training", "swings"} <= terms


def test_british_spellings_are_also_indexed_in_american_spelling() -> None:
    terms = set(
        search_terms(["hip stabilisation exercises", "100 metre strides", "a programme"], set())
    )
    assert {"stabilisation", "stabilization", "metre", "meter", "metres", "meters"} <= terms
    assert {"programme", "program", "programmes", "programs"} <= terms
    # '-ise' is not always '-ize' in American English: no 'exercize'.
    assert not {term for term in terms if "ize" in term and "iza" not in term}
    declared = page_search_terms({"search": {"terms": ["centre", "kilometres"]}})
    assert {"centre", "center", "kilometres", "kilometers"} <= set(declared)


def test_possessive_names_are_found_without_the_apostrophe() -> None:
    assert {"runners", "runner"} <= set(search_terms(["Runner's knee"], set()))


def test_compound_names_are_split_into_words_the_guide_uses() -> None:
    words = vocabulary(["A clam opens like a shell"])
    assert {"clam", "shells"} <= set(search_terms(["Clamshell"], words))
    assert "shells" not in search_terms(["Clamshell"], set())


def test_abbreviations_get_no_invented_plural() -> None:
    terms = search_terms(["RDL", "Romanian deadlift"], set())
    assert "rdls" not in terms
    assert "deadlift" in terms


def test_stop_words_are_not_terms_and_get_no_forms() -> None:
    terms = search_terms(["Warm-up before running or lifting", "sets of reps"], set())
    assert not set(terms) & STOP_WORDS
    assert not {"ove", "oves", "ofs", "ors"} & set(terms)


def test_a_longer_form_is_kept_when_a_shorter_word_is_listed() -> None:
    terms = search_terms(["Runner's knee", "pain around the kneecap"], set())
    assert {"knee", "kneecap", "kneecaps"} <= set(terms)


def test_symptom_words_many_problem_areas_share_are_left_to_the_text() -> None:
    telling = telling_symptom_words(
        {
            "runners-knee": ["pain under the kneecap", "sore knee when running"],
            "plantar-heel-pain": ["pain under the heel", "sore heel when running"],
            "shin-pain": ["pain along the shin when running"],
            "low-back": ["back pain when running"],
        }
    )
    assert telling == {
        "runners-knee": ["knee", "kneecap", "sore", "under"],
        "plantar-heel-pain": ["heel", "sore", "under"],
        "shin-pain": ["along", "shin"],
        "low-back": ["back"],
    }


def test_a_guides_questions_are_searched_with_its_terms() -> None:
    meta = {"search": {"terms": ["beginner"]}, "questions": ["do i need a gym", "faster hills"]}
    terms = page_search_terms(meta)
    assert {"beginner", "gym", "gyms", "faster", "hill", "hills"} <= set(terms)
    assert not {"do", "i", "need", "a"} & set(terms)


def _english(word: str) -> bool:
    return bool(lemminflect.getAllLemmas(word))


def _written(names: list[str]) -> set[str]:
    """The words a page's names and questions spell out, joined where hyphenated, and the
    owner of a possessive ("Morton's" spells "morton")."""
    owners = set(re.findall(r"([a-z0-9]+)'s\b", " ".join(names).lower()))
    text = " ".join(names).lower().replace("'", "")
    return (
        owners
        | set(re.findall(r"[a-z0-9]+", text))
        | {joined.replace("-", "") for joined in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text)}
    )


def _words(text: str, known: set[str]) -> bool:
    """Whether ``text`` is English word forms or words of ``known`` written together."""
    return text == "" or any(
        (text[:cut] in known or (cut > 1 and _english(text[:cut]))) and _words(text[cut:], known)
        for cut in range(len(text), 0, -1)
    )


def test_every_generated_search_term_is_an_english_word_form(guide) -> None:  # type: ignore[no-untyped-def]
    """A generated term is a word of the page's own names, a word form the English lexicon
    knows, or two of those written together ('pushups'); a name key is NAME_KEY and the
    words of a name written together ('_calfraises'). The test lists every other term."""
    words = vocabulary(
        text
        for group in (guide.exercises, guide.muscles, guide.equipment, guide.problem_areas)
        for entry in group.values()
        for text in [*_names(entry), entry.summary]
    )
    junk: list[str] = []
    for section in ("exercises", "routines", "problem-areas", "patterns", "muscles", "equipment"):
        for key, entry in getattr(guide, section.replace("-", "_")).items():
            names = [*_names(entry), *getattr(entry, "questions", [])]
            written = _written(names)
            for term in search_terms(names, words):
                known = term in written or _english(term) or term.isdigit()
                joined = any(
                    all(part in written or _english(part) for part in (term[:cut], term[cut:]))
                    for cut in range(2, len(term) - 1)
                )
                if not known and not joined:
                    junk.append(f"{section}/{key}: {term}")
            for name_key in name_keys(_names(entry)):
                if not name_key.startswith(NAME_KEY) or not _words(name_key[1:], written):
                    junk.append(f"{section}/{key}: {name_key}")
    assert junk == []


def test_a_name_is_keyed_as_its_words_written_together_with_each_form_of_the_last() -> None:
    assert name_keys(["Calf raise", "Push-up", "Lunge", "Warm-up before running or lifting"]) == [
        "_calfraise",
        "_calfraises",
        "_lunge",
        "_lunges",
        "_pushup",
        "_pushups",
    ]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_the_search_worker_is_given_exactly_the_generators_stop_words(content: Path) -> None:
    pages, _, problems = build_pages(content)
    assert problems == []
    script = pages[STOP_WORDS_SCRIPT].text
    # Run as the worker runs it (importScripts), then read what it left for the worker.
    run = subprocess.run(
        [
            "node",
            "-e",
            "const self = {}; eval(require('fs').readFileSync(0, 'utf8'));"
            "process.stdout.write(JSON.stringify(self.guideStopWords))",
        ],
        input=script,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    published = json.loads(run.stdout)
    assert len(published) == len(set(published))
    assert set(published) == STOP_WORDS
    worker = (ROOT / "overrides/assets/javascripts/search-worker.js").read_text(encoding="utf-8")
    assert f'importScripts("{STOP_WORDS_SCRIPT.rsplit("/", 1)[1]}"' in worker
