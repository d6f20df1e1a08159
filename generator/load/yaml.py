"""Read content YAML into plain values while remembering where every key and value stands.

Documents are built from the parser's event stream rather than ``yaml.safe_load`` so that
duplicate keys, anchors, aliases, tags and runaway nesting are reported as problems with a
position instead of being silently accepted or expanded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - the pure-Python parser gives the same events
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
"""Content files larger than this are refused: a real exercise fits in a few kilobytes."""

MAX_DEPTH = 32
"""Deepest nesting accepted; the schema never goes beyond five levels."""

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a content file."""

    line: int
    column: int


@dataclass(frozen=True)
class Document:
    """One parsed content file: its data plus the position of every key and value."""

    path: Path
    data: dict[str, Any]
    values: dict[Location, Position]
    keys: dict[Location, Position]

    def position(self, location: Location) -> Position:
        """Where the value at ``location`` stands, or its nearest enclosing value."""
        for end in range(len(location), -1, -1):
            found = self.values.get(location[:end])
            if found is not None:
                return found
        return Position(1, 1)

    def key_position(self, location: Location) -> Position:
        """Where the key naming ``location`` stands (falls back to the value)."""
        return self.keys.get(location) or self.position(location)

    def problem(self, location: Location, message: str, hint: str = "") -> Problem:
        """A problem pointing at the value at ``location``."""
        where = self.position(location)
        return Problem(self.path, where.line, where.column, message, hint)


class _Stop(Exception):
    """Raised inside the event walk when the rest of the file cannot be trusted."""


class _Frame:
    """A mapping or list being filled: where it stands and, for a mapping, the key waiting
    for its value, whether that value is kept (not under a duplicate key), and the line of
    every key given so far."""

    __slots__ = ("container", "keep", "key", "key_lines", "location")

    def __init__(self, container: dict[str, Any] | list[Any], location: Location) -> None:
        self.container = container
        self.location = location
        self.key: str | None = None
        self.keep = True
        self.key_lines: dict[str, int] = {}


PLAIN_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,17})")
"""The only numbers content holds: decimal, no leading zero, no sign '+', no '_', no point."""
_KEYWORDS: dict[str, Any] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    """A plain scalar is null, a boolean, a plain decimal integer, or else exactly its text.

    YAML 1.1 would read '010' as 8, '2_0' as 20, 'yes' as true and '2024-02-30' as a crash;
    keeping the text lets the schema say what was read instead.
    """
    if event.style:  # quoted or block scalars are always text
        return event.value
    if event.value in _KEYWORDS:
        return _KEYWORDS[event.value]
    if PLAIN_INTEGER.fullmatch(event.value):
        return int(event.value)
    return event.value


_position_at = functools.lru_cache(maxsize=1 << 14)(Position)
"""Positions are immutable and content files share most of them (line 2, column 7), so each
is made once instead of once for every key and value of every file."""


def _position(mark: Any) -> Position:
    """1-based position of a parser mark (the C and Python parsers have distinct Mark types)."""
    return Position(mark.line + 1, mark.column + 1)


_SCALAR = yaml.ScalarEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_DUPLICATE = "\0duplicate:"
"""How a repeated key is recorded: its value is left out of the data, but its position kept."""


