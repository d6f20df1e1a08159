"""The guide kept warm between saves: unchanged files are not parsed again, and a refresh
says exactly which pages changed, so a preview rewrites only those.

Engine-neutral: it yields page texts; the MkDocs preview (generator/engine/preview.py) and
`guide export --watch`-style callers decide how to publish them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.load import Document, load_content, load_document
from generator.pipeline import Built, collection_paused, rendered, rendered_again
from generator.problems import Problem, sorted_problems
from generator.release import release_of
from generator.render import Page
from generator.validate import validate

Stamp = tuple[int, int]
"""A file's modification time (ns) and size: a changed file changes its stamp."""


@dataclass(frozen=True)
class Refresh:
    """What one refresh found: every page, which of them changed, and any problems."""

    pages: dict[str, Page]
    appendices: dict[str, str]
    """Hand-written page path → the reference list appended to it."""
    files: dict[str, bytes]
    """Site path → bytes of the image files; a new or changed one needs a full build."""
    changed: frozenset[str]
    """Pages whose text differs from the previous refresh, new pages included."""
    removed: frozenset[str]
    topics: list[str]
    problems: list[Problem]
    reparsed: int
    """How many files had to be parsed again."""

    previous: frozenset[str] = frozenset()
    appendices_changed: bool = False
    files_changed: bool = False

    @property
    def structure_changed(self) -> bool:
        """True when pages appeared or disappeared, or a hand-written page's references
        changed: a partial rebuild only rewrites generated pages."""
        new = any(path not in self.previous for path in self.changed)
        return bool(self.removed) or new or self.appendices_changed or self.files_changed


@dataclass
class WarmGuide:
    """Parsed documents by path, and the pages of the last good refresh."""

    root: Path
    directory_urls: bool = True
    documents: dict[Path, tuple[Stamp, tuple[Document | None, list[Problem]]]] = field(
        default_factory=dict
    )
    pages: dict[str, Page] = field(default_factory=dict)
    appendices: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    one_off: bool = False
    """True in a process that builds once and ends (not the preview): what a refresh makes is
    then frozen out of the cycle collector's later runs (see `collection_paused`)."""
    _reparsed: int = 0
    _prepared: Refresh | None = None
    _built: Built | None = None
    """The last good rendering, so a save renders again only what it changed."""

    def read(self, path: Path) -> tuple[Document | None, list[Problem]]:
        """Parse ``path`` unless it is unchanged since it was last parsed."""
        status = os.stat(path)
        stamp = (status.st_mtime_ns, status.st_size)
        cached = self.documents.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        parsed = load_document(path)
        self.documents[path] = (stamp, parsed)
        self._reparsed += 1
        return parsed

    def prepare(self) -> Refresh:
        """Refresh now and keep a clean result for the engine's next :meth:`latest`, so a
        build that checks the content before starting the engine validates it once."""
        refreshed = self.refresh()
        self._prepared = None if refreshed.problems else refreshed
        return refreshed

    def latest(self) -> Refresh:
        """The prepared refresh, used once, or a new one."""
        prepared, self._prepared = self._prepared, None
        return prepared if prepared is not None else self.refresh()

    def forget_prepared(self) -> None:
        """Drop a prepared refresh the engine never took, so no later build reuses it."""
        self._prepared = None

    def refresh(self) -> Refresh:
        """Bring the pages up to date with the files on disk."""
        with collection_paused(keep=self.one_off):
            return self._refresh()

    def _refresh(self) -> Refresh:
        self._reparsed = 0
        guide, problems = validate(load_content(self.root, self.read))
        previous = frozenset(self.pages)
        if guide is None:
            return Refresh(
                pages=self.pages,
                appendices=self.appendices,
                files=self.files,
                changed=frozenset(),
                removed=frozenset(),
                topics=[],
                problems=sorted_problems(problems),
                reparsed=self._reparsed,
                previous=previous,
            )
        release = release_of(self.root)
        if self._built is None:
            built = rendered(guide, directory_urls=self.directory_urls, release=release)
        else:
            built = rendered_again(self._built, guide, release)
        self._built = built
        pages = built.pages
        changed = frozenset(path for path, page in pages.items() if self.pages.get(path) != page)
        appendices_changed = built.appendices != self.appendices
        files_changed = built.files.keys() != self.files.keys()
        self.pages, self.appendices, self.files = pages, built.appendices, built.files
        return Refresh(
            pages=pages,
            appendices=built.appendices,
            files=built.files,
            changed=changed,
            removed=previous - frozenset(pages),
            topics=built.topics,
            problems=[],
            reparsed=self._reparsed,
            previous=previous,
            appendices_changed=appendices_changed,
            files_changed=files_changed,
        )


_WARM: dict[tuple[Path, bool], WarmGuide] = {}


def warm_guide(root: Path, *, directory_urls: bool = True) -> WarmGuide:
    """The one warm guide for a content root in this process, created on first use."""
    key = (root.resolve(), directory_urls)
    if key not in _WARM:
        _WARM[key] = WarmGuide(key[0], directory_urls)
    return _WARM[key]
