"""`guide import free-exercise-db`: the free-exercise-db JSON dataset as drafts.

The dataset (https://github.com/yuhonas/free-exercise-db) comes as one JSON array or as a
folder of one JSON object per exercise. Each exercise the guide does not already have
becomes a draft in content/exercises/, mapped through
content/taxonomy/crosswalks/free-exercise-db.yml; its instructions stay the dataset's words,
quoted with credit. Re-running the import rewrites only the drafts it wrote.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, get_args
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from generator.authoring.importers.crosswalk import load_crosswalk
from generator.authoring.scaffold import SCHEMA_LINE, slug
from generator.checks.names import fold
from generator.load import MAX_FILE_BYTES, Document, LoadedContent, load_content, parse_bytes
from generator.model import Force, Mechanic
from generator.model.crosswalk import Crosswalk
from generator.problems import Problem, sorted_problems
from generator.report import count, display_path
from generator.templating import environment
from generator.validate import validate

DATASET = "free-exercise-db"


class SourceExercise(BaseModel):
    """One exercise as the dataset publishes it; fields the guide does not use are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)

    id: str = Field(min_length=1)
    name: str = Field(min_length=2, max_length=80)
    force: str | None = None
    level: str | None = None
    mechanic: str | None = None
    equipment: str | None = None
    primary_muscles: list[str] = Field(alias="primaryMuscles", min_length=1)
    secondary_muscles: list[str] = Field(alias="secondaryMuscles", default=[])
    instructions: list[str] = []
    category: str | None = None
    images: list[str] = []


@dataclass(frozen=True)
class ImportedDraft:
    """A dataset exercise in the guide's terms, ready to be written as a draft."""

    source_id: str
    name: str
    pattern: str | None
    primary: list[str]
    secondary: list[str]
    equipment: list[str]
    level: str
    force: str | None
    mechanic: str | None
    images: list[str]
    """Addresses that open each image (paths as the dataset gives them without images_url)."""
    instructions: list[str]
    url: str
    """The entry's own page, or the dataset's when the crosswalk has no record_url."""
    suggested_patterns: list[str] = field(default_factory=list)
    suggested_equipment: list[str] = field(default_factory=list)
    """What the name suggests where the dataset's values give nothing; a hint, not a value."""


@dataclass
class ImportPlan:
    """What an import would do; nothing is written until ``write`` is called."""

    new: dict[Path, str] = field(default_factory=dict)
    updated: dict[Path, str] = field(default_factory=dict)
    unchanged: list[Path] = field(default_factory=list)
    already_in_guide: list[tuple[str, Path]] = field(default_factory=list)
    """Dataset name → the existing file that has it (by name, alias or id)."""
    repeated_in_dataset: list[tuple[str, str]] = field(default_factory=list)
    """Dataset name → the earlier dataset name it duplicates."""
    unmapped: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(field, value) the crosswalk does not cover → how many exercises it kept out."""
    refused: list[Problem] = field(default_factory=list)
    """Exercises left out because they do not fit the dataset's shape or the check would
    refuse their draft, each located in the dataset."""
    problems: list[Problem] = field(default_factory=list)
    """What stops the whole import: an unreadable dataset or crosswalk."""

    def write(self) -> None:
        for path, text in {**self.new, **self.updated}.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def match_key(name: str) -> str:
    """A name folded for duplicate detection: case, accents, punctuation and plurals ignored."""
    words = fold(name).split()
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )


@dataclass(frozen=True)
class DatasetEntry:
    """One exercise of the dataset and where it starts in its file."""

    file: Path
    line: int
    column: int
    exercise: SourceExercise


def _json_problem(path: Path, error: json.JSONDecodeError) -> Problem:
    return Problem(path, error.lineno, error.colno, f"not valid JSON: {error.msg}", "")


def _items(text: str) -> list[tuple[int, Any]]:
    """The file's exercises (its array's items, or the one object) with where each starts."""
    data = json.loads(text)
    if not isinstance(data, list):
        return [(len(text) - len(text.lstrip()), data)]
    decoder = json.JSONDecoder()
    items, index = [], text.index("[") + 1
    for _ in data:
        while text[index] in " \t\r\n,":
            index += 1
        item, end = decoder.raw_decode(text, index)
        items.append((index, item))
        index = end
    return items


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def read_dataset(path: Path) -> tuple[list[DatasetEntry], list[Problem], list[Problem]]:
    """Every exercise in the one-file array or the folder of files; then what stops the
    import (a file that cannot be read); then the exercises that do not fit the dataset's
    shape, each to be left out."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        return [], [Problem(path, 1, 1, "no .json files found", "give the dataset's folder")], []
    entries: list[DatasetEntry] = []
    problems: list[Problem] = []
    refused: list[Problem] = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
            items = _items(text)
        except json.JSONDecodeError as error:
            problems.append(_json_problem(file, error))
            continue
        except RecursionError:
            problems.append(
                Problem(
                    file,
                    1,
                    1,
                    "not readable: values are nested too deeply",
                    "each exercise is one object of names and lists of text",
                )
            )
            continue
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(file, 1, 1, f"cannot read file: {error}", ""))
            continue
        for index, (offset, item) in enumerate(items):
            line, column = _where(text, offset)
            try:
                entries.append(
                    DatasetEntry(file, line, column, SourceExercise.model_validate(item))
                )
            except ValidationError as failure:
                first = failure.errors(include_url=False)[0]
                where = ".".join(str(part) for part in first["loc"])
                reason = f"{where}: {first['msg']}" if where else "it is not a JSON object"
                refused.append(
                    Problem(
                        file,
                        line,
                        column,
                        f"exercise {index + 1} not imported: {reason}",
                        "fix it in the dataset to import it",
                    )
                )
    return entries, problems, refused


