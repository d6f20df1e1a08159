"""Figures are laid out by the derive stage: once per saved file, and only from pose data
the pose rules found sound."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.load import Document, LoadedContent, load_content
from generator.pipeline import collection_paused
from generator.problems import sorted_problems
from generator.validate import validate

ROOT = Path(__file__).resolve().parent.parent / "content"


def _with_exercise(
    content: LoadedContent, name: str, change: Callable[[dict[str, Any]], dict[str, Any]]
) -> LoadedContent:
    """The same loaded content with one exercise's file replaced by a changed copy."""
    exercises = []
    for document in content.collections["exercises"]:
        if document.path.stem == name:
            data = change(dict(document.data))
            document = Document(document.path, data, document.values, document.keys)
        exercises.append(document)
    return replace(content, collections={**content.collections, "exercises": exercises})


def test_a_save_lays_out_again_only_the_figure_whose_file_changed() -> None:
    with collection_paused():
        content = load_content(ROOT)
        first, _ = validate(content)
        saved = _with_exercise(content, "clamshell", lambda data: data)
        second, _ = validate(saved)
    assert first is not None and second is not None
    assert second.layouts["clamshell"] is not first.layouts["clamshell"]
    unchanged = [key for key in first.layouts if key != "clamshell"]
    assert unchanged and all(second.layouts[key] is first.layouts[key] for key in unchanged)


def test_an_angle_out_of_range_is_reported_and_its_figure_is_not_judged() -> None:
    def bend_too_far(data: dict[str, Any]) -> dict[str, Any]:
        illustration = dict(data["illustration"])
        poses = dict(illustration["poses"])
        poses["start"] = {**poses["start"], "knee": 200}
        illustration["poses"] = poses
        return {**data, "illustration": illustration}

    with collection_paused():
        guide, problems = validate(_with_exercise(load_content(ROOT), "clamshell", bend_too_far))
    assert guide is None
    found = [p for p in sorted_problems(problems) if p.path.stem == "clamshell"]
    # Only the angle is reported: the figure it would give is neither laid out nor judged.
    assert len(found) == 1, [p.message for p in found]
    assert "knee angle 200°" in found[0].message and "outside its range" in found[0].message
