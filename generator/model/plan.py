"""The declared shape of content/plan/rules.yml: the runner's choices, the blocks of a strength
session, the phases of a programme and the placement rules, each rule with its evidence."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from generator.model.fields import Entry, Id, Level, Name, Text
from generator.model.sources import Citation

DayKind = Literal["rest", "easy", "hard", "long", "race"]
Experience = Literal["new", "some", "regular"]
PhaseId = Literal["base", "build", "peak", "lighter", "taper"]
Intensity = Literal["light", "moderate", "heavy"]
Evidence = Literal["research", "coaching practice"]
PROBLEM_AREA_BLOCK = "problem-area"
"""The place in a session's priority where the runner's own problem-area routine goes."""


class Day(Entry):
    """One kind of day in the runner's week."""

    name: Name = Field(description="How the choice reads on the plan page.")
    code: str = Field(pattern=r"^[a-z]$", description="The one letter the address bar uses.")
    runs: bool = Field(description="true when the runner runs that day.")


class EquipmentChoice(Entry):
    """What a runner can say they have, and the equipment ids it stands for."""

    name: Name = Field(description="How the choice reads on the plan page.")
    equipment: list[Id] = Field(description="Equipment ids this choice includes.")


class ExperienceLevel(Entry):
    """A runner's strength-training background and the exercise levels it opens."""

    name: Name = Field(description="How the choice reads on the plan page.")
    levels: list[Level] = Field(
        min_length=1, description="Exercise levels offered, the preferred one first."
    )


class RaceDistance(Entry):
    """A race distance and how long before it the sessions stay light."""

    name: Name = Field(description="How the choice reads on the plan page.")
    light_days: int = Field(ge=7, le=10, description="Days before the race with nothing heavy.")


class SessionLimits(Entry):
    """How many sessions a week and how many minutes each a runner may ask for."""

    most: int = Field(ge=1, le=7, description="Most sessions a week.")
    default: int = Field(ge=0, le=7, description="Sessions a week before the runner chooses.")
    minutes_least: int = Field(ge=5, le=60, description="Fewest minutes a session.")
    minutes_most: int = Field(ge=10, le=180, description="Most minutes a session.")
    minutes_default: int = Field(ge=5, le=180, description="Minutes before the runner chooses.")
    prefer_days: list[DayKind] = Field(
        min_length=1, description="Kinds of day a session goes on first, when several are free."
    )


class Block(Entry):
    """One part of a strength session; session A and session B draw on their own patterns."""

    name: Name = Field(description="How the block reads on the plan page.")
    a: list[Id] = Field(min_length=1, description="Movement patterns for session A.")
    b: list[Id] = Field(min_length=1, description="Movement patterns for session B.")
    muscles: list[Id] = Field(
        default=[], description="When set, only exercises working one of these muscles."
    )
    exclude: list[Id] = Field(default=[], description="Exercises of these patterns left out.")
    pick: int = Field(
        default=1, ge=1, le=3, description="Which of the ranked exercises: 1 the best, 2 the next."
    )
    plyometric: bool = Field(default=False, description="true for jumps, which rules may forbid.")
    easiest_first: bool = Field(
        default=False, description="true: the easiest exercise first, whatever the experience."
    )


class Phase(Entry):
    """What a kind of week does to each exercise's own dose."""

    name: Name = Field(description="How the phase reads on the plan page.")
    says: Text = Field(max_length=300, description="What the phase asks of the runner.")
    sets_add: int = Field(ge=0, le=2, description="Sets added to the exercise's own dose.")
    sets_percent: int = Field(ge=20, le=100, description="Share of those sets kept.")
    loaded_reps_percent: int = Field(
        ge=40, le=100, description="Share of repetitions kept on exercises done with a weight."
    )
    intensity: Intensity = Field(description="light, moderate or heavy.")
    plyometrics: bool = Field(description="true when jumps may be part of the week.")


CONSTRAINTS = (
    "max_per_day",
    "after_the_run",
    "on_days",
    "not_before",
    "not_after",
    "clear_days_before_race",
    "light_days_before_race",
    "plyometrics_experience",
    "no_plyometrics_with",
    "heavy_experience",
)
"""The fields that make a rule a rule; the page and the tests evaluate each the same way."""


