"""The declared shape of content/plan/rules.yml: slots, routine kinds, placement rules and the
progression, each rule carrying the sources behind it."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from generator.model import Citation, Entry, Id, Level, Name, Text, When

Slot = Literal["before-easy", "after-easy", "before-hard", "after-hard", "rest-day"]
DayType = Literal["rest", "easy", "hard"]
Experience = Literal["new", "some", "regular"]
Phase = Literal["learn", "build", "heavier", "lighter", "taper", "race"]


class ExperienceLevel(Entry):
    """A runner's strength-training background and the routine levels it opens."""

    name: Name = Field(description="How the choice reads on the plan page.")
    levels: list[Level] = Field(min_length=1, description="Routine levels offered.")


class RoutineKind(Entry):
    """A family of routines that the placement rules treat alike."""

    name: Name = Field(description="How the kind reads on the plan page.")
    summary: Text = Field(max_length=200, description="One sentence on what these routines are.")
    fatiguing: bool = Field(description="true when the routines tire the legs or the body.")
    default: Id | None = Field(
        default=None, description="The routine offered when no problem area asks for another."
    )
    routines: list[Id] = Field(min_length=1, description="Routine ids of this kind.")


CONSTRAINTS = (
    "slots",
    "experience",
    "max_per_week",
    "max_per_day",
    "not_before",
    "clear_days_before_race",
)
"""The fields that make a rule a rule; each one is evaluated the same way by the page and the
tests."""


class PlacementRule(Entry):
    """One thing a week must obey, for the routine kinds it names."""

    says: Text = Field(max_length=300, description="The rule in plain words, shown to runners.")
    kinds: list[Id] = Field(min_length=1, description="Routine kinds the rule applies to.")
    scope: Literal["every-week", "race-week"] = Field(
        default="every-week", description="every-week, or race-week for the last seven days."
    )
    slots: list[Slot] | None = Field(default=None, description="The only slots allowed.")
    experience: list[Experience] | None = Field(
        default=None, description="The only experience levels these kinds are offered to."
    )
    max_per_week: int | None = Field(default=None, ge=0, le=14, description="Sessions a week.")
    when_week_has: list[Id] = Field(
        default=[], description="Apply max_per_week only in weeks with one of these kinds."
    )
    max_per_day: int | None = Field(default=None, ge=0, le=4, description="Sessions a day.")
    not_before: list[DayType] | None = Field(
        default=None, description="No session on the day before a day of these types."
    )
    clear_days_before_race: int | None = Field(
        default=None, ge=0, le=6, description="No session on race day or this many days before."
    )
    sources: list[Citation] = Field(min_length=1, description="Where the rule comes from.")

    @model_validator(mode="after")
    def constrains_something(self) -> Self:
        if all(getattr(self, name) is None for name in CONSTRAINTS):
            raise ValueError(f"a rule needs at least one of: {', '.join(CONSTRAINTS)}")
        if self.when_week_has and self.max_per_week is None:
            raise ValueError("'when_week_has' only qualifies 'max_per_week'")
        if self.clear_days_before_race is not None and self.scope != "race-week":
            raise ValueError("'clear_days_before_race' needs 'scope: race-week'")
        return self


class Progression(Entry):
    """How the weeks change over an 8 to 12 week plan."""

    weeks: int = Field(ge=8, le=12, description="Plan length when no race date is given.")
    shortest: int = Field(ge=1, le=12, description="Fewest weeks a runner may choose.")
    longest: int = Field(ge=8, le=16, description="Most weeks a runner may choose.")
    lighter_every: dict[Experience, int] = Field(
        description="A lighter week every this many weeks, by experience (3 or 4)."
    )
    lighter_sets_percent: int = Field(ge=20, le=90, description="Share of sets in a lighter week.")
    heavier_from_week: int = Field(ge=1, le=12, description="First week that adds load.")
    taper_weeks: int = Field(ge=0, le=3, description="Weeks of taper before race week.")
    taper_sets_percent: int = Field(ge=20, le=90, description="Share of sets while tapering.")
    phases: dict[Phase, Text] = Field(description="What each kind of week asks of the runner.")
    sources: list[Citation] = Field(min_length=1, description="Where the progression comes from.")

    @model_validator(mode="after")
    def every_phase_and_level(self) -> Self:
        missing = [p for p in Phase.__args__ if p not in self.phases]  # type: ignore[attr-defined]
        if missing:
            raise ValueError(f"'phases' needs text for: {', '.join(missing)}")
        if any(not 3 <= every <= 4 for every in self.lighter_every.values()):
            raise ValueError("a lighter week comes every 3 or 4 weeks")
        return self


class PlanRules(Entry):
    """content/plan/rules.yml: everything the plan builder knows about a runner's week."""

    slots: dict[Slot, Name] = Field(description="How each slot in a day reads on the page.")
    routine_when: dict[When, list[Slot]] = Field(
        description="The slots a routine's own 'when' allows; the plan never contradicts it."
    )
    always_available: list[Id] = Field(
        default=[], description="Equipment ids every runner has (bodyweight, a wall)."
    )
    experience: dict[Experience, ExperienceLevel] = Field(description="The experience choices.")
    kinds: dict[Id, RoutineKind] = Field(min_length=1, description="Routine kinds by id.")
    priorities: list[Id] = Field(
        min_length=1, description="Kinds in the order a week is filled with them."
    )
    rules: dict[Id, PlacementRule] = Field(min_length=1, description="Placement rules by id.")
    progression: Progression = Field(description="How the weeks change.")
