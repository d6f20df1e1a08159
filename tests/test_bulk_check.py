"""A check made for bulk changes: one run shows everything, blames fairly and suggests only
likely typos."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checks.suggestions import suggest
from generator.cli import main
from generator.pipeline import check

Edit = Callable[[str, str, str], None]
REPO = Path(__file__).parent.parent


def _problems(content: Path) -> list[str]:
    _, problems = check(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}"
        for p in problems
    ]


def test_unknown_ids_are_reported_even_when_the_schema_check_fails(
    content: Path, edit: Edit
) -> None:
    edit("exercises/clamshell.yml", "level: beginner", "level: expert")
    edit("exercises/clamshell.yml", "equipment: [band]", "equipment: [bands, kettlebell]")
    found = _problems(content)
    assert any("'expert' is not allowed for 'level'" in line for line in found)
    assert "exercises/clamshell.yml:7:13: unknown equipment 'bands' (did you mean 'band'?)" in found
    assert "exercises/clamshell.yml:7:20: unknown equipment 'kettlebell'" in found


def test_a_muscle_listed_twice_in_the_same_list_is_refused(content: Path, edit: Edit) -> None:
    edit(
        "exercises/bridge.yml",
        "secondary: [gluteus-medius]",
        "secondary: [gluteus-medius, quadriceps, gluteus-medius]",
    )
    assert _problems(content) == ["exercises/bridge.yml:8:43: 'gluteus-medius' is listed twice"]


@pytest.mark.parametrize(
    ("word", "choices"),
    [
        ("abductors", ["adductors", "glutes"]),
        ("adductors", ["abductors"]),
        ("exercise-ball", ["medicine-ball", "band"]),
        ("hip-abductors", ["hip-adductors"]),
    ],
)
def test_a_different_thing_that_merely_looks_similar_is_never_suggested(
    word: str, choices: list[str]
) -> None:
    assert suggest(word, choices) == ""


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("glute-med", "gluteus-medius"),
        ("gluteus-medus", "gluteus-medius"),
        ("clam", "clamshell"),
        ("bands", "band"),
        ("hinj", "hinge"),
    ],
)
def test_a_likely_typo_still_gets_its_suggestion(word: str, expected: str) -> None:
    choices = ["gluteus-medius", "gluteus-maximus", "clamshell", "band", "hinge", "adductors"]
    assert suggest(word, choices) == f" (did you mean '{expected}'?)"


def test_summary_groups_problems_by_message_with_counts(guide_dir: Path, edit: Edit) -> None:
    edit("exercises/clamshell.yml", "equipment: [band]", "equipment: [sled]")
    edit("exercises/bridge.yml", "equipment: [bodyweight]", "equipment: [sled]")
    edit("exercises/single-leg-bridge.yml", "level: intermediate", "level: expert")
    result = CliRunner().invoke(
        main, ["check", "--summary", "--content", str(guide_dir / "content")]
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("     2 × unknown equipment 'sled'  (first at ")
    assert lines[0].endswith("exercises/bridge.yml:9:13)")
    assert lines[1].startswith("     1 × 'expert' is not allowed for 'level'")
    assert lines[-1] == "3 problems in 3 files"


def test_codespell_skips_the_quoted_source_text_but_not_our_own(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yml"
    draft.write_text(
        "name: Wall sit\n"
        "origin:\n"
        "  # codespell:ignore-begin\n"
        "  instructions:\n"
        '    - "Hold the postion."\n'
        "  # codespell:ignore-end\n"
        "steps:\n"
        "  - Hold the postion.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            str(REPO / ".venv" / "bin" / "codespell"),
            "--toml",
            str(REPO / "pyproject.toml"),
            str(draft),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"{draft}:8: postion ==> position" in result.stdout
    assert ":5:" not in result.stdout
