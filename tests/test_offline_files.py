"""The files that make the built guide installable and offline: what the worker stores,
its version, the manifest and the icons."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

from conftest import REPO
from PIL import Image

from generator.offline.worker import MANIFEST, WORKER, write_offline_files
from generator.pipeline import check

GUIDE, _ = check(REPO / "content")
assert GUIDE is not None


def _stored(site: Path) -> list[str]:
    found = re.search(r"const PRECACHE = (\[.*?\]);", (site / WORKER).read_text(encoding="utf-8"))
    assert found is not None
    return list(json.loads(found.group(1)))


def _version(site: Path) -> str:
    found = re.search(r'const VERSION = "(\w+)";', (site / WORKER).read_text(encoding="utf-8"))
    assert found is not None
    return found.group(1)


def test_the_worker_stores_every_page_a_runner_needs_and_no_developer_files(
    built_guide: Path,
) -> None:
    stored = set(_stored(built_guide))
    for section in ("routines", "exercises", "problem-areas"):
        for key in getattr(GUIDE, section.replace("-", "_")):
            assert f"{section}/{key}/" in stored
    for key in GUIDE.exercises:
        if (built_guide / f"exercises/{key}.svg").exists():
            assert f"exercises/{key}.svg" in stored
    assert {"./", "finder/", "finder/index.json", "plan/", "plan/data.json", "offline/"} <= stored
    assert "assets/javascripts/stop-words.js" in stored  # search leaves stop words out offline too
    assert not [path for path in stored if path.endswith(".map") or "/lunr/" in path]
    assert not [path for path in stored if path.startswith(("muscles/", "guides/", "search/"))]
    assert all((built_guide / path).exists() for path in stored)


def test_a_changed_file_changes_the_version_and_an_unchanged_site_keeps_it(
    built_guide: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_guide, site)
    write_offline_files(site, "The guide", "", directory_urls=True)
    first = _version(site)
    write_offline_files(site, "The guide", "", directory_urls=True)
    assert _version(site) == first
    page = site / "guides/priorities/index.html"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    write_offline_files(site, "The guide", "", directory_urls=True)
    assert _version(site) != first


def test_the_manifest_names_the_guide_and_its_icons_are_pngs_of_their_stated_size(
    built_guide: Path,
) -> None:
    manifest = json.loads((built_guide / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] == "The open strength guide for runners"
    assert manifest["display"] == "standalone"
    assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO((built_guide / icon["src"]).read_bytes()))
        assert image.format == "PNG"
        assert f"{image.width}x{image.height}" == icon["sizes"]
        assert icon["src"] in _stored(built_guide)
