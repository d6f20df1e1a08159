"""Numbered references for a page and the guide-wide list of sources, as view data.

One citation style everywhere (authors, title, where, year, then DOI or PMID or link), so a
reader can look every source up; templates only lay these records out.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from generator.guide import Guide
from generator.model import Citation, Source

DOI_SAFE = "/:;._-"
"""Characters left as they are in a DOI link; anything else (parentheses too) is encoded."""


@dataclass(frozen=True)
class Reference:
    """One source as a reference list shows it, with the claims it backs on this page."""

    id: str
    authors: str
    title: str
    published_in: str
    year: int
    doi: str | None
    doi_href: str | None
    pmid: str | None
    url: str | None
    evidence: str
    claims: list[str]


def _ends_a_sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def reference(key: str, source: Source, claims: list[str]) -> Reference:
    return Reference(
        id=key,
        authors=_ends_a_sentence(", ".join(source.authors)),
        title=_ends_a_sentence(source.title),
        published_in=source.published_in,
        year=source.year,
        doi=source.doi,
        doi_href=f"https://doi.org/{quote(source.doi, safe=DOI_SAFE)}" if source.doi else None,
        pmid=source.pmid,
        url=source.url,
        evidence=source.evidence,
        claims=claims,
    )


def numbered(guide: Guide, citations: list[Citation]) -> list[Reference]:
    """A page's references in order of first citation; a source cited twice appears once."""
    claims: dict[str, list[str]] = {}
    for citation in citations:
        found = claims.setdefault(citation.source, [])
        if citation.supports not in found:
            found.append(citation.supports)
    return [reference(key, guide.publications[key], said) for key, said in claims.items()]


@dataclass(frozen=True)
class CitingPage:
    """A page that cites a source: its title and its path from the content root."""

    title: str
    path: str


CITED_ON_SHOWN = 8
"""Citing pages the References page names for one source; the rest are counted, so the page
stays short however many exercises cite a review."""


@dataclass(frozen=True)
class Listed:
    """One entry of the References page: the source and every page citing it."""

    reference: Reference
    cited_by: list[CitingPage]

    @property
    def shown(self) -> list[CitingPage]:
        """The citing pages named: problem pages first, then exercises, routines and guides."""
        return self.cited_by[:CITED_ON_SHOWN]

    @property
    def more(self) -> int:
        """How many citing pages are counted rather than named."""
        return len(self.cited_by) - len(self.shown)


def _sort_key(item: tuple[str, Source]) -> tuple[str, int, str]:
    key, source = item
    return (source.authors[0].casefold(), source.year, key)


def bibliography(guide: Guide) -> list[Listed]:
    """Every source, by first author and year, with the pages that cite it."""
    citing: dict[str, list[CitingPage]] = {key: [] for key in guide.publications}
    sections = (
        ("problem-areas", guide.problem_areas),
        ("exercises", guide.exercises),
        ("routines", guide.routines),
    )
    for section, entries in sections:
        for key, entry in entries.items():
            page = CitingPage(entry.name, f"{section}/{key}.md")
            for source in dict.fromkeys(c.source for c in entry.sources):
                citing[source].append(page)
    for path, cited in guide.cited_pages.items():
        page = CitingPage(cited.title or path, path)
        for source in dict.fromkeys(c.source for c in cited.sources):
            citing[source].append(page)
    if guide.plan is not None:
        plan = guide.plan
        cited_by_plan = [c for rule in plan.rules.values() for c in rule.sources]
        cited_by_plan += plan.progression.sources
        for source in dict.fromkeys(c.source for c in cited_by_plan):
            citing[source].append(CitingPage("My running week", "plan/index.md"))
    return [
        Listed(reference(key, source, []), citing[key])
        for key, source in sorted(guide.publications.items(), key=_sort_key)
    ]
