"""The search box's typo tolerance, tested in Node against the lunr Material bundles."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_misspelt_words_are_searched_as_their_nearest_indexed_word() -> None:
    run = subprocess.run(
        ["node", "--test", str(TESTS)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
