"""Synthetic guides of any size, made by repeating the real content under new ids.

The first copy keeps the real ids, so hand-written pages still link correctly; each further
copy ("variation 2", "variation 3", ...) renames every exercise, routine and problem area,
rewires its references inside the copy and marks its texts as its own, so no two entries
share a text. Text keeps about its real length. Patterns, muscles and
equipment are a fixed vocabulary and are not multiplied.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.durations import TOLERANCE, routine_seconds
from generator.model import Equipment, Exercise, Routine

REPO = Path(__file__).resolve().parent.parent
COLLECTIONS = ("exercises", "routines", "problem-areas")


def _load(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))
    }


def _renamed(key: str, copy: int) -> str:
    return key if copy == 1 else f"{key}-v{copy}"


def _named(name: str, copy: int) -> str:
    return name if copy == 1 else f"{name} (variation {copy})"


def _captioned(caption: str, copy: int) -> str:
    """Each copy's caption is its own, and still one sentence, as the check requires."""
    return caption if copy == 1 else f"{caption.removesuffix('.')} (variation {copy})."


VARIED = {
    "exercises": ("summary", "steps", "cues", "mistakes", "safety"),
    "routines": ("goal", "notes"),
    "problem-areas": ("summary",),
}
"""Texts each copy words a little differently, as a library of distinct exercises would: a
check or a page that works a text out once would otherwise find most texts already done."""


def _varied(entry: dict[str, Any], kind: str, copy: int) -> dict[str, Any]:
    """The entry with each of its texts in VARIED marked as this copy's own."""
    if copy == 1:
        return entry
    varied = dict(entry)
    for field in VARIED[kind]:
        value = entry.get(field)
        if isinstance(value, str) and len(value) < 200:
            varied[field] = _captioned(value, copy)
        elif isinstance(value, list):
            varied[field] = [_captioned(text, copy) for text in value]
    return varied