def to_draft(
    source: SourceExercise, crosswalk: Crosswalk
) -> tuple[ImportedDraft | None, list[tuple[str, str]]]:
    """The draft for one dataset exercise, or the values the crosswalk could not map."""
    unmapped: list[tuple[str, str]] = []

    def ids(table: dict[str, list[str]], kind: str, values: list[str]) -> list[str]:
        found: list[str] = []
        for value in values:
            if value not in table:
                unmapped.append((kind, value))
            found += [target for target in table.get(value, []) if target not in found]
        return found

    primary = ids(crosswalk.muscles, "muscle", source.primary_muscles)
    secondary = [
        m for m in ids(crosswalk.muscles, "muscle", source.secondary_muscles) if m not in primary
    ]
    equipment = ids(
        crosswalk.equipment, "equipment", [source.equipment] if source.equipment else []
    )
    level = crosswalk.levels.get(source.level or "")
    if level is None:
        unmapped.append(("level", str(source.level)))
    patterns = crosswalk.categories.get(source.category or "")
    if patterns is None:
        unmapped.append(("category", str(source.category)))
    pattern = patterns[0] if patterns else None
    for kind, value, allowed in (
        ("force", source.force, get_args(Force)),
        ("mechanic", source.mechanic, get_args(Mechanic)),
    ):
        if value is not None and value not in allowed:
            unmapped.append((kind, value))
    if unmapped or level is None or not primary:
        return None, unmapped
    name = " ".join(source.name.split())
    return (
        ImportedDraft(
            source_id=source.id,
            name=name,
            pattern=pattern,
            primary=primary,
            secondary=secondary,
            equipment=equipment,
            level=level,
            force=source.force,
            mechanic=source.mechanic,
            images=[image_url(crosswalk, image) for image in source.images],
            instructions=[
                _without_list_marker(line) for line in source.instructions if line.strip()
            ],
            url=record_url(crosswalk, source.id),
            suggested_patterns=[] if pattern else named_in(name, crosswalk.name_hints),
            suggested_equipment=[] if equipment else named_in(name, crosswalk.equipment),
        ),
        [],
    )


def record_url(crosswalk: Crosswalk, source_id: str) -> str:
    """The entry's own address, its id escaped, or the dataset's when entries have none."""
    if crosswalk.record_url is None:
        return crosswalk.url
    return crosswalk.record_url.replace("{id}", quote(source_id, safe=""))


def image_url(crosswalk: Crosswalk, path: str) -> str:
    """An image path as an address that opens it, when the crosswalk says where they are."""
    if crosswalk.images_url is None:
        return path
    return crosswalk.images_url + quote(path.lstrip("/"), safe="/")


