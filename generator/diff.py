"""What a change does to the guide, in reader terms: entries and pages added, removed, changed."""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.model import Guide
from generator.render import Page

SECTIONS = ("exercises", "routines", "problem_areas", "patterns", "muscles", "equipment")


class RevisionUnavailable(Exception):
    """git could not produce the content of the requested revision."""


def resolve_revision(repository: Path, revision: str) -> str:
    """The commit ``revision`` names; refused before git sees it if it could be read as an
    option, and refused if git cannot resolve it to a commit."""
    if not revision or revision.startswith("-") or any(c.isspace() or c == "\0" for c in revision):
        raise RevisionUnavailable(
            f"'{revision}' is not a revision; give a branch, tag or commit such as origin/main"
        )
    result = subprocess.run(
        [
            "git",
            "-C",
            str(repository),
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{revision}^{{commit}}",
        ],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise RevisionUnavailable(f"git cannot find a commit named '{revision}'")
    return result.stdout.decode("ascii").strip()


def extract_content(repository: Path, revision: str, target: Path) -> Path:
    """Unpack content/ as it was at ``revision`` into ``target``; returns the content root."""
    commit = resolve_revision(repository, revision)
    result = subprocess.run(
        ["git", "-C", str(repository), "archive", "--format=tar", commit, "--", "content"],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise RevisionUnavailable(result.stderr.decode(errors="replace").strip())
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")
    return target / "content"


@dataclass
class SectionChange:
    """Entries of one kind that a change adds, removes or edits (with the edited fields)."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class GuideChange:
    """Everything a reader would notice, section by section, plus the pages touched."""

    sections: dict[str, SectionChange]
    pages_added: list[str]
    pages_removed: list[str]
    pages_changed: list[str]


def _fields_changed(old: BaseModel, new: BaseModel) -> list[str]:
    before: dict[str, Any] = old.model_dump()
    after: dict[str, Any] = new.model_dump()
    return [name for name in after if before.get(name) != after.get(name)]


def compare(
    old: Guide, new: Guide, old_pages: dict[str, Page], new_pages: dict[str, Page]
) -> GuideChange:
    """The difference between two versions of the guide."""
    sections = {}
    for section in SECTIONS:
        before: dict[str, Any] = getattr(old, section)
        after: dict[str, Any] = getattr(new, section)
        change = SectionChange(
            added=[(key, after[key].name) for key in after if key not in before],
            removed=[(key, before[key].name) for key in before if key not in after],
            changed=[
                (key, after[key].name, _fields_changed(before[key], after[key]))
                for key in after
                if key in before and before[key] != after[key]
            ],
        )
        sections[section] = change
    return GuideChange(
        sections=sections,
        pages_added=sorted(set(new_pages) - set(old_pages)),
        pages_removed=sorted(set(old_pages) - set(new_pages)),
        pages_changed=sorted(
            path
            for path in set(old_pages) & set(new_pages)
            if old_pages[path].text != new_pages[path].text
        ),
    )


def describe(change: GuideChange) -> list[str]:
    """The change as lines of text for a reviewer."""
    lines = []
    for section, entries in change.sections.items():
        if not entries:
            continue
        title = section.replace("_", " ").capitalize()
        lines.append(
            f"{title}: {len(entries.added)} added, {len(entries.removed)} removed, "
            f"{len(entries.changed)} changed"
        )
        lines += [f"  + {key}  {name}" for key, name in entries.added]
        lines += [f"  - {key}  {name}" for key, name in entries.removed]
        lines += [
            f"  ~ {key}  {name}: {', '.join(fields)}" for key, name, fields in entries.changed
        ]
    touched = len(change.pages_added) + len(change.pages_removed) + len(change.pages_changed)
    if not touched:
        return [*lines, "No page of the guide changes."]
    lines.append(
        f"Pages: {len(change.pages_added)} added, {len(change.pages_removed)} removed, "
        f"{len(change.pages_changed)} changed"
    )
    lines += [f"  + {path}" for path in change.pages_added]
    lines += [f"  - {path}" for path in change.pages_removed]
    lines += [f"  ~ {path}" for path in change.pages_changed]
    return lines
