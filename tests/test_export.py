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


def test_open_data_lists_every_cited_source_with_a_way_to_look_it_up(content: Path) -> None:
    pages, _, _ = build_pages(content)
    sources = json.loads(pages["data/sources.json"].text)
    assert sorted(sources["sources"]) == ["coach-2021-bridges", "example-2020-hips"]
    review = sources["sources"]["example-2020-hips"]
    assert review["doi"] == "10.1000/example.2020.1"
    assert review["authors"][-1] == "et al."
    schema = json.loads(pages[f"data/{sources['schema']}"].text)
    validator = jsonschema.Draft7Validator(schema)
    for entry in sources["sources"].values():
        assert list(validator.iter_errors(entry)) == []
    exercises = json.loads(pages["data/exercises.json"].text)
    cited = exercises["exercises"]["clamshell"]["sources"][0]
    assert cited == {
        "source": "example-2020-hips",
        "supports": "Side-hip strength work helps keep the pelvis level.",
        "problem_area": "weak-hips",
    }
    assert cited["source"] in sources["sources"]
