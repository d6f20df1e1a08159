"""The taxonomies under content/taxonomy/: patterns, muscles, glossary, body map, equipment."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
)

from generator.model.fields import QUESTIONS_DESCRIPTION, Entry, Id, Name, Question, Text


class Pattern(Entry):
    """A movement pattern or exercise category (taxonomy/patterns.yml)."""

    name: Name = Field(description="The pattern's name.")
    kind: Literal["pattern", "category"] = Field(
        description="pattern for the six movement patterns, category for the rest."
    )
    summary: Text = Field(max_length=240, description="One sentence on the movement.")
    description: list[Text] = Field(min_length=1, description="Paragraphs explaining it.")
    main_muscles: list[Id] = Field(default=[], description="Muscle ids it mainly trains.")
    runner_notes: list[Text] = Field(default=[], description="Notes that matter to runners.")
    questions: list[Question] = Field(default=[], description=QUESTIONS_DESCRIPTION)


class Muscle(Entry):
    """A muscle or muscle group (taxonomy/muscles.yml)."""

    name: Name = Field(description="Plain name, such as 'Glute med'.")
    anatomical_name: Name = Field(description="The Latin name, such as 'Gluteus medius'.")
    aliases: list[Name] = Field(default=[], description="Names readers type ('hammies').")
    region: Literal["hip", "thigh", "lower-leg", "trunk", "upper-body"] = Field(
        description="Body region, for grouping and the body map."
    )
    view: Literal["front", "back"] = Field(
        description="Which figure of the body map shows it: front or back."
    )
    summary: Text = Field(max_length=300, description="What it does for a runner.")
    members: list[Id] = Field(
        default=[],
        description="For a coarse group such as 'glutes': the muscle ids it stands for.",
    )


SvgPath = Annotated[
    str,
    StringConstraints(pattern=r"^[MmLlHhVvCcSsQqTtAaZz0-9 .,-]+$", max_length=4000),
    Field(description="SVG path data: commands and numbers only."),
]


class GlossaryTerm(Entry):
    """A word a runner may not know (taxonomy/glossary.yml), explained wherever it appears."""

    term: Name = Field(description="The word as the guide writes it, such as 'RPE'.")
    forms: list[Name] = Field(
        default=[],
        description="Other spellings explained the same way: a capital at the start of a "
        "sentence, a plural ('tendinopathies').",
    )
    definition: Text = Field(
        max_length=240, description="What it means, in one plain sentence a runner understands."
    )

    @property
    def spellings(self) -> list[str]:
        return [self.term, *self.forms]


class BodyRegion(Entry):
    """Where a muscle is drawn on the body map (taxonomy/body-map.yml)."""

    view: Literal["front", "back"] = Field(description="The figure the shapes are drawn on.")
    shapes: list[SvgPath] = Field(
        min_length=1, description="Path data in a 200 × 440 figure, one per side of the body."
    )


class Equipment(Entry):
    """A piece of equipment (taxonomy/equipment.yml)."""

    name: Name = Field(description="What it is called.")
    aliases: list[Name] = Field(default=[], description="Other names readers type.")
    summary: Text = Field(max_length=240, description="What it is, in one sentence.")
    household: bool = Field(
        default=False,
        description="true when a runner has it at home without buying anything (the floor, "
        "a wall), so exercises using only such equipment count as needing none. A bench, step "
        "or box does not count: not every home has a stable one.",
    )
    setup_seconds: int = Field(
        default=15,
        ge=0,
        le=600,
        description="Seconds to get it ready before an exercise (moving to it, loading a bar); "
        "a routine's time counts the longest set-up among an exercise's equipment.",
    )
