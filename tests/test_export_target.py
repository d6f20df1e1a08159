"""`guide export DIR` writes only into a new or empty folder, or replaces its own earlier
output; it never deletes a file it did not write."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_bad_contributions import tree_state

from generator.cli import main
from generator.engine.export_target import MARKER


def _export(guide: Path, target: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(guide)
    result = CliRunner().invoke(main, ["export", target])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_export_into_a_new_folder_leaves_a_marker_listing_what_it_wrote(
    guide_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, output = _export(guide_dir, "out/engine", monkeypatch)
    assert code == 0, output
    exported = guide_dir / "out" / "engine"
    assert (exported / "mkdocs.yml").is_file()
    assert (exported / "docs" / "exercises" / "bridge.md").is_file()
    assert (exported / MARKER).is_file()
    # Nothing is left next to it: the pages were written aside and moved in whole.
    assert sorted(p.name for p in (guide_dir / "out").iterdir()) == ["engine"]


def test_export_into_an_empty_folder_is_accepted(
    guide_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (guide_dir / "out").mkdir()
    code, output = _export(guide_dir, "out", monkeypatch)
    assert code == 0, output
    assert (guide_dir / "out" / "docs" / "index.md").is_file()


def test_exporting_again_replaces_the_earlier_export_and_keeps_no_stale_page(
    guide_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = guide_dir / "content" / "extra.md"
    page.write_text("# Extra\n\nA page that will be removed.\n", encoding="utf-8")
    assert _export(guide_dir, "out", monkeypatch)[0] == 0
    assert (guide_dir / "out" / "docs" / "extra.md").is_file()

    page.unlink()
    code, output = _export(guide_dir, "out", monkeypatch)

    assert code == 0, output
    assert not (guide_dir / "out" / "docs" / "extra.md").exists()
    assert (guide_dir / "out" / "docs" / "index.md").is_file()
    assert sorted(p.name for p in guide_dir.iterdir() if p.name.startswith(".")) == []


def test_a_file_added_to_an_earlier_export_stops_the_next_one_and_is_kept(
    guide_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _export(guide_dir, "out", monkeypatch)[0] == 0
    notes = guide_dir / "out" / "docs" / "my-notes.md"
    notes.write_text("mine\n", encoding="utf-8")
    before = tree_state(guide_dir)

    code, output = _export(guide_dir, "out", monkeypatch)

    assert code == 1
    assert output == (
        "not exported: 'out' holds files added or changed since the last export "
        "(docs/my-notes.md); move them out of it first, an export replaces the folder\n"
    )
    assert tree_state(guide_dir) == before


def test_a_link_to_an_empty_folder_elsewhere_is_exported_through(
    guide_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (guide_dir / "published").symlink_to(elsewhere)
    code, output = _export(guide_dir, "published", monkeypatch)
    assert code == 0, output
    assert (guide_dir / "published").is_symlink()
    assert (elsewhere / "mkdocs.yml").is_file()


def test_content_with_problems_exports_nothing_and_creates_no_folder(
    guide_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (guide_dir / "content" / "exercises" / "broken.yml").write_text("name: [\n", encoding="utf-8")
    before = tree_state(guide_dir)
    code, output = _export(guide_dir, "out/engine", monkeypatch)
    assert code == 1
    assert "content/exercises/broken.yml:" in output
    assert tree_state(guide_dir) == before
