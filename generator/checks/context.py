"""What every rule family shares: the schema-valid entries, every known id, and a report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.checks.suggestions import suggest
from generator.derive import Derived
from generator.kinds import kind_named
from generator.load import Document, HandWrittenPage, Location
from generator.model import (
    License,
)
from generator.problems import Problem

ID_LIMIT = 60
ID_RULE = (
    f"use at most {ID_LIMIT} lowercase letters, digits and single hyphens, "
    "such as 'single-leg-bridge'"
)


@dataclass(frozen=True)
class Placed:
    """A validated entry and the document it came from, so later rules can point at it."""

    id: str
    entry: BaseModel
    document: Document
    base: Location


@dataclass(frozen=True)
class Raw:
    """One entry's data as written, schema-valid or not, so reference rules reach every file."""

    id: str
    data: Any
    document: Document
    base: Location


@dataclass
class CheckContext:
    """Schema-valid entries by kind, every id that exists, and the problems found so far."""

    entries: dict[str, dict[str, Placed]]
    ids: dict[str, set[str]]
    """Every id that exists, valid or not, so one broken file does not cascade."""
    unknowable: set[str] = field(default_factory=set)
    """Kinds whose file could not be read: references to them are not judged."""
    page_texts: list[HandWrittenPage] = field(default_factory=list)
    """Every hand-written page as text."""
    front_matters: list[Document] = field(default_factory=list)
    """The front matter of the hand-written pages that have any, positioned in the page."""
    raw: dict[str, list[Raw]] = field(default_factory=dict)
    """Every entry as written, including those whose schema check failed."""
    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None
    """The content root, for the rules that open files under it (images)."""
    licenses: dict[str, License] = field(default_factory=dict)
    """The open licenses images may carry, by SPDX id."""
    derived: Derived = field(default_factory=Derived)
    """What the derive stage worked out (examined images, laid-out figures), for the rules
    to judge."""

    def report(
        self, placed: Placed | Raw, location: Location, message: str, hint: str = ""
    ) -> None:
        self.problems.append(placed.document.problem((*placed.base, *location), message, hint))

    def reference(self, placed: Placed | Raw, location: Location, target: str, kind: str) -> None:
        """Check one id refers to an existing entry of ``kind``."""
        known = self.ids[kind]
        if target not in known and kind not in self.unknowable:
            self.report(
                placed,
                location,
                f"unknown {kind_named(kind).noun} '{target}'{suggest(target, sorted(known))}",
                f"ids are listed in content/{kind_named(kind).listed_in}",
            )

    def no_repeats(self, placed: Placed | Raw, location: Location, values: list[Any]) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            if not isinstance(value, str):
                continue
            if value in seen:
                self.report(placed, (*location, i), f"'{value}' is listed twice", "remove one")
            seen.add(value)

    def complete(self, kind: str) -> bool:
        """True when every entry of ``kind`` passed its schema check, so rules that look
        entries up by id (laying out a figure) can rely on each one being there."""
        if kind in self.unknowable:
            return False
        valid = self.entries.get(kind, {})
        return all(raw.id in valid for raw in self.raw.get(kind, []))

    def each(self, kind: str) -> Iterable[Placed]:
        return self.entries.get(kind, {}).values()
