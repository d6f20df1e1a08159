"""The schema rules: each file against its model, with messages a contributor can act on."""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.checks.context import ID_LIMIT, ID_RULE, Placed, Raw
from generator.checks.drafts import exercise_model, still_a_draft
from generator.checks.suggestions import suggest
from generator.kinds import kind_named
from generator.load import Document, Location
from generator.model.fields import Id
from generator.model.media import SpdxId
from generator.problems import Problem


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


def _describe(model: type[BaseModel], error: Any) -> tuple[str, str]:
    """A contributor-facing message and hint for one pydantic error."""
    location: Location = tuple(error["loc"])
    kind: str = error["type"]
    field = _field_label(location)
    given = error.get("input")
    context = error.get("ctx") or {}
    if kind == "extra_forbidden":
        parent = _model_at(model, location[:-1])
        known = list(parent.model_fields) if parent else []
        key = str(location[-1])
        return (
            f"unknown key '{key}'{suggest(key, known, ids=False)}",
            f"allowed keys here: {', '.join(known)}" if known else "",
        )
    if kind == "missing":
        return f"missing required key '{location[-1]}'", f"add '{location[-1]}:' to this entry"
    if kind == "literal_error":
        expected = context.get("expected", "").replace("'", "")
        options = [o.strip() for o in expected.replace(" or ", ", ").split(",")]
        return (
            f"'{given}' is not allowed for '{field}'{suggest(str(given), options, ids=False)}",
            f"choose one of: {', '.join(options)}",
        )
    if kind == "string_pattern_mismatch":
        pattern = str(context.get("pattern", ""))
        if "youtube" in pattern:
            return (
                f"'{field}' must be an https:// link to YouTube or Vimeo",
                "upload the video there, or leave the video out",
            )
        if "https?" in pattern:
            return (
                f"'{field}' must be a full web address starting with https:// or http://",
                "copy the address from the browser; leave out spaces, quotes and brackets",
            )
        if "https" in pattern:
            return (
                f"'{field}' must be a full https:// address",
                "start the link with https:// and leave out spaces, quotes and brackets",
            )
        if "webp" in pattern:
            return (
                f"'{given}' is not an image file name in '{field}'",
                "name the file in content/media/ in lowercase words joined by hyphens, "
                "ending in .jpg, .png, .webp or .svg, such as 'calf-raise-feet.svg'",
            )
        if "0-9.+-" in pattern:
            return (
                f"'{given}' is not an SPDX license id in '{field}'",
                "use an id listed in content/taxonomy/licenses.yml, such as 'CC-BY-4.0'",
            )
        return f"'{given}' is not a valid id in '{field}'", ID_RULE
    if kind in ("too_short", "too_long") and isinstance(given, list | dict | str):
        limit = context.get("min_length", context.get("max_length"))
        what = ("item" if isinstance(given, list) else "character") + "s" * (limit != 1)
        if kind == "too_short":
            return f"'{field}' needs at least {limit} {what}", "add more, one per line after '- '"
        return f"'{field}' has more than {limit} {what}", "keep the most useful ones"
    if kind == "string_too_short":
        return f"'{field}' is empty", "write some text or remove the key"
    if kind == "string_too_long":
        return (
            f"'{field}' is longer than {context.get('max_length')} characters",
            "shorten it; split long text into list items",
        )
    if kind in ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"):
        return (
            f"'{field}' must be a plain whole number such as 10, got {_shown(given)}",
            "write digits only: no quotes, units, leading zeros, '_' or decimal point",
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = context.get("ge", context.get("gt", context.get("le", context.get("lt"))))
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        word = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[kind]
        return f"'{field}' must be {word} {limit}, got {given!r}", f"use a number of {word} {limit}"
    if kind == "string_type":
        if isinstance(given, dict):
            return (
                f"'{field}' must be text, but a ': ' inside it started a new key",
                "put the whole text in double quotes, or rephrase without ': '",
            )
        return f"'{field}' must be text, got {type(given).__name__}", "put the text in quotes"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{field}' must be true or false, got {_shown(given)}", "write true or false"
    if kind == "list_type":
        return f"'{field}' must be a list", "start each item on its own line with '- '"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        nested = _model_at(model, location)
        keys = f": {', '.join(nested.model_fields)}" if nested else ""
        return f"'{field}' must be a group of keys and values", f"indent its keys under it{keys}"
    if kind == "value_error":
        return (
            f"{field}: {error['msg'].removeprefix('Value error, ')}",
            "see CONTRIBUTING.md for the fields of each kind of file",
        )
    return f"'{field}': {error['msg']}", "see CONTRIBUTING.md for the fields of each kind of file"


_TYPE_TAG = re.compile(r"(constrained-)?(str|int|float|bool|none)|(list|dict|tuple)\[.*\]")


def _model_names() -> set[str]:
    found: set[str] = set()
    waiting: list[type[BaseModel]] = [BaseModel]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            if subclass.__name__ not in found:
                found.add(subclass.__name__)
                waiting.append(subclass)
    return found


def _is_union_tag(part: Any) -> bool:
    """True for the name pydantic puts in an error's location for one member of a union."""
    return isinstance(part, str) and (
        _TYPE_TAG.fullmatch(part) is not None or part in _model_names()
    )


def _branch_score(errors: list[Any]) -> tuple[int, bool]:
    """How well a union member fits the value: how deep its errors reach, then whether it
    got past the value's type (a list given to a list member, not to a text one)."""
    deepest = max(len(error["loc"]) for error in errors)
    return deepest, not all(error["type"].endswith("_type") for error in errors)


def one_union_member(errors: list[Any]) -> list[Any]:
    """Errors with, for each union, only the member the value was evidently meant as, and
    that member's name left out of the location: one message, about the real mistake."""
    kept: list[Any] = []
    branches: dict[tuple[Any, ...], dict[str, list[Any]]] = {}
    for error in errors:
        location = tuple(error["loc"])
        # The last part of an unknown-key error is the contributor's key, never a tag.
        searched = location[:-1] if error["type"] == "extra_forbidden" else location
        at = next((i for i, part in enumerate(searched) if _is_union_tag(part)), None)
        if at is None:
            kept.append(error)
            continue
        branch = {**error, "loc": (*location[:at], *location[at + 1 :])}
        branches.setdefault(location[:at], {}).setdefault(location[at], []).append(branch)
    for members in branches.values():
        best = max(members.values(), key=_branch_score)
        kept += one_union_member(best)
    return kept


def field_fault(model: type[BaseModel], name: str, value: Any) -> str | None:
    """What the check would say about ``value`` as the field ``name`` of ``model``, if wrong."""
    field = model.model_fields[name]
    constrained: Any = Annotated.__class_getitem__((field.annotation, *field.metadata))  # type: ignore[attr-defined]
    adapter: TypeAdapter[Any] = TypeAdapter(constrained)
    try:
        adapter.validate_python(value, strict=True)
    except ValidationError as failure:
        error = failure.errors(include_url=False)[0]
        return _describe(model, {**error, "loc": (name, *error["loc"])})[0]
    return None


def schema_problems(
    model: type[BaseModel], document: Document, data: Any, base: Location
) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data, strict=True), []
    except ValidationError as failure:
        problems = []
        for error in one_union_member(failure.errors(include_url=False)):
            location: Location = (*base, *error["loc"])
            message, hint = _describe(model, {**error, "loc": tuple(error["loc"])})
            if error["type"] == "extra_forbidden" and location == ("id",):
                message = f"'id' is not a key: the file name '{document.path.stem}' is the id"
                hint = f"remove the 'id' line, or rename the file to {document.data['id']}.yml"
            if error["type"] == "extra_forbidden":
                where = document.key_position(location)
            else:
                where = document.position(location)
            problems.append(Problem(document.path, where.line, where.column, message, hint))
        return None, problems


