"""Broken, careless and hostile contributions are stopped at `guide check` (or the command a
case names) with a clear line, and nothing on disk changes.

Each folder under tests/corpus/ is one contribution; see tests/corpus/README.md.
"""

from __future__ import annotations

import hashlib
import os
import shlex
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
COMMAND = "command.txt"
PROJECT = "project"
"""A case's files laid over the project folder rather than over content/."""


def _case_files(case: Path) -> list[Path]:
    """Every file and link of a case, without descending into linked folders."""
    found = []
    for folder, subfolders, files in os.walk(case):
        for name in files + [d for d in subfolders if (Path(folder) / d).is_symlink()]:
            path = Path(folder) / name
            if path.relative_to(case).as_posix() not in ("expected.txt", COMMAND):
                found.append(path)
    return sorted(found)


def _lay_over(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    if source.is_symlink():  # links are laid over as links, never followed
        target.unlink(missing_ok=True)
        target.symlink_to(os.readlink(source))
    else:
        shutil.copyfile(source, target)


def tree_state(top: Path) -> dict[str, str]:
    """Every file, folder and link under ``top`` with its content or link target."""
    state = {}
    for folder, subfolders, files in os.walk(top):
        for name in subfolders + files:
            path = Path(folder) / name
            key = path.relative_to(top).as_posix()
            if path.is_symlink():
                state[key] = "link to " + os.readlink(path)
            elif path.is_dir():
                state[key] = "folder"
            else:
                state[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def test_the_corpus_covers_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_bad_contribution_is_reported_exactly(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = tmp_path / "guide"
    shutil.copytree(FIXTURES / "minimal", guide)
    for source in _case_files(CORPUS / case):
        relative = source.relative_to(CORPUS / case)
        if relative.parts[0] == PROJECT:
            _lay_over(source, guide / relative.relative_to(PROJECT))
        else:
            _lay_over(source, guide / "content" / relative)
    command_file = CORPUS / case / COMMAND
    command = shlex.split(command_file.read_text(encoding="utf-8")) if command_file.exists() else []
    monkeypatch.chdir(guide)
    before = tree_state(tmp_path)

    tracemalloc.start()
    result = CliRunner().invoke(main, command or ["check"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert tree_state(tmp_path) == before
    lines = result.output.splitlines()
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    if command:  # every line the command prints
        assert lines == expected
    else:
        problems = [line for line in lines if line.startswith("content/")]
        assert problems == expected
        for line in problems:
            assert lines[lines.index(line) + 1].startswith("    hint: "), line
    assert peak < MEMORY_LIMIT
