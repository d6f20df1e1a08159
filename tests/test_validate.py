"""Each content mistake is reported once, at its file, line and column, with a way to fix it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.pipeline import check

Edit = Callable[[str, str, str], None]


def lines(content: Path) -> list[str]:
    """Problems as 'relative/path:line:col: message', the way contributors read them."""
    _, problems = check(content)
    return [
        f"{p.path.relative_to(content).as_posix()}:{p.line}:{p.column}: {p.message}"
        for p in problems
    ]


def test_valid_fixture_has_no_problems(content: Path) -> None:
    guide, problems = check(content)
    assert problems == []
    assert guide is not None
    assert list(guide.exercises) == ["bridge", "clamshell", "single-leg-bridge"]


def test_unknown_muscle_is_reported_with_line_and_suggestion(content: Path, edit: Edit) -> None:
    edit("exercises/clamshell.yml", "primary: [gluteus-medius]", "primary: [glute-medius]")
    assert lines(content) == [
        "exercises/clamshell.yml:6:13: unknown muscle 'glute-medius' "
        "(did you mean 'gluteus-medius'?)"
    ]


def test_unknown_key_is_reported_at_the_key_with_suggestion(content: Path, edit: Edit) -> None:
    edit("exercises/clamshell.yml", "level: beginner", "levle: beginner")
    assert lines(content) == [
        "exercises/clamshell.yml:1:1: missing required key 'level'",
        "exercises/clamshell.yml:8:1: unknown key 'levle' (did you mean 'level'?)",
    ]


def test_unknown_key_spelled_like_a_type_name_is_still_an_unknown_key(
    content: Path, edit: Edit
) -> None:
    edit("exercises/clamshell.yml", "level: beginner", "level: beginner\nnone: x\nstr: y")
    found = lines(content)
    assert "exercises/clamshell.yml:9:1: unknown key 'none'" in found
    assert "exercises/clamshell.yml:10:1: unknown key 'str'" in found


def test_missing_key_points_at_the_entry_that_lacks_it(content: Path, edit: Edit) -> None:
    edit("routines/hip-basics.yml", "minutes: 5\n", "")
    assert lines(content) == ["routines/hip-basics.yml:1:1: missing required key 'minutes'"]


def test_disallowed_value_lists_the_choices(content: Path, edit: Edit) -> None:
    edit("exercises/bridge.yml", "level: beginner", "level: beginer")
    _, problems = check(content)
    assert [(p.line, p.column) for p in problems] == [(10, 8)]
    assert problems[0].message == "'beginer' is not allowed for 'level' (did you mean 'beginner'?)"
    assert problems[0].hint == "choose one of: beginner, intermediate, advanced"


def test_wrong_type_and_out_of_range_numbers_are_reported(content: Path, edit: Edit) -> None:
    edit(
        "exercises/clamshell.yml",
        "dosage: {sets: 2, reps: 15, rest_seconds: 30}",
        "dosage: {sets: -1, reps: lots, rest_seconds: 30}",
    )
    assert lines(content) == [
        "exercises/clamshell.yml:10:16: 'dosage.sets' must be at least 1, got -1",
        "exercises/clamshell.yml:10:26: 'dosage.reps' must be a plain whole number such as 10, "
        "got 'lots'",
    ]


def test_reps_and_hold_together_are_rejected(content: Path, edit: Edit) -> None:
    edit("routines/hip-basics.yml", "reps: 15,", "reps: 15, hold_seconds: 20,")
    assert lines(content) == [
        "routines/hip-basics.yml:8:5: items[1]: give exactly one of 'reps', 'hold_seconds', "
        "'work_seconds', 'work_minutes'"
    ]


def test_file_name_must_be_a_kebab_case_id(content: Path) -> None:
    (content / "exercises" / "clamshell.yml").rename(content / "exercises" / "Clam_Shell.yml")
    assert lines(content) == [
        "exercises/Clam_Shell.yml:1:1: file name 'Clam_Shell.yml' is not an id",
        "routines/hip-basics.yml:8:16: unknown exercise 'clamshell'",
    ]


def test_unknown_exercise_in_routine_suggests_the_close_one(content: Path, edit: Edit) -> None:
    edit("routines/hip-basics.yml", "exercise: clamshell", "exercise: clam-shell")
    assert lines(content) == [
        "routines/hip-basics.yml:8:16: unknown exercise 'clam-shell' (did you mean 'clamshell'?)"
    ]


def test_name_clash_is_reported_on_both_files_ignoring_case_and_accents(
    content: Path, edit: Edit
) -> None:
    edit("exercises/clamshell.yml", "name: Clamshell", "name: Clamshell\naliases: [BRÍDGE]")
    assert lines(content) == [
        "exercises/bridge.yml:1:7: 'Bridge' is also used by 'clamshell' "
        f"({content / 'exercises' / 'clamshell.yml'}:2)",
        "exercises/clamshell.yml:2:11: 'BRÍDGE' is also used by 'bridge' "
        f"({content / 'exercises' / 'bridge.yml'}:1)",
    ]


def test_progression_cycle_is_reported_with_the_loop(content: Path, edit: Edit) -> None:
    edit(
        "exercises/single-leg-bridge.yml",
        "sources:",
        "progressions:\n  - exercise: bridge\n    ready_when: Never.\nsources:",
    )
    assert lines(content) == [
        "exercises/single-leg-bridge.yml:24:15: progression cycle: "
        "bridge → single-leg-bridge → bridge"
    ]


def test_exercise_cannot_progress_to_itself(content: Path, edit: Edit) -> None:
    edit("exercises/bridge.yml", "exercise: single-leg-bridge", "exercise: bridge")
    assert lines(content) == [
        "exercises/bridge.yml:32:15: 'bridge' lists itself in its own progressions"
    ]


def test_related_problem_area_that_does_not_exist_is_reported_with_suggestion(
    content: Path, edit: Edit
) -> None:
    edit(
        "problem-areas/weak-hips.yml",
        "starter_routine: hip-basics",
        "starter_routine: hip-basics\nrelated: [weak-hip]",
    )
    assert lines(content) == [
        "problem-areas/weak-hips.yml:9:11: unknown problem area 'weak-hip' "
        "(did you mean 'weak-hips'?)"
    ]


def test_problem_area_cannot_list_itself_as_related(content: Path, edit: Edit) -> None:
    edit(
        "problem-areas/weak-hips.yml",
        "starter_routine: hip-basics",
        "starter_routine: hip-basics\nrelated: [weak-hips]",
    )
    assert lines(content) == [
        "problem-areas/weak-hips.yml:9:11: 'weak-hips' lists itself in its own related"
    ]


def test_ladder_steps_need_pass_criteria(content: Path, edit: Edit) -> None:
    edit("routines/hip-basics.yml", "problem_areas:", "ladder: true\nproblem_areas:")
    assert lines(content) == [
        "routines/hip-basics.yml:1:1: file: every step of a ladder except the last needs "
        "'pass_when'"
    ]


def test_every_problem_in_every_file_is_reported_in_one_run(content: Path, edit: Edit) -> None:
    edit("exercises/bridge.yml", "pattern: hinge", "pattern: hinje")
    edit("exercises/clamshell.yml", "equipment: [band]", "equipment: [bands]")
    edit("problem-areas/weak-hips.yml", "starter_routine: hip-basics", "starter_routine: hips")
    (content / "routines" / "broken.yml").write_text("name: [unclosed\n", encoding="utf-8")
    found = lines(content)
    assert [line.split(": ")[0] for line in found] == [
        "exercises/bridge.yml:4:10",
        "exercises/clamshell.yml:7:13",
        "problem-areas/weak-hips.yml:8:18",
        "routines/broken.yml:2:1",
    ]
    assert "unknown pattern 'hinje' (did you mean 'hinge'?)" in found[0]
    assert "unknown equipment 'bands' (did you mean 'band'?)" in found[1]
    assert "unknown routine 'hips'" in found[2]
    assert "YAML syntax error" in found[3]


def test_missing_taxonomy_and_pages_are_reported(content: Path) -> None:
    (content / "taxonomy" / "equipment.yml").unlink()
    (content / "disclaimer.md").unlink()
    found = lines(content)
    assert "disclaimer.md:1:1: missing page disclaimer.md" in found
    assert "taxonomy/equipment.yml:1:1: missing taxonomy file taxonomy/equipment.yml" in found


def test_muscle_without_a_body_map_region_is_reported(content: Path) -> None:
    body_map = content / "taxonomy" / "body-map.yml"
    text = body_map.read_text()
    start = text.index("quadriceps:")
    end = text.index("\n", text.index("shapes:", start) + 1)
    while text[end + 1 :].startswith("    - "):
        end = text.index("\n", end + 1)
    body_map.write_text(text[:start] + text[end + 1 :])
    assert lines(content) == [
        "taxonomy/muscles.yml:16:3: muscle 'quadriceps' has no region on the body map"
    ]


def test_body_map_region_must_be_drawn_on_the_muscles_side(content: Path, edit: Edit) -> None:
    edit("taxonomy/body-map.yml", "view: front", "view: back")
    assert lines(content) == [
        "taxonomy/body-map.yml:2:9: 'quadriceps' is drawn on the back figure but seen from "
        "the front in muscles.yml"
    ]


def _copies_citing(content: Path, source: str, count: int) -> None:
    """``count`` copies of the bridge exercise, each citing ``source`` for a general claim."""
    original = (content / "exercises" / "bridge.yml").read_text(encoding="utf-8")
    for n in range(count):
        text = original.replace("name: Bridge", f"name: Bridge copy {n}").replace(
            "  - source: example-2020-hips",
            f"  - source: {source}\n    supports: Strength work helps runners.\n"
            "  - source: example-2020-hips",
            1,
        )
        (content / "exercises" / f"bridge-copy-{n}.yml").write_text(text, encoding="utf-8")


def test_a_general_source_cited_on_many_unrelated_exercises_is_refused_at_the_source(
    content: Path,
) -> None:
    _copies_citing(content, "coach-2021-bridges", 7)
    found = [line for line in lines(content) if "general source" in line]
    assert len(found) == 1
    assert found[0].startswith("sources/coach-2021-bridges.yml:")
    assert "cited on 7 exercise pages, more than 6: bridge-copy-0, bridge-copy-1" in found[0]


def test_a_general_source_may_back_a_handful_of_exercises(content: Path) -> None:
    _copies_citing(content, "coach-2021-bridges", 6)
    assert [line for line in lines(content) if "general source" in line] == []


def test_a_question_in_capitals_or_of_stop_words_only_is_reported_where_it_is(
    content: Path, edit: Edit
) -> None:
    edit(
        "routines/hip-basics.yml",
        "minutes: 5\n",
        'minutes: 5\nquestions: ["hip strength at home", "How Do I Start", "how do i"]\n',
    )
    found = lines(content)
    assert len(found) == 2, found
    assert found[0].startswith("routines/hip-basics.yml:5:")
    assert "write 'How Do I Start' in lower case, as runners type it" in found[0]
    assert "'how do i' is only stop words, which search leaves out" in found[1]


def test_a_routine_named_for_more_minutes_than_it_takes_is_refused(
    content: Path, edit: Edit
) -> None:
    edit("routines/hip-basics.yml", "name: Hip basics", "name: Hip basics in 30 minutes")
    found = [line for line in lines(content) if "the name says" in line]
    assert len(found) == 1
    assert found[0].startswith("routines/hip-basics.yml:1:7: the name says 30 minutes")
