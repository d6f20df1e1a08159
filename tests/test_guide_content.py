"""The guide's own content passes every check and builds strictly with nothing missing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from generator.pipeline import check


def test_the_guide_content_is_valid() -> None:
    guide, problems = check(REPO / "content")
    assert problems == []
    assert guide is not None


def test_strict_build_has_zero_warnings(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert re.findall(r"^WARNING.*", result.stderr, flags=re.MULTILINE) == []


def test_every_entry_and_group_has_a_page(built_guide: Path) -> None:
    guide, _ = check(REPO / "content")
    assert guide is not None
    expected = [
        *(f"exercises/{key}" for key in guide.exercises),
        *(f"routines/{key}" for key in guide.routines),
        *(f"patterns/{key}" for key in guide.patterns),
        *(f"problem-areas/{key}" for key in guide.problem_areas),
        "exercises",
        "routines",
        "patterns",
        "problem-areas",
    ]
    missing = [page for page in expected if not (built_guide / page / "index.html").is_file()]
    assert missing == []
