"""`guide import free-exercise-db` turns a dataset into drafts the guide can trust and trace."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.authoring.importers.free_exercise_db import plan_import
from generator.cli import main
from generator.pipeline import check

DATASET = Path(__file__).parent / "fixtures" / "free-exercise-db"


def _with_crosswalk(content: Path) -> Path:
    target = content / "taxonomy" / "crosswalks" / "free-exercise-db.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATASET / "crosswalk.yml", target)
    return target


def _import(content: Path, dataset: Path = DATASET / "exercises.json") -> str:
    result = CliRunner().invoke(
        main, ["import", "free-exercise-db", str(dataset), "--content", str(content)]
    )
    assert result.exit_code == 0, result.output
    return result.output


def _read(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_new_exercise_becomes_a_draft_mapped_through_the_crosswalk(content: Path) -> None:
    _with_crosswalk(content)
    _import(content)
    draft = _read(content / "exercises" / "wall-sit.yml")
    assert draft["status"] == "draft"
    assert draft["name"] == "Wall Sit"
    assert draft["pattern"] == "squat"
    assert draft["level"] == "beginner"
    assert draft["equipment"] == ["bodyweight"]
    assert draft["force"] == "static"
    assert draft["mechanic"] == "isolation"
    # 'glutes' stands for two of the guide's muscles; a muscle already primary is not repeated.
    assert draft["muscles"] == {
        "primary": ["quadriceps"],
        "secondary": ["gluteus-maximus", "gluteus-medius"],
    }


def test_a_draft_keeps_its_origin_images_and_the_sources_own_words(content: Path) -> None:
    _with_crosswalk(content)
    _import(content)
    draft = _read(content / "exercises" / "wall-sit.yml")
    origin = draft["origin"]
    assert isinstance(origin, dict)
    assert origin["dataset"] == "free-exercise-db"
    assert origin["id"] == "Wall_Sit"
    assert origin["url"] == "https://github.com/yuhonas/free-exercise-db"
    assert "Unlicense" in origin["license"]
    assert origin["images"] == ["Wall_Sit/0.jpg", "Wall_Sit/1.jpg"]
    assert origin["instructions"][1] == ("Hold the postion without letting the knees drift inward.")
    # Nothing the source lacks is invented: no summary, steps, safety, sources or dose.
    for missing in ("summary", "steps", "cues", "mistakes", "safety", "sources", "dosage"):
        assert missing not in draft


def test_the_imported_guide_passes_the_check(content: Path) -> None:
    _with_crosswalk(content)
    _import(content)
    guide, problems = check(content)
    assert problems == []
    assert guide is not None
    assert guide.exercises["wall-sit"].is_draft
    assert not guide.exercises["clamshell"].is_draft


def test_exercises_the_guide_has_are_reported_by_name_or_alias_not_duplicated(
    content: Path,
) -> None:
    _with_crosswalk(content)
    output = _import(content)
    assert "CLAMSHELLS: " in output and "exercises/clamshell.yml" in output
    # 'Glute-Bridges' is the alias 'glute bridge' of bridge.yml once case, hyphen and plural go.
    assert "Glute-Bridges: " in output and "exercises/bridge.yml" in output
    assert "Wall sits: same as Wall Sit" in output
    names = sorted(p.name for p in (content / "exercises").iterdir())
    assert names == [
        "bridge.yml",
        "clamshell.yml",
        "hip-circle-stretch.yml",
        "single-leg-bridge.yml",
        "wall-sit.yml",
    ]


def test_values_the_crosswalk_does_not_map_are_reported_and_kept_out(content: Path) -> None:
    _with_crosswalk(content)
    output = _import(content)
    assert "muscle 'neck': 1 exercise" in output
    assert "equipment 'sled': 1 exercise" in output
    assert "category 'strongman': 1 exercise" in output
    assert not (content / "exercises" / "neck-nod.yml").exists()
    assert not (content / "exercises" / "sled-push.yml").exists()


def test_a_value_mapped_to_nothing_is_left_for_the_reviewer(content: Path) -> None:
    _with_crosswalk(content)
    _import(content)
    draft = _read(content / "exercises" / "hip-circle-stretch.yml")
    assert "equipment" not in draft
    assert draft["level"] == "advanced"
    assert "force" not in draft and "mechanic" not in draft


def test_reimporting_changes_nothing_when_the_dataset_is_the_same(content: Path) -> None:
    _with_crosswalk(content)
    _import(content)
    before = {p: p.read_bytes() for p in (content / "exercises").iterdir()}
    output = _import(content)
    assert output.startswith("wrote 0 new drafts, updated 0, 2 unchanged")
    assert {p: p.read_bytes() for p in (content / "exercises").iterdir()} == before


def test_reimporting_updates_its_drafts_but_never_a_reviewed_file(content: Path) -> None:
    _with_crosswalk(content)
    _import(content)
    reviewed = content / "exercises" / "hip-circle-stretch.yml"
    promoted = reviewed.read_text(encoding="utf-8").replace("status: draft\n", "")
    reviewed.write_text(promoted, encoding="utf-8")
    output = _import(content, DATASET / "exercises")
    assert output.startswith("wrote 0 new drafts, updated 1, 0 unchanged")
    assert "Hip Circle Stretch: " in output
    assert reviewed.read_text(encoding="utf-8") == promoted
    wall_sit = _read(content / "exercises" / "wall-sit.yml")
    origin = wall_sit["origin"]
    assert isinstance(origin, dict)
    assert origin["instructions"] == [
        "Lean on a wall and bend the knees.",
        "Hold still.",
        "Slide back up.",
    ]


def test_the_folder_of_files_imports_like_the_one_file_array(content: Path) -> None:
    _with_crosswalk(content)
    output = _import(content, DATASET / "exercises")
    assert output.startswith("wrote 2 new drafts")
    assert (content / "exercises" / "wall-sit.yml").is_file()


def test_dry_run_reports_without_writing(content: Path) -> None:
    _with_crosswalk(content)
    result = CliRunner().invoke(
        main,
        [
            "import",
            "free-exercise-db",
            str(DATASET / "exercises.json"),
            "--content",
            str(content),
            "--dry-run",
        ],
    )
    assert result.output.startswith("would write 2 new drafts")
    assert not (content / "exercises" / "wall-sit.yml").exists()


def test_broken_json_is_reported_with_its_line_and_nothing_is_written(
    content: Path, tmp_path: Path
) -> None:
    _with_crosswalk(content)
    broken = tmp_path / "exercises.json"
    broken.write_text('[\n  {"name": "Wall Sit",\n  "level" "beginner"}\n]\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["import", "free-exercise-db", str(broken), "--content", str(content)]
    )
    assert result.exit_code == 1
    assert "exercises.json:3:11: not valid JSON" in result.output
    assert not (content / "exercises" / "wall-sit.yml").exists()


def test_a_crosswalk_naming_an_unknown_id_stops_the_import_at_its_line(content: Path) -> None:
    crosswalk = _with_crosswalk(content)
    text = crosswalk.read_text(encoding="utf-8").replace("[quadriceps]", "[quads]")
    crosswalk.write_text(text, encoding="utf-8")
    plan = plan_import(content, DATASET / "exercises.json")
    assert [(p.line, p.message) for p in plan.problems] == [
        (6, "'quadriceps' maps to unknown muscles id 'quads'")
    ]
    assert plan.new == {}


def test_the_guides_own_crosswalk_resolves_and_maps_the_neck_group() -> None:
    repo = Path(__file__).parent.parent
    plan = plan_import(repo / "content", DATASET / "exercises.json")
    assert plan.problems == []
    assert ("muscle", "neck") not in plan.unmapped
    assert "neck-nod" in {path.stem for path in plan.new}


def test_a_numbered_instruction_loses_its_number_so_the_page_numbers_it(
    content: Path, tmp_path: Path
) -> None:
    _with_crosswalk(content)
    numbered = tmp_path / "exercises.json"
    numbered.write_text(
        (DATASET / "exercises.json")
        .read_text(encoding="utf-8")
        .replace(
            '"Stand up by sliding back up the wall."', '"3. Stand up by sliding back up the wall."'
        ),
        encoding="utf-8",
    )
    _import(content, numbered)
    origin = _read(content / "exercises" / "wall-sit.yml")["origin"]
    assert isinstance(origin, dict)
    assert origin["instructions"][2] == "Stand up by sliding back up the wall."
    assert check(content)[1] == []


def test_an_exercise_whose_draft_the_check_refuses_is_listed_and_the_rest_imported(
    content: Path, tmp_path: Path
) -> None:
    _with_crosswalk(content)
    exercises = json.loads((DATASET / "exercises.json").read_text(encoding="utf-8"))
    exercises[1]["name"] = "?!"  # no letters: no file name can be made from it
    exercises[2]["name"] = "Glute <b>Bridges</b>"
    dataset = tmp_path / "exercises.json"
    dataset.write_text(json.dumps(exercises, indent=1), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["import", "free-exercise-db", str(dataset), "--content", str(content)]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "'Clamshells' not imported: its name has no letters or digits" in result.output
    assert "'Glute_Bridges' not imported: name: raw HTML is not allowed in text" in result.output
    assert "wrote 2 new drafts, updated 0, 0 unchanged" in result.output
    assert "2 exercises not imported, listed above" in result.output
    written = sorted(p.name for p in (content / "exercises").iterdir())
    assert {"wall-sit.yml", "hip-circle-stretch.yml"} <= set(written)
    assert not [name for name in written if name.startswith(".") or "glute-b" in name]
    assert check(content)[1] == []


GUIDE_CONTENT = Path(__file__).parent.parent / "content"
"""The guide's own content, whose crosswalk knows where the dataset publishes each entry."""


