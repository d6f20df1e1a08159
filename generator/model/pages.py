"""The front matter of a hand-written page that the checks read."""

from __future__ import annotations

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
)

from generator.model.fields import QUESTIONS_DESCRIPTION, Question
from generator.model.sources import Citation


class CitedPage(BaseModel):
    """A hand-written page's front matter: only 'sources' is checked, other keys belong to
    the site engine."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    title: str | None = Field(default=None, description="The page title, for reference lists.")
    sources: list[Citation] = Field(default=[], description="Where the page's advice comes from.")
    questions: list[Question] = Field(default=[], description=QUESTIONS_DESCRIPTION)
