"""Starting points for new content files: a valid, commented YAML file with the right id."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import yaml

from generator.checks.names import fold
from generator.checks.routines import FITS_FOR_WHEN
from generator.checks.schema import field_fault
from generator.checks.suggestions import suggest
from generator.checks.text import text_rule
from generator.durations import dose_seconds
from generator.load import load_content
from generator.model import Exercise, Routine, RoutineItem, When
from generator.templating import environment

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{schema}"
"""First line of every content file, so editors validate and complete it as you type."""


class ScaffoldRefused(Exception):
    """The new file would clash with an existing one; the message says what to do instead."""


@dataclass(frozen=True)
class Draft:
    """A new content file, ready to be written."""

    path: Path
    text: str

    def write(self) -> None:
        """Create the new file, never over an existing one."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("x", encoding="utf-8") as handle:
            handle.write(self.text)


def slug(name: str) -> str:
    """The id for a name: lowercase ASCII words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(c.lower() if c.isalnum() else " " for c in ascii_name).split()
    return "-".join(words)[:60].strip("-")


def yaml_text(value: str) -> str:
    """``value`` as one double-quoted YAML scalar, quoted by the YAML library itself."""
    dumped = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n")


def yaml_comment(value: str) -> str:
    """``value`` on one line, safe to follow a '#'."""
    return " ".join(str(value).split())


_TEMPLATES = environment()
_TEMPLATES.filters["yaml_text"] = yaml_text
_TEMPLATES.filters["yaml_comment"] = yaml_comment


def _refuse_bad_name(model: type[Exercise] | type[Routine], name: str) -> None:
    """The name must pass the same rules `guide check` applies to it, before any file exists."""
    reason = text_rule(name, name=True) or field_fault(model, "name", name)
    if reason is not None:
        raise ScaffoldRefused(f"the name cannot be used: {reason}")


def _described(model: type[Exercise] | type[Routine]) -> dict[str, str]:
    return {name: field.description or "" for name, field in model.model_fields.items()}


def _existing_names(content: Path, folder: str) -> dict[str, str]:
    """Folded name or alias → the file that already uses it."""
    loaded = load_content(content)
    owners: dict[str, str] = {}
    for document in loaded.collections.get(folder, []):
        names = [document.data.get("name"), *(document.data.get("aliases") or [])]
        for name in names:
            if isinstance(name, str):
                owners.setdefault(fold(name), f"{document.path.as_posix()} ('{name}')")
    return owners


def _refuse_clashes(content: Path, folder: str, name: str) -> str:
    _refuse_bad_name(Exercise if folder == "exercises" else Routine, name)
    identifier = slug(name)
    if not identifier:
        raise ScaffoldRefused(f"'{name}' has no letters or digits to make an id from")
    path = content / folder / f"{identifier}.yml"
    if path.exists() or path.is_symlink():
        raise ScaffoldRefused(f"{path.as_posix()} already exists; edit it instead")
    owner = _existing_names(content, folder).get(fold(name))
    if owner is not None:
        raise ScaffoldRefused(
            f"'{name}' is already in the guide: {owner}. Edit that file, or add your name "
            "to its aliases"
        )
    return identifier


def new_exercise(content: Path, name: str, pattern: str) -> Draft:
    """A new exercise file for ``name`` under the movement pattern ``pattern``."""
    identifier = _refuse_clashes(content, "exercises", name)
    loaded = load_content(content)
    taxonomy = loaded.taxonomies
    patterns = taxonomy["patterns"].data if "patterns" in taxonomy else {}
    if pattern not in patterns:
        choices = ", ".join(patterns) or "none found"
        raise ScaffoldRefused(
            f"unknown pattern '{pattern}'{suggest(pattern, patterns)}; choose one of: {choices}"
        )
    main_muscles = patterns[pattern].get("main_muscles") or []
    muscles = taxonomy["muscles"].data if "muscles" in taxonomy else {}
    primary = main_muscles[:2] or list(muscles)[:1]
    text = _TEMPLATES.get_template("scaffold/new_exercise.yml.j2").render(
        schema_line=SCHEMA_LINE.format(schema="exercise.schema.json"),
        name=name,
        pattern=pattern,
        pattern_name=patterns[pattern].get("name", pattern),
        primary=primary,
        about=_described(Exercise),
    )
    return Draft(content / "exercises" / f"{identifier}.yml", text)


STARTING_DOSE = RoutineItem(exercise="any", sets=2, reps=10, rest_seconds=30)
"""The dose a new routine starts each exercise at; its minutes are counted from it."""
STARTING_SECONDS = dose_seconds(STARTING_DOSE, STARTING_DOSE.per_side)


WHEN_PREFERENCE: tuple[When, ...] = (
    "post-run",
    "pre-run",
    "warm-up",
    "separate-day",
    "after-speed-work",
)
"""The 'when' a new routine gets: the first that every one of its exercises fits."""
assert set(WHEN_PREFERENCE) == set(get_args(When))


def _fitting_when(fits: dict[str, list[str]], wanted: str | None) -> When:
    """The 'when' every exercise fits (``wanted`` if given), or a refusal naming the misfits."""
    choices = [w for w in WHEN_PREFERENCE if wanted in (None, w)]
    if wanted is not None and not choices:
        raise ScaffoldRefused(
            f"unknown when '{wanted}'{suggest(wanted, WHEN_PREFERENCE)}; choose one of: "
            + ", ".join(WHEN_PREFERENCE)
        )
    for when in choices:
        if all(set(fit) & set(FITS_FOR_WHEN[when]) for fit in fits.values()):
            return when
    described = "; ".join(
        f"'{key}' fits {', '.join(fit) or 'nothing'}" for key, fit in fits.items()
    )
    if wanted is not None:
        raise ScaffoldRefused(
            f"not every exercise fits a '{wanted}' routine ({described}); a '{wanted}' routine "
            f"takes exercises whose 'fits' include {' or '.join(FITS_FOR_WHEN[wanted])}"
        )
    raise ScaffoldRefused(
        f"no 'when' suits every exercise ({described}); split them into two routines"
    )


def new_routine(content: Path, name: str, exercises: list[str], when: str | None = None) -> Draft:
    """A new routine file for ``name`` built from existing reviewed exercise ids, done at a
    ``when`` each of them fits (the first that does, unless ``when`` is given)."""
    identifier = _refuse_clashes(content, "routines", name)
    loaded = load_content(content)
    documents = {d.path.stem: d for d in loaded.collections.get("exercises", [])}
    unknown = [e for e in exercises if e not in documents]
    if unknown:
        raise ScaffoldRefused(
            f"unknown exercise '{unknown[0]}'{suggest(unknown[0], documents)}; ids are the "
            f"file names in {(content / 'exercises').as_posix()}/"
        )
    drafts = [e for e in exercises if documents[e].data.get("status") == "draft"]
    if drafts:
        raise ScaffoldRefused(
            f"'{drafts[0]}' is a draft; a routine may use reviewed exercises only"
        )
    if not exercises:
        exercises = sorted(k for k, d in documents.items() if d.data.get("status") != "draft")[:1]
    fits = {e: [str(f) for f in documents[e].data.get("fits") or []] for e in exercises}
    chosen = _fitting_when(fits, when)
    text = _TEMPLATES.get_template("scaffold/new_routine.yml.j2").render(
        schema_line=SCHEMA_LINE.format(schema="routine.schema.json"),
        name=name,
        when=chosen,
        whens=WHEN_PREFERENCE,
        exercises=exercises,
        dose=STARTING_DOSE,
        minutes=max(1, round(len(exercises) * STARTING_SECONDS / 60)),
        about=_described(Routine),
    )
    return Draft(content / "routines" / f"{identifier}.yml", text)
