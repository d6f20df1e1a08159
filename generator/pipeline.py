"""The core in one call: load, then validate, then render; the CLI and the plugin share it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.glossary import explanations, with_explanations
from generator.guide import Guide
from generator.listings import PAGE_SIZE
from generator.load import load_content
from generator.media.encode import media_files
from generator.problems import Problem, sorted_problems
from generator.release import Release, release_of
from generator.render import (
    Page,
    Rendering,
    open_data,
    page_references,
    release_note,
    render_again,
    render_all,
    topics,
)
from generator.validate import validate


@contextmanager
def collection_paused(*, keep: bool = False) -> Iterator[None]:
    """Python's cycle collector held off while the guide is loaded, checked and rendered.

    The stage allocates millions of small objects that live until it ends (parsed
    documents, models, page texts), so the collector's runs during it free almost nothing
    and, as the live set grows, each costs more: about a sixth of the stage's time at
    1,000 exercises (BENCHMARKS.md). Reference counting still frees everything else at once.

    With ``keep``, for a one-off build whose process ends with it, what the stage made is
    frozen (`gc.freeze`) as it ends: the collector's runs during the engine's own work
    never walk it again, where otherwise the first runs after the stage walk every object
    it made, and each full run walks them once more.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if enabled:
            gc.enable()


def check(content_root: Path, *, reviewed_only: bool = False) -> tuple[Guide | None, list[Problem]]:
    """Load and validate everything under ``content_root``; problems come back sorted."""
    with collection_paused():
        guide, problems = validate(load_content(content_root), reviewed_only=reviewed_only)
    return guide, sorted_problems(problems)


@dataclass(frozen=True)
class Built:
    """Everything a site engine needs: generated pages, the reference lists to append to
    hand-written pages, the topics pages may be tagged with, image files, or every problem."""

    pages: dict[str, Page] = field(default_factory=dict)
    appendices: dict[str, str] = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    """Site path → bytes of every other file to publish: the images' WebP copies and
    drawings."""
    rendering: Rendering | None = None
    """The generated pages before the glossary's explanations, for rendering again after a
    save (:func:`rendered_again`)."""


def rendered(
    guide: Guide,
    *,
    directory_urls: bool = True,
    page_size: int = PAGE_SIZE,
    site_path: str | None = None,
    release: Release | None = None,
) -> Built:
    """Every output of a validated guide; listings hold at most ``page_size`` entries a page,
    ``site_path`` is given when images must be addressed from the site's root, and the
    open data is stamped with ``release`` (by default: this version, dated today)."""
    rendering = render_all(
        guide, directory_urls=directory_urls, page_size=page_size, site_path=site_path
    )
    return _built(guide, rendering, release or release_of(None), None)


def rendered_again(previous: Built, guide: Guide, release: Release | None = None) -> Built:
    """The outputs of ``guide`` after a save, rendering again only what the change needs
    (generator/render/partial.py) when ``previous`` holds the pages before it."""
    if previous.rendering is None:
        raise ValueError("rendered_again needs the Built of an earlier rendering")
    rendering = render_again(previous.rendering, guide)
    return _built(guide, rendering, release or release_of(None), previous)


def _built(guide: Guide, rendering: Rendering, release: Release, previous: Built | None) -> Built:
    """A rendering's pages with the glossary's explanations and the open data, and the rest
    of what an engine needs; a page not rendered again keeps its explained text."""
    data = open_data(guide, release, rendering.context.summary)
    kept = set() if previous is None else set(previous.pages) - rendering.rendered - set(data)
    explained = {
        path: previous.pages[path]
        if previous is not None and path in kept
        else replace(page, text=with_explanations(page.text, guide.glossary))
        if path.endswith(".md")
        else page
        for path, page in {**rendering.pages, **data}.items()
    }
    return Built(
        explained,
        appendices(guide, release),
        topics(guide),
        files=media_files(guide.media),
        rendering=rendering,
    )


def appendices(guide: Guide, release: Release) -> dict[str, str]:
    """What to add to each hand-written page: its reference list, the release note (on the
    open-data page), then the explanations of the glossary words the page and these use."""
    references = page_references(guide)
    notes = release_note(release)
    added = {}
    for path, text in guide.hand_written.items():
        appendix = references.get(path, "") + notes.get(path, "")
        words = explanations(f"{text}\n{appendix}", guide.glossary)
        if appendix or words:
            added[path] = "\n".join(part for part in (appendix.rstrip("\n"), words) if part) + "\n"
    return added


def build(
    content_root: Path,
    *,
    directory_urls: bool = True,
    page_size: int = PAGE_SIZE,
    site_path: str | None = None,
) -> Built:
    """Check the content, then render every page; nothing is rendered when a problem exists."""
    guide, problems = check(content_root)
    if guide is None:
        return Built(problems=problems)
    with collection_paused():
        return rendered(
            guide, directory_urls=directory_urls, page_size=page_size, site_path=site_path
        )


def build_pages(
    content_root: Path, *, directory_urls: bool = True, page_size: int = PAGE_SIZE
) -> tuple[dict[str, Page], list[str], list[Problem]]:
    """The rendered pages and open data files, the topic names pages may be tagged with, or
    every problem."""
    built = build(content_root, directory_urls=directory_urls, page_size=page_size)
    return built.pages, built.topics, built.problems
