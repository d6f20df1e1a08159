"""Every content rule: the schema from model.py, then ids, references, duplicates and cycles.

Validation returns problems and raises nothing; a Guide comes back only when there are none,
so rendering can rely on every reference resolving.
"""

from __future__ import annotations

import difflib
import re
import types
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.load import Document, LoadedContent, Location
from generator.model import (
    BodyRegion,
    Equipment,
    Exercise,
    Guide,
    Muscle,
    Pattern,
    ProblemArea,
    Routine,
)
from generator.problems import Problem

COLLECTION_MODELS: dict[str, type[BaseModel]] = {
    "exercises": Exercise,
    "routines": Routine,
    "problem-areas": ProblemArea,
}
TAXONOMY_MODELS: dict[str, type[BaseModel]] = {
    "patterns": Pattern,
    "muscles": Muscle,
    "equipment": Equipment,
    "body-map": BodyRegion,
}
LISTED_IN = {
    **{kind: f"{kind}/" for kind in COLLECTION_MODELS},
    **{kind: f"taxonomy/{kind}.yml" for kind in TAXONOMY_MODELS},
}
"""Where a contributor finds the valid ids of each kind."""
ID_RULE = "use lowercase letters, digits and single hyphens, such as 'single-leg-bridge'"


@dataclass(frozen=True)
class Placed:
    """A validated entry and the document it came from, so later rules can point at it."""

    id: str
    entry: BaseModel
    document: Document
    base: Location


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _unwrap(annotation: Any) -> Any:
    """The model class behind list[...], Optional[...] and Annotated[...] wrappers."""
    while True:
        origin = get_origin(annotation)
        if origin in (list, Union, types.UnionType) or str(origin).endswith("Annotated"):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0]
            continue
        return annotation