class _Builder:
    """Turns one file's parser events into a Document, collecting every problem it can."""

    def __init__(self, path: Path, text: str = "") -> None:
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[Problem] = []
        self.values: dict[Location, Position] = {}
        self.keys: dict[Location, Position] = {}
        self.root: Any = None
        self.has_root = False
        self.documents = 0

    def fail(self, mark: Any, message: str, hint: str = "") -> None:
        where = _position(mark)
        self.problems.append(Problem(self.path, where.line, where.column, message, hint))

    def stop(self, mark: Any, message: str, hint: str = "") -> _Stop:
        self.fail(mark, message, hint)
        return _Stop()

    def refuse_node(self, event: Any) -> _Stop:
        """The problem with a node that carries an anchor or a tag other than '!'."""
        if event.anchor is not None:
            return self.stop(
                event.start_mark,
                f"anchor '&{event.anchor}' is not allowed",
                "write each value out in full; content files do not use anchors or aliases",
            )
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        return self.stop(
            event.start_mark,
            f"YAML tag '{tag}' is not allowed",
            "remove the tag; content files hold plain text, numbers, lists and mappings",
        )

    def check_folded_item(self, event: yaml.ScalarEvent) -> None:
        """A plain text running onto a line that starts with '- ': a list item indented
        further than the one before is silently read as more of that item's text."""
        start, end = event.start_mark, event.end_mark
        if event.style or start is None or end is None or end.line == start.line:
            return
        for index in range(start.line + 1, end.line + 1):
            line = self.lines[index] if index < len(self.lines) else ""
            stripped = line.lstrip(" ")
            if stripped == "-" or stripped.startswith("- "):
                self.problems.append(
                    Problem(
                        self.path,
                        index + 1,
                        len(line) - len(stripped) + 1,
                        "this '- ' line is read as more of the text above, not as a new item",
                        "indent its '-' exactly like the '-' of the item above; list items line up",
                    )
                )
                return

    def walk(self, events: Iterator[yaml.Event]) -> None:
        """Build the document from the parser's events, one kind of event at a time (the
        parser makes exactly these classes, so their type is compared, not subclassed)."""
        stack: list[_Frame] = []
        for event in events:
            kind = type(event)
            if kind is _SCALAR or kind is _MAPPING_START or kind is _SEQUENCE_START:
                self.node(event, stack)
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                finished = stack.pop()
                if not stack:
                    self.root, self.has_root = finished.container, True
            elif kind is _DOCUMENT_START:
                self.documents += 1
                if self.documents > 1:
                    raise self.stop(
                        event.start_mark,
                        "a content file holds one YAML document, found a second '---'",
                        "split it into two files or remove the extra '---' line",
                    )
            elif isinstance(event, yaml.AliasEvent):
                raise self.stop(
                    event.start_mark,
                    f"alias '*{event.anchor}' is not allowed",
                    "write each value out in full; content files do not use anchors or aliases",
                )

    def node(self, event: Any, stack: list[_Frame]) -> None:
        """A scalar, or the start of a mapping or list: a key, a value, or the root."""
        if event.anchor is not None or (event.tag is not None and event.tag != "!"):
            raise self.refuse_node(event)
        parent = stack[-1] if stack else None
        container = parent.container if parent is not None else None
        if parent is None:
            location: Location = ()
        elif isinstance(container, dict):
            if parent.key is None:
                self.take_key(parent, event)
                return
            location = (*parent.location, parent.key)
        else:
            location = (*parent.location, len(parent.container))
        mark: Any = event.start_mark
        self.values[location] = _position_at(mark.line + 1, mark.column + 1)
        value: Any
        if type(event) is _SCALAR:
            end: Any = event.end_mark
            if end.line != mark.line:
                self.check_folded_item(event)
            value = _scalar_value(event)
            if parent is None:
                self.root, self.has_root = value, True
        else:
            if len(stack) >= MAX_DEPTH:
                raise self.stop(
                    mark,
                    f"nesting is deeper than {MAX_DEPTH} levels",
                    "content files need only a few levels of lists and mappings",
                )
            value = {} if type(event) is _MAPPING_START else []
            stack.append(_Frame(value, location))
        if isinstance(container, dict):
            if parent is not None and parent.key is not None:
                if parent.keep:
                    container[parent.key] = value
                parent.key = None
        elif container is not None:
            container.append(value)

    def take_key(self, parent: _Frame, event: Any) -> None:
        """The key of the mapping's next entry: plain text given once in the mapping."""
        if type(event) is not _SCALAR:
            raise self.stop(
                event.start_mark,
                "a key must be plain text, not a list or mapping",
                "check the indentation of this line",
            )
        key: str = event.value
        mark: Any = event.start_mark
        if key == "<<" and not event.style:
            raise self.stop(mark, "merge keys ('<<') are not allowed", "write each key out in full")
        line = mark.line + 1
        first = parent.key_lines.get(key)
        if first is not None:
            self.fail(
                mark,
                f"duplicate key '{key}' (first given on line {first})",
                "YAML would silently keep only the last one; merge the two into one key",
            )
            key = f"{_DUPLICATE}{line}:{key}"
        else:
            parent.key_lines[key] = line
        parent.key = key
        parent.keep = not key.startswith(_DUPLICATE)
        self.keys[(*parent.location, key)] = _position_at(line, mark.column + 1)


def decode(path: Path, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text, refusing oversized files, NUL bytes and invalid UTF-8 with a position."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                path,
                1,
                1,
                f"file is {len(raw) // 1024} KB; content files are limited to "
                f"{MAX_FILE_BYTES // 1024} KB",
                "split long text into shorter steps, or move an article into a Markdown page",
            )
        ]
    nul = raw.find(b"\0")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        column = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        return None, [
            Problem(path, line, column, "file contains a NUL byte", "save the file as UTF-8 text")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                path,
                line,
                column,
                f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                "save the file with UTF-8 encoding",
            )
        ]
    return text.removeprefix("\ufeff"), []


def _syntax_problem(path: Path, text: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    hint = "check the indentation and the ':' after each key"
    source_lines = text.splitlines()
    offending = source_lines[line - 1][column - 1 :] if line <= len(source_lines) else ""
    if offending.startswith("\t") or "tab" in problem.lower():
        problem = "a tab character is used for indentation"
        hint = "indent with spaces; YAML does not allow tabs"
    return Problem(path, line, column, f"YAML syntax error: {problem}", hint)


def parse_text(path: Path, text: str) -> tuple[Document | None, list[Problem]]:
    """Parse one file's text; a document comes back only when its structure is sound."""
    builder = _Builder(path, text)
    try:
        builder.walk(yaml.parse(text, Loader=SafeLoader))
    except _Stop:
        return None, builder.problems
    except yaml.YAMLError as error:
        return None, [*builder.problems, _syntax_problem(path, text, error)]
    if not builder.has_root or builder.root is None:
        return None, [Problem(path, 1, 1, "file is empty", "start from a file made by 'guide new'")]
    if not isinstance(builder.root, dict):
        kind = "a list" if isinstance(builder.root, list) else "a single value"
        return None, [
            Problem(
                path,
                1,
                1,
                f"expected keys and values at the top level, found {kind}",
                "start each top-level line with a key such as 'name:'",
            )
        ]
    if builder.problems:
        return None, builder.problems
    return Document(path, builder.root, builder.values, builder.keys), []


def parse_bytes(path: Path, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse a file's bytes as if read from ``path``, with the same limits as a file on disk."""
    text, problems = decode(path, raw)
    if text is None:
        return None, problems
    return parse_text(path, text)


def load_document(path: Path) -> tuple[Document | None, list[Problem]]:
    """Read and parse one content file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(path, 1, 1, f"cannot read file: {error.strerror}")]
    return parse_bytes(path, raw)