def _planned_drafts(tmp_path: Path, records: list[dict[str, object]]) -> dict[str, str]:
    dataset = tmp_path / "exercises.json"
    dataset.write_text(json.dumps(records), encoding="utf-8")
    plan = plan_import(GUIDE_CONTENT, dataset)
    assert plan.problems == []
    return {path.stem: text for path, text in plan.new.items()}


def _record(record_id: str, name: str, **fields: object) -> dict[str, object]:
    return {
        "id": record_id,
        "name": name,
        "level": "beginner",
        "equipment": None,
        "primaryMuscles": ["quadriceps"],
        "category": "strength",
        "images": [f"{record_id}/0.jpg"],
        **fields,
    }


def test_a_draft_links_its_own_record_and_images_that_open(tmp_path: Path) -> None:
    drafts = _planned_drafts(tmp_path, [_record("Barbell_Full_Squat", "Barbell Full Squat")])
    origin = yaml.safe_load(drafts["barbell-full-squat"])["origin"]
    assert origin["url"] == (
        "https://github.com/yuhonas/free-exercise-db/blob/main/exercises/Barbell_Full_Squat.json"
    )
    assert origin["images"] == [
        "https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/exercises/"
        "Barbell_Full_Squat/0.jpg"
    ]


def test_a_record_id_is_escaped_in_its_address(tmp_path: Path) -> None:
    drafts = _planned_drafts(tmp_path, [_record("Odd id/Squat", "Goblet Box Squat")])
    origin = yaml.safe_load(drafts["goblet-box-squat"])["origin"]
    assert origin["url"].endswith("/exercises/Odd%20id%2FSquat.json")


def test_the_name_suggests_pattern_and_equipment_only_where_the_dataset_gives_none(
    tmp_path: Path,
) -> None:
    drafts = _planned_drafts(
        tmp_path,
        [
            _record("Barbell_Full_Squat", "Barbell Full Squat"),
            _record("Dumbbell_Lunges", "Dumbbell Lunges", equipment="dumbbell"),
            _record("Bridge_Reach", "Seated Floor Bridge Reach", category="stretching"),
        ],
    )
    squat = yaml.safe_load(drafts["barbell-full-squat"])
    assert "pattern" not in squat and "equipment" not in squat
    assert squat["origin"]["suggested"] == {"pattern": ["squat"], "equipment": ["barbell"]}
    assert (
        "# Its name suggests pattern squat and equipment barbell\n" in drafts["barbell-full-squat"]
    )
    lunge = yaml.safe_load(drafts["dumbbell-lunges"])
    assert lunge["equipment"] == ["dumbbell"]
    assert lunge["origin"]["suggested"] == {"pattern": ["lunge"]}
    bridge = yaml.safe_load(drafts["seated-floor-bridge-reach"])
    assert bridge["pattern"] == "mobility"
    assert "suggested" not in bridge["origin"]
