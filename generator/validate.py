"""Validation in one call: text safety and the schema per file, then every cross-file rule.

Validation returns problems and raises nothing; a Guide comes back only when there are none,
so rendering can rely on every reference resolving.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.checks import run_checks
from generator.checks.context import CheckContext, Placed
from generator.checks.poses import layable
from generator.checks.schema import (
    collection_entries,
    is_id,
    raw_entries,
    schema_problems,
    taxonomy_entries,
)
from generator.checks.text import text_problems
from generator.derive import derive
from generator.guide import PLAN_RULES, Guide
from generator.kinds import kinds
from generator.load import Document, LoadedContent
from generator.memo import FromFiles
from generator.model import CitedPage, License
from generator.problems import Problem


def _cited_pages(content: LoadedContent) -> tuple[dict[str, Placed], list[Problem]]:
    """Hand-written pages whose front matter cites sources, keyed by their path."""
    entries: dict[str, Placed] = {}
    problems: list[Problem] = []
    for document in content.pages:
        if "sources" not in document.data and "questions" not in document.data:
            continue
        checked: dict[str, Any] = {
            key: document.data[key]
            for key in ("title", "sources", "questions")
            if key in document.data
        }
        cited = Document(document.path, checked, document.values, document.keys)
        problems.extend(text_problems(cited))
        entry, found = schema_problems(CitedPage, cited, cited.data, ())
        problems.extend(found)
        if entry is not None:
            key = document.path.relative_to(content.root).as_posix()
            entries[key] = Placed(key, entry, cited, ())
    return entries, problems


TEXT_VERDICTS: FromFiles[list[Problem]] = FromFiles()
"""The text check's verdict on each file, worked out again only when the file changed."""


def _text_verdicts(documents: list[Document]) -> list[Problem]:
    """The text problems of every document."""
    found = [
        problem
        for document in documents
        for problem in TEXT_VERDICTS.of((document,), partial(text_problems, document))
    ]
    TEXT_VERDICTS.run_finished()
    return found


def schema_checked(
    content: LoadedContent, *, reviewed_only: bool = False
) -> tuple[dict[str, dict[str, Placed]], list[Problem]]:
    """Every file's text and schema checked: the schema-valid entries of every kind (and the
    hand-written pages that cite sources), with the problems of the others."""
    problems = list(content.problems)
    every_document = [*content.taxonomies.values()]
    every_document += [d for collection in content.collections.values() for d in collection]
    problems.extend(_text_verdicts(every_document))
    entries: dict[str, dict[str, Placed]] = {}
    for name, documents in content.collections.items():
        entries[name], found = collection_entries(name, documents, reviewed_only=reviewed_only)
        problems.extend(found)
    for kind in kinds("taxonomy"):
        document = content.taxonomies.get(kind.name)
        if document is None:
            entries[kind.name] = {}
            continue
        entries[kind.name], found = taxonomy_entries(kind.name, document)
        problems.extend(found)
    for kind in kinds("file"):
        entries[kind.name] = {}
        document = content.files.get(kind.name)
        if document is None:
            continue
        text_found = text_problems(document)
        problems.extend(text_found)
        entry, found = schema_problems(kind.model, document, document.data, ())
        problems.extend(found)
        if entry is not None and not text_found:
            entries[kind.name][PLAN_RULES] = Placed(PLAN_RULES, entry, document, ())
    entries["pages"], found = _cited_pages(content)
    problems.extend(found)
    return entries, problems


def known_ids(content: LoadedContent) -> dict[str, set[str]]:
    """Every id that exists, valid or not, so one broken file does not cascade."""
    ids = {
        name: {d.path.stem for d in documents if is_id(d.path.stem)}
        | content.unreadable.get(name, set())
        for name, documents in content.collections.items()
    }
    ids.update(
        {name: set(filter(is_id, document.data)) for name, document in content.taxonomies.items()}
    )
    for kind in kinds("taxonomy"):
        ids.setdefault(kind.name, set())
    return ids


def validate(
    content: LoadedContent, *, reviewed_only: bool = False
) -> tuple[Guide | None, list[Problem]]:
    """Check everything; return the Guide only when no problem was found.

    ``reviewed_only`` refuses drafts, for a pull request that promotes one.
    """
    entries, problems = schema_checked(content, reviewed_only=reviewed_only)
    ids = known_ids(content)
    unknowable = content.unreadable.get("taxonomy", set())
    licenses = {
        key: placed.entry
        for key, placed in entries["licenses"].items()
        if isinstance(placed.entry, License)
    }
    context = CheckContext(
        entries,
        ids,
        raw=raw_entries(content.collections, content.taxonomies),
        unknowable=unknowable,
        page_texts=content.page_texts,
        front_matters=content.pages,
        root=content.root,
        licenses=licenses,
    )
    context.derived = derive(
        (p.entry for p in entries["exercises"].values()),
        content.root,
        layable(context),
    )
    problems.extend(run_checks(context))
    if problems:
        return None, problems

    def pick(kind: str) -> dict[str, Any]:
        return {key: placed.entry for key, placed in entries[kind].items()}

    sources = {
        (kind, key): placed.document.path.relative_to(content.root).as_posix()
        for kind, placed_entries in entries.items()
        if kind != "pages"
        for key, placed in placed_entries.items()
    }
    return (
        Guide(
            entries={kind.name: pick(kind.name) for kind in kinds()},
            cited_pages=pick("pages"),
            hand_written={
                page.path.relative_to(content.root).as_posix(): page.text
                for page in content.page_texts
            },
            sources=sources,
            media=context.derived.media,
            layouts=context.derived.layouts,
        ),
        [],
    )