def named_in(name: str, words: dict[str, list[str]]) -> list[str]:
    """The ids of every word or phrase of ``words`` that ``name`` contains as whole words
    (case, accents, punctuation and plurals ignored), in the order the name says them."""
    said = match_key(name).split()
    found: list[tuple[int, str]] = []
    for phrase, ids in words.items():
        wanted = match_key(phrase).split()
        for start in range(len(said) - len(wanted) + 1):
            if wanted and said[start : start + len(wanted)] == wanted:
                found += [(start, target) for target in ids]
                break
    return list(dict.fromkeys(target for _, target in sorted(found, key=lambda f: f[0])))


_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


def _without_list_marker(line: str) -> str:
    """One instruction on one line, without a leading '6. ' the page numbers itself."""
    return _LIST_MARKER.sub("", " ".join(line.split()))


_TEMPLATES = environment()
_TEMPLATES.filters["yaml_text"] = lambda value: json.dumps(value, ensure_ascii=False)
"""A JSON string is a valid double-quoted YAML scalar."""


def _suggestion(draft: ImportedDraft) -> str:
    """What the name suggests, as the draft's comment says it: 'pattern squat and equipment
    barbell'."""
    said = []
    if draft.suggested_patterns:
        said.append(f"pattern {' or '.join(draft.suggested_patterns)}")
    if draft.suggested_equipment:
        said.append(f"equipment {', '.join(draft.suggested_equipment)}")
    return " and ".join(said)


def draft_text(draft: ImportedDraft, crosswalk: Crosswalk) -> str:
    return _TEMPLATES.get_template("scaffold/imported_exercise.yml.j2").render(
        draft=draft,
        suggestion=_suggestion(draft),
        crosswalk=crosswalk,
        schema_line=SCHEMA_LINE.format(schema="exercise.schema.json"),
    )


def plan_import(content_root: Path, dataset_path: Path) -> ImportPlan:
    """Decide what importing ``dataset_path`` into ``content_root`` would write and report."""
    plan = ImportPlan()
    content = load_content(content_root)
    crosswalk, problems = load_crosswalk(content, DATASET)
    entries, read_problems, plan.refused = read_dataset(dataset_path)
    plan.problems = problems + read_problems
    if crosswalk is None or plan.problems:
        return plan
    ours, others = _existing_exercises(content, crosswalk.dataset)
    drafts = _drafts(plan, entries, crosswalk, content_root, ours, others)
    refused_by_check = _check_drafts(content, {path: text for path, (_, text) in drafts.items()})
    for path, (entry, text) in drafts.items():
        if path in refused_by_check:
            plan.refused += [_refusal(entry, reason) for reason in refused_by_check[path]]
        elif not path.exists():
            plan.new[path] = text
        elif path.read_text(encoding="utf-8") != text:
            plan.updated[path] = text
        else:
            plan.unchanged.append(path)
    plan.refused = sorted_problems(plan.refused)
    return plan


def _existing_exercises(
    content: LoadedContent, dataset: str
) -> tuple[dict[str, Path], dict[str, Path]]:
    """The drafts an earlier import of ``dataset`` wrote (dataset id → file), and the match
    key of every other exercise's name and aliases (→ its file)."""
    ours: dict[str, Path] = {}
    others: dict[str, Path] = {}
    for document in content.collections.get("exercises", []):
        data = document.data
        origin = data.get("origin")
        if (
            data.get("status") == "draft"
            and isinstance(origin, dict)
            and origin.get("dataset") == dataset
        ):
            ours[str(origin.get("id"))] = document.path
            continue
        for name in [data.get("name"), *(data.get("aliases") or [])]:
            if isinstance(name, str):
                others.setdefault(match_key(name), document.path)
    return ours, others


