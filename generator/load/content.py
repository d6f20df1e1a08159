"""Every content file of a guide, read by walking the registry of kinds
(generator/kinds.py), with the hand-written pages and their front matter."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.front_matter import front_matter
from generator.kinds import kinds
from generator.load.layout import hand_written_pages, is_publishable, layout_problems
from generator.load.yaml import Document, decode, load_document, parse_text
from generator.problems import Problem

REQUIRED_PAGES = ("index.md", "disclaimer.md")
"""Hand-written pages the generated pages link to."""


@dataclass(frozen=True)
class HandWrittenPage:
    """A Markdown page written by hand, as text, for the checks that read pages."""

    path: Path
    text: str


@dataclass(frozen=True)
class LoadedContent:
    """Every content file of a guide, parsed, plus the problems met while reading them."""

    root: Path
    collections: dict[str, list[Document]]
    taxonomies: dict[str, Document]
    problems: list[Problem]
    unreadable: dict[str, set[str]] = field(default_factory=dict)
    """Entry ids (or taxonomy names under 'taxonomy') whose file exists but could not be
    parsed: references to them are not reported again, the file's own problem says it all."""
    pages: list[Document] = field(default_factory=list)
    """Front matter of the hand-written Markdown pages that have any."""
    page_texts: list[HandWrittenPage] = field(default_factory=list)
    """Every hand-written page as text, for the checks that read the whole page."""
    files: dict[str, Document] = field(default_factory=dict)
    """Kinds kept in one document (the plan builder's rules), when the guide has them."""


def _content_files(folder: Path, root: Path) -> list[Path]:
    """The folder's publishable `.yml` files. A plain file is inside the content root when
    its folder is, so only links are followed one by one (a save in the preview reads the
    folder again, and a library has thousands of files)."""
    resolved = root.resolve()
    folder_inside = folder.resolve().is_relative_to(resolved)
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.endswith(".yml") or entry.name.startswith("."):
                continue
            path = folder / entry.name
            if entry.is_symlink():
                if path.is_file() and is_publishable(path, root, resolved):
                    found.append(path)
            elif folder_inside and entry.is_file(follow_symlinks=False):
                found.append(path)
    return sorted(found)


def _refused_entries(folder: Path, readable: set[Path]) -> set[str]:
    """Ids of entry files the layout refuses ('x.YML', 'x.yaml', a broken link named 'x.yml'):
    the layout's problem names them, so references to them are not reported too."""
    return {
        path.name.rsplit(".", 1)[0]
        for path in folder.iterdir()
        if path.suffix.lower() in (".yml", ".yaml") and path not in readable
    }


def _read_pages(root: Path) -> tuple[list[HandWrittenPage], list[Problem]]:
    pages: list[HandWrittenPage] = []
    problems: list[Problem] = []
    for path in hand_written_pages(root):
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(Problem(path, 1, 1, f"cannot read file: {error.strerror}"))
            continue
        text, found = decode(path, raw)
        problems += found
        if text is not None:
            pages.append(HandWrittenPage(path, text))
    return pages, problems


DocumentReader = Callable[[Path], tuple[Document | None, list[Problem]]]
"""Parses one file; the live preview passes one that reuses files that have not changed."""


@dataclass
class _Reading:
    """What loading has found so far: the parsed documents and the problems."""

    root: Path
    read: DocumentReader
    problems: list[Problem]
    collections: dict[str, list[Document]] = field(default_factory=dict)
    taxonomies: dict[str, Document] = field(default_factory=dict)
    files: dict[str, Document] = field(default_factory=dict)
    unreadable: dict[str, set[str]] = field(default_factory=lambda: {"taxonomy": set()})

    def parse(self, path: Path) -> Document | None:
        document, found = self.read(path)
        self.problems.extend(found)
        return document

    def folders(self) -> None:
        """Every entry file of the kinds kept one file per entry."""
        for kind in kinds("folder"):
            folder = self.root / kind.where
            self.collections[kind.name] = []
            self.unreadable[kind.name] = set()
            if not folder.is_dir():
                continue
            readable = _content_files(folder, self.root)
            for path in readable:
                document = self.parse(path)
                if document is not None:
                    self.collections[kind.name].append(document)
                else:
                    self.unreadable[kind.name].add(path.stem)
            self.unreadable[kind.name] |= _refused_entries(folder, set(readable))

    def taxonomy_files(self) -> None:
        """Every taxonomy file; a missing one every guide needs is a problem."""
        for kind in kinds("taxonomy"):
            path = self.root / kind.where
            if not path.is_file():
                if kind.required:
                    self.problems.append(
                        Problem(
                            path,
                            1,
                            1,
                            f"missing taxonomy file {kind.where}",
                            "every guide needs this file; restore it from the main branch",
                        )
                    )
                    self.unreadable["taxonomy"].add(kind.name)
                continue
            document = self.parse(path) if is_publishable(path, self.root) else None
            if document is not None:
                self.taxonomies[kind.name] = document
            else:
                self.unreadable["taxonomy"].add(kind.name)

    def single_files(self) -> None:
        """The kinds kept in one document, when the guide has them."""
        for kind in kinds("file"):
            path = self.root / kind.where
            if path.is_file() and is_publishable(path, self.root):
                document = self.parse(path)
                if document is not None:
                    self.files[kind.name] = document

    def front_matters(self, page_texts: list[HandWrittenPage]) -> list[Document]:
        """The front matter of every hand-written page that has one."""
        pages: list[Document] = []
        for written in page_texts:
            block = front_matter(written.text)
            if block is None:
                continue
            document, found = parse_text(written.path, block)
            self.problems.extend(found)
            if document is not None:
                pages.append(document)
        return pages


def load_content(root: Path, read: DocumentReader | None = None) -> LoadedContent:
    """Parse every data file under ``root``, in a stable order whatever the file system does."""
    reading = _Reading(root, read or load_document, layout_problems(root))
    reading.folders()
    reading.taxonomy_files()
    reading.single_files()
    for page in REQUIRED_PAGES:
        if not (root / page).is_file():
            reading.problems.append(
                Problem(root / page, 1, 1, f"missing page {page}", "generated pages link to it")
            )
    page_texts, found = _read_pages(root)
    reading.problems.extend(found)
    pages = reading.front_matters(page_texts)
    return LoadedContent(
        root,
        reading.collections,
        reading.taxonomies,
        reading.problems,
        unreadable=reading.unreadable,
        pages=pages,
        page_texts=page_texts,
        files=reading.files,
    )
