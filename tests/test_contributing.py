"""A contributor's tools: scaffolding, editor schemas, field reference, review diff, CI files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO

from generator import kinds
from generator.problems import Problem
from generator.report import human

GUIDE = [sys.executable, "-m", "generator.cli"]
SCHEMA_FOR_FOLDER = {
    "exercises": "exercise.schema.json",
    "routines": "routine.schema.json",
    "problem-areas": "problem-area.schema.json",
    "sources": "source.schema.json",
}


def guide(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*GUIDE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def fill_in(path: Path) -> None:
    """Answer each prompt of a new file the way a contributor would: in their own words."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'"TODO: (\w)', lambda m: '"' + m[1].upper(), text), encoding="utf-8")


def test_new_exercise_fails_the_check_until_its_prompts_are_replaced(guide_dir: Path) -> None:
    created = guide("new", "exercise", "Hip airplane", "--pattern", "prehab", cwd=guide_dir)
    assert created.returncode == 0, created.stderr
    path = guide_dir / "content" / "exercises" / "hip-airplane.yml"
    assert path.read_text().startswith(
        "# yaml-language-server: $schema=../../schemas/exercise.schema.json\n"
    )
    assert "sources: []" in path.read_text()  # no citation of a source it never read
    for reviewed in ([], ["--reviewed-only"]):
        unedited = guide("check", *reviewed, cwd=guide_dir)
        assert unedited.returncode == 1
        assert unedited.stdout.count("marks a placeholder left from `guide new`") == 9

    fill_in(path)

    assert guide("check", cwd=guide_dir).returncode == 0
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=guide_dir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    page = (guide_dir / "site" / "exercises" / "hip-airplane" / "index.html").read_text()
    assert "Hip airplane" in page


def test_new_routine_uses_the_given_exercises(guide_dir: Path) -> None:
    created = guide(
        "new",
        "routine",
        "Evening hips",
        "--exercise",
        "clamshell",
        "--exercise",
        "bridge",
        cwd=guide_dir,
    )
    assert created.returncode == 0, created.stderr
    data = yaml.safe_load((guide_dir / "content" / "routines" / "evening-hips.yml").read_text())
    assert [item["exercise"] for item in data["items"]] == ["clamshell", "bridge"]
    assert guide("check", cwd=guide_dir).stdout.count("placeholder left from `guide new`") == 2
    fill_in(guide_dir / "content" / "routines" / "evening-hips.yml")
    assert guide("check", cwd=guide_dir).returncode == 0


def test_new_routine_is_done_when_every_exercise_fits(guide_dir: Path) -> None:
    bridge = guide_dir / "content" / "exercises" / "single-leg-bridge.yml"
    bridge.write_text(
        bridge.read_text().replace("fits: [post-run, strength-day]", "fits: [strength-day]")
    )
    created = guide(
        "new", "routine", "Bridge day", "--exercise", "single-leg-bridge", cwd=guide_dir
    )
    assert created.returncode == 0, created.stderr
    routine = guide_dir / "content" / "routines" / "bridge-day.yml"
    assert yaml.safe_load(routine.read_text())["when"] == "separate-day"
    fill_in(routine)
    assert guide("check", cwd=guide_dir).returncode == 0


def test_new_routine_refuses_exercises_that_share_no_when(guide_dir: Path) -> None:
    clamshell = guide_dir / "content" / "exercises" / "clamshell.yml"
    clamshell.write_text(clamshell.read_text().replace("fits: [post-run]", "fits: [warm-up]"))
    bridge = guide_dir / "content" / "exercises" / "single-leg-bridge.yml"
    bridge.write_text(
        bridge.read_text().replace("fits: [post-run, strength-day]", "fits: [strength-day]")
    )
    refused = guide(
        "new",
        "routine",
        "Mixed",
        "--exercise",
        "clamshell",
        "--exercise",
        "single-leg-bridge",
        cwd=guide_dir,
    )
    assert refused.returncode == 1
    assert (
        "no 'when' suits every exercise ('clamshell' fits warm-up; 'single-leg-bridge' fits "
        "strength-day)" in refused.stderr
    )
    assert not (guide_dir / "content" / "routines" / "mixed.yml").exists()


