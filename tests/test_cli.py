"""The `guide` command as a contributor meets it: clear errors, exit codes, untouched site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

Edit = Callable[[str, str, str], None]
GUIDE = [sys.executable, "-m", "generator.cli"]


def guide(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [*GUIDE, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_check_passes_on_valid_content(guide_dir: Path) -> None:
    result = guide("check", cwd=guide_dir)
    assert result.returncode == 0
    assert "3 exercises, 1 routine, 1 problem area" in result.stdout


def test_broken_file_exits_1_with_one_line_per_problem_and_no_traceback(
    guide_dir: Path, edit: Edit
) -> None:
    edit("exercises/clamshell.yml", "primary: [gluteus-medius]", "primary: [glute-med]")
    result = guide("check", cwd=guide_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == (
        "content/exercises/clamshell.yml:6:13: unknown muscle 'glute-med' "
        "(did you mean 'gluteus-medius'?)"
    )
    assert result.stdout.splitlines()[-1] == "1 problem in 1 file"


def test_github_format_annotates_the_exact_line(guide_dir: Path, edit: Edit) -> None:
    edit("exercises/clamshell.yml", "pattern: prehab", "pattern: prehap")
    result = guide("check", "--format", "github", cwd=guide_dir)
    assert result.returncode == 1
    assert result.stdout.strip() == (
        "::error file=content/exercises/clamshell.yml,line=3,col=10::"
        "unknown pattern 'prehap' (did you mean 'prehab'?)%0A"
        "ids are listed in content/taxonomy/patterns.yml"
    )


def test_json_format_lists_problems_for_tools(guide_dir: Path, edit: Edit) -> None:
    edit("exercises/clamshell.yml", "level: beginner", "level: expert")
    result = guide("check", "--format", "json", cwd=guide_dir)
    assert result.returncode == 1
    [problem] = json.loads(result.stdout)
    assert (problem["path"], problem["line"], problem["column"]) == (
        "content/exercises/clamshell.yml",
        8,
        8,
    )


def test_build_writes_the_site(guide_dir: Path) -> None:
    result = guide("build", cwd=guide_dir)
    assert result.returncode == 0, result.stderr
    assert (guide_dir / "site" / "exercises" / "bridge" / "index.html").is_file()
    assert not list(guide_dir.glob(".site-*"))


def test_failed_build_leaves_the_previous_site_untouched(guide_dir: Path, edit: Edit) -> None:
    assert guide("build", cwd=guide_dir).returncode == 0
    before = snapshot(guide_dir / "site")
    edit("routines/hip-basics.yml", "exercise: bridge", "exercise: brige")
    result = guide("build", cwd=guide_dir)
    assert result.returncode == 1
    assert "unknown exercise 'brige' (did you mean 'bridge'?)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(guide_dir / "site") == before
    assert not list(guide_dir.glob(".site-*"))


def test_strict_build_warning_fails_and_keeps_the_site(guide_dir: Path) -> None:
    assert guide("build", cwd=guide_dir).returncode == 0
    before = snapshot(guide_dir / "site")
    index = guide_dir / "content" / "index.md"
    index.write_text(index.read_text() + "\n[gone](exercises/missing.md)\n")
    result = guide("build", cwd=guide_dir)
    assert result.returncode == 1
    assert "exercises/missing.md" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(guide_dir / "site") == before
