"""Field types shared by every kind of content, and the base settings of every entry.

This module imports nothing from the generator but the stop words, so every model can use it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from generator.model.words import STOP_WORDS

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="A lowercase kebab-case id, such as 'single-leg-bridge'."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)]


def _as_runners_type_it(question: str) -> str:
    """A question is lower case and has a word search does not leave out."""
    if question != question.lower():
        raise ValueError(f"write '{question}' in lower case, as runners type it")
    if not set(re.findall(r"[a-z0-9]+", question)) - STOP_WORDS:
        raise ValueError(f"'{question}' is only stop words, which search leaves out")
    return question


Question = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=80),
    AfterValidator(_as_runners_type_it),
    Field(description="A goal or question in a runner's words, lower case: 'get faster on hills'."),
]
QUESTIONS_DESCRIPTION = (
    "Goals and questions the page answers, as runners type them ('do i need a gym', "
    "'run a faster 5k'); their words are searched with the page's name."
)
Level = Literal["beginner", "intermediate", "advanced"]
Fit = Literal["warm-up", "pre-run", "post-run", "strength-day"]
When = Literal["warm-up", "pre-run", "post-run", "separate-day", "after-speed-work"]
URL_PATH = r"(/[^\s<>'()\\" + '"' + r"]*)?$"
"""An optional path without spaces, quotes, angle brackets or parentheses."""
HttpsUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https://[A-Za-z0-9.-]+" + URL_PATH, max_length=500),
    Field(description="A full https:// address."),
]
WebUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[A-Za-z0-9.-]+" + URL_PATH, max_length=500),
    Field(description="A full web address; older articles may only have an http:// one."),
]
VideoUrl = Annotated[
    str,
    StringConstraints(
        pattern=r"^https://(www\.|m\.)?(youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|player\.vimeo\.com)"
        + URL_PATH,
        max_length=500,
    ),
    Field(description="An https:// link to a video on YouTube or Vimeo."),
]


class Entry(BaseModel):
    """Shared settings: content is immutable and unknown keys are mistakes."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
