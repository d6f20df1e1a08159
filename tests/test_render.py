"""Every page type is generated from the data, in memory, with links a reader can follow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import REPO

from generator.pipeline import build_pages

Edit = Callable[[str, str, str], None]


def pages(content: Path) -> dict[str, str]:
    rendered, _, problems = build_pages(content)
    assert problems == []
    return {path: page.text for path, page in rendered.items()}


def test_a_page_exists_for_every_entry_and_every_index(content: Path) -> None:
    assert set(pages(content)) == {
        "exercises/index.md",
        "exercises/bridge.md",
        "exercises/clamshell.md",
        "exercises/single-leg-bridge.md",
        "routines/index.md",
        "routines/hip-basics.md",
        "problem-areas/index.md",
        "problem-areas/weak-hips.md",
        "patterns/index.md",
        "patterns/squat.md",
        "patterns/hinge.md",
        "patterns/prehab.md",
        "muscles/index.md",
        "muscles/gluteus-maximus.md",
        "muscles/gluteus-medius.md",
        "muscles/quadriceps.md",
        "equipment/index.md",
        "equipment/bodyweight.md",
        "equipment/band.md",
        "finder/index.md",
        "finder/index.json",
        "references.md",
        "assets/stylesheets/movement.css",
        "assets/javascripts/stop-words.js",
        "exercises/bridge.svg",
        "data/exercises.json",
        "data/routines.json",
        "data/exercise.schema.json",
        "data/routine.schema.json",
        "data/sources.json",
        "data/source.schema.json",
    } | {f"schemas/{schema.name}" for schema in (REPO / "schemas").glob("*.json")}


def test_generated_pages_know_their_yaml_source(content: Path) -> None:
    rendered, _, _ = build_pages(content)
    assert rendered["exercises/bridge.md"].source == "exercises/bridge.yml"
    assert rendered["muscles/quadriceps.md"].source == "taxonomy/muscles.yml"
    assert rendered["exercises/index.md"].source is None


def test_exercise_page_has_numbered_steps_and_links_to_its_groups(content: Path) -> None:
    page = pages(content)["exercises/bridge.md"]
    assert page.startswith('---\ntitle: "Bridge"\n')
    assert "1. Lie on your back.\n2. Lift the hips.\n3. Lower slowly.\n" in page
    assert "[Hinge](../patterns/hinge.md)" in page
    assert "[Glute max](../muscles/gluteus-maximus.md)" in page
    assert "[Weak hips](../problem-areas/weak-hips.md)" in page
    assert "3 × 30 s hold, rest 30 s" in page
    assert "[Hip basics](../routines/hip-basics.md)" in page


def test_ladder_runs_from_easier_to_harder_with_criteria(content: Path) -> None:
    page = pages(content)["exercises/single-leg-bridge.md"]
    easier = page.index("[Bridge](bridge.md) — *move on when:* 30 seconds with level hips.")
    current = page.index("**Single-leg bridge** (this exercise)")
    assert easier < current


def test_routine_page_lists_items_in_order_with_dose_per_side(content: Path) -> None:
    rendered = build_pages(content)[0]["routines/hip-basics.md"]
    page = rendered.html(rendered.text)  # with the stills the engine puts in
    first = page.index("| 1 | [Clamshell](../exercises/clamshell.md)")
    # An exercise with a figure shows its still at the head of its row; one without, none.
    second = page.index('| 2 | <img class="movement-still" src="../../exercises/bridge.svg"')
    assert first < second
    assert "[Bridge](../exercises/bridge.md)" in page[second:].split("\n", 1)[0]
    assert "| 2 × 15 | 20 s | Each side |" in page[first:second]
    assert "| 2 × 30 s hold | 20 s | — |" in page[second:]
    card_one = page.index('<p class="routine-card__dose">2 × 15 each side, rest 20 s</p>')
    card_two = page.index('<p class="routine-card__dose">2 × 30 s hold, rest 20 s</p>')
    assert card_one < card_two
    assert "about 5 minutes" in page
    assert "**Total time:** about 5 minutes:" in page
    assert "[Resistance band](../equipment/band.md)" in page


def test_problem_area_page_puts_red_flags_and_the_physio_before_the_exercises(
    content: Path,
) -> None:
    page = pages(content)["problem-areas/weak-hips.md"]
    urgent = page.index('!!! danger "Get care today"')
    physio = page.index('!!! note "See a physical therapist if"\n    - It does not improve.')
    start_here = page.index('<p class="start-here__label">Start here</p>')
    exercises = page.index("## Exercises, in the order to try them")
    assert urgent < physio < start_here < exercises
    assert "it is not medical advice" in page
    assert "[Hip basics](../routines/hip-basics.md)" in page
    for exercise in ("bridge", "clamshell", "single-leg-bridge"):
        assert f"(../exercises/{exercise}.md)" in page


def test_problem_area_page_puts_tiered_red_flags_right_after_the_summary(content: Path) -> None:
    page = pages(content)["problem-areas/weak-hips.md"]
    summary = page.index("The pelvis drops when a foot lands.\n", page.index("# Weak hips"))
    urgent = page.index('!!! danger "Get care today"')
    physio = page.index('!!! note "See a physical therapist if"')
    assert "- Groin pain that is worse when you hop." in page[urgent:physio]
    assert 'warning "See a clinician within days"' not in page  # the fixture's tier is empty
    later = [
        page.index(h)
        for h in ("## What it is", "start-here__label", "## Exercises, in the order to try them")
    ]
    assert summary < urgent < physio < min(later)


def test_muscle_page_lists_primary_before_secondary(content: Path) -> None:
    page = pages(content)["muscles/gluteus-medius.md"]
    primary = page.index("## Exercises where it does most of the work")
    secondary = page.index("## Exercises where it assists")
    assert primary < page.index("(../exercises/clamshell.md)") < secondary
    assert page.index("(../exercises/bridge.md)") > secondary


def test_index_pages_link_every_member(content: Path) -> None:
    rendered = pages(content)
    assert "[Weak hips](weak-hips.md)" in rendered["problem-areas/index.md"]
    for pattern in ("squat", "hinge", "prehab"):
        assert f"({pattern}.md)" in rendered["patterns/index.md"]
    assert "[Hip basics](hip-basics.md)" in rendered["routines/index.md"]
