"""Files that YAML would silently misread are refused with a position and a hint."""

from __future__ import annotations

from pathlib import Path

from generator.load import load_document


def problems_for(tmp_path: Path, raw: bytes) -> list[tuple[int, int, str]]:
    path = tmp_path / "entry.yml"
    path.write_bytes(raw)
    document, problems = load_document(path)
    assert (document is None) == bool(problems)
    return [(p.line, p.column, p.message) for p in problems]


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    found = problems_for(tmp_path, b"name: Clamshell\nlevel: beginner\nname: Clams\n")
    assert found == [(3, 1, "duplicate key 'name' (first given on line 1)")]


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


def test_numbers_and_booleans_resolve_like_yaml(tmp_path: Path) -> None:
    path = tmp_path / "entry.yml"
    path.write_text("sets: 3\nquoted: '3'\none_sided: true\nnote: ~\n", encoding="utf-8")
    document, problems = load_document(path)
    assert problems == []
    assert document is not None
    assert document.data == {"sets": 3, "quoted": "3", "one_sided": True, "note": None}
    assert document.position(("quoted",)).line == 2
