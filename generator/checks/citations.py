"""Citation rules: every cited source exists, and an exercise's link to a problem area is
backed by a source about that problem area."""

from __future__ import annotations

from generator.checks.context import CheckContext, Placed
from generator.model import Citation, DraftExercise, Source

CITING_KINDS = ("exercises", "routines", "problem-areas", "pages")
"""Every kind of entry that carries a 'sources:' list of citations."""


def check_citations_resolve(context: CheckContext) -> None:
    for kind in CITING_KINDS:
        for placed in context.each(kind):
            citations: list[Citation] = getattr(placed.entry, "sources", [])
            for i, citation in enumerate(citations):
                context.reference(placed, ("sources", i, "source"), citation.source, "sources")
                if citation.problem_area is not None:
                    context.reference(
                        placed,
                        ("sources", i, "problem_area"),
                        citation.problem_area,
                        "problem-areas",
                    )


def _about(context: CheckContext, key: str) -> list[str] | None:
    """The problem areas a valid source is about, or None when it is unknown or invalid."""
    placed = context.entries.get("sources", {}).get(key)
    if placed is None:
        return None
    assert isinstance(placed.entry, Source)
    return placed.entry.about


def _check_link(context: CheckContext, placed: Placed, index: int, area: str) -> None:
    exercise = placed.entry
    assert isinstance(exercise, DraftExercise)
    backing = [(i, c) for i, c in enumerate(exercise.sources) if c.problem_area == area]
    if not backing:
        context.report(
            placed,
            ("problem_areas", index),
            f"unsupported link to '{area}': no citation under 'sources' has 'problem_area: {area}'",
            f"cite a source about {area} with 'problem_area: {area}', or remove the link",
        )
        return
    for _, citation in backing:
        about = _about(context, citation.source)
        if about is None or area in about:
            return
    i, citation = backing[0]
    context.report(
        placed,
        ("sources", i, "source"),
        f"unsupported link to '{area}': source '{citation.source}' is not about '{area}'",
        f"cite a source whose 'about' lists {area}, or remove '{area}' from 'problem_areas'",
    )


def check_links_supported(context: CheckContext) -> None:
    known = context.ids["problem-areas"]
    for placed in context.each("exercises"):
        exercise = placed.entry
        assert isinstance(exercise, DraftExercise)
        for index, area in enumerate(exercise.problem_areas):
            if area in known:
                _check_link(context, placed, index, area)
