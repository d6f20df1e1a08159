"""Files that YAML would silently misread are refused with a position and a hint."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO

from generator.load import load_content, load_document
from generator.load.layout import GENERATED_PAGES, layout_problems
from generator.pipeline import build_pages


def problems_for(tmp_path: Path, raw: bytes) -> list[tuple[int, int, str]]:
    path = tmp_path / "entry.yml"
    path.write_bytes(raw)
    document, problems = load_document(path)
    assert (document is None) == bool(problems)
    return [(p.line, p.column, p.message) for p in problems]


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"name: Clamshell\nlevel: beginner\nname: Clams\n")
    assert found == [(3, 1, "duplicate key 'name' (first given on line 1)")]


def test_every_key_and_value_is_located_in_nested_block_and_flow_content(
    tmp_path: Path,
) -> None:
    path = tmp_path / "entry.yml"
    path.write_text(
        "name: Side step\n"
        "dosage: {sets: 2, reps: 10}\n"
        "steps:\n"
        "  - Stand tall.\n"
        "  - text: Step out.\n"
        '    cues: [knees out, "slow"]\n',
        encoding="utf-8",
    )
    document, problems = load_document(path)
    assert problems == []
    assert document is not None
    values = {location: (p.line, p.column) for location, p in document.values.items()}
    assert values == {
        (): (1, 1),
        ("name",): (1, 7),
        ("dosage",): (2, 9),
        ("dosage", "sets"): (2, 16),
        ("dosage", "reps"): (2, 25),
        ("steps",): (4, 3),
        ("steps", 0): (4, 5),
        ("steps", 1): (5, 5),
        ("steps", 1, "text"): (5, 11),
        ("steps", 1, "cues"): (6, 11),
        ("steps", 1, "cues", 0): (6, 12),
        ("steps", 1, "cues", 1): (6, 23),
    }
    keys = {location: (p.line, p.column) for location, p in document.keys.items()}
    assert keys == {
        ("name",): (1, 1),
        ("dosage",): (2, 1),
        ("dosage", "sets"): (2, 10),
        ("dosage", "reps"): (2, 19),
        ("steps",): (3, 1),
        ("steps", 1, "text"): (5, 5),
        ("steps", 1, "cues"): (6, 5),
    }


def test_duplicate_keys_are_located_at_every_depth_and_in_flow_style(tmp_path: Path) -> None:
    found = problems_for(
        tmp_path,
        b"name: Side step\n"
        b"dosage:\n"
        b"  sets: 2\n"
        b"  sets: 3\n"
        b"steps:\n"
        b"  - text: one\n"
        b"    text: two\n"
        b"dosage: {reps: 5, reps: 6}\n",
    )
    assert found == [
        (4, 3, "duplicate key 'sets' (first given on line 3)"),
        (7, 5, "duplicate key 'text' (first given on line 6)"),
        (8, 1, "duplicate key 'dosage' (first given on line 2)"),
        (8, 19, "duplicate key 'reps' (first given on line 8)"),
    ]


def test_problems_found_before_a_refused_anchor_are_all_reported(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"a: 1\na: 2\nb:\n  - &x 3\n")
    assert found == [
        (2, 1, "duplicate key 'a' (first given on line 1)"),
        (4, 5, "anchor '&x' is not allowed"),
    ]


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"steps:\n\t- Lie down.\n")
    assert found == [(2, 1, "YAML syntax error: a tab character is used for indentation")]


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"cues: &c [a, b]\nmistakes: *c\n")
    assert found == [(1, 7, "anchor '&c' is not allowed")]


def test_python_tags_are_refused(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"name: !!python/object/apply:os.system [echo hi]\n")
    assert found == [(1, 7, "YAML tag '!!python/object/apply:os.system' is not allowed")]


def test_empty_and_comment_only_files_are_reported(tmp_path: Path) -> None:
    assert problems_for(tmp_path, b"") == [(1, 1, "file is empty")]
    assert problems_for(tmp_path, b"# just a comment\n") == [(1, 1, "file is empty")]


def test_top_level_list_is_refused(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"- name: Clamshell\n")
    assert found == [(1, 1, "expected keys and values at the top level, found a list")]


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"name: ok\nsummary: caf\xe9\n")
    assert found == [(2, 13, "file is not valid UTF-8 (byte 0xe9)")]


def test_deep_nesting_is_refused_without_crashing(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n")
    assert found == [(1, 35, "nesting is deeper than 32 levels")]


def test_plain_numbers_booleans_and_null_are_read_as_values(tmp_path: Path) -> None:
    path = tmp_path / "entry.yml"
    path.write_text("sets: 3\nquoted: '3'\none_sided: true\nnote: ~\n", encoding="utf-8")
    document, problems = load_document(path)
    assert problems == []
    assert document is not None
    assert document.data == {"sets": 3, "quoted": "3", "one_sided": True, "note": None}
    assert document.position(("quoted",)).line == 2


def test_values_yaml_would_silently_convert_are_kept_as_written(tmp_path: Path) -> None:
    written = {
        "leading_zero": "010",
        "hexadecimal": "0x14",
        "underscore": "2_0",
        "decimal_point": "2.0",
        "plus_sign": "+3",
        "sexagesimal": "1:30",
        "impossible_date": "2024-02-30",
        "timestamp": "2001-12-14t21:59:43.10-05:00",
        "infinity": ".inf",
        "yes_no": "yes",
        "broken_hex": "0x_",
        "thousands_of_digits": "9" * 5000,
    }
    path = tmp_path / "entry.yml"
    path.write_text("".join(f"{key}: {value}\n" for key, value in written.items()))
    document, problems = load_document(path)
    assert problems == []
    assert document is not None
    assert document.data == written


def _layout(root: Path, files: dict[str, str]) -> list[tuple[str, str]]:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return [(p.path.relative_to(root).as_posix(), p.message) for p in layout_problems(root)]


def test_every_registered_folder_and_file_kind_is_accepted(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "guides/priorities.md": "# Priorities\n",
        "exercises/bridge.yml": "",
        "routines/hips.yml": "",
        "problem-areas/weak-hips.yml": "",
        "sources/hip-trial.yml": "",
        "plan/weeks.yml": "",
        "taxonomy/muscles.yml": "",
        "taxonomy/crosswalks/free-exercise-db.yml": "",
        "media/bridge.jpg": "",
        "media/bridge.jpeg": "",
        "media/bridge.png": "",
        "media/bridge.webp": "",
        "media/bridge.svg": "",
        "exercises/.gitkeep": "",
    }
    assert _layout(tmp_path, files) == []


def test_files_outside_the_registry_are_each_reported(tmp_path: Path) -> None:
    files = {
        "media/clip.mp4": "",
        "guides/notes.txt": "",
        "sources/paper.pdf": "",
        "taxonomy/crosswalks/map.json": "",
        "plan/weeks.yaml": "",
    }
    assert _layout(tmp_path, files) == [
        ("guides/notes.txt", "a '.txt' file is not allowed in content/guides/"),
        ("media/clip.mp4", "a '.mp4' file is not allowed in content/media/"),
        ("plan/weeks.yaml", "content files end in '.yml'"),
        ("sources/paper.pdf", "a '.pdf' file is not allowed in content/sources/"),
        (
            "taxonomy/crosswalks/map.json",
            "a '.json' file is not allowed in content/taxonomy/crosswalks/",
        ),
    ]


def test_a_link_to_another_file_inside_content_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "start.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "index.md").symlink_to("guides/start.md")
    assert layout_problems(tmp_path) == []


def test_a_link_leaving_content_is_never_read(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "exercises").mkdir(parents=True)
    secret = tmp_path / "secret.yml"
    secret.write_text("name: [unclosed\n", encoding="utf-8")
    (content / "exercises" / "leak.yml").symlink_to(secret)
    loaded = load_content(content)
    messages = [p.message for p in loaded.problems if p.path.name == "leak.yml"]
    assert messages == ["symbolic link to '" + str(secret) + "' points outside content/"]


def test_every_page_the_generator_writes_at_the_top_is_reserved() -> None:
    pages, _, problems = build_pages(REPO / "content")
    assert problems == []
    assert {path for path in pages if "/" not in path} == set(GENERATED_PAGES)


def test_a_hand_written_copy_of_a_generated_page_is_refused(tmp_path: Path) -> None:
    assert _layout(tmp_path, {"references.md": "# References\n"}) == [
        ("references.md", "references.md is generated from data; remove the hand-written copy")
    ]
