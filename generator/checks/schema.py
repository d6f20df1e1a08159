"""The schema rules: each file against its model, with messages a contributor can act on."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator.checks.context import ID_LIMIT, ID_RULE, Placed, Raw
from generator.checks.drafts import exercise_model, still_a_draft
from generator.checks.schema_messages import describe
from generator.kinds import kind_named
from generator.load import Document, Location
from generator.model.fields import Id
from generator.model.media import SpdxId
from generator.problems import Problem

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
        return describe(model, {**error, "loc": (name, *error["loc"])})[0]
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
            message, hint = describe(model, {**error, "loc": tuple(error["loc"])})
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


_ID_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Lower-case ASCII letters and digits in words joined by single hyphens."""


def _has_id_shape(text: str) -> bool:
    return _ID_SHAPE.fullmatch(text) is not None


def is_id(text: str) -> bool:
    return 0 < len(text) <= ID_LIMIT and _has_id_shape(text)
