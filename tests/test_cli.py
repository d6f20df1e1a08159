"""The `guide` command as a contributor meets it: clear errors, exit codes, untouched site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from test_contributing import fill_in

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


def test_admonition_in_a_summary_stops_the_build_with_a_located_error(
    guide_dir: Path, edit: Edit
) -> None:
    assert guide("build", cwd=guide_dir).returncode == 0
    before = snapshot(guide_dir / "site")
    edit("exercises/bridge.yml", "summary: Lift", "summary: '!!! danger'\n# Lift")
    result = guide("build", cwd=guide_dir)
    assert result.returncode == 1
    assert "content/exercises/bridge.yml:3:10: admonition or details syntax" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(guide_dir / "site") == before
    assert not list(guide_dir.glob(".site-new-*"))


def test_engine_crash_names_the_page_and_removes_the_temporary_folder(
    guide_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.cli import main
    from generator.engine import build as build_module

    assert guide("build", cwd=guide_dir).returncode == 0
    before = snapshot(guide_dir / "site")

    def crashing_engine(config: Any) -> None:
        (Path(config.site_dir) / "half-written.html").write_text("<p>")
        page = SimpleNamespace(file=SimpleNamespace(src_uri="exercises/bridge.md"))
        assert page.file.src_uri
        raise KeyError("title")

    monkeypatch.setattr(build_module, "build", crashing_engine)
    monkeypatch.chdir(guide_dir)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "KeyError while building the page from content/exercises/bridge.md" in result.output
    assert "Traceback" not in result.output
    assert snapshot(guide_dir / "site") == before
    assert not list(guide_dir.glob(".site-new-*"))


def test_build_removes_temporary_folders_left_by_killed_builds(guide_dir: Path) -> None:
    stale = guide_dir / ".site-new-k1ll3d"
    (stale / "assets").mkdir(parents=True)
    (stale / "assets" / "half.js").write_text("", encoding="utf-8")
    result = guide("build", cwd=guide_dir)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()
    assert (guide_dir / "site" / "index.html").is_file()


def test_diff_refuses_a_revision_that_git_would_read_as_an_option(guide_dir: Path) -> None:
    readme = guide_dir / "README.md"
    readme.write_text("keep me\n", encoding="utf-8")
    for revision in ("--output=README.md", "--list", "-p"):
        result = guide("diff", "--", revision, cwd=guide_dir)
        assert result.returncode == 1
        assert f"'{revision}' is not a revision" in result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    assert readme.read_text(encoding="utf-8") == "keep me\n"


def test_diff_refuses_a_revision_git_cannot_resolve(guide_dir: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=guide_dir, check=True)
    result = guide("diff", "no-such-branch", cwd=guide_dir)
    assert result.returncode == 1
    assert "git cannot find a commit named 'no-such-branch'" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "name",
    ['Hip "drive" bridge', "Knee: over toe # fast", "Plank's 'edge'", "{Band} [walk] & *more*"],
)
def test_new_exercise_with_yaml_special_characters_passes_the_check(
    guide_dir: Path, name: str
) -> None:
    result = guide("new", "exercise", name, "--pattern", "hinge", cwd=guide_dir)
    created = result.stdout.split("created ")[-1].split(":")[0]
    assert result.returncode == 0, result.stderr
    document = yaml.safe_load((guide_dir / created).read_text(encoding="utf-8"))
    assert document["name"] == name
    fill_in(guide_dir / created)
    assert guide("check", cwd=guide_dir).returncode == 0


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("x" * 500, "'name' is longer than 80 characters"),
        ("Bad\x07name", "text contains a control character (U+0007)"),
        ("Side\u200fstep", "text contains an invisible formatting character (U+200F"),
        ("Side step #", "a name may not end in ' #'"),
        ("!!! danger", "admonition or details syntax"),
    ],
)
def test_new_refuses_a_name_the_check_would_refuse_and_writes_nothing(
    guide_dir: Path, name: str, reason: str
) -> None:
    before = snapshot(guide_dir / "content")
    for kind in (["exercise", name, "--pattern", "hinge"], ["routine", name]):
        result = guide("new", *kind, cwd=guide_dir)
        assert result.returncode == 1
        assert reason in result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(guide_dir / "content") == before


def test_a_key_holding_a_newline_cannot_fake_a_line_of_output(guide_dir: Path) -> None:
    bridge = guide_dir / "content" / "exercises" / "bridge.yml"
    fake = "content is valid: 3 exercises, 1 routine, 1 problem area"
    bridge.write_text(bridge.read_text(encoding="utf-8") + f'"x\\n{fake}": 1\n', encoding="utf-8")
    result = guide("check", cwd=guide_dir)
    assert result.returncode == 1
    assert fake not in result.stdout.splitlines()
    assert f"unknown key 'x\\n{fake}'" in result.stdout


def test_youtube_privacy_enhanced_links_are_accepted(guide_dir: Path) -> None:
    bridge = guide_dir / "content" / "exercises" / "bridge.yml"
    bridge.write_text(
        bridge.read_text(encoding="utf-8")
        + "video: https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\n",
        encoding="utf-8",
    )
    result = guide("check", cwd=guide_dir)
    assert result.returncode == 0, result.stdout


def test_new_does_not_write_through_a_link_left_where_the_file_would_go(guide_dir: Path) -> None:
    link = guide_dir / "content" / "exercises" / "side-step.yml"
    link.symlink_to(guide_dir / "outside.yml")
    result = guide("new", "exercise", "Side step", "--pattern", "hinge", cwd=guide_dir)
    assert result.returncode == 1
    assert "content/exercises/side-step.yml already exists" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (guide_dir / "outside.yml").exists()
