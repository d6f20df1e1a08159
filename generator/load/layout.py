"""What may live under content/: the one registry of folders and the kinds of file each holds.

MkDocs publishes every file under content/, so anything this registry does not name is refused
before a build: a stray `.html` or a Markdown page in the wrong folder would otherwise be
served as it is. Symbolic links may only point at files inside content/.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.kinds import every_kind
from generator.problems import Problem


@dataclass(frozen=True)
class Folder:
    """One folder under the content root and the file suffixes it may hold."""

    path: str
    """Relative to the content root; '' is the root itself."""
    suffixes: tuple[str, ...]
    holds: str
    """What its files are, in a contributor's words."""


YAML = (".yml",)
IMAGES = (".jpg", ".jpeg", ".png", ".webp", ".svg")
PAGES = (Folder("", (".md",), "hand-written pages"), Folder("guides", (".md",), "guide pages"))
"""The folders of hand-written Markdown pages."""
MEDIA = Folder("media", IMAGES, "images")


def _kind_folders() -> tuple[Folder, ...]:
    """The folder of every kind of content file (generator/kinds.py), once each."""
    folders: dict[str, Folder] = {}
    for kind in every_kind():
        if kind.storage == "folder":
            folders[kind.where] = Folder(kind.where, YAML, f"{kind.noun} files")
        else:
            parent = kind.where.rsplit("/", 1)[0]
            holds = "taxonomy files" if kind.storage == "taxonomy" else f"{kind.noun} files"
            folders.setdefault(parent, Folder(parent, YAML, holds))
    return tuple(folders.values())


def layout() -> tuple[Folder, ...]:
    """Every folder content/ may hold; a folder or file not allowed here is a located error."""
    return (*PAGES, *_kind_folders(), MEDIA)


GENERATED_PAGES = ("references.md", "glossary.md")
"""Pages at the top of content/ that the generator writes; a hand-written copy is refused."""
PAGE_FOLDERS = tuple(folder.path for folder in PAGES)


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path != root else ""


def _is_hidden(name: str) -> bool:
    """MkDocs never publishes dot files, so editors' and git's own files are left alone."""
    return name.startswith(".")


def _inside(path: Path, root: Path, resolved_root: Path | None = None) -> bool:
    return path.resolve().is_relative_to(resolved_root or root.resolve())


def _link_problem(path: Path, root: Path) -> Problem | None:
    """Why a symbolic link cannot be published, if it cannot."""
    if not path.is_symlink():
        return None
    target = os.readlink(path)
    if not path.exists():
        return Problem(
            path,
            1,
            1,
            f"symbolic link to '{target}' points at nothing",
            "remove the link, or replace it with the file itself",
        )
    if not _inside(path, root):
        return Problem(
            path,
            1,
            1,
            f"symbolic link to '{target}' points outside content/",
            "copy the file into content/ instead of linking to it",
        )
    if path.is_dir():
        return Problem(
            path,
            1,
            1,
            "a folder under content/ cannot be a symbolic link",
            "move the files into the folder itself",
        )
    return None


def _file_problem(path: Path, folder: Folder) -> Problem | None:
    suffix = path.suffix
    if folder.path == "" and path.name in GENERATED_PAGES:
        return Problem(
            path,
            1,
            1,
            f"{path.name} is generated from data; remove the hand-written copy",
            "the generator writes this page on every build",
        )
    if suffix in folder.suffixes:
        return None
    where = f"content/{folder.path}/" if folder.path else "content/"
    allowed = ", ".join(f"'{s}'" for s in folder.suffixes)
    if suffix.lower() in folder.suffixes:
        return Problem(
            path,
            1,
            1,
            f"file suffix '{suffix}' must be written in lower case",
            f"rename it to {path.stem}{suffix.lower()}",
        )
    if suffix == ".yaml" and ".yml" in folder.suffixes:
        return Problem(path, 1, 1, "content files end in '.yml'", f"rename it to {path.stem}.yml")
    found = f"'{suffix}' file" if suffix else "file without a suffix"
    return Problem(
        path,
        1,
        1,
        f"a {found} is not allowed in {where}",
        f"{where} holds only {folder.holds} ({allowed})",
    )


def _folder_problem(path: Path, root: Path, parent: Folder) -> Problem:
    relative = _relative(path, root)
    if path.suffix.lower() in parent.suffixes:
        return Problem(
            path,
            1,
            1,
            f"'{path.name}' is a folder, not a file",
            f"content/{relative} must be a file; move what it holds out of it",
        )
    known = ", ".join(sorted(f"content/{f.path}/" for f in layout() if f.path))
    return Problem(
        path, 1, 1, f"folder content/{relative}/ is not part of the guide", f"use one of {known}"
    )


def layout_problems(root: Path) -> list[Problem]:
    """Every file or folder under ``root`` the registry does not allow, and every unsafe link."""
    problems: list[Problem] = []
    if not root.is_dir():
        return problems
    folders = {folder.path: folder for folder in layout()}
    pending = [root]
    while pending:
        directory = pending.pop()
        folder = folders[_relative(directory, root)]
        for path in sorted(directory.iterdir()):
            if _is_hidden(path.name):
                continue
            link = _link_problem(path, root)
            if link is not None:
                problems.append(link)
                continue
            if path.is_dir():
                if _relative(path, root) in folders:
                    pending.append(path)
                else:
                    problems.append(_folder_problem(path, root, folder))
                continue
            if not path.is_file():
                problems.append(Problem(path, 1, 1, "not a regular file", "replace it with a file"))
                continue
            found = _file_problem(path, folder)
            if found is not None:
                problems.append(found)
    return sorted(problems)


def is_publishable(path: Path, root: Path, resolved_root: Path | None = None) -> bool:
    """Whether ``path`` may be read as content: not a link leaving ``root`` or leading nowhere.
    ``resolved_root`` is ``root.resolve()``, when the caller has it already."""
    return (
        path.exists() and _inside(path, root, resolved_root) and _link_problem(path, root) is None
    )


def hand_written_pages(root: Path) -> list[Path]:
    """Every Markdown page in the folders that hold hand-written pages."""
    pages: list[Path] = []
    for relative in PAGE_FOLDERS:
        folder = root / relative if relative else root
        if folder.is_dir() and not folder.is_symlink():
            pages += sorted(
                p
                for p in folder.glob("*.md")
                if not _is_hidden(p.name) and p.is_file() and is_publishable(p, root)
            )
    return pages
