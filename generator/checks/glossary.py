"""Glossary rules: every explained word is one some page uses, and no two entries explain the
same spelling."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any

from generator.checks.context import CheckContext
from generator.glossary import spelling_pattern
from generator.memo import FromFiles
from generator.model import GlossaryTerm

EXPLAINED_KINDS = ("exercises", "routines", "problem-areas", "patterns", "muscles", "equipment")
"""The content whose text pages show, and so may use a glossary word."""


def _texts(data: Any) -> Iterator[str]:
    """Every key and text value in an entry as written: a dose's 'rpe' key shows as 'RPE'."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _texts(value)
    elif isinstance(data, list):
        for item in data:
            yield from _texts(item)


WRITTEN: FromFiles[str] = FromFiles()
"""Each file's keys and texts, read again only when the file changed."""


def _written(data: Any) -> str:
    return "\n".join(_texts(data))


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
        if not spelling_pattern(entry.spellings, re.IGNORECASE).search(corpus):
            context.report(
                placed,
                ("term",),
                f"glossary term '{entry.term}' is used on no page",
                "remove the entry, or add the spelling the pages use under 'forms'",
            )
