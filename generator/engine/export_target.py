"""Where `guide export` may write, and how it replaces its earlier output without loss.

An export goes only into a new folder, an empty folder, or a folder an earlier export
wrote, recognised by the marker it leaves there (`.guide-export.json`, listing every file
and folder it wrote with each file's digest). Anything else — the project itself or a
folder holding it, the content, the theme, the project's sources, a folder of someone's
files, a previous export with files added or changed since — is refused before anything
is touched. Paths are compared after following symbolic links, so a link is no way round.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MARKER = ".guide-export.json"
WRITTEN_BY = "guide export"
PROJECT_SOURCES = (
    "benchmarks",
    "content",
    "docs",
    "generator",
    "node_modules",
    "overrides",
    "schemas",
    "site",
    "tests",
)
"""Folders at the project's root that hold its sources or its own outputs; hidden folders
(`.git`, `.venv`, `.github` …) are protected too."""
GENERATOR = Path(__file__).resolve().parent.parent


class ExportRefused(Exception):
    """The target folder is not one `guide export` may write into; the message says why."""


@dataclass(frozen=True)
class Protected:
    """A folder no export may write into, contain, or be written inside."""

    path: Path
    noun: str


@dataclass(frozen=True)
class Target:
    """A checked destination: its real path, and what an earlier export left there."""

    path: Path
    shown: str
    previous_files: tuple[str, ...] = ()
    previous_folders: tuple[str, ...] = ()


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def protected_folders(docs_dir: Path, theme_dir: Path | None) -> list[Protected]:
    """The content, the theme and the generator's own code, wherever they are."""
    found = [Protected(_real(docs_dir), "the guide's content folder")]
    if theme_dir is not None:
        found.append(Protected(_real(theme_dir), "the theme's folder"))
    found.append(Protected(GENERATOR, "the generator's own code"))
    return found


def _inside_project_sources(real: Path, root: Path) -> str | None:
    """The project source folder at the root that ``real`` is in or is, if any."""
    if not real.is_relative_to(root) or real == root:
        return None
    top = real.relative_to(root).parts[0]
    if top in PROJECT_SOURCES or top.startswith("."):
        return top
    return None


def check_target(
    target: Path, root: Path, protected: Iterable[Protected], shown: str | None = None
) -> Target:
    """``target`` checked as a place to export to, or ``ExportRefused`` saying why not."""
    shown = shown if shown is not None else target.as_posix()
    real = _real(target)
    root = _real(root)
    after = "; export into a new or empty folder outside the project's sources"
    if real == root:
        raise ExportRefused(f"'{shown}' is the project's own folder{after}")
    if root.is_relative_to(real):
        raise ExportRefused(f"'{shown}' holds the project{after}")
    for folder in protected:
        if real == folder.path:
            raise ExportRefused(f"'{shown}' is {folder.noun}{after}")
        if real.is_relative_to(folder.path):
            raise ExportRefused(f"'{shown}' is inside {folder.noun}{after}")
        if folder.path.is_relative_to(real):
            raise ExportRefused(f"'{shown}' holds {folder.noun}{after}")
    source = _inside_project_sources(real, root)
    if source is not None:
        where = "is" if real == root / source else "is inside"
        raise ExportRefused(f"'{shown}' {where} the project's '{source}' folder{after}")
    if not os.path.lexists(real):
        return Target(real, shown)
    if not real.is_dir():
        raise ExportRefused(f"'{shown}' is a file, not a folder{after}")
    if not any(real.iterdir()):
        return Target(real, shown)
    return _previous_export(real, shown, after)


def _previous_export(real: Path, shown: str, after: str) -> Target:
    """An earlier export's folder, checked to hold only what that export wrote, unchanged."""
    manifest = _read_marker(real / MARKER)
    if manifest is None:
        raise ExportRefused(
            f"'{shown}' is not empty and was not written by `guide export`{after}, "
            "or move its files out first"
        )
    files, folders = manifest
    foreign: list[str] = []
    for folder, subfolders, names in os.walk(real):
        here = Path(folder)
        for name in sorted(subfolders + names):
            path = here / name
            relative = path.relative_to(real).as_posix()
            if relative == MARKER:
                continue
            if path.is_symlink():
                foreign.append(relative)
            elif path.is_dir():
                if relative not in folders:
                    foreign.append(relative)
            elif files.get(relative) != digest(path):
                foreign.append(relative)
        subfolders[:] = [d for d in subfolders if not (here / d).is_symlink()]
    if foreign:
        more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
        raise ExportRefused(
            f"'{shown}' holds files added or changed since the last export "
            f"({foreign[0]}{more}); move them out of it first, an export replaces the folder"
        )
    return Target(real, shown, tuple(sorted(files)), tuple(sorted(folders)))


def _read_marker(path: Path) -> tuple[dict[str, str], set[str]] | None:
    if path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("written_by") != WRITTEN_BY:
        return None
    files, folders = data.get("files"), data.get("folders")
    if not isinstance(files, dict) or not isinstance(folders, list):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        return None
    if not all(isinstance(f, str) for f in folders):
        return None
    return dict(files), set(folders)


def digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def write_marker(staged: Path) -> None:
    """List every file and folder under ``staged`` in its marker, files with their digest."""
    files: dict[str, str] = {}
    folders: list[str] = []
    for path in sorted(staged.rglob("*")):
        relative = path.relative_to(staged).as_posix()
        if path.is_dir():
            folders.append(relative)
        else:
            files[relative] = digest(path)
    marker = {"written_by": WRITTEN_BY, "files": files, "folders": folders}
    (staged / MARKER).write_text(json.dumps(marker, indent=1, sort_keys=True), encoding="utf-8")


def staging_folder(target: Target) -> tuple[Path, list[Path]]:
    """A new folder next to the target to write the export into, and the parents it made."""
    made: list[Path] = []
    parent = target.path.parent
    while not parent.exists():
        made.append(parent)
        parent = parent.parent
    for folder in reversed(made):
        folder.mkdir()
    return Path(tempfile.mkdtemp(prefix=f".{target.path.name}.", dir=target.path.parent)), made


def discard(staged: Path, made: list[Path]) -> None:
    """Remove a staging folder this export created, and the empty parents it made."""
    shutil.rmtree(staged, ignore_errors=True)
    for folder in made:
        try:
            folder.rmdir()
        except OSError:
            break


def put_in_place(staged: Path, target: Target) -> Path | None:
    """Swap ``staged`` in as the target; of the old folder, remove only what it listed.

    Returns where the old folder was kept if something not listed appeared in it meanwhile.
    """
    if not os.path.lexists(target.path):
        os.rename(staged, target.path)
        return None
    aside = Path(tempfile.mkdtemp(prefix=f".{target.path.name}.old.", dir=target.path.parent))
    os.rename(target.path, aside)
    try:
        os.rename(staged, target.path)
    except OSError:
        os.rename(aside, target.path)
        raise
    for relative in target.previous_files:
        (aside / relative).unlink(missing_ok=True)
    (aside / MARKER).unlink(missing_ok=True)
    for relative in sorted(target.previous_folders, reverse=True):
        with contextlib.suppress(OSError):
            (aside / relative).rmdir()
    try:
        aside.rmdir()
    except OSError:
        return aside
    return None
