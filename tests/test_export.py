"""The open data files carry every entry, their license, and match their published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from generator.pipeline import build_pages


def test_open_data_holds_every_exercise_and_routine_and_validates(content: Path) -> None:
    pages, _, problems = build_pages(content)
    assert problems == []
    exercises = json.loads(pages["data/exercises.json"].text)
    routines = json.loads(pages["data/routines.json"].text)
    assert sorted(exercises["exercises"]) == ["bridge", "clamshell", "single-leg-bridge"]
    assert sorted(routines["routines"]) == ["hip-basics"]
    assert exercises["license"]["name"] == "CC BY-SA 4.0"
    assert "not medical advice" in exercises["notice"]
    for document, key in ((exercises, "exercises"), (routines, "routines")):
        schema = json.loads(pages[f"data/{document['schema']}"].text)
        validator = jsonschema.Draft7Validator(schema)
        for entry in document[key].values():
            assert list(validator.iter_errors(entry)) == []
    assert exercises["exercises"]["bridge"]["steps"][1] == "Lift the hips."
