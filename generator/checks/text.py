"""Text safety: prose may carry emphasis and nothing that changes a page's structure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from generator.load import Document, Location
from generator.problems import Problem

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_SCRIPT_LINK = re.compile(r"(?i)\b(java|vb)\s*script\s*:")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\s*\(")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_RULE = re.compile(r"^\s{0,3}([-=*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INVISIBLE = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0xFEFF)}
TEXT_HINT = "write plain text; *asterisks* for emphasis are the only formatting"


def _text_rule(text: str) -> str | None:
    """Why a text value could change the page's structure or run code, if it could."""
    if _HTML.search(text):
        return "raw HTML is not allowed in text"
    if _SCRIPT_LINK.search(text):
        return "script links ('javascript:') are not allowed"
    if _MARKDOWN_LINK.search(text):
        return "links are not allowed in text; put them under 'sources' or 'video'"
    for line in text.splitlines():
        if _HEADING.match(line):
            return "headings are not allowed inside a field; the page layout adds them"
        if _RULE.match(line):
            return f"a '{line.strip()}' line is not allowed inside a field"
        if _FENCE.match(line):
            return "code blocks are not allowed inside a field"
    for char in text:
        if char in _INVISIBLE or (unicodedata.category(char) == "Cc" and char not in "\n\t"):
            return f"text contains an invisible control character (U+{ord(char):04X})"
    return None


LINK_KEYS = ("url", "video")
"""Links are checked by their own https pattern, not as prose."""


def _walk_text(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key not in LINK_KEYS:
                yield from _walk_text(child, (*location, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk_text(child, (*location, index))


def text_problems(document: Document) -> list[Problem]:
    """Text that would inject markup or break the page, wherever it stands in the file."""
    problems = []
    for location, text in _walk_text(document.data, ()):
        reason = _text_rule(text)
        if reason is not None:
            problems.append(document.problem(location, reason, TEXT_HINT))
    return problems