def test_new_refuses_to_overwrite_an_existing_file(guide_dir: Path) -> None:
    before = (guide_dir / "content" / "exercises" / "clamshell.yml").read_text()
    refused = guide("new", "exercise", "Clamshell", "--pattern", "prehab", cwd=guide_dir)
    assert refused.returncode == 1
    assert "content/exercises/clamshell.yml already exists" in refused.stderr
    assert (guide_dir / "content" / "exercises" / "clamshell.yml").read_text() == before


def test_new_refuses_a_name_that_is_an_existing_alias(guide_dir: Path) -> None:
    refused = guide("new", "exercise", "Glute Bridge", "--pattern", "hinge", cwd=guide_dir)
    assert refused.returncode == 1
    assert "content/exercises/bridge.yml ('glute bridge')" in refused.stderr
    assert not (guide_dir / "content" / "exercises" / "glute-bridge.yml").exists()


def test_new_suggests_the_pattern_meant(guide_dir: Path) -> None:
    refused = guide("new", "exercise", "Hip airplane", "--pattern", "hinj", cwd=guide_dir)
    assert refused.returncode == 1
    assert "unknown pattern 'hinj' (did you mean 'hinge'?)" in refused.stderr


def test_generated_schemas_and_field_reference_are_up_to_date() -> None:
    result = guide("schema", "--check", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("stale", ["schemas/exercise.schema.json", "CONTRIBUTING.md"])
def test_schema_check_fails_when_a_generated_file_is_stale(tmp_path: Path, stale: str) -> None:
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    shutil.copy(REPO / "CONTRIBUTING.md", tmp_path / "CONTRIBUTING.md")
    target = tmp_path / stale
    target.write_text(target.read_text().replace("Repetitions per set.", "Reps."))
    result = guide("schema", "--check", "--root", str(tmp_path), cwd=REPO)
    assert result.returncode == 1
    assert f"{target.as_posix()} is out of date" in result.stdout


def test_field_reference_lists_every_field_of_every_kind() -> None:
    contributing = (REPO / "CONTRIBUTING.md").read_text()
    for kind in kinds.KINDS:
        assert f"### {kind.title}" in contributing
        for name in kind.model.model_fields:
            assert f"| `{name}` |" in contributing, (kind.title, name)


def test_schemas_are_draft_07_and_accept_every_content_file() -> None:
    for folder, schema_file in SCHEMA_FOR_FOLDER.items():
        document = json.loads((REPO / "schemas" / schema_file).read_text())
        assert document["$schema"] == "http://json-schema.org/draft-07/schema#"
        validator = jsonschema.Draft7Validator(document)
        validator.check_schema(document)
        for path in sorted((REPO / "content" / folder).glob("*.yml")):
            errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
            assert errors == [], path


def test_schemas_flag_what_check_flags() -> None:
    document = json.loads((REPO / "schemas" / "exercise.schema.json").read_text())
    entry = yaml.safe_load((REPO / "content" / "exercises" / "clamshell.yml").read_text())
    entry["levle"] = entry.pop("level")
    entry["dosage"]["hold_seconds"] = 20
    messages = [e.message for e in jsonschema.Draft7Validator(document).iter_errors(entry)]
    assert any("levle" in message for message in messages)
    assert any("'level' is a required property" in message for message in messages)
    assert len(messages) >= 3


def test_every_content_file_names_its_schema_on_the_first_line() -> None:
    expected = {folder: name for folder, name in SCHEMA_FOR_FOLDER.items()}
    expected.update(
        {"taxonomy": None, "crosswalks": "crosswalk.schema.json", "plan": "plan-rules.schema.json"}
    )
    missing = []
    for path in sorted((REPO / "content").rglob("*.yml")):
        folder = path.parent.name
        name = expected[folder] or f"{path.stem}.schema.json"
        up = "../" * (len(path.relative_to(REPO).parts) - 1)
        first = path.read_text().splitlines()[0]
        if first != f"# yaml-language-server: $schema={up}schemas/{name}":
            missing.append(path.relative_to(REPO).as_posix())
    assert missing == []


def test_human_report_is_coloured_only_when_asked() -> None:
    problem = [Problem(Path("content/exercises/x.yml"), 3, 5, "unknown muscle 'x'", "hint")]
    assert "\x1b[" in human(problem, colour=True)
    assert "\x1b[" not in human(problem, colour=False)


def test_check_output_is_plain_when_piped(guide_dir: Path) -> None:
    path = guide_dir / "content" / "exercises" / "bridge.yml"
    path.write_text(path.read_text().replace("level: beginner", "level: easy"))
    result = guide("check", cwd=guide_dir)
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout


def test_diff_lists_what_a_change_does_to_the_guide(guide_dir: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=guide_dir, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    created = guide("new", "exercise", "Hip airplane", "--pattern", "prehab", cwd=guide_dir)
    assert created.returncode == 0
    fill_in(guide_dir / "content" / "exercises" / "hip-airplane.yml")
    path = guide_dir / "content" / "exercises" / "clamshell.yml"
    path.write_text(path.read_text().replace("Lift the top knee.", "Raise the top knee."))
    result = guide("diff", "HEAD", cwd=guide_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Exercises: 1 added, 0 removed, 1 changed" in lines
    assert "  + hip-airplane  Hip airplane" in lines
    assert "  ~ clamshell  Clamshell: steps" in lines
    assert '      steps[1]: "Lift the top knee." → "Raise the top knee."' in lines
    assert "  + exercises/hip-airplane.md" in lines
    assert "  ~ patterns/prehab.md" in lines


def test_diff_lists_images_and_plan_rules_a_reviewer_must_check(guide_dir: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=guide_dir, check=True, capture_output=True)

    content = guide_dir / "content"
    shutil.copytree(REPO / "tests" / "fixtures" / "plan" / "plan", content / "plan")
    (content / "media").mkdir()
    drawing = REPO / "content" / "media" / "calf-raise-foot-position.svg"
    shutil.copy(drawing, content / "media" / "old.svg")
    shutil.copy(drawing, content / "media" / "kept.svg")
    clamshell = content / "exercises" / "clamshell.yml"
    original = clamshell.read_text()
    shown = "images:\n" + "".join(
        f"  - file: {name}\n    alt: Both knees bent, seen from above.\n"
        "    credit: A. Runner\n    license: CC-BY-4.0\n"
        for name in ("old.svg", "kept.svg")
    )
    clamshell.write_text(original + shown)
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    (content / "media" / "old.svg").unlink()
    kept = content / "media" / "kept.svg"
    kept.write_text(kept.read_text().replace("</svg>", "<!-- redrawn --></svg>"))
    shutil.copy(drawing, content / "media" / "clamshell-knees.svg")
    clamshell.write_text(original + shown.replace("old.svg", "clamshell-knees.svg"))
    rules = content / "plan" / "rules.yml"
    rules.write_text(rules.read_text().replace("  weeks: 8", "  weeks: 12"))
    result = guide("diff", "HEAD", cwd=guide_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("Images: 1 added, 1 removed, 1 replaced") for line in lines)
    assert "  + media/clamshell-knees.svg  CC-BY-4.0, credit: A. Runner, on clamshell" in lines
    assert "  - media/old.svg" in lines
    assert "  ~ media/kept.svg  CC-BY-4.0, credit: A. Runner, on clamshell" in lines
    assert "Plan rules: 1 value changed" in lines
    assert "  ~ progression.weeks: 8 → 12" in lines


@pytest.mark.parametrize(
    ("builtin", "pattern"),
    [
        ("vendor.github-workflows", ".github/workflows/*.yml"),
        ("vendor.github-issue-forms", ".github/ISSUE_TEMPLATE/[!c]*.yml"),
    ],
)
def test_github_files_match_githubs_schemas(builtin: str, pattern: str) -> None:
    files = sorted(str(p) for p in REPO.glob(pattern))
    assert files
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--builtin-schema",
            builtin,
            *files,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_check_build_test_and_deploy() -> None:
    pull_request = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text())
    steps = pull_request["jobs"]["check"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "guide check --format github" in commands
    assert "guide build" in commands and "make test" in commands
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in steps)
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text())
    used = [s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in used)
    assert any(u.startswith("actions/deploy-pages") for u in used)


def test_pre_commit_config_is_valid_and_checks_content() -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "pre-commit"),
            "validate-config",
            str(REPO / ".pre-commit-config.yaml"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    entries = [hook["entry"] for hook in hooks]
    assert ".venv/bin/guide check" in entries
    assert ".venv/bin/guide schema --check" in entries