def _drafts(
    plan: ImportPlan,
    entries: list[DatasetEntry],
    crosswalk: Crosswalk,
    content_root: Path,
    ours: dict[str, Path],
    others: dict[str, Path],
) -> dict[Path, tuple[DatasetEntry, str]]:
    """Each dataset entry the guide lacks, as a draft file's text by the path it would take;
    what is left out (unmapped values, entries already in the guide or repeated in the
    dataset, file names taken) is recorded in ``plan``."""
    seen: dict[str, str] = {}
    drafts: dict[Path, tuple[DatasetEntry, str]] = {}
    for entry in entries:
        draft, unmapped = to_draft(entry.exercise, crosswalk)
        plan.unmapped.update(unmapped)
        if draft is None:
            continue
        identifier = slug(draft.name)
        if not identifier:
            plan.refused.append(
                _refusal(entry, "its name has no letters or digits to make a file name from")
            )
            continue
        key = match_key(draft.name)
        if key in others:
            plan.already_in_guide.append((draft.name, others[key]))
            continue
        if key in seen:
            plan.repeated_in_dataset.append((draft.name, seen[key]))
            continue
        seen[key] = draft.name
        path = ours.get(draft.source_id) or content_root / "exercises" / f"{identifier}.yml"
        if path in drafts:
            plan.refused.append(_refusal(entry, f"its file name {path.name} is taken by another"))
            continue
        if draft.source_id not in ours and (path.exists() or path.is_symlink()):
            plan.already_in_guide.append((draft.name, path))
            continue
        drafts[path] = (entry, draft_text(draft, crosswalk))
    return drafts


def _refusal(entry: DatasetEntry, reason: str) -> Problem:
    return Problem(
        entry.file,
        entry.line,
        entry.column,
        f"'{entry.exercise.id}' not imported: {reason}",
        "fix it in the dataset to import it",
    )


def _check_drafts(content: LoadedContent, drafts: dict[Path, str]) -> dict[Path, list[str]]:
    """Each draft the guide's own check would refuse → what it would say, field first.

    The drafts are checked as if written, alongside every file the guide has; a clash with
    another file (a name in use) is reported on both, so the draft's own problems suffice.
    """
    documents: dict[Path, Document] = {}
    refused: dict[Path, list[str]] = {}
    for path, text in drafts.items():
        raw = text.encode("utf-8")
        if len(raw) > MAX_FILE_BYTES:
            refused[path] = [
                f"its draft would be {len(raw) // 1024} KB, over the "
                f"{MAX_FILE_BYTES // 1024} KB a content file may hold"
            ]
            continue
        document, problems = parse_bytes(path, raw)
        if document is None:
            refused[path] = [p.message for p in problems]
        else:
            documents[path] = document
    exercises = [d for d in content.collections.get("exercises", []) if d.path not in drafts]
    with_drafts = replace(
        content,
        collections={**content.collections, "exercises": exercises + list(documents.values())},
        problems=[],
    )
    _, problems = validate(with_drafts)
    for problem in sorted_problems(problems):
        document = documents.get(problem.path)
        if document is not None:
            refused.setdefault(problem.path, []).append(
                f"{_field_at(document, problem)}{problem.message}"
            )
    return refused


def _field_at(document: Document, problem: Problem) -> str:
    """'name: ' for a problem located at the name's value, or nothing when none matches."""
    for location, position in document.values.items():
        if (position.line, position.column) == (problem.line, problem.column) and location:
            return ".".join(str(part) for part in location) + ": "
    return ""


def import_summary(plan: ImportPlan, *, dry_run: bool = False) -> list[str]:
    """What an import did: drafts written, duplicates it left alone, values it could not map."""
    verb = "would write" if dry_run else "wrote"
    lines = [
        f"{verb} {count(len(plan.new), 'new draft')}, updated {len(plan.updated)}, "
        f"{len(plan.unchanged)} unchanged"
    ]
    if plan.already_in_guide:
        lines.append(f"{count(len(plan.already_in_guide), 'exercise')} already in the guide:")
        lines += [f"  {name}: {display_path(path)}" for name, path in plan.already_in_guide]
    if plan.repeated_in_dataset:
        lines.append(f"{count(len(plan.repeated_in_dataset), 'exercise')} repeated in the dataset:")
        lines += [f"  {name}: same as {first}" for name, first in plan.repeated_in_dataset]
    if plan.refused:
        exercises = len({(p.path, p.line, p.column) for p in plan.refused})
        lines.append(f"{count(exercises, 'exercise')} not imported, listed above")
    if plan.unmapped:
        lines.append("not imported, because the crosswalk does not map:")
        lines += [
            f"  {kind} '{value}': {count(number, 'exercise')}"
            for (kind, value), number in sorted(plan.unmapped.items())
        ]
    return lines
