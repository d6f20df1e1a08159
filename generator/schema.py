"""Everything derived from the content model: editor JSON Schemas and the field reference.

Both are generated into the repository (schemas/ and CONTRIBUTING.md) so editors and
readers find them without running anything; `guide schema --check` fails when they are stale.
"""

from __future__ import annotations

import json
import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter

from generator.kinds import Kind, every_kind
from generator.model import (
    Doi,
    DraftExercise,
    Exercise,
    Pmid,
    WebUrl,
)
from generator.model.media import MediaFile, SpdxId
from generator.templating import environment

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMA_DIR = "schemas"


def _draft_07(node: Any) -> Any:
    """Pydantic writes draft 2020-12 references; editors' YAML support wants draft-07."""
    if isinstance(node, dict):
        return {
            ("definitions" if key == "$defs" else key): (
                value.replace("#/$defs/", "#/definitions/") if key == "$ref" else _draft_07(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_draft_07(item) for item in node]
    return node


def json_schema(kind: Kind) -> dict[str, Any]:
    """The draft-07 JSON Schema of one kind of content file."""
    if kind.storage == "taxonomy":
        schema = TypeAdapter(dict[kind.key, kind.model]).json_schema()  # type: ignore[name-defined]
        schema["additionalProperties"] = False
        schema["title"] = f"{kind.title} taxonomy"
        schema["description"] = f"{kind.location}: ids mapped to entries."
    elif kind.model is Exercise:
        schema = _reviewed_or_draft()
    else:
        schema = kind.model.model_json_schema()
    return {"$schema": DRAFT_07, **_draft_07(schema)}


def _reviewed_or_draft() -> dict[str, Any]:
    """An exercise file is held to the draft model when it says 'status: draft'."""
    reviewed = Exercise.model_json_schema()
    draft = DraftExercise.model_json_schema()
    definitions = {**draft.pop("$defs", {}), **reviewed.pop("$defs", {})}
    return {
        "title": reviewed.pop("title"),
        "description": reviewed.pop("description"),
        "type": "object",
        "$defs": definitions,
        "if": {"properties": {"status": {"const": "draft"}}, "required": ["status"]},
        "then": draft,
        "else": reviewed,
    }


def json_schemas() -> dict[str, str]:
    """Schema file name → its JSON text, exactly as stored in schemas/."""
    return {
        kind.schema_file: json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in every_kind()
    }


@dataclass(frozen=True)
class FieldRow:
    """One line of the field reference."""

    name: str
    required: bool
    type: str
    description: str


def _unannotated(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """Split Annotated[T, constraints] into T and the constraints."""
    extra = list(getattr(annotation, "__metadata__", ()))
    return (annotation.__origin__ if extra else annotation), metadata + extra


def _pattern(alias: Any) -> str:
    """The regular expression inside an Annotated[str, StringConstraints(pattern=...)]."""
    return str(next(m.pattern for m in get_args(alias)[1:] if getattr(m, "pattern", None)))


PATTERN_NAMES = {
    _pattern(Doi): "DOI",
    _pattern(Pmid): "digits, in quotes",
    _pattern(WebUrl): "web link",
    _pattern(MediaFile): "file name in content/media/",
    _pattern(SpdxId): "SPDX license id",
}
"""How text fields with a special shape read in the field reference."""


def _type_name(annotation: Any, metadata: list[Any]) -> tuple[str, type[BaseModel] | None]:
    """How a field's type reads for a contributor, and the model nested inside it if any."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _type_name(*_unannotated(inner[0], metadata))
    if origin is list:
        (item,) = get_args(annotation)
        name, model = _type_name(*_unannotated(item, []))
        return (f"list, each {name}" if name.startswith("one of") else f"list of {name}"), model
    if origin is dict:
        _, value = get_args(annotation)
        name, _ = _type_name(*_unannotated(value, []))
        return f"map of names to {name}", None
    if origin is Literal:
        return "one of " + ", ".join(f"`{value}`" for value in get_args(annotation)), None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "group", annotation
    pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
    if annotation is str and pattern:
        return PATTERN_NAMES.get(pattern, "https link" if "https" in pattern else "id"), None
    return {str: "text", int: "whole number", bool: "true/false"}.get(annotation, "value"), None


def _rows(model: type[BaseModel], prefix: str = "") -> list[FieldRow]:
    rows = []
    for name, field in model.model_fields.items():
        type_name, nested = _type_name(field.annotation, list(field.metadata))
        description = field.description or (nested.__doc__ or "").strip()
        rows.append(FieldRow(prefix + name, field.is_required(), type_name, description))
        if nested is not None:
            suffix = "[]." if type_name.startswith("list") else "."
            rows.extend(_rows(nested, prefix + name + suffix))
    return rows


_TEMPLATES = environment()
START = "<!-- field reference: generated by `guide schema`, do not edit by hand -->"
END = "<!-- end of field reference -->"


def field_reference() -> str:
    """The contributor field reference in Markdown, one table per kind of file."""
    sections = [(kind, _rows(kind.model)) for kind in every_kind()]
    return _TEMPLATES.get_template("field_reference.md.j2").render(
        sections=sections, start=START, end=END, schema_dir=SCHEMA_DIR
    )


def with_field_reference(contributing: str) -> str:
    """CONTRIBUTING.md text with its field reference section regenerated."""
    if START not in contributing or END not in contributing:
        raise ValueError(f"CONTRIBUTING.md needs the markers {START!r} and {END!r}")
    before, rest = contributing.split(START, 1)
    _, after = rest.split(END, 1)
    return before + field_reference().rstrip("\n") + after