def synthesize(target: Path, exercises: int) -> Path:
    """Write a guide with ``exercises`` exercises under ``target``; returns its mkdocs.yml."""
    content = target / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns(*COLLECTIONS))
    shutil.copytree(REPO / "overrides", target / "overrides")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    real = {name: _load(REPO / "content" / name) for name in COLLECTIONS}
    for name in COLLECTIONS:
        (content / name).mkdir()
    per_copy = len(real["exercises"])
    copies = -(-exercises // per_copy)
    written: set[str] = set()
    for copy in range(1, copies + 1):
        wanted = min(per_copy, exercises - (copy - 1) * per_copy)
        members = _by_priority(real)[:wanted]
        kept = set(members)
        for key in members:
            entry = _varied(real["exercises"][key], "exercises", copy)
            entry["name"] = _named(entry["name"], copy)
            entry["aliases"] = [_named(a, copy) for a in entry.get("aliases", [])]
            entry["caption"] = _captioned(entry["caption"], copy)
            entry["problem_areas"] = [_renamed(p, copy) for p in entry.get("problem_areas", [])]
            entry["sources"] = [
                _cited(citation, copy)
                for citation in entry.get("sources", [])
                # A general claim is cited on the original only, as the check allows.
                if copy == 1 or "problem_area" in citation
            ]
            for link in ("progressions", "regressions"):
                entry[link] = [
                    {**step, "exercise": _renamed(step["exercise"], copy)}
                    for step in entry.get(link, [])
                    if step["exercise"] in kept
                ]
            _write(content / "exercises" / f"{_renamed(key, copy)}.yml", entry)
        routines_kept = set()
        names_used: set[str] = set()
        for key, routine in real["routines"].items():
            items = [item for item in routine["items"] if item["exercise"] in kept]
            if not items:
                continue
            entry = _varied(routine, "routines", copy)
            entry["name"] = _named(entry["name"], copy)
            entry["problem_areas"] = [_renamed(p, copy) for p in entry.get("problem_areas", [])]
            entry["items"] = [
                {**item, "exercise": _renamed(item["exercise"], copy)} for item in items
            ]
            entry["minutes"] = _minutes(entry, real["exercises"], copy)
            if entry["minutes"] is None:
                continue
            # A trimmed routine is named for the minutes it now takes.
            entry["name"] = NAMED_TIME.sub(f"{entry['minutes']} minutes", entry["name"])
            if entry["name"] in names_used:
                continue
            names_used.add(entry["name"])
            _write(content / "routines" / f"{_renamed(key, copy)}.yml", entry)
            routines_kept.add(key)
        for key, area in real["problem-areas"].items():
            if area["starter_routine"] not in routines_kept:
                continue
            entry = _varied(area, "problem-areas", copy)
            entry["name"] = _named(entry["name"], copy)
            entry["aliases"] = [_named(a, copy) for a in entry.get("aliases", [])]
            entry["starter_routine"] = _renamed(entry["starter_routine"], copy)
            entry["related"] = [_renamed(r, copy) for r in entry.get("related", [])]
            _write(content / "problem-areas" / f"{_renamed(key, copy)}.yml", entry)
            written.add(_renamed(key, copy))
    for folder in ("exercises", "routines"):
        for path in (content / folder).glob("*.yml"):
            entry = yaml.safe_load(path.read_text(encoding="utf-8"))
            areas = [a for a in entry.get("problem_areas", []) if a in written]
            sources = [_uncited(c, written) for c in entry.get("sources", [])]
            if areas != entry.get("problem_areas", []) or sources != entry.get("sources", []):
                entry["problem_areas"] = areas
                entry["sources"] = sources
                _write(path, entry)
    for path in (content / "problem-areas").glob("*.yml"):
        # A related problem area is linked only when its copy was written.
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        related = [r for r in entry["related"] if r in written]
        if related != entry["related"]:
            _write(path, {**entry, "related": related})
    for path in (content / "sources").glob("*.yml"):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        about = entry.get("about", [])
        entry["about"] = [_renamed(a, c) for c in range(1, copies + 1) for a in about]
        _write(path, entry)
    exercises_written = {path.stem for path in (content / "exercises").glob("*.yml")}
    _plan_rules(content / "plan" / "rules.yml", exercises_written, written)
    return target / "mkdocs.yml"


def _by_priority(real: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    """Exercise ids, those of problem areas' starter routines first, so that even a small
    synthetic guide keeps every problem area (hand-written pages are tagged with them)."""
    starters = [
        item["exercise"]
        for area in real["problem-areas"].values()
        for item in real["routines"][area["starter_routine"]]["items"]
    ]
    return list(dict.fromkeys([*starters, *real["exercises"]]))


def _cited(citation: dict[str, Any], copy: int) -> dict[str, Any]:
    """A citation in a copy backs the copy's own problem area."""
    if "problem_area" not in citation:
        return citation
    return {**citation, "problem_area": _renamed(citation["problem_area"], copy)}


def _uncited(citation: dict[str, Any], written: set[str]) -> dict[str, Any]:
    """A citation whose problem area was not copied backs no link any more."""
    if "problem_area" not in citation or citation["problem_area"] in written:
        return citation
    return {key: value for key, value in citation.items() if key != "problem_area"}


NAMED_TIME = re.compile(r"\b(\d+)[ -]minutes?\b", re.IGNORECASE)
"""The time in a routine's name ("Shins in 10 minutes"), restated for a trimmed copy."""


def _minutes(
    routine: dict[str, Any], exercises: dict[str, dict[str, Any]], copy: int
) -> int | None:
    """The whole minutes a trimmed routine takes, or None when no whole number of minutes is
    close enough to state (a trimmed routine of a minute or so)."""
    equipment = {
        key: Equipment.model_validate(value)
        for key, value in yaml.safe_load(
            (REPO / "content" / "taxonomy" / "equipment.yml").read_text(encoding="utf-8")
        ).items()
    }
    models = {
        _renamed(key, copy): Exercise.model_validate(entry) for key, entry in exercises.items()
    }
    seconds = routine_seconds(Routine.model_validate(routine), models, equipment)
    minutes = max(1, round(seconds / 60))
    return minutes if abs(minutes - seconds / 60) <= TOLERANCE * seconds / 60 else None


def _plan_rules(path: Path, exercises: set[str], areas: set[str]) -> None:
    """Keep the plan rules' exercise and problem-area ids to those the synthetic guide has,
    and its blocks to those the synthetic exercises can fill."""
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    folder = path.parent.parent / "exercises"
    written = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yml")]
    strength_day = {e["pattern"] for e in written if "strength-day" in e.get("fits", [])}
    empty = [
        key
        for key, block in rules["blocks"].items()
        if not set(block.get("a", [])) & strength_day or not set(block.get("b", [])) & strength_day
    ]
    for key in empty:
        del rules["blocks"][key]
    rules["priority"] = [key for key in rules["priority"] if key not in empty]
    for block in rules["blocks"].values():
        block["exclude"] = [key for key in block.get("exclude", []) if key in exercises]
    for rule in rules["rules"].values():
        if "no_plyometrics_with" in rule:
            rule["no_plyometrics_with"] = [a for a in rule["no_plyometrics_with"] if a in areas]
    _write(path, rules)


def _write(path: Path, entry: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(entry, sort_keys=False, allow_unicode=True), encoding="utf-8")
