"""A publication the guide cites, and a citation of it with the claim it backs."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    field_validator,
)

from generator.model.fields import Entry, Id, Text, WebUrl

SourceKind = Literal[
    "guideline",
    "systematic-review",
    "trial",
    "observational",
    "expert-consensus",
    "narrative-review",
    "coaching",
]
RESEARCH_KINDS: tuple[SourceKind, ...] = (
    "guideline",
    "systematic-review",
    "trial",
    "observational",
)
"""Kinds of source that report research and so must be findable by DOI or PMID."""
EVIDENCE: dict[str, str] = {
    **{kind: "research" for kind in RESEARCH_KINDS},
    "expert-consensus": "clinical-consensus",
    "narrative-review": "expert-review",
    "coaching": "coaching-opinion",
}
"""Evidence level shown to readers for each kind of source."""
Author = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=80),
    Field(description="'Surname Initials', such as 'Willy RW'; 'et al.' may end the list."),
]
Doi = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^10\.\d{4,9}/\S+$", max_length=200),
    Field(description="A DOI without the https://doi.org/ prefix: '10.2519/jospt.2019.0302'."),
]
Pmid = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[0-9]{1,9}$"),
    Field(description="A PubMed id, digits only, in quotes."),
]


class Source(Entry):
    """A publication the guide cites: content/sources/<id>.yml, named '<author>-<year>-<topic>'."""

    authors: list[Author] = Field(
        min_length=1, description="Authors as 'Surname Initials'; 'et al.' may end the list."
    )
    year: int = Field(ge=1900, le=2100, description="Year of publication.")
    title: Text = Field(max_length=400, description="The full title, as published.")
    published_in: Text = Field(
        max_length=200, description="The journal, publisher or website it appeared in."
    )
    kind: SourceKind = Field(
        description="guideline, systematic-review, trial or observational (research); "
        "expert-consensus (clinical consensus: a panel's agreed statement); narrative-review "
        "(expert review: one group's review or clinical commentary); coaching (coaching opinion)."
    )
    doi: Doi | None = Field(
        default=None, description="Required for research kinds unless 'pmid' is given."
    )
    pmid: Pmid | None = Field(default=None, description='PubMed id, such as "31258049".')
    url: WebUrl | None = Field(default=None, description="Where a reader can find it.")
    about: list[Id] = Field(
        default=[],
        description="Ids of the problems the publication is about (empty when general); "
        "a problem may be listed before the guide has a page for it.",
    )

    @property
    def evidence(self) -> str:
        """The level of evidence readers are shown, derived from the kind of publication."""
        return EVIDENCE[self.kind]

    @field_validator("authors")
    @classmethod
    def et_al_ends_the_list(cls, authors: list[str]) -> list[str]:
        if "et al." in authors[:-1]:
            raise ValueError("'et al.' may only be the last of the authors")
        return authors


class Citation(Entry):
    """A reference to a source, with the specific claim it backs on this page."""

    source: Id = Field(description="Id of the source: its file name in content/sources/.")
    supports: Text = Field(
        max_length=300, description="The specific claim the source backs, in our own words."
    )
    problem_area: Id | None = Field(
        default=None,
        description="On exercises: the problem-area link this citation backs; "
        "the source must be about that problem area.",
    )
