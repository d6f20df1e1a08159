"""The taxonomy can grow: coarse muscle groups, muscles not drawn yet, timed work, new gear."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.pipeline import build_pages, check

Edit = Callable[[str, str, str], None]
REPO = Path(__file__).parent.parent

GLUTES = """glutes:
  name: Gluteal group
  anatomical_name: Gluteal muscles
  region: hip
  view: back
  summary: The glute muscles together.
  members: [gluteus-maximus, gluteus-medius]
"""
GLUTE_MIN = """gluteus-minimus:
  name: Glute min
  anatomical_name: Gluteus minimus
  region: hip
  view: back
  summary: The smallest glute.
"""


def _append(content: Path, relative: str, text: str) -> None:
    path = content / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _problems(content: Path) -> list[str]:
    _, problems = check(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}"
        for p in problems
    ]


def test_a_group_named_in_an_exercise_stands_for_its_members(content: Path, edit: Edit) -> None:
    _append(content, "taxonomy/muscles.yml", GLUTES)
    edit("exercises/bridge.yml", "primary: [gluteus-maximus]", "primary: [glutes]")
    edit("exercises/bridge.yml", "secondary: [gluteus-medius]", "secondary: [quadriceps]")
    rendered, _, problems = build_pages(content)
    assert problems == []
    bridge = rendered["exercises/bridge.md"].text
    assert (
        '<g class="body-map__muscle body-map__muscle--primary" data-muscle="gluteus-maximus">'
        in bridge
    )
    assert (
        '<g class="body-map__muscle body-map__muscle--primary" data-muscle="gluteus-medius">'
        in bridge
    )
    assert "[Bridge](../exercises/bridge.md)" in rendered["muscles/gluteus-medius.md"].text
    assert "[Gluteal group](../muscles/glutes.md)" in bridge


def test_a_muscle_without_a_shape_is_drawn_as_its_group_with_a_warning(
    guide_dir: Path, content: Path, edit: Edit
) -> None:
    _append(
        content,
        "taxonomy/muscles.yml",
        GLUTES.replace("gluteus-medius]", "gluteus-medius, gluteus-minimus]") + GLUTE_MIN,
    )
    edit("exercises/bridge.yml", "secondary: [gluteus-medius]", "secondary: [gluteus-minimus]")
    rendered, _, problems = build_pages(content)
    assert problems == []
    bridge = rendered["exercises/bridge.md"].text
    assert 'body-map__muscle--secondary" data-muscle="gluteus-medius">' in bridge
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0
    assert (
        "warning: 1 muscle without a body-map shape yet, drawn as its group: "
        "gluteus-minimus (as glutes)"
    ) in result.output


def test_a_muscle_with_no_shape_and_no_group_is_refused(content: Path) -> None:
    _append(content, "taxonomy/muscles.yml", GLUTE_MIN)
    assert _problems(content) == [
        "taxonomy/muscles.yml:22:3: muscle 'gluteus-minimus' has no region on the body map"
    ]


def test_a_group_may_not_list_another_group(content: Path) -> None:
    _append(
        content,
        "taxonomy/muscles.yml",
        GLUTES
        + GLUTES.replace("glutes:", "hips:")
        .replace("Gluteal group", "Hips")
        .replace("gluteus-maximus, gluteus-medius", "glutes, quadriceps"),
    )
    assert _problems(content) == [
        "taxonomy/muscles.yml:34:13: 'glutes' is itself a group; a group lists single muscles"
    ]


@pytest.mark.parametrize(
    ("dose", "shown"),
    [
        ("{sets: 2, work_seconds: 45, rest_seconds: 30}", "2 × 45 s of work each side, rest 30 s"),
        ("{sets: 1, work_minutes: 5, rest_seconds: 0}", "1 × 5 min of work each side, no rest"),
    ],
)
def test_a_dose_can_be_minutes_or_seconds_of_work(
    content: Path, edit: Edit, dose: str, shown: str
) -> None:
    edit("exercises/clamshell.yml", "{sets: 2, reps: 15, rest_seconds: 30}", dose)
    rendered, _, problems = build_pages(content)
    assert problems == []
    assert shown in rendered["exercises/clamshell.md"].text


def test_a_dose_gives_exactly_one_amount(content: Path, edit: Edit) -> None:
    edit(
        "exercises/clamshell.yml",
        "{sets: 2, reps: 15, rest_seconds: 30}",
        "{sets: 2, reps: 15, work_seconds: 30, rest_seconds: 30}",
    )
    assert _problems(content) == [
        "exercises/clamshell.yml:10:9: dosage: give exactly one of 'reps', 'hold_seconds', "
        "'work_seconds', 'work_minutes'"
    ]


def test_the_guide_has_the_equipment_and_muscle_groups_open_datasets_use() -> None:
    guide, problems = check(REPO / "content")
    assert problems == []
    assert guide is not None
    for item in ("machine", "stability-ball", "foam-roller", "ez-bar", "dip-bars", "sled"):
        assert item in guide.equipment
    groups = {key: muscle.members for key, muscle in guide.muscles.items() if muscle.members}
    assert set(groups) >= {"glutes", "calves", "abductors", "middle-back", "neck"}
    assert groups["calves"] == ["gastrocnemius", "soleus"]
    assert "adductors" in guide.body_map
