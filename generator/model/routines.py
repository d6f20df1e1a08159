"""A routine file: content/routines/<id>.yml."""

from __future__ import annotations

from typing import Self

from pydantic import (
    Field,
    model_validator,
)

from generator.model.dosage import Dosage
from generator.model.fields import QUESTIONS_DESCRIPTION, Entry, Id, Name, Question, Text, When
from generator.model.sources import Citation


class RoutineItem(Dosage):
    """One exercise inside a routine, with its dose."""

    exercise: Id = Field(description="Exercise id.")
    per_side: bool = Field(default=False, description="true when the dose is for each side.")
    pass_when: Text | None = Field(
        default=None, description="In a ladder: what to achieve before the next step."
    )
    note: Text | None = Field(default=None, description="A short coaching note.")


class Routine(Entry):
    """A routine: content/routines/<id>.yml."""

    name: Name = Field(description="The routine's title.")
    goal: Text = Field(max_length=300, description="What the routine is for, in one sentence.")
    when: When = Field(description="When in the week it is done.")
    minutes: int = Field(ge=1, le=120, description="Estimated minutes.")
    times_per_week: int = Field(ge=1, le=14, description="How many times a week.")
    problem_areas: list[Id] = Field(default=[], description="Problem-area ids it serves.")
    ladder: bool = Field(default=False, description="true when items are steps to master in order.")
    notes: list[Text] = Field(default=[], description="How to run the routine.")
    items: list[RoutineItem] = Field(min_length=1, description="The exercises, in order.")
    sources: list[Citation] = Field(default=[], description="Where the routine comes from.")
    questions: list[Question] = Field(default=[], description=QUESTIONS_DESCRIPTION)

    @model_validator(mode="after")
    def ladder_steps_have_criteria(self) -> Self:
        if self.ladder and any(item.pass_when is None for item in self.items[:-1]):
            raise ValueError("every step of a ladder except the last needs 'pass_when'")
        return self
