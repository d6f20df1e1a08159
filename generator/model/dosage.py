"""How much of an exercise to do and how hard: shared by exercises and routine items."""

from __future__ import annotations

from typing import Self

from pydantic import (
    ConfigDict,
    Field,
    model_validator,
)

from generator.model.fields import Entry, Text


class Effort(Entry):
    """How hard a set should feel: reps in reserve or a rating of perceived exertion."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["rir"]}, {"required": ["rpe"]}]}
    )

    rir: int | None = Field(
        default=None, ge=0, le=10, description="Reps in reserve: reps left in the tank."
    )
    rpe: float | None = Field(
        default=None, ge=1, le=10, description="Rating of perceived exertion, 1 to 10."
    )

    @model_validator(mode="after")
    def rir_or_rpe(self) -> Self:
        if (self.rir is None) == (self.rpe is None):
            raise ValueError("give either 'rir' or 'rpe', not both and not neither")
        return self


DOSE_AMOUNTS = ("reps", "hold_seconds", "work_seconds", "work_minutes")
"""The ways a set is measured; a dose gives exactly one."""


class Dosage(Entry):
    """How much of an exercise to do: sets of repetitions, timed holds or timed work."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": [amount]} for amount in DOSE_AMOUNTS]}
    )

    sets: int = Field(ge=1, le=10, description="Number of sets.")
    reps: int | None = Field(default=None, ge=1, le=100, description="Repetitions per set.")
    hold_seconds: int | None = Field(
        default=None, ge=5, le=300, description="Seconds to hold, for isometric exercises."
    )
    work_seconds: int | None = Field(
        default=None, ge=5, le=600, description="Seconds of continuous work, such as skipping."
    )
    work_minutes: int | None = Field(
        default=None, ge=1, le=60, description="Minutes of continuous work, such as rolling."
    )
    rest_seconds: int = Field(ge=0, le=600, description="Rest between sets, in seconds.")
    effort: Effort | None = Field(default=None, description="How hard each set should feel.")
    progress: Text | None = Field(
        default=None, max_length=300, description="How to progress the dose week to week."
    )

    @model_validator(mode="after")
    def one_amount(self) -> Self:
        given = [amount for amount in DOSE_AMOUNTS if getattr(self, amount) is not None]
        if len(given) != 1:
            names = ", ".join(f"'{amount}'" for amount in DOSE_AMOUNTS)
            raise ValueError(f"give exactly one of {names}")
        return self

    def timed_seconds(self) -> int | None:
        """Seconds of one set when it is timed rather than counted in repetitions."""
        if self.hold_seconds is not None:
            return self.hold_seconds
        if self.work_seconds is not None:
            return self.work_seconds
        return self.work_minutes * 60 if self.work_minutes is not None else None
