"""What a schema error says to a contributor: pydantic's errors in plain words, with a hint.

One function per kind of error (``_DESCRIBERS``); an error no function claims gets the
general message. Used by generator/checks/schema.py.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from generator.checks.context import ID_RULE
from generator.checks.suggestions import suggest
from generator.load import Location


def _unwrap(annotation: Any) -> Any:
    """The model class behind list[...], Optional[...] and Annotated[...] wrappers."""
    while True:
        origin = get_origin(annotation)
        if origin in (list, Union, types.UnionType) or str(origin).endswith("Annotated"):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0]
            continue
        return annotation


def _model_at(model: type[BaseModel], path: Location) -> type[BaseModel] | None:
    """The nested model class found by following ``path`` through field annotations."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_label(location: Location) -> str:
    label = ""
    for part in location:
        label += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label or "file"


def _shown(value: Any) -> str:
    """A value as read from the file, quoted and cut short so a message stays one line."""
    if isinstance(value, str):
        return f"'{value[:30]}…'" if len(value) > 30 else f"'{value}'"
    return repr(value)


@dataclass(frozen=True)
class _Failure:
    """One pydantic error, with what every message about it needs."""

    kind: str
    model: type[BaseModel]
    location: Location
    field: str
    given: Any
    context: dict[str, Any]
    message: str


Message = tuple[str, str]
"""A problem's message and its hint."""
_FALLBACK_HINT = "see CONTRIBUTING.md for the fields of each kind of file"


def describe(model: type[BaseModel], error: Any) -> Message:
    """A contributor-facing message and hint for one pydantic error."""
    location: Location = tuple(error["loc"])
    failure = _Failure(
        error["type"],
        model,
        location,
        _field_label(location),
        error.get("input"),
        error.get("ctx") or {},
        error["msg"],
    )
    for kinds, describe in _DESCRIBERS:
        if failure.kind in kinds:
            described = describe(failure)
            if described is not None:
                return described
    return f"'{failure.field}': {failure.message}", _FALLBACK_HINT


def _unknown_key(failure: _Failure) -> Message:
    parent = _model_at(failure.model, failure.location[:-1])
    known = list(parent.model_fields) if parent else []
    key = str(failure.location[-1])
    return (
        f"unknown key '{key}'{suggest(key, known, ids=False)}",
        f"allowed keys here: {', '.join(known)}" if known else "",
    )


def _missing(failure: _Failure) -> Message:
    key = failure.location[-1]
    return f"missing required key '{key}'", f"add '{key}:' to this entry"


def _not_allowed(failure: _Failure) -> Message:
    expected = failure.context.get("expected", "").replace("'", "")
    options = [o.strip() for o in expected.replace(" or ", ", ").split(",")]
    given, field = failure.given, failure.field
    return (
        f"'{given}' is not allowed for '{field}'{suggest(str(given), options, ids=False)}",
        f"choose one of: {', '.join(options)}",
    )


_PATTERNS: list[tuple[str, str, str]] = [
    (
        "youtube",
        "'{field}' must be an https:// link to YouTube or Vimeo",
        "upload the video there, or leave the video out",
    ),
    (
        "https?",
        "'{field}' must be a full web address starting with https:// or http://",
        "copy the address from the browser; leave out spaces, quotes and brackets",
    ),
    (
        "https",
        "'{field}' must be a full https:// address",
        "start the link with https:// and leave out spaces, quotes and brackets",
    ),
    (
        "webp",
        "'{given}' is not an image file name in '{field}'",
        "name the file in content/media/ in lowercase words joined by hyphens, "
        "ending in .jpg, .png, .webp or .svg, such as 'calf-raise-feet.svg'",
    ),
    (
        "0-9.+-",
        "'{given}' is not an SPDX license id in '{field}'",
        "use an id listed in content/taxonomy/licenses.yml, such as 'CC-BY-4.0'",
    ),
]
"""A text pattern's telling fragment → the message and hint for a value that misses it,
first match wins; any other pattern is an id's."""