def collection_entries(
    name: str, documents: list[Document], *, reviewed_only: bool = False
) -> tuple[dict[str, Placed], list[Problem]]:
    """Schema-valid entries of one collection; drafts are held to the draft model unless
    ``reviewed_only`` asks for every file to be complete."""
    entries: dict[str, Placed] = {}
    problems: list[Problem] = []
    for document in documents:
        stem = document.path.stem
        if not is_id(stem):
            message = f"file name '{document.path.name}' is not an id{_id_fault(stem)}"
            problems.append(Problem(document.path, 1, 1, message, ID_RULE))
            continue
        model = kind_named(name).model
        data = document.data
        if name == "exercises":
            model = exercise_model(data, reviewed_only=reviewed_only)
            if reviewed_only and data.get("status") == "draft":
                problems.append(still_a_draft(document))
                data = {key: value for key, value in data.items() if key != "status"}
        entry, found = schema_problems(model, document, data, ())
        problems.extend(found)
        if entry is not None:
            entries[stem] = Placed(stem, entry, document, ())
    return entries, problems


def raw_entries(
    collections: dict[str, list[Document]], taxonomies: dict[str, Document]
) -> dict[str, list[Raw]]:
    """Every entry as written, valid or not, for the rules that read raw data."""
    raw: dict[str, list[Raw]] = {
        name: [Raw(d.path.stem, d.data, d, ()) for d in documents if is_id(d.path.stem)]
        for name, documents in collections.items()
    }
    for name, document in taxonomies.items():
        raw[name] = [Raw(key, value, document, (key,)) for key, value in document.data.items()]
    return raw


