"""`make contact-sheet`: one page and one image holding every illustrated exercise's key
poses, each under its name, so a contributor can look at all the figures at once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from PIL import Image

from benchmarks import contact_sheet
from generator.guide import Guide
from generator.model import Exercise

pytestmark = pytest.mark.browser


def test_the_contact_sheet_is_one_image_with_every_illustrated_exercise_under_its_name(
    tmp_path: Path, published_guide: Guide, chromium: Any
) -> None:
    assert contact_sheet.write_sheet(chromium, REPO / "content", tmp_path) == []

    page = (tmp_path / "contact-sheet.html").read_text(encoding="utf-8")
    illustrated = sorted(
        exercise.name
        for exercise in published_guide.exercises.values()
        if isinstance(exercise, Exercise) and exercise.illustration is not None
    )
    cells = re.findall(r'<section><h2>([^<]*)</h2><figure class="movement"', page)
    assert sorted(name.replace("&#39;", "'").replace("&amp;", "&") for name in cells) == illustrated
    assert page.count('<div class="movement__still" data-pose="start">') == len(illustrated)
    assert page.count('<div class="movement__still" data-pose="end">') == len(illustrated)

    with Image.open(tmp_path / "contact-sheet.png") as image:
        image.load()
        width, height = image.size
        assert image.format == "PNG"
        colours = image.convert("L").getextrema()
    assert width == contact_sheet.WIDTH
    rows = -(-len(illustrated) // 8)  # at most eight figures fit across the page
    assert height > rows * 150, "the image is too short to hold every figure"
    assert colours[0] < 100 < colours[1], "the image is blank"