def _pattern_mismatch(failure: _Failure) -> Message:
    pattern = str(failure.context.get("pattern", ""))
    for fragment, message, hint in _PATTERNS:
        if fragment in pattern:
            return message.format(field=failure.field, given=failure.given), hint
    return f"'{failure.given}' is not a valid id in '{failure.field}'", ID_RULE


def _count(failure: _Failure) -> Message | None:
    given, context = failure.given, failure.context
    if not isinstance(given, list | dict | str):
        return None
    limit = context.get("min_length", context.get("max_length"))
    what = ("item" if isinstance(given, list) else "character") + "s" * (limit != 1)
    if failure.kind == "too_short":
        return (
            f"'{failure.field}' needs at least {limit} {what}",
            "add more, one per line after '- '",
        )
    return f"'{failure.field}' has more than {limit} {what}", "keep the most useful ones"


def _empty(failure: _Failure) -> Message:
    return f"'{failure.field}' is empty", "write some text or remove the key"


def _text_too_long(failure: _Failure) -> Message:
    return (
        f"'{failure.field}' is longer than {failure.context.get('max_length')} characters",
        "shorten it; split long text into list items",
    )


def _not_a_number(failure: _Failure) -> Message:
    return (
        f"'{failure.field}' must be a plain whole number such as 10, got {_shown(failure.given)}",
        "write digits only: no quotes, units, leading zeros, '_' or decimal point",
    )


_BOUNDS = {
    "greater_than_equal": "at least",
    "greater_than": "more than",
    "less_than_equal": "at most",
    "less_than": "less than",
}
"""How each kind of bound is said."""


def _out_of_range(failure: _Failure) -> Message:
    context = failure.context
    limit = context.get("ge", context.get("gt", context.get("le", context.get("lt"))))
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    word = _BOUNDS[failure.kind]
    return (
        f"'{failure.field}' must be {word} {limit}, got {failure.given!r}",
        f"use a number of {word} {limit}",
    )


def _not_text(failure: _Failure) -> Message:
    if isinstance(failure.given, dict):
        return (
            f"'{failure.field}' must be text, but a ': ' inside it started a new key",
            "put the whole text in double quotes, or rephrase without ': '",
        )
    return (
        f"'{failure.field}' must be text, got {type(failure.given).__name__}",
        "put the text in quotes",
    )


def _not_yes_or_no(failure: _Failure) -> Message:
    return (
        f"'{failure.field}' must be true or false, got {_shown(failure.given)}",
        "write true or false",
    )


def _not_a_list(failure: _Failure) -> Message:
    return f"'{failure.field}' must be a list", "start each item on its own line with '- '"


def _not_a_group(failure: _Failure) -> Message:
    nested = _model_at(failure.model, failure.location)
    keys = f": {', '.join(nested.model_fields)}" if nested else ""
    return (
        f"'{failure.field}' must be a group of keys and values",
        f"indent its keys under it{keys}",
    )


def _rule_broken(failure: _Failure) -> Message:
    return f"{failure.field}: {failure.message.removeprefix('Value error, ')}", _FALLBACK_HINT


_DESCRIBERS: list[tuple[frozenset[str], Callable[[_Failure], Message | None]]] = [
    (frozenset({"extra_forbidden"}), _unknown_key),
    (frozenset({"missing"}), _missing),
    (frozenset({"literal_error"}), _not_allowed),
    (frozenset({"string_pattern_mismatch"}), _pattern_mismatch),
    (frozenset({"too_short", "too_long"}), _count),
    (frozenset({"string_too_short"}), _empty),
    (frozenset({"string_too_long"}), _text_too_long),
    (
        frozenset({"int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"}),
        _not_a_number,
    ),
    (frozenset(_BOUNDS), _out_of_range),
    (frozenset({"string_type"}), _not_text),
    (frozenset({"bool_type", "bool_parsing"}), _not_yes_or_no),
    (frozenset({"list_type"}), _not_a_list),
    (frozenset({"model_type", "model_attributes_type", "dict_type"}), _not_a_group),
    (frozenset({"value_error"}), _rule_broken),
]
"""Pydantic's error types → the function that says what went wrong in a contributor's words;
a function may decline (None) and leave the error to the general message."""