KeyFault = Callable[[str], tuple[str, str] | None]
"""What is wrong with a top-level key of a file keyed by id, as (message, hint), if anything."""


def keyed_entries(
    model: type[BaseModel], document: Document, key_fault: KeyFault
) -> tuple[dict[str, Placed], list[Problem]]:
    """Each top-level key's entry checked against ``model``, once its key is well-formed."""
    entries: dict[str, Placed] = {}
    problems: list[Problem] = []
    for key, data in document.data.items():
        fault = key_fault(key)
        if fault is not None:
            where = document.key_position((key,))
            problems.append(Problem(document.path, where.line, where.column, *fault))
            continue
        entry, found = schema_problems(model, document, data, (key,))
        problems.extend(found)
        if entry is not None:
            entries[key] = Placed(key, entry, document, (key,))
    return entries, problems


def _not_an_id(key: str) -> tuple[str, str] | None:
    return None if is_id(key) else (f"'{key}' is not a valid id{_id_fault(key)}", ID_RULE)


SPDX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$")


def _not_spdx(key: str) -> tuple[str, str] | None:
    if SPDX.match(key):
        return None
    return (
        f"'{key}' is not an SPDX license id",
        "use the id listed at spdx.org/licenses, such as 'CC-BY-4.0'",
    )


KEY_FAULTS: dict[Any, KeyFault] = {Id: _not_an_id, SpdxId: _not_spdx}
"""What a taxonomy's keys must be, by the key type its kind declares."""


def taxonomy_entries(name: str, document: Document) -> tuple[dict[str, Placed], list[Problem]]:
    """Each entry of a taxonomy file checked against its kind's model, once its key is
    well-formed ('single-leg-bridge'; an SPDX id such as 'CC-BY-4.0' for licenses)."""
    taxonomy = kind_named(name)
    return keyed_entries(taxonomy.model, document, KEY_FAULTS[taxonomy.key])


def _id_fault(text: str) -> str:
    """': it has N characters, the limit is 60' when length is what is wrong, else ''."""
    if len(text) > ID_LIMIT and _has_id_shape(text):
        return f": it has {len(text)} characters, the limit is {ID_LIMIT}"
    return ""


def _has_id_shape(text: str) -> bool:
    parts = text.split("-")
    return all(p and p.isascii() and p.isalnum() and p == p.lower() for p in parts)


def is_id(text: str) -> bool:
    return 0 < len(text) <= ID_LIMIT and _has_id_shape(text)
