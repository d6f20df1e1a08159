"""Source rules: every publication can be looked up, and research by DOI or PMID."""

from __future__ import annotations

from generator.checks.context import CheckContext
from generator.model import RESEARCH_KINDS, Source


def check_sources_findable(context: CheckContext) -> None:
    for placed in context.each("sources"):
        source = placed.entry
        assert isinstance(source, Source)
        if source.kind in RESEARCH_KINDS and source.doi is None and source.pmid is None:
            context.report(
                placed,
                ("kind",),
                f"a {source.kind} needs a 'doi' or 'pmid' so readers can look it up",
                "add 'doi:' (such as 10.2519/jospt.2019.0302) or 'pmid:' in quotes",
            )
        elif source.doi is None and source.pmid is None and source.url is None:
            context.report(
                placed,
                ("kind",),
                "a source needs a 'doi', 'pmid' or 'url' so readers can look it up",
                "add the https:// address where the article can be read",
            )
        context.no_repeats(placed, ("about",), source.about)
