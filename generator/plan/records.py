"""The JSON the /plan/ page builds a programme from, declared once as typed records.

``PlanData`` is the format: generator/plan/data.py fills it, ``PlanData.model_json_schema()``
describes it, and the page's JavaScript is tested to read nothing the schema does not declare.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.plan import PhaseId
from generator.script_data import Record


class Dose(Record):
    """One exercise's dose in one kind of week; ``seconds[k - 1]`` is the time for k sets."""

    sets: int
    reps: int | None
    seconds_each: int | None = Field(description="Seconds of one timed set, when timed.")
    timed: Literal["hold", "work"] | None = Field(
        description="What a timed set is: a hold, or work for time; None for repetitions."
    )
    rest_seconds: int
    per_side: bool
    changeover_seconds: int = Field(
        description="Getting to the exercise and into position before its first set."
    )
    seconds: list[int] = Field(
        description="The time of 1, 2, … sets, the changeover included (generator/durations.py)."
    )


class NextStep(Record):
    name: str
    href: str
    when: str
    level: str
    equipment: list[str]


class PlanExercise(Record):
    name: str
    href: str
    still: str | None
    cue: str = Field(description="The one cue the workout player shows during a set.")
    pattern: str
    level: str
    equipment: list[str]
    loaded: bool = Field(description="Done with a weight, so heavier weeks mean more load.")
    muscles: list[str]
    problem_areas: list[str]
    doses: dict[PhaseId, Dose]
    next: NextStep | None


class RoutineStep(Record):
    exercise: str
    name: str
    href: str
    still: str | None
    cue: str = Field(description="The one cue the workout player shows during a set.")
    dose: Dose = Field(
        description="The step's dose; its changeover is the one the routine times before it."
    )


class PlanRoutine(Record):
    name: str
    href: str
    minutes: int
    seconds: int = Field(description="One session of the routine, from the duration function.")
    level: str
    equipment: list[str]
    steps: list[RoutineStep]


class RedFlagTiers(Record):
    urgent: list[str]
    soon: list[str]
    see_a_physio_if: list[str]


class PlanProblemArea(Record):
    name: str
    href: str
    red_flags: RedFlagTiers
    clearance: str | None
    routines: list[str] = Field(description="Routines for the area, the starter first.")
    early: list[str] = Field(description="The early-stage routines: the starter and easier.")


class PlanDay(Record):
    name: str
    code: str
    runs: bool


class PlanEquipment(Record):
    name: str
    equipment: list[str]


class PlanExperience(Record):
    name: str
    levels: list[str]


class PlanRace(Record):
    name: str
    light_days: int


class PlanBlock(Record):
    name: str
    a: list[str]
    b: list[str]
    pick: int
    plyometric: bool
    easiest_first: bool
    exercises: dict[str, list[str]] = Field(description="Candidate exercises for 'a' and 'b'.")


class PlanPhase(Record):
    name: str
    says: str
    intensity: str
    plyometrics: bool


class PlanRule(Record):
    says: str
    evidence: str
    max_per_day: int | None
    after_the_run: bool | None
    on_days: list[str] | None
    not_before: list[str] | None
    not_after: list[str] | None
    except_on: list[str]
    clear_days_before_race: int | None
    light_days_before_race: bool | None
    plyometrics_experience: list[str] | None
    no_plyometrics_with: list[str] | None
    heavy_experience: list[str] | None


class PlanSessions(Record):
    most: int
    default: int
    minutes_least: int
    minutes_most: int
    minutes_default: int
    prefer_days: list[str]


class PlanProgression(Record):
    weeks: int
    shortest: int
    longest: int
    peak_weeks: int
    base_percent: int
    lighter_every: dict[str, int]
    says: str


class PlanTiming(Record):
    """How generator/durations.py counts what a dose does not give in seconds, so a session's
    minutes and the workout player's clock can be checked against each other."""

    seconds_per_rep: int = Field(description="One controlled repetition.")
    side_switch_seconds: int = Field(description="Changing sides within a one-sided set.")


class PlanData(Record):
    """Everything the plan page reads, keyed by id."""

    timing: PlanTiming
    days: dict[str, PlanDay]
    always_available: list[str]
    equipment: dict[str, PlanEquipment]
    experience: dict[str, PlanExperience]
    race_distances: dict[str, PlanRace]
    sessions: PlanSessions
    blocks: dict[str, PlanBlock]
    priority: list[str]
    phases: dict[PhaseId, PlanPhase]
    rules: dict[str, PlanRule]
    progression: PlanProgression
    exercises: dict[str, PlanExercise]
    routines: dict[str, PlanRoutine]
    problem_areas: dict[str, PlanProblemArea]
