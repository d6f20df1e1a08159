"""Fuzzing load and validate: no input, however mangled, makes the checker crash."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import yaml
from conftest import FIXTURES, REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.yaml import yaml_load

from generator.checks.names import fold_any, fold_ascii
from generator.checks.text import first_hidden
from generator.load import LoadedContent, load_content, parse_text
from generator.problems import Problem
from generator.validate import validate

EXAMPLES = 700
"""Per test; three tests give 2,100 generated documents a run."""

REAL_FILES = sorted(
    p
    for folder in ("exercises", "routines", "problem-areas")
    for p in (REPO / "content" / folder).glob("*.yml")
)[:40]

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def base() -> LoadedContent:
    return load_content(FIXTURES / "minimal" / "content")


def check_text(collection: str, text: str) -> None:
    """Parse and validate ``text`` as a new file in ``collection``; only problems may come out."""
    path = base().root / collection / "fuzzed.yml"
    document, problems = parse_text(path, text)
    collections = dict(base().collections)
    if document is not None:
        collections[collection] = [*collections[collection], document]
    guide, more = validate(replace(base(), collections=collections, problems=problems))
    for problem in problems + more:
        assert isinstance(problem, Problem)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message
    assert (guide is None) == bool(problems + more)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["hinge", "gluteus-medius", "band", "weak-hips", "clamshell", "beginner"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            "name",
            "aliases",
            "summary",
            "pattern",
            "muscles",
            "primary",
            "dosage",
            "sets",
            "reps",
            "hold_seconds",
            "rest_seconds",
            "steps",
            "items",
            "exercise",
            "progressions",
            "sources",
            "source",
            "supports",
            "problem_area",
            "red_flags",
            "urgent",
            "level",
            "one_sided",
            "video",
            "when",
            "minutes",
        ]
    ),
    st.text(max_size=12),
)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)


@FUZZ_SETTINGS
@given(data=documents, collection=st.sampled_from(["exercises", "routines", "problem-areas"]))
def test_random_yaml_documents_never_crash_the_checker(data: object, collection: str) -> None:
    check_text(collection, yaml.safe_dump(data, allow_unicode=True))


@FUZZ_SETTINGS
@given(
    source=st.sampled_from(REAL_FILES),
    edits=st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=1),
            st.sampled_from(["delete", "insert", "replace"]),
            st.text(alphabet=":-[]{}&*!|>'\"#%@`\t\n ,?\\\x00\u202e<", min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_real_files_never_crash_the_checker(
    source: Path, edits: list[tuple[float, str, str]]
) -> None:
    text = source.read_text(encoding="utf-8")
    for where, action, chunk in edits:
        at = int(where * len(text))
        if action == "delete":
            text = text[:at] + text[at + len(chunk) :]
        elif action == "insert":
            text = text[:at] + chunk + text[at:]
        else:
            text = text[:at] + chunk + text[at + len(chunk) :]
    check_text(source.parent.name, text)


@FUZZ_SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_arbitrary_text_never_crashes_the_checker(text: str) -> None:
    check_text("exercises", text)


SITE_EXTENSIONS = [
    next(iter(entry)) if isinstance(entry, dict) else entry
    for entry in yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
]
"""The Markdown extensions the site enables: a field must stay inline under all of them."""
INLINE_TAGS = {"p", "em", "strong"}
HOSTILE_PIECES = [
    "!!! danger",
    "??? note",
    "???+ note",
    "{: .x }",
    '<div markdown="1">',
    "| a | b |",
    "|---|---|",
    "[^1]",
    "[^1]: x",
    "- ",
    "1. ",
    "> ",
    "===",
    "---",
    "    ",
    "&lt;",
    "&#60;",
    "[x]: https://e.org",
    "[x][y]",
    "[TOC]",
    "`",
    "#",
    "\n",
    "\u200f",
    "\u2060",
    "\u00ad",
    "\U000e0041",
    "\ufffe",
    "\x00",
    "\x1b",
    "\u202e",
    "\u3164",
]
unicode_text = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12),
        st.sampled_from(HOSTILE_PIECES),
    ),
    min_size=1,
    max_size=8,
).map("".join)


def _tags(html: str) -> set[str]:
    return set(re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", html))


@FUZZ_SETTINGS
@given(text=unicode_text, name=st.booleans())
def test_accepted_text_renders_as_one_inline_paragraph(text: str, name: bool) -> None:
    import markdown

    from generator.checks.text import first_hidden, text_rule

    if text_rule(text, name=name) is not None:
        return
    html = markdown.markdown(text.strip(), extensions=SITE_EXTENSIONS)
    assert _tags(html) <= INLINE_TAGS, html
    assert html.count("<p>") <= 1, html
    assert first_hidden(text.strip(" \n")) is None


url_text = st.lists(
    st.one_of(
        st.sampled_from(["https://", "http://", "javascript:", "example.org", "/", "?q=", "#"]),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=8),
        st.sampled_from(HOSTILE_PIECES),
    ),
    min_size=1,
    max_size=6,
).map("".join)


def _accepted_link(collection: str, text: str) -> str | None:
    """The link field of ``text`` as a new file of ``collection``, if the check accepts it."""
    path = base().root / collection / "fuzzed.yml"
    document, problems = parse_text(path, text)
    collections = dict(base().collections)
    if document is not None:
        collections[collection] = [*collections[collection], document]
    guide, _ = validate(replace(base(), collections=collections, problems=problems))
    if guide is None:
        return None
    if collection == "sources":
        return guide.publications["fuzzed"].url
    return guide.exercises["fuzzed"].video


@FUZZ_SETTINGS
@given(url=url_text, collection=st.sampled_from(["exercises", "sources"]))
def test_accepted_links_are_web_addresses_without_hidden_characters(
    url: str, collection: str
) -> None:
    minimal = FIXTURES / "minimal" / "content"
    if collection == "exercises":
        text = (minimal / "exercises" / "bridge.yml").read_text(encoding="utf-8")
        text = text.replace("name: Bridge\naliases: [glute bridge]", "name: Fuzzed link", 1)
        text += f"video: {json.dumps(url)}\n"
    else:
        text = (minimal / "sources" / "coach-2021-bridges.yml").read_text(encoding="utf-8")
        text = text.replace("url: https://example.org/bridges", f"url: {json.dumps(url)}", 1)
    assert json.dumps(url) in text
    link = _accepted_link(collection, text)
    if link is None:
        return
    assert link.startswith(("https://", "http://")), link
    assert all(ch.isprintable() and not ch.isspace() for ch in link), repr(link)


@FUZZ_SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("ab \n\u200b\ufe0f")))
def test_a_hidden_character_is_reported_where_it_first_stands(text: str) -> None:
    # The check skips plain text quickly; it must still name the first hidden character.
    hidden = [index for index, char in enumerate(text) if first_hidden(char) is not None]
    found = first_hidden(text)
    assert (found[0] if found else None) == (hidden[0] if hidden else None)


def test_a_hidden_character_after_plain_text_is_named_with_its_position() -> None:
    assert first_hidden("Café au lait") is None
    assert first_hidden("plain\u200btext\x07") == (
        5,
        "text contains an invisible formatting character (U+200B ZERO WIDTH SPACE)",
    )


@FUZZ_SETTINGS
@given(text=st.text(alphabet=st.characters(max_codepoint=127)))
def test_plain_ascii_names_clash_exactly_as_names_in_any_script_do(text: str) -> None:
    # Names are compared folded; the quick path for ASCII must fold as the general one does,
    # or two names a reader sees as the same would slip past the duplicate check.
    assert fold_ascii(text) == fold_any(text)
