"""The open data's JSON text: what a reader or a script downloading it gets."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.json_text import json_document

_TEXT = st.text(alphabet=st.characters(codec="utf-8"))
_PLAIN = st.none() | st.booleans() | st.integers() | _TEXT
_VALUES = st.recursive(
    _PLAIN,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)
_NUMBERS = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=400, deadline=None)
@given(value=_VALUES)
def test_published_json_reads_line_by_line_like_pythons_own(value: Any) -> None:
    # The files were written by json.dumps before; a release must not reformat every line
    # of the open data, or a diff between two releases would show nothing but noise.
    assert json_document(value) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=200, deadline=None)
@given(value=st.lists(_NUMBERS, max_size=6))
def test_published_numbers_read_back_as_the_same_numbers(value: list[float]) -> None:
    assert json.loads(json_document(value)) == value


def test_a_published_file_keeps_accents_readable_and_ends_with_a_newline() -> None:
    text = json_document({"name": "Pied de biche", "note": "Café, côte, Ärmel"})
    assert "Café, côte, Ärmel" in text
    assert text.endswith("}\n")
    assert '\n  "name": "Pied de biche",\n' in text