def _model_at(model: type[BaseModel], path: Location) -> type[BaseModel] | None:
    """The nested model class found by following ``path`` through field annotations."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_label(location: Location) -> str:
    label = ""
    for part in location:
        label += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if label else part)
    return label or "file"


def _describe(model: type[BaseModel], error: Any) -> tuple[str, str]:
    """A contributor-facing message and hint for one pydantic error."""
    location: Location = tuple(error["loc"])
    kind: str = error["type"]
    field = _field_label(location)
    given = error.get("input")
    context = error.get("ctx") or {}
    if kind == "extra_forbidden":
        parent = _model_at(model, location[:-1])
        known = list(parent.model_fields) if parent else []
        key = str(location[-1])
        return (
            f"unknown key '{key}'{suggest(key, known)}",
            f"allowed keys here: {', '.join(known)}" if known else "",
        )
    if kind == "missing":
        return f"missing required key '{location[-1]}'", f"add '{location[-1]}:' to this entry"
    if kind == "literal_error":
        expected = context.get("expected", "").replace("'", "")
        options = [o.strip() for o in expected.replace(" or ", ", ").split(",")]
        return (
            f"'{given}' is not allowed for '{field}'{suggest(str(given), options)}",
            f"choose one of: {', '.join(options)}",
        )
    if kind == "string_pattern_mismatch":
        pattern = str(context.get("pattern", ""))
        if "youtube" in pattern:
            return (
                f"'{field}' must be an https:// link to YouTube or Vimeo",
                "upload the video there, or leave the video out",
            )
        if "https" in pattern:
            return (
                f"'{field}' must be a full https:// address",
                "start the link with https:// and leave out spaces, quotes and brackets",
            )
        return f"'{given}' is not a valid id in '{field}'", ID_RULE
    if kind in ("too_short", "too_long") and isinstance(given, list | dict | str):
        limit = context.get("min_length", context.get("max_length"))
        what = ("item" if isinstance(given, list) else "character") + "s" * (limit != 1)
        if kind == "too_short":
            return f"'{field}' needs at least {limit} {what}", "add more, one per line after '- '"
        return f"'{field}' has more than {limit} {what}", "keep the most useful ones"
    if kind == "string_too_short":
        return f"'{field}' is empty", "write some text or remove the key"
    if kind == "string_too_long":
        return (
            f"'{field}' is longer than {context.get('max_length')} characters",
            "shorten it; split long text into list items",
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return (
            f"'{field}' must be a whole number, got {given!r}",
            "write digits only, with no quotes or units, such as 12",
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = context.get("ge", context.get("gt", context.get("le", context.get("lt"))))
        word = "at least" if kind.startswith("greater") else "at most"
        return f"'{field}' must be {word} {limit}, got {given!r}", f"use a number of {word} {limit}"
    if kind == "string_type":
        if isinstance(given, dict):
            return (
                f"'{field}' must be text, but a ': ' inside it started a new key",
                "put the whole text in double quotes, or rephrase without ': '",
            )
        return f"'{field}' must be text, got {type(given).__name__}", "put the text in quotes"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{field}' must be true or false, got {given!r}", "write true or false"
    if kind == "list_type":
        return f"'{field}' must be a list", "start each item on its own line with '- '"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"'{field}' must be a group of keys and values", "indent its keys under it"
    if kind == "value_error":
        return (
            f"{field}: {error['msg'].removeprefix('Value error, ')}",
            "see CONTRIBUTING.md for the fields of each kind of file",
        )
    return f"'{field}': {error['msg']}", "see CONTRIBUTING.md for the fields of each kind of file"


def _schema_problems(
    model: type[BaseModel], document: Document, data: Any, base: Location
) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as failure:
        problems = []
        for error in failure.errors(include_url=False):
            location: Location = (*base, *error["loc"])
            message, hint = _describe(model, {**error, "loc": tuple(error["loc"])})
            if error["type"] == "extra_forbidden" and location == ("id",):
                message = f"'id' is not a key: the file name '{document.path.stem}' is the id"
                hint = f"remove the 'id' line, or rename the file to {document.data['id']}.yml"
            if error["type"] == "extra_forbidden":
                where = document.key_position(location)
            else:
                where = document.position(location)
            problems.append(Problem(document.path, where.line, where.column, message, hint))
        return None, problems


def _collection_entries(
    name: str, documents: list[Document]
) -> tuple[dict[str, Placed], list[Problem]]:
    model = COLLECTION_MODELS[name]
    entries: dict[str, Placed] = {}
    problems: list[Problem] = []
    for document in documents:
        stem = document.path.stem
        if not _is_id(stem):
            problems.append(
                Problem(
                    document.path, 1, 1, f"file name '{document.path.name}' is not an id", ID_RULE
                )
            )
            continue
        entry, found = _schema_problems(model, document, document.data, ())
        problems.extend(found)
        if entry is not None:
            entries[stem] = Placed(stem, entry, document, ())
    return entries, problems


def _taxonomy_entries(name: str, document: Document) -> tuple[dict[str, Placed], list[Problem]]:
    model = TAXONOMY_MODELS[name]
    entries: dict[str, Placed] = {}
    problems: list[Problem] = []
    for key, data in document.data.items():
        if not _is_id(key):
            where = document.key_position((key,))
            problems.append(
                Problem(
                    document.path, where.line, where.column, f"'{key}' is not a valid id", ID_RULE
                )
            )
            continue
        entry, found = _schema_problems(model, document, data, (key,))
        problems.extend(found)
        if entry is not None:
            entries[key] = Placed(key, entry, document, (key,))
    return entries, problems


def _is_id(text: str) -> bool:
    parts = text.split("-")
    return 0 < len(text) <= 60 and all(
        p and p.isascii() and p.isalnum() and p == p.lower() for p in parts
    )


_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_SCRIPT_LINK = re.compile(r"(?i)\b(java|vb)\s*script\s*:")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\s*\(")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_RULE = re.compile(r"^\s{0,3}([-=*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_INVISIBLE = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0xFEFF)}
TEXT_HINT = "write plain text; *asterisks* for emphasis are the only formatting"


def _text_rule(text: str) -> str | None:
    """Why a text value could change the page's structure or run code, if it could."""
    if _HTML.search(text):
        return "raw HTML is not allowed in text"
    if _SCRIPT_LINK.search(text):
        return "script links ('javascript:') are not allowed"
    if _MARKDOWN_LINK.search(text):
        return "links are not allowed in text; put them under 'sources' or 'video'"
    for line in text.splitlines():
        if _HEADING.match(line):
            return "headings are not allowed inside a field; the page layout adds them"
        if _RULE.match(line):
            return f"a '{line.strip()}' line is not allowed inside a field"
        if _FENCE.match(line):
            return "code blocks are not allowed inside a field"
    for char in text:
        if char in _INVISIBLE or (unicodedata.category(char) == "Cc" and char not in "\n\t"):
            return f"text contains an invisible control character (U+{ord(char):04X})"
    return None


LINK_KEYS = ("url", "video")
"""Links are checked by their own https pattern, not as prose."""


