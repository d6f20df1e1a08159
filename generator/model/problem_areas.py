"""A problem-area file: content/problem-areas/<id>.yml, with its self-tests and red flags."""

from __future__ import annotations

from pydantic import (
    Field,
)

from generator.model.fields import Entry, Id, Name, Text
from generator.model.sources import Citation


class SelfTest(Entry):
    """A simple test a runner can do at home."""

    name: Name = Field(description="What the test is called.")
    steps: list[Text] = Field(min_length=1, description="How to do the test.")
    pass_when: Text = Field(description="What a pass looks like.")
    adult_only: bool = Field(
        default=False,
        description="true when the test and its pass mark are meant for adults; the page "
        "then tells runners who are still growing not to judge themselves by it.",
    )


class RedFlags(Entry):
    """Warning signs in tiers, so the most urgent reads first."""

    urgent: list[Text] = Field(
        min_length=1, description="Signs that need emergency or same-day care."
    )
    soon: list[Text] = Field(description="Signs to see a clinician about within days (may be []).")
    see_a_physio_if: list[Text] = Field(
        min_length=1, description="When persisting or worsening pain needs a physical therapist."
    )


class ProblemArea(Entry):
    """A problem area: content/problem-areas/<id>.yml."""

    name: Name = Field(description="The name most runners use.")
    aliases: list[Name] = Field(default=[], description="Names and abbreviations readers type.")
    summary: Text = Field(max_length=240, description="One sentence a runner recognises.")
    what_it_is: list[Text] = Field(min_length=1, description="Plain-words explanation.")
    why_strength_helps: list[Text] = Field(min_length=1, description="Paragraphs on the why.")
    starter_routine: Id = Field(description="Routine id to start with.")
    related: list[Id] = Field(
        default=[],
        description="Problem-area ids a runner with this problem should also read; the page "
        "links them.",
    )
    self_test: SelfTest | None = Field(default=None, description="A simple test at home.")
    red_flags: RedFlags = Field(description="Warning signs, most urgent first.")
    clearance_before_running: Text | None = Field(
        default=None,
        max_length=300,
        description="Why running waits for a clinician's clearance while this is the problem; "
        "leave out when it does not. Planners then schedule no hard running and only this "
        "page's early-stage routines.",
    )
    symptoms: list[Text] = Field(
        min_length=3, description="Plain phrases runners type, such as 'knee hurts downstairs'."
    )
    sources: list[Citation] = Field(min_length=1, description="Where the facts come from.")
