"""Text safety: prose may carry emphasis and nothing that changes a page's structure.

Every field is one paragraph of plain text. Block-level Markdown (including the admonition,
details, attribute-list, table and footnote syntax of the extensions mkdocs.yml enables),
raw HTML, character references and invisible or non-character code points are refused, so a
field can never become a box, a table, a script or a line that reads differently than it looks.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from generator.load import Document, Location
from generator.problems import Problem

_BLOCK_RULES = (
    (re.compile(r"<\s*/?\s*[A-Za-z!?]"), "raw HTML is not allowed in text"),
    (re.compile(r"(?i)\b(java|vb)\s*script\s*:"), "script links ('javascript:') are not allowed"),
    (
        re.compile(r"!?\[[^\]]*\]\s*[(\[]|^\s*\[[^\]]*\]\s*:"),
        "links are not allowed in text; put them under 'sources' or 'video'",
    ),
    (re.compile(r"\[TOC\]"), "'[TOC]' is not allowed in text: it inserts a table of contents"),
    (re.compile(r"\[\^"), "footnotes are not allowed in text; put the source under 'sources'"),
    (
        re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
        "HTML character references such as '&lt;' are not allowed; type the character itself",
    ),
    (
        re.compile(r"\{\s*[:#.]|\{[^{}]*=[^{}]*\}"),
        "attribute lists such as '{: .class }' are not allowed in text",
    ),
    (re.compile(r"\|"), "'|' is not allowed in text: it would start a table"),
    (
        re.compile(r"^\s*(!!!|\?\?\?|///)"),
        "admonition or details syntax ('!!!', '???') is not allowed",
    ),
    (
        re.compile(r"^\s*#"),
        "headings are not allowed inside a field; the page layout adds them",
    ),
    (re.compile(r"^\s*(```|~~~)"), "code blocks are not allowed inside a field"),
    (re.compile(r"`"), "code ('`') is not allowed in text; *asterisks* give emphasis"),
    (re.compile(r"^\s*>"), "a field may not start with '>': it would become a quotation"),
    (
        re.compile(r"^\s*([-*+]|[0-9]{1,9}[.)])(\s|$)"),
        "a field may not start with a list marker such as '- ' or '1. '",
    ),
)
"""Each Markdown construct a contributor could use to change a page, with the reason given."""

_INVISIBLE_LETTERS = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2800, 0x3164, 0xFFA0}
"""Code points that draw nothing although Unicode files them as letters or marks."""
_HIDDEN_CATEGORIES = {
    "Cc": "a control character",
    "Cf": "an invisible formatting character",
    "Co": "a private-use character",
    "Cs": "a surrogate code point",
    "Cn": "a non-character or unassigned code point",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}
TEXT_HINT = "write plain text; *asterisks* for emphasis are the only formatting"
PLACEHOLDER = "TODO"
"""The word that marks each prompt `guide new` writes; text still holding it is refused."""
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")
PLACEHOLDER_HINT = "the new file's prompts say what to write; replace each with your own words"
NAME_KEYS = ("name", "aliases", "anatomical_name")
LINK_KEYS = ("url", "video")
"""Links are checked by their own https pattern, and here only for hidden characters."""


_MAYBE_HIDDEN = re.compile(
    "["
    + "".join(
        f"\\x{code:02x}"
        for code in range(128)
        if unicodedata.category(chr(code)) in _HIDDEN_CATEGORIES
    )
    + "\\x80-\\U0010ffff]"
)
"""The hidden ASCII characters and every non-ASCII one: only these need a closer look, so
plain text is passed over at the speed of a regular expression."""


def first_hidden(text: str) -> tuple[int, str] | None:
    """Where ``text`` first holds a code point a reader cannot see or no font should draw, and
    what it is."""
    for suspect in _MAYBE_HIDDEN.finditer(text):
        index, char = suspect.start(), suspect.group()
        code = ord(char)
        category = unicodedata.category(char)
        if category == "Mn" and (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF):
            category = "Cf"  # variation selectors change nothing a reader could check
        if code in _INVISIBLE_LETTERS:
            category = "Cf"
        if category in _HIDDEN_CATEGORIES:
            name = unicodedata.name(char, "")
            label = f"U+{code:04X}" + (f" {name}" if name else "")
            return index, f"text contains {_HIDDEN_CATEGORIES[category]} ({label})"
    return None


def hidden_character(text: str) -> str | None:
    """Why ``text`` holds a hidden or non-character code point, if it does."""
    found = first_hidden(text)
    return found[1] if found else None


_RULE_LINE = re.compile(r"^\s*([-=*_])(\s*\1)*\s*$")
"""A thematic break, or the underline of a setext heading when it follows a line of text."""


_MAY_CHANGE_STRUCTURE = re.compile(r"[<\[&{|`~]|(?i:script)|^\s*[-=*_!?/#>+0-9]")
"""A line without any of these matches none of the rules above, so most text is passed over
in one search. Each rule needs one of them: '<' raw HTML; 'script' a script link; '[' a link,
'[TOC]' or a footnote; '&' a character reference; '{' an attribute list; '|' a table; '`' or
'~' code; and, first after the line's leading white space, a thematic break or setext underline
('-', '=', '*', '_'), admonition or details syntax ('!', '?', '/'), a heading ('#'), a
quotation ('>') or a list marker ('-', '*', '+', a digit). A rule added above adds what it
needs here, or it is never tried."""


def _block_rule(text: str) -> str | None:
    for line in text.split("\n"):
        if not _MAY_CHANGE_STRUCTURE.search(line):
            continue
        if _RULE_LINE.match(line):
            return f"a '{line.strip()}' line is not allowed inside a field"
        for pattern, reason in _BLOCK_RULES:
            if pattern.search(line):
                return reason
    if "\n" in text:
        return "a field is one paragraph: line breaks are not allowed inside it"
    return None


_TRAILING_HASHES = re.compile(r"\s#+\s*$")


def _name_rule(text: str) -> str | None:
    if _TRAILING_HASHES.search(text):
        return "a name may not end in ' #': the page heading would drop it"
    return None


def text_rule(text: str, *, name: bool = False) -> str | None:
    """Why a text value could change the page's structure or hide characters, if it could."""
    return _verdict(text, name)


