"""Two builds of the same content produce the same bytes, whatever order the files were made in."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from conftest import REPO

from generator.engine.build import build_site


def copy_in_order(target: Path, seed: int) -> None:
    """Copy the guide's sources, creating the files in a shuffled order."""
    files = [p for p in (REPO / "content").rglob("*") if p.is_file()]
    files += [p for p in (REPO / "overrides").rglob("*") if p.is_file()]
    files.append(REPO / "mkdocs.yml")
    random.Random(seed).shuffle(files)
    for source in files:
        destination = target / source.relative_to(REPO)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_builds_are_byte_identical_whatever_the_file_order(tmp_path: Path) -> None:
    builds = []
    for seed in (1, 2):
        tree = tmp_path / f"tree-{seed}"
        copy_in_order(tree, seed)
        build_site(tree / "mkdocs.yml", tree / "site")
        builds.append(snapshot(tree / "site"))
    first, second = builds
    assert first.keys() == second.keys()
    differing = {name for name in first if first[name] != second[name]}
    assert differing == set()
