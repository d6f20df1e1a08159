"""The editor JSON Schemas, derived from the content model and the registry of kinds.

They are generated into the repository (schemas/) so editors find them without running
anything, and published with the open data; `guide schema --check` fails when they are stale.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from pydantic import TypeAdapter

from generator.json_text import json_document
from generator.kinds import Kind, every_kind
from generator.model import (
    DraftExercise,
    Exercise,
)

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
    return json.loads(_schema_text(kind))  # type: ignore[no-any-return]


@functools.cache
def _schema_text(kind: Kind) -> str:
    """A kind's schema as JSON text, worked out once a process: a schema follows from the
    kind's model alone, and a preview would otherwise derive them all again on every save."""
    return json_document(_derived_schema(kind))


def _derived_schema(kind: Kind) -> dict[str, Any]:
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
    return {kind.schema_file: _schema_text(kind) for kind in every_kind()}
