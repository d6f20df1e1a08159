"""The query the search box hands to Material's search (misspellings corrected, words
weighted), tested in Node against the lunr Material bundles."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_search_queries_are_corrected_and_weighted_as_the_node_tests_expect() -> None:
    run = subprocess.run(
        ["node", "--test", str(TESTS)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
