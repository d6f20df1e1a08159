"""Glossary rules: every explained word is one some page uses, and no two entries explain the
same spelling."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Any

from generator.checks.context import CheckContext
from generator.glossary import spelling_pattern
from generator.memo import FromFiles
from generator.model import GlossaryTerm

EXPLAINED_KINDS = ("exercises", "routines", "problem-areas", "patterns", "muscles", "equipment")
"""The content whose text pages show, and so may use a glossary word."""


def _texts(data: Any, found: list[str]) -> None:
    """Every key and text value in an entry as written: a dose's 'rpe' key shows as 'RPE'."""
    if isinstance(data, str):
        found.append(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            found.append(str(key))
            _texts(value, found)
    elif isinstance(data, list):
        for item in data:
            _texts(item, found)


WRITTEN: FromFiles[str] = FromFiles()
"""Each file's keys and texts, read again only when the file changed."""


def _written(data: Any) -> str:
    found: list[str] = []
    _texts(data, found)
    return "\n".join(found)


def _used(spellings: Sequence[str], corpus: str) -> bool:
    """True when ``corpus`` uses any of ``spellings`` as a whole word, in any case.

    The same answer as searching ``spelling_pattern(spellings, re.IGNORECASE)``, found
    faster: that pattern starts with a look-behind, which a search tries at every character.
    Here the whole pattern is only tried where a spelling starts (a match from a position
    still sees the character before it): first where one is written as given, which a plain
    ``str.find`` jumps between, then, only if none of those is a whole word, wherever one
    starts in any case.
    """
    whole = spelling_pattern(spellings, re.IGNORECASE)
    for spelling in filter(None, spellings):  # '' would be found at every character
        start = corpus.find(spelling)
        while start != -1:
            if whole.match(corpus, start):
                return True
            start = corpus.find(spelling, start + 1)
    words = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    candidate = re.compile(words, re.IGNORECASE)
    found = candidate.search(corpus)
    while found is not None:
        if whole.match(corpus, found.start()):
            return True
        found = candidate.search(corpus, found.start() + 1)
    return False


def check_glossary(context: CheckContext) -> None:
    written = [page.text for page in context.page_texts]
    for kind in EXPLAINED_KINDS:
        written.extend(
            WRITTEN.of((raw.document,), partial(_written, raw.data), raw.base)
            for raw in context.raw.get(kind, ())
        )
    WRITTEN.run_finished()
    corpus = "\n".join(written)
    explained: dict[str, str] = {}
    for placed in context.each("glossary"):
        entry = placed.entry
        assert isinstance(entry, GlossaryTerm)
        for i, spelling in enumerate(entry.spellings):
            if spelling in explained:
                where = ("term",) if i == 0 else ("forms", i - 1)
                context.report(
                    placed,
                    where,
                    f"'{spelling}' is already explained by glossary term '{explained[spelling]}'",
                    "keep one entry for each spelling",
                )
            explained.setdefault(spelling, placed.id)
        if not _used(entry.spellings, corpus):
            context.report(
                placed,
                ("term",),
                f"glossary term '{entry.term}' is used on no page",
                "remove the entry, or add the spelling the pages use under 'forms'",
            )
