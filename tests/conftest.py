"""Shared fixtures: a copy of a small, valid content tree that each test may break."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def guide_dir(tmp_path: Path) -> Path:
    """A fresh copy of tests/fixtures/minimal: mkdocs.yml plus content/."""
    target = tmp_path / "guide"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


@pytest.fixture
def content(guide_dir: Path) -> Path:
    return guide_dir / "content"


@pytest.fixture
def edit(content: Path) -> Callable[[str, str, str], None]:
    """Replace text in one content file, failing loudly if the text is not there."""

    def replace(relative: str, old: str, new: str) -> None:
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


@pytest.fixture(scope="session")
def built_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide, built once per test run with a strict build."""
    from generator.build import build_site

    site = tmp_path_factory.mktemp("built") / "site"
    build_site(REPO / "mkdocs.yml", site)
    return site
