"""The MkDocs plugin publishes the generated pages with edit links and keeps data files out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def mkdocs_build(guide_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=guide_dir,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_plain_mkdocs_build_includes_generated_pages(guide_dir: Path) -> None:
    result = mkdocs_build(guide_dir)
    assert result.returncode == 0, result.stderr
    site = guide_dir / "site"
    html = (site / "exercises" / "bridge" / "index.html").read_text()
    assert "Lift the hips." in html
    assert 'href="https://example.org/guide/edit/main/content/exercises/bridge.yml"' in html
    for page in ("routines/hip-basics", "problem-areas/weak-hips", "patterns/hinge"):
        assert (site / page / "index.html").is_file()


def test_yaml_sources_are_not_published(guide_dir: Path) -> None:
    assert mkdocs_build(guide_dir).returncode == 0
    assert not list((guide_dir / "site").rglob("*.yml"))


def test_invalid_content_stops_mkdocs_with_the_problem(guide_dir: Path) -> None:
    path = guide_dir / "content" / "exercises" / "bridge.yml"
    path.write_text(path.read_text().replace("level: beginner", "level: easy"))
    result = mkdocs_build(guide_dir)
    assert result.returncode == 1
    assert "exercises/bridge.yml:10:8: 'easy' is not allowed for 'level'" in result.stderr


def test_hand_written_page_cannot_shadow_a_generated_one(guide_dir: Path) -> None:
    (guide_dir / "content" / "exercises" / "bridge.md").write_text("# Bridge\n")
    result = mkdocs_build(guide_dir)
    assert result.returncode == 1
    assert "a '.md' file is not allowed in content/exercises/" in result.stderr


def write_article(guide_dir: Path, tag: str) -> None:
    (guide_dir / "content" / "hips.md").write_text(
        f"---\ntitle: Hip strength\ntags:\n  - {tag}\n---\n\n# Hip strength\n\nBody.\n"
    )


def test_tagged_article_is_listed_on_its_group_page(guide_dir: Path) -> None:
    write_article(guide_dir, "Weak hips")
    result = mkdocs_build(guide_dir)
    assert result.returncode == 0, result.stderr
    group = (guide_dir / "site" / "problem-areas" / "weak-hips" / "index.html").read_text()
    assert 'href="../../hips/">Hip strength</a>' in group


def test_misspelled_tag_fails_the_build(guide_dir: Path) -> None:
    write_article(guide_dir, "Weak hipz")
    result = mkdocs_build(guide_dir)
    assert result.returncode == 1
    assert "Weak hipz" in result.stderr


def test_large_sections_keep_only_their_index_in_the_navigation() -> None:
    from generator.engine.navigation import expand_nav
    from generator.render import Page

    pages = {f"problem-areas/p{i}.md": Page("", None) for i in range(5)}
    nav = [{"Problem areas": "problem-areas/index.md"}]
    small = expand_nav(nav, ["problem-areas"], pages, limit=5)
    assert small == [{"Problem areas": ["problem-areas/index.md", *pages]}]
    assert expand_nav(nav, ["problem-areas"], pages, limit=4) == nav


def test_guide_build_checks_the_content_once(
    guide_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import pipeline
    from generator.engine import incremental
    from generator.engine.build import build_site

    calls: list[Path] = []
    real = incremental.validate

    def counted(content: Any, **options: Any) -> Any:
        calls.append(content.root)
        return real(content, **options)

    monkeypatch.setattr(incremental, "validate", counted)
    monkeypatch.setattr(pipeline, "validate", counted)
    build_site(guide_dir / "mkdocs.yml", guide_dir / "site")
    assert (guide_dir / "site" / "exercises" / "bridge" / "index.html").is_file()
    assert len(calls) == 1