@functools.lru_cache(maxsize=1 << 16)
def _verdict(text: str, name: bool) -> str | None:
    """``text_rule``'s answer, worked out once for each text: a guide repeats many of its
    texts (the same cue or mistake under several exercises, the same key in every file)."""
    body = text.strip(" \n")
    return (
        hidden_character(body.replace("\n", " "))
        or _block_rule(body)
        or (_name_rule(body) if name else None)
    )


def _texts(
    value: Any,
    location: Location,
    name: bool,
    link: bool,
    found: list[tuple[Location, str, bool, bool]],
) -> None:
    """Every text value under ``location`` with where it stands, whether it is a name, and
    whether it is a link (a key on its path is one of ``LINK_KEYS``), in the file's order."""
    if isinstance(value, str):
        found.append((location, value, name, link))
    elif isinstance(value, dict):
        for key, child in value.items():
            _texts(child, (*location, key), key in NAME_KEYS, link or key in LINK_KEYS, found)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            _texts(child, (*location, index), name, link, found)


def text_problems(document: Document) -> list[Problem]:
    """Text that would inject markup or hide characters, wherever it stands in the file."""
    problems = []
    for key, position in document.keys.items():
        written = str(key[-1])
        if not _MAYBE_HIDDEN.search(written) or written.startswith("\0duplicate:"):
            continue  # the same verdict as hidden_character, without its work for plain keys
        reason = hidden_character(written)
        if reason is not None:
            problems.append(
                Problem(document.path, position.line, position.column, reason, TEXT_HINT)
            )
    texts: list[tuple[Location, str, bool, bool]] = []
    _texts(document.data, (), False, False, texts)
    for location, text, name, link in texts:
        reason = hidden_character(text) if link else _verdict(text, name)
        if reason is not None:
            problems.append(document.problem(location, reason, TEXT_HINT))
        elif _PLACEHOLDER.search(text):
            problems.append(
                document.problem(
                    location,
                    f"'{PLACEHOLDER}' marks a placeholder left from `guide new`",
                    PLACEHOLDER_HINT,
                )
            )
    return problems
