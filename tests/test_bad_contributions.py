"""Broken, careless and hostile contributions are stopped at `guide check` with a clear line.

Each folder under tests/corpus/ is one contribution; see tests/corpus/README.md.
"""

from __future__ import annotations

import os
import shutil
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from generator.cli import main

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
MEMORY_LIMIT = 64 * 1024 * 1024
"""Peak Python allocation allowed for one check; a billion-laughs file must not get near it."""


def _case_files(case: Path) -> list[Path]:
    """Every file and link of a case, without descending into linked folders."""
    found = []
    for folder, subfolders, files in os.walk(case):
        for name in files + [d for d in subfolders if (Path(folder) / d).is_symlink()]:
            path = Path(folder) / name
            if path.name != "expected.txt":
                found.append(path)
    return sorted(found)


def test_the_corpus_covers_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_bad_contribution_is_reported_exactly(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = tmp_path / "guide"
    shutil.copytree(FIXTURES / "minimal", guide)
    for source in _case_files(CORPUS / case):
        target = guide / "content" / source.relative_to(CORPUS / case)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        if source.is_symlink():  # links are laid over as links, never followed
            target.unlink(missing_ok=True)
            target.symlink_to(os.readlink(source))
        else:
            shutil.copyfile(source, target)
    monkeypatch.chdir(guide)

    tracemalloc.start()
    result = CliRunner().invoke(main, ["check"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    problems = [line for line in lines if line.startswith("content/")]
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert problems == expected
    for line in problems:
        assert lines[lines.index(line) + 1].startswith("    hint: "), line
    assert peak < MEMORY_LIMIT
