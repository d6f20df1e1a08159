"""Words a runner may not know are explained where they appear, and the glossary holds no
word the guide does not use."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, Tab

from generator.glossary import explanations, spelling_pattern
from generator.model import GlossaryTerm
from generator.pipeline import check

Edit = Callable[[str, str, str], None]
GLOSSARY = "taxonomy/glossary.yml"


def _problems(content: Path) -> list[str]:
    _, problems = check(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}"
        for p in problems
    ]


def test_a_glossary_word_no_page_uses_is_refused(content: Path) -> None:
    (content / GLOSSARY).write_text(
        "bridge:\n  term: bridge\n  definition: Lifting the hips off the floor.\n"
        "vo2max:\n  term: VO2max\n  definition: The most oxygen the body can use.\n",
        encoding="utf-8",
    )
    assert _problems(content) == [
        f"{GLOSSARY}:5:9: glossary term 'VO2max' is used on no page",
    ]


def test_two_glossary_entries_for_one_spelling_are_refused(content: Path) -> None:
    (content / GLOSSARY).write_text(
        "bridge:\n  term: bridge\n  definition: Lifting the hips off the floor.\n"
        "bridges:\n  term: Bridge\n  forms: [bridge]\n  definition: The same lift.\n",
        encoding="utf-8",
    )
    assert _problems(content) == [
        f"{GLOSSARY}:6:11: 'bridge' is already explained by glossary term 'bridge'",
    ]


def _explained(html: str) -> dict[str, str]:
    """Each underlined word on a page → the meaning its tooltip shows."""
    return {
        word: title for title, word in re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', html)
    }


@pytest.mark.parametrize(
    ("page", "word"),
    [
        ("problem-areas/achilles-tendinopathy/index.html", "tendinopathy"),
        ("exercises/wall-sit/index.html", "Isometric"),
        ("guides/how-hard-to-lift/index.html", "RIR"),
        ("routines/maximal-strength/index.html", "RPE"),
    ],
)
def test_a_glossary_word_is_explained_on_generated_and_hand_written_pages(
    built_guide: Path, page: str, word: str
) -> None:
    html = (built_guide / page).read_text(encoding="utf-8")
    assert word in _explained(html), page
    glossary = (built_guide / "glossary" / "index.html").read_text(encoding="utf-8")
    assert _explained(html)[word] in glossary


def test_the_glossary_page_lists_every_word(built_guide: Path) -> None:
    glossary = (built_guide / "glossary" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r"<h2 id=\"([a-z0-9-]+)\"", glossary)
    words = re.findall(r"^([a-z0-9-]+):$", (REPO / "content" / GLOSSARY).read_text(), re.M)
    assert sorted(listed) == sorted(words)
    assert len(words) >= 10


@pytest.mark.browser
def test_tapping_a_glossary_word_on_a_phone_shows_its_meaning(phone: Tab) -> None:
    page = phone.open("/problem-areas/achilles-tendinopathy/")
    words = page.locator("article abbr", has_text=re.compile("^tendinopathy$"))
    assert words.count() > 1
    second = words.nth(1)
    second.scroll_into_view_if_needed()
    second.click()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert "tendon" in tooltip.inner_text()
    tab_stops = page.evaluate(
        "[...document.querySelectorAll('article abbr')]"
        ".filter(a => a.textContent === 'tendinopathy' && a.tabIndex === 0).length"
    )
    assert tab_stops == 1


@pytest.mark.parametrize(
    ("text", "explained"),
    [
        ("Hold the isometric squat.", True),
        ("See isometric-wall-sit, then isometrics.", False),
        ("The isometric-wall-sit link, then an isometric hold.", True),
        ("nonisometric, isometric_x and isometric", True),
        ("nonisometric and isometricity", False),
        ("RIRIR RIR.", True),
    ],
)
def test_a_glossary_word_is_explained_wherever_it_stands_alone_on_the_page(
    text: str, explained: bool
) -> None:
    # The faster scan must say what a plain whole-word search of the page says.
    glossary = {"isometric": GlossaryTerm(term="isometric", definition="A hold.")}
    glossary["rir"] = GlossaryTerm(term="RIR", definition="Reps in reserve.")
    spellings = [s for term in glossary.values() for s in term.spellings]
    expected = [s for s in spellings if spelling_pattern([s]).search(text)]
    assert bool(expected) is explained
    assert explanations(text, glossary).splitlines() == [
        f"*[{s}]: {t.definition}" for t in glossary.values() for s in t.spellings if s in expected
    ]
