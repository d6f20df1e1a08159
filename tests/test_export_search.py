"""A plain MkDocs build of `guide export` searches like the plugin build: every page enters
the search index with the same search terms and the same boost, so it ranks the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _searched(site: Path) -> dict[str, tuple[list[str], float | None]]:
    """Page location → (its tags in the search index, its boost)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {
        doc["location"]: (sorted(doc.get("tags", [])), doc.get("boost"))
        for doc in index["docs"]
        if "#" not in doc["location"]
    }


def test_plain_mkdocs_build_of_the_export_indexes_the_same_terms_and_boosts(
    tmp_path: Path, built_guide: Path
) -> None:
    target = tmp_path / "guide"
    for command in (
        [sys.executable, "-m", "generator.cli", "export", str(target)],
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(target / "mkdocs.yml")],
    ):
        run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=ENV)
        assert run.returncode == 0, run.stdout + run.stderr
    plain, plugin = _searched(target / "site"), _searched(built_guide)
    assert plain.keys() == plugin.keys()
    differing = {page: (plain[page], it) for page, it in plugin.items() if plain[page] != it}
    assert differing == {}
    assert "clamshells" in plugin["exercises/clamshell/"][0]
    assert "bulky" in plugin["guides/priorities/"][0]
