"""What a change does to the guide, in reader terms: entries and pages added, removed, changed,
with the old and new value of every changed field; plus the images and plan rules a reviewer
checks for licences, privacy and evidence."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.guide import Guide
from generator.kinds import with_pages
from generator.render import Page


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


MISSING = object()
"""A value a field does not have on one side of the change."""


@dataclass(frozen=True)
class ValueChange:
    """One value that differs: where (``steps[2]``, ``dosage.reps``), before and after."""

    where: str
    old: Any
    new: Any

    @property
    def field(self) -> str:
        return self.where.split(".", 1)[0].split("[", 1)[0]


def value_changes(old: Any, new: Any, where: str = "") -> list[ValueChange]:
    """The smallest parts of two plain values that differ: mappings key by key, lists of the
    same length item by item, anything else whole."""
    if isinstance(old, dict) and isinstance(new, dict):
        found: list[ValueChange] = []
        for key in [*old, *(k for k in new if k not in old)]:
            inner = f"{where}.{key}" if where else str(key)
            found += value_changes(old.get(key, MISSING), new.get(key, MISSING), inner)
        return found
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            c
            for i, pair in enumerate(zip(old, new, strict=True))
            for c in value_changes(*pair, f"{where}[{i}]")
        ]
    return [] if old == new else [ValueChange(where, old, new)]


def _changes(old: BaseModel, new: BaseModel) -> list[ValueChange]:
    return value_changes(
        old.model_dump(mode="json", exclude_none=True),
        new.model_dump(mode="json", exclude_none=True),
    )


@dataclass
class SectionChange:
    """Entries of one kind that a change adds, removes or edits (with the edited values)."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, list[ValueChange]]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class MediaChange:
    """Image files in content/media/ added, replaced or removed, each added or replaced one
    with how the exercises showing it license and credit it."""

    added: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass
class GuideChange:
    """Everything a reader would notice, section by section, plus the pages touched."""

    sections: dict[str, SectionChange]
    pages_added: list[str]
    pages_removed: list[str]
    pages_changed: list[str]
    media: MediaChange = field(default_factory=MediaChange)
    plan_rules: list[ValueChange] = field(default_factory=list)


MEDIA = "media"
"""The folder of content/ holding contributed images."""


def _media_digests(content_root: Path) -> dict[str, str]:
    folder = content_root / MEDIA
    if not folder.is_dir():
        return {}
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.is_symlink()
    }


def _image_use(guide: Guide) -> dict[str, str]:
    """Media file → how it is licensed and where it is shown, as a reviewer checks it."""
    use: dict[str, list[str]] = {}
    for key, exercise in guide.exercises.items():
        for image in getattr(exercise, "images", []):
            credit = f", credit: {image.credit}" if image.credit else ""
            use.setdefault(image.file, []).append(f"{image.license}{credit}, on {key}")
    return {name: "; ".join(shown) for name, shown in use.items()}


def compare_media(old_root: Path, new_root: Path, new: Guide) -> MediaChange:
    """The image files that differ between two content folders, by their bytes."""
    before, after = _media_digests(old_root), _media_digests(new_root)
    use = _image_use(new)
    return MediaChange(
        added=[(name, use.get(name, "not shown yet")) for name in after if name not in before],
        changed=[
            (name, use.get(name, "not shown yet"))
            for name in after
            if name in before and before[name] != after[name]
        ],
        removed=[name for name in before if name not in after],
    )


def compare(
    old: Guide,
    new: Guide,
    old_pages: dict[str, Page],
    new_pages: dict[str, Page],
    media: MediaChange | None = None,
) -> GuideChange:
    """The difference between two versions of the guide (``media``: see compare_media)."""
    sections = {}
    for section in (kind.name for kind in with_pages()):
        before: dict[str, Any] = old.of(section)
        after: dict[str, Any] = new.of(section)
        change = SectionChange(
            added=[(key, after[key].name) for key in after if key not in before],
            removed=[(key, before[key].name) for key in before if key not in after],
            changed=[
                (key, after[key].name, _changes(before[key], after[key]))
                for key in after
                if key in before and before[key] != after[key]
            ],
        )
        sections[section] = change
    if old.plan is None or new.plan is None:
        rules = [] if old.plan == new.plan else [ValueChange("plan rules", old.plan, new.plan)]
    else:
        rules = _changes(old.plan, new.plan)
    return GuideChange(
        media=media or MediaChange(),
        plan_rules=rules,
        sections=sections,
        pages_added=sorted(set(new_pages) - set(old_pages)),
        pages_removed=sorted(set(old_pages) - set(new_pages)),
        pages_changed=sorted(
            path
            for path in set(old_pages) & set(new_pages)
            if old_pages[path].text != new_pages[path].text
        ),
    )


SHOWN = 70
"""Longest value shown in full; longer ones are cut with an ellipsis."""


def shown(value: Any) -> str:
    """A value on one line, as a reviewer reads it: JSON, cut to SHOWN characters."""
    if value is MISSING:
        return "(none)"
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", exclude_none=True)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _value_lines(changes: list[ValueChange], indent: str) -> list[str]:
    return [f"{indent}{c.where}: {shown(c.old)} → {shown(c.new)}" for c in changes]


def describe(change: GuideChange) -> list[str]:
    """The change as lines of text for a reviewer."""
    lines = []
    for section, entries in change.sections.items():
        if not entries:
            continue
        title = section.replace("-", " ").capitalize()
        lines.append(
            f"{title}: {len(entries.added)} added, {len(entries.removed)} removed, "
            f"{len(entries.changed)} changed"
        )
        lines += [f"  + {key}  {name}" for key, name in entries.added]
        lines += [f"  - {key}  {name}" for key, name in entries.removed]
        for key, name, changes in entries.changed:
            fields = list(dict.fromkeys(c.field for c in changes))
            lines.append(f"  ~ {key}  {name}: {', '.join(fields)}")
            lines += _value_lines(changes, "      ")
    media = change.media
    if media:
        lines.append(
            f"Images: {len(media.added)} added, {len(media.removed)} removed, "
            f"{len(media.changed)} replaced (check each license and that no one is recognisable "
            "without consent)"
        )
        lines += [f"  + media/{name}  {use}" for name, use in media.added]
        lines += [f"  - media/{name}" for name in media.removed]
        lines += [f"  ~ media/{name}  {use}" for name, use in media.changed]
    if change.plan_rules:
        changed = len(change.plan_rules)
        lines.append(f"Plan rules: {changed} value{'s' * (changed != 1)} changed")
        lines += _value_lines(change.plan_rules, "  ~ ")
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
