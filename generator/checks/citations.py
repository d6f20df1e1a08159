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


GENERAL_SOURCE_LIMIT = 6
"""The most exercise pages one general source (``about: []``) may back.

A general review supports the case for strength work as a whole, which the guide pages make;
on an exercise page it bears on the claim only for the kind of exercise its studies used.
Six is the widest honest reach seen in the guide: one plyometric programme backs its six jump
exercises. Past that, the same sentence repeated on unrelated exercises is padding."""


def check_general_sources_not_padded(context: CheckContext) -> None:
    citing: dict[str, list[str]] = {}
    for placed in context.each("exercises"):
        exercise = placed.entry
        assert isinstance(exercise, DraftExercise)
        for cited in dict.fromkeys(c.source for c in exercise.sources):
            citing.setdefault(cited, []).append(placed.id)
    for key, exercises in citing.items():
        source = context.entries.get("sources", {}).get(key)
        if source is None or len(exercises) <= GENERAL_SOURCE_LIMIT:
            continue
        assert isinstance(source.entry, Source)
        if source.entry.about:
            continue
        context.report(
            source,
            ("about",),
            f"general source '{key}' is cited on {len(exercises)} exercise pages, more than "
            f"{GENERAL_SOURCE_LIMIT}: {', '.join(sorted(exercises))}",
            "cite it only where its studies used that kind of exercise; the general case "
            "belongs on a guide page",
        )
