"""Reference rules: every id a file names exists, and no list repeats itself.

The rules read each file's raw data, so they still run for a file whose schema check failed:
one pass over a bulk change reports every unknown id at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.checks.context import CheckContext, Raw
from generator.checks.schema import is_id
from generator.load import Location

REFERENCES: dict[str, tuple[tuple[Location, str], ...]] = {
    "exercises": (
        (("pattern",), "patterns"),
        (("problem_areas", "*"), "problem-areas"),
        (("muscles", "primary", "*"), "muscles"),
        (("muscles", "secondary", "*"), "muscles"),
        (("equipment", "*"), "equipment"),
        (("regressions", "*", "exercise"), "exercises"),
        (("progressions", "*", "exercise"), "exercises"),
        (("origin", "suggested", "pattern", "*"), "patterns"),
        (("origin", "suggested", "equipment", "*"), "equipment"),
    ),
    "routines": (
        (("problem_areas", "*"), "problem-areas"),
        (("items", "*", "exercise"), "exercises"),
    ),
    "problem-areas": (
        (("starter_routine",), "routines"),
        (("related", "*"), "problem-areas"),
    ),
    "patterns": ((("main_muscles", "*"), "muscles"),),
    "muscles": ((("members", "*"), "muscles"),),
}
"""Where each kind of entry names another entry: a path ('*' is every list item) → kind."""

NO_REPEATS: dict[str, tuple[Location, ...]] = {
    "exercises": (("muscles", "primary"), ("muscles", "secondary"), ("equipment",)),
    "problem-areas": (("related",),),
    "muscles": (("members",),),
}
"""Lists in which an id may appear only once."""


def ids_at(data: Any, pattern: Location, location: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every text value found by following ``pattern`` through raw data."""
    if not pattern:
        if isinstance(data, str):
            yield location, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from ids_at(item, rest, (*location, index))
    elif isinstance(data, dict) and head in data:
        yield from ids_at(data[head], rest, (*location, head))


def _list_at(data: Any, path: Location) -> list[Any]:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data if isinstance(data, list) else []


def _check_raw(context: CheckContext, raw: Raw, kind: str) -> None:
    for pattern, target_kind in REFERENCES.get(kind, ()):
        # A malformed id is the schema's to report; only well-formed ones are looked up.
        for location, target in ids_at(raw.data, pattern):
            if target_kind == kind and target == raw.id:
                group = str(location[0])
                context.report(
                    raw,
                    location,
                    f"'{raw.id}' lists itself in its own {group}",
                    "link to a different " + ("exercise" if kind == "exercises" else "page"),
                )
            elif is_id(target):
                context.reference(raw, location, target, target_kind)
    for path in NO_REPEATS.get(kind, ()):
        context.no_repeats(raw, path, _list_at(raw.data, path))
    if kind == "exercises":
        # Anything but an id in these lists is the schema's to report.
        primary = {m for m in _list_at(raw.data, ("muscles", "primary")) if isinstance(m, str)}
        for i, muscle in enumerate(_list_at(raw.data, ("muscles", "secondary"))):
            if isinstance(muscle, str) and muscle in primary:
                context.report(
                    raw,
                    ("muscles", "secondary", i),
                    f"muscle '{muscle}' is listed as both primary and secondary",
                    "keep it in one list",
                )


def check_references(context: CheckContext) -> None:
    for kind in REFERENCES:
        for raw in context.raw.get(kind, ()):
            _check_raw(context, raw, kind)
