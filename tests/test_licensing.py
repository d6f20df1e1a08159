"""The guide as a dataset people can reuse and cite: license files tools recognise, a valid
citation file, and a version and date in everything published."""

from __future__ import annotations

import datetime
import fnmatch
import json
import subprocess
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO

from generator.pipeline import build
from generator.release import content_date

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]


def test_citation_file_is_valid_against_the_citation_file_format_schema() -> None:
    schema = json.loads(
        (REPO / "tests" / "schemas" / "citation-file-format-1.2.0.schema.json").read_text()
    )
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(citation)]
    assert errors == []
    assert citation["version"] == VERSION, "CITATION.cff and pyproject.toml name one version"
    assert sorted(citation["license"]) == sorted(PYPROJECT["project"]["license"].split(" AND "))


def _reuse_annotations() -> list[dict[str, object]]:
    config = tomllib.loads((REPO / "REUSE.toml").read_text(encoding="utf-8"))
    assert config["version"] == 1
    annotations: list[dict[str, object]] = config["annotations"]
    return annotations


def test_every_license_named_in_reuse_has_its_text_and_every_text_is_used() -> None:
    named = {str(a["SPDX-License-Identifier"]) for a in _reuse_annotations()}
    texts = {path.stem for path in (REPO / "LICENSES").glob("*.txt")}
    assert named == texts
    assert {"MIT", "CC-BY-SA-4.0"} <= named
    assert all(a["SPDX-FileCopyrightText"] for a in _reuse_annotations())
    assert _reuse_license("generator/cli.py") == "MIT"
    assert _reuse_license("content/exercises/clamshell.yml") == "CC-BY-SA-4.0"


def _reuse_license(path: str) -> str | None:
    """The license REUSE.toml gives ``path``: the last annotation that matches wins."""
    found = None
    for annotation in _reuse_annotations():
        patterns = annotation["path"]
        patterns = [patterns] if isinstance(patterns, str) else patterns
        if any(fnmatch.fnmatchcase(path, p.replace("**", "*")) for p in patterns):
            found = str(annotation["SPDX-License-Identifier"])
    return found


def test_each_image_is_licensed_in_reuse_as_its_exercise_declares() -> None:
    declared = {}
    for exercise in sorted((REPO / "content" / "exercises").glob("*.yml")):
        for image in yaml.safe_load(exercise.read_text(encoding="utf-8")).get("images") or []:
            declared[f"content/media/{image['file']}"] = image["license"]
    assert declared
    disagreeing = {
        path: (license, _reuse_license(path))
        for path, license in declared.items()
        if _reuse_license(path) != license
    }
    assert disagreeing == {}, "add an entry for these images to REUSE.toml"


@pytest.fixture(scope="module")
def published() -> dict[str, str]:
    """The guide's published files, built with the date pinned as a release build pins it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28 UTC
        built = build(REPO / "content")
    assert built.problems == []
    return {
        **{path: page.text for path, page in built.pages.items()},
        **{f"appendix:{path}": text for path, text in built.appendices.items()},
    }


def test_every_data_file_carries_the_version_and_the_content_date(
    published: dict[str, str],
) -> None:
    data = sorted(p for p in published if p.startswith("data/") and p.endswith(".json"))
    assert "data/exercises.json" in data and "data/plan.json" in data
    for path in data:
        body = json.loads(published[path])
        if path.endswith(".schema.json"):
            assert f"runners {VERSION}, content of 2026-05-28" in body["$comment"], path
        else:
            assert (body["version"], body["date"]) == (VERSION, "2026-05-28"), path


def test_the_open_data_page_names_the_version_and_date(published: dict[str, str]) -> None:
    # As the reader sees it: Markdown drops the escapes that keep "0." from starting a list.
    note = " ".join(published["appendix:open-data.md"].replace("\\", "").split())
    assert f"version {VERSION} of the guide's data" in note
    assert "28 May 2026" in note


def test_every_content_schema_is_published_at_its_repository_name(
    published: dict[str, str],
) -> None:
    schemas = sorted((REPO / "schemas").glob("*.schema.json"))
    assert len(schemas) > 10
    for schema in schemas:
        assert published[f"schemas/{schema.name}"] == schema.read_text(encoding="utf-8")


def test_without_source_date_epoch_the_date_is_the_last_content_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    content = tmp_path / "content"
    content.mkdir()
    (content / "index.md").write_text("# Home\n", encoding="utf-8")
    stamp = "2025-03-04T22:00:00+00:00"
    env = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "HOME": str(tmp_path)}
    for command in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "c"],
    ):
        subprocess.run(["git", *command], cwd=tmp_path, check=True, env=env)
    assert content_date(content) == datetime.date(2025, 3, 4)