def _walk_text(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key not in LINK_KEYS:
                yield from _walk_text(child, (*location, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk_text(child, (*location, index))


def text_problems(document: Document) -> list[Problem]:
    """Text that would inject markup or break the page, wherever it stands in the file."""
    problems = []
    for location, text in _walk_text(document.data, ()):
        reason = _text_rule(text)
        if reason is not None:
            problems.append(document.problem(location, reason, TEXT_HINT))
    return problems


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name, for spotting duplicates."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in letters).split())


class _Rules:
    """Cross-file rules over schema-valid entries."""

    def __init__(self, entries: dict[str, dict[str, Placed]], ids: dict[str, set[str]]) -> None:
        self.entries = entries
        self.ids = ids
        """Every id that exists, valid or not, so one broken file does not cascade."""
        self.problems: list[Problem] = []

    def report(self, placed: Placed, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(placed.document.problem((*placed.base, *location), message, hint))

    def reference(self, placed: Placed, location: Location, target: str, kind: str) -> None:
        """Check one id refers to an existing entry of ``kind``."""
        known = self.ids[kind]
        if target not in known:
            noun = {
                "exercises": "exercise",
                "routines": "routine",
                "problem-areas": "problem area",
                "patterns": "pattern",
                "muscles": "muscle",
                "equipment": "equipment",
                "body-map": "body-map region",
            }[kind]
            self.report(
                placed,
                location,
                f"unknown {noun} '{target}'{suggest(target, sorted(known))}",
                f"ids are listed in content/{LISTED_IN[kind]}",
            )

    def references(self) -> None:
        for placed in self.entries["exercises"].values():
            exercise = placed.entry
            assert isinstance(exercise, Exercise)
            self.reference(placed, ("pattern",), exercise.pattern, "patterns")
            for i, area in enumerate(exercise.problem_areas):
                self.reference(placed, ("problem_areas", i), area, "problem-areas")
            for group in ("primary", "secondary"):
                for i, muscle in enumerate(getattr(exercise.muscles, group)):
                    self.reference(placed, ("muscles", group, i), muscle, "muscles")
            for i, item in enumerate(exercise.equipment):
                self.reference(placed, ("equipment", i), item, "equipment")
            for group in ("regressions", "progressions"):
                for i, step in enumerate(getattr(exercise, group)):
                    if step.exercise == placed.id:
                        self.report(
                            placed,
                            (group, i, "exercise"),
                            f"'{placed.id}' lists itself in its own {group}",
                            "link to a different exercise",
                        )
                    else:
                        self.reference(placed, (group, i, "exercise"), step.exercise, "exercises")
            self.no_repeats(placed, ("muscles", "primary"), exercise.muscles.primary)
            self.no_repeats(placed, ("equipment",), exercise.equipment)
            both = set(exercise.muscles.primary) & set(exercise.muscles.secondary)
            for i, muscle in enumerate(exercise.muscles.secondary):
                if muscle in both:
                    self.report(
                        placed,
                        ("muscles", "secondary", i),
                        f"muscle '{muscle}' is listed as both primary and secondary",
                        "keep it in one list",
                    )
        for placed in self.entries["routines"].values():
            routine = placed.entry
            assert isinstance(routine, Routine)
            for i, area in enumerate(routine.problem_areas):
                self.reference(placed, ("problem_areas", i), area, "problem-areas")
            for i, entry in enumerate(routine.items):
                self.reference(placed, ("items", i, "exercise"), entry.exercise, "exercises")
        for placed in self.entries["problem-areas"].values():
            problem_area = placed.entry
            assert isinstance(problem_area, ProblemArea)
            self.reference(placed, ("starter_routine",), problem_area.starter_routine, "routines")
        for placed in self.entries["patterns"].values():
            pattern = placed.entry
            assert isinstance(pattern, Pattern)
            for i, muscle in enumerate(pattern.main_muscles):
                self.reference(placed, ("main_muscles", i), muscle, "muscles")

    def body_map(self) -> None:
        """Every muscle is drawn on the figure it is seen on, and every region is a muscle."""
        regions = self.entries["body-map"]
        for key, placed in self.entries["muscles"].items():
            muscle = placed.entry
            assert isinstance(muscle, Muscle)
            region = regions.get(key)
            if region is None:
                if key not in self.ids["body-map"]:
                    self.report(
                        placed,
                        (),
                        f"muscle '{key}' has no region on the body map",
                        "add its shapes to content/taxonomy/body-map.yml",
                    )
                continue
            assert isinstance(region.entry, BodyRegion)
            if region.entry.view != muscle.view:
                self.report(
                    region,
                    ("view",),
                    f"'{key}' is drawn on the {region.entry.view} figure but seen from the "
                    f"{muscle.view} in muscles.yml",
                    "make the two views agree",
                )
        for key, placed in regions.items():
            if key not in self.ids["muscles"]:
                self.report(
                    placed,
                    (),
                    f"body-map region '{key}' is not a muscle"
                    + suggest(key, sorted(self.ids["muscles"])),
                    "region keys are muscle ids from content/taxonomy/muscles.yml",
                )

    def no_repeats(self, placed: Placed, location: Location, values: list[str]) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if value in seen:
                self.report(placed, (*location, i), f"'{value}' is listed twice", "remove one")
            seen.add(value)

    def unique_names(self) -> None:
        """Names and aliases must not collide within a collection, ignoring case and accents."""
        for entries in self.entries.values():
            owners: dict[str, tuple[Placed, str]] = {}
            for placed in entries.values():
                if not hasattr(placed.entry, "name"):
                    continue
                names: list[tuple[Location, str]] = [(("name",), getattr(placed.entry, "name", ""))]
                aliases = getattr(placed.entry, "aliases", [])
                names += [(("aliases", i), alias) for i, alias in enumerate(aliases)]
                for location, name in names:
                    key = fold(name)
                    owner = owners.get(key)
                    if owner is None:
                        owners[key] = (placed, name)
                    elif owner[0] is not placed:
                        first = owner[0].document.position((*owner[0].base, "name"))
                        self.report(
                            placed,
                            location,
                            f"'{name}' is already used by '{owner[0].id}' "
                            f"({owner[0].document.path}:{first.line})",
                            "pick a different name, or add to the existing entry instead",
                        )

    def no_progression_cycles(self) -> None:
        """Progressions lead somewhere harder, so following them must never loop back."""
        exercises = self.entries["exercises"]
        edges: dict[str, list[tuple[str, Placed, Location]]] = {key: [] for key in exercises}
        for placed in exercises.values():
            exercise = placed.entry
            assert isinstance(exercise, Exercise)
            for i, step in enumerate(exercise.progressions):
                if step.exercise in exercises and step.exercise != placed.id:
                    edges[placed.id].append(
                        (step.exercise, placed, ("progressions", i, "exercise"))
                    )
            for i, step in enumerate(exercise.regressions):
                if step.exercise in exercises and step.exercise != placed.id:
                    edges[step.exercise].append((placed.id, placed, ("regressions", i, "exercise")))
        state: dict[str, int] = {}
        for start in sorted(edges):
            if state.get(start):
                continue
            path = [start]
            stack: list[Iterator[tuple[str, Placed, Location]]] = [iter(edges[start])]
            state[start] = 1
            while stack:
                edge = next(stack[-1], None)
                if edge is None:
                    stack.pop()
                    state[path.pop()] = 2
                    continue
                target, source, location = edge
                if state.get(target) == 1:
                    loop = [*path[path.index(target) :], target]
                    self.report(
                        source,
                        location,
                        f"progression cycle: {' → '.join(loop)}",
                        "a progression must be harder; remove one link of the loop",
                    )
                elif not state.get(target):
                    state[target] = 1
                    path.append(target)
                    stack.append(iter(edges[target]))


def validate(content: LoadedContent) -> tuple[Guide | None, list[Problem]]:
    """Check everything; return the Guide only when no problem was found."""
    problems = list(content.problems)
    every_document = [*content.taxonomies.values()]
    every_document += [d for collection in content.collections.values() for d in collection]
    for each in every_document:
        problems.extend(text_problems(each))
    entries: dict[str, dict[str, Placed]] = {}
    for name, documents in content.collections.items():
        entries[name], found = _collection_entries(name, documents)
        problems.extend(found)
    for name in TAXONOMY_MODELS:
        document = content.taxonomies.get(name)
        if document is None:
            entries[name] = {}
            continue
        entries[name], found = _taxonomy_entries(name, document)
        problems.extend(found)
    ids = {
        name: {d.path.stem for d in documents if _is_id(d.path.stem)}
        for name, documents in content.collections.items()
    }
    ids.update(
        {name: set(filter(_is_id, document.data)) for name, document in content.taxonomies.items()}
    )
    for name in TAXONOMY_MODELS:
        ids.setdefault(name, set())
    rules = _Rules(entries, ids)
    rules.references()
    rules.body_map()
    rules.unique_names()
    rules.no_progression_cycles()
    problems.extend(rules.problems)
    if problems:
        return None, problems

    def pick(kind: str) -> dict[str, Any]:
        return {key: placed.entry for key, placed in entries[kind].items()}

    sources = {
        (kind, key): placed.document.path.relative_to(content.root).as_posix()
        for kind, placed_entries in entries.items()
        for key, placed in placed_entries.items()
    }
    guide = Guide(
        exercises=pick("exercises"),
        routines=pick("routines"),
        problem_areas=pick("problem-areas"),
        patterns=pick("patterns"),
        muscles=pick("muscles"),
        equipment=pick("equipment"),
        body_map=pick("body-map"),
        sources=sources,
    )
    return guide, []