class PlacementRule(Entry):
    """One thing every planned week must obey."""

    says: Text = Field(max_length=300, description="The rule in plain words, shown to runners.")
    evidence: Evidence = Field(
        description="research when the sources bear on the rule, else coaching practice."
    )
    sources: list[Citation] = Field(default=[], description="Studies that bear on the rule.")
    max_per_day: int | None = Field(default=None, ge=1, le=3, description="Sessions a day.")
    after_the_run: bool | None = Field(
        default=None, description="true: on a run day the session follows the run."
    )
    on_days: list[DayKind] | None = Field(default=None, description="The only days for sessions.")
    not_before: list[DayKind] | None = Field(
        default=None, description="No session on the day before one of these."
    )
    not_after: list[DayKind] | None = Field(
        default=None, description="No session on the day after one of these..."
    )
    except_on: list[DayKind] = Field(default=[], description="...unless the day is one of these.")
    clear_days_before_race: int | None = Field(
        default=None, ge=0, le=6, description="No session on race day or this many days before."
    )
    light_days_before_race: bool | None = Field(
        default=None, description="true: sessions within the race distance's light days are light."
    )
    plyometrics_experience: list[Experience] | None = Field(
        default=None, description="The only experience levels offered jumps."
    )
    no_plyometrics_with: list[Id] | None = Field(
        default=None, description="No jumps when one of these problem areas is ticked."
    )
    heavy_experience: list[Experience] | None = Field(
        default=None, description="The only experience levels offered heavy weeks."
    )

    @model_validator(mode="after")
    def constrains_something(self) -> Self:
        if all(getattr(self, name) is None for name in CONSTRAINTS):
            raise ValueError(f"a rule needs at least one of: {', '.join(CONSTRAINTS)}")
        if self.evidence == "research" and not self.sources:
            raise ValueError("a rule backed by research names its sources")
        if self.evidence == "coaching practice" and self.sources:
            raise ValueError("a coaching-practice rule cites no sources; say 'research' instead")
        if self.except_on and self.not_after is None:
            raise ValueError("'except_on' only qualifies 'not_after'")
        return self


class Progression(Entry):
    """How the weeks are laid out: phases keyed to a race date, or a repeating block."""

    weeks: int = Field(ge=4, le=16, description="Plan length when no race date is given.")
    shortest: int = Field(ge=1, le=8, description="Fewest weeks a runner may choose.")
    longest: int = Field(ge=8, le=24, description="Most weeks a plan covers.")
    peak_weeks: int = Field(ge=0, le=4, description="Peak weeks before the taper.")
    base_percent: int = Field(ge=10, le=80, description="Share of the other weeks that is base.")
    lighter_every: dict[Experience, int] = Field(
        description="A lighter week every this many weeks, by experience (3 or 4)."
    )
    says: Text = Field(max_length=400, description="The lighter-week rhythm in plain words.")
    sources: list[Citation] = Field(min_length=1, description="Where the rhythm comes from.")

    @model_validator(mode="after")
    def every_level_three_or_four(self) -> Self:
        if any(not 3 <= every <= 4 for every in self.lighter_every.values()):
            raise ValueError("a lighter week comes every 3 or 4 weeks")
        return self


class PlanRules(Entry):
    """content/plan/rules.yml: everything the plan builder knows about a runner's week."""

    days: dict[DayKind, Day] = Field(description="The kinds of day a runner can choose.")
    always_available: list[Id] = Field(
        default=[], description="Equipment ids every runner has (bodyweight, a wall)."
    )
    equipment: dict[Id, EquipmentChoice] = Field(min_length=1, description="Equipment choices.")
    experience: dict[Experience, ExperienceLevel] = Field(description="The experience choices.")
    race_distances: dict[Id, RaceDistance] = Field(min_length=1, description="Race distances.")
    sessions: SessionLimits = Field(description="Sessions a week and minutes a session.")
    blocks: dict[Id, Block] = Field(min_length=1, description="A session's blocks, in order.")
    priority: list[Id] = Field(
        min_length=1, description="Blocks in the order a short session keeps them."
    )
    steady_patterns: list[Id] = Field(
        default=[], description="Patterns whose sets a phase never adds to."
    )
    phases: dict[PhaseId, Phase] = Field(description="What each kind of week asks.")
    rules: dict[Id, PlacementRule] = Field(min_length=1, description="Placement rules by id.")
    progression: Progression = Field(description="How the weeks are laid out.")

    @model_validator(mode="after")
    def every_phase_and_day(self) -> Self:
        for name, declared, expected in (
            ("phases", self.phases, PhaseId.__args__),  # type: ignore[attr-defined]
            ("days", self.days, DayKind.__args__),  # type: ignore[attr-defined]
        ):
            missing = [key for key in expected if key not in declared]
            if missing:
                raise ValueError(f"'{name}' needs an entry for: {', '.join(missing)}")
        codes = [day.code for day in self.days.values()]
        if len(set(codes)) < len(codes):
            raise ValueError("each kind of day needs its own one-letter code")
        return self
