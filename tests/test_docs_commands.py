"""Every shell command block in README.md and CONTRIBUTING.md runs as written.

The blocks of one document run in order, as a newcomer would type them, in a scratch copy of
the repository (with the test environment's .venv, so nothing is installed). A block that
must not run here carries the comment `<!-- not run: <why> -->` on the line before it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

DOCUMENTS = ("README.md", "CONTRIBUTING.md")
FENCE = re.compile(r"^(?P<indent> *)```sh\s*$")
NOT_RUN = re.compile(r"^\s*<!--\s*not run:\s*(?P<why>\S.*?)\s*-->\s*$")
COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "site",
    ".site-*",
    "test-artifacts",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
)
STAMPS = (".installed", ".installed-test", ".installed-zensical")
"""The Makefile's marks that .venv is set up; fresh in the scratch copy, so make installs
nothing."""


@dataclass(frozen=True)
class Block:
    line: int
    script: str
    not_run: str | None


def command_blocks(document: str) -> list[Block]:
    lines = (REPO / document).read_text(encoding="utf-8").splitlines()
    blocks = []
    for number, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence is None:
            continue
        end = next(i for i in range(number + 1, len(lines)) if lines[i].strip() == "```")
        indent = len(fence["indent"])
        script = "\n".join(row[indent:] for row in lines[number + 1 : end])
        before = next((row for row in reversed(lines[:number]) if row.strip()), "")
        marked = NOT_RUN.match(before)
        blocks.append(Block(number + 1, script, marked["why"] if marked else None))
    return blocks


def scratch_copy(target: Path) -> Path:
    """The repository as a clone would have it, as a git repository whose origin/main is the
    current state, with the dataset the README's import example names."""
    shutil.copytree(REPO, target, symlinks=True, ignore=COPIED)
    venv = target / ".venv"
    venv.mkdir()
    for entry in (REPO / ".venv").iterdir():
        if entry.name not in STAMPS:
            (venv / entry.name).symlink_to(entry)
    for stamp in STAMPS:
        (venv / stamp).touch()
    shutil.copy(FIXTURES / "free-exercise-db" / "exercises.json", target / "exercises.json")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=target, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "clone")
    git("update-ref", "refs/remotes/origin/main", "HEAD")
    return target


PROMPT = "TODO: "
"""How a new file marks the sentences a contributor replaces."""


def fill_in_new_files(scratch: Path) -> None:
    """Between blocks a contributor fills in what they started ("Fill it in, in your own
    words"); here each prompt of a new content file stands for their sentence."""
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "content"],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in listed.stdout.splitlines():
        path = scratch / name
        if path.suffix == ".yml":
            path.write_text(path.read_text(encoding="utf-8").replace(PROMPT, ""), encoding="utf-8")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_command_block_runs_as_written(document: str, tmp_path: Path) -> None:
    blocks = command_blocks(document)
    assert blocks, f"{document} has no ```sh block"
    scratch = scratch_copy(tmp_path / "clone")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    for block in blocks:
        if block.not_run:
            continue
        fill_in_new_files(scratch)
        result = subprocess.run(
            ["bash", "-e", "-c", block.script],
            cwd=scratch,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        said = result.stdout + result.stderr
        assert result.returncode == 0, f"{document}:{block.line}:\n{block.script}\n{said}"
        assert "pip install" not in said and "Traceback" not in said, said
        assert not re.search(r"(?im)^\s*(warning|error)\b", said), (
            f"{document}:{block.line}\n{said}"
        )


def test_every_block_not_run_says_why() -> None:
    skipped = [(d, b.line, b.not_run) for d in DOCUMENTS for b in command_blocks(d) if b.not_run]
    assert skipped, "the blocks that publish or never end are marked"
    assert all(len(why) > 10 for _, _, why in skipped), skipped
