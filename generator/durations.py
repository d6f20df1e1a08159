"""How long a routine really takes, computed from its items rather than taken on trust.

A routine states its minutes; the check compares that claim with this computation, and the
routine page and the plan builder show the computed figure.
"""

from __future__ import annotations

from generator.model import Routine, RoutineItem

SECONDS_PER_REP = 3
"""A controlled repetition: about two seconds down and one up."""
SETUP_SECONDS = 15
"""Moving to an exercise and getting into position, once per item."""
SIDE_SWITCH_SECONDS = 5
"""Changing sides within a set of a one-sided exercise."""
TOLERANCE = 0.20
"""How far a routine's stated minutes may stray from the computed time."""


def item_seconds(item: RoutineItem) -> int:
    """Work, rest between sets and changeovers for one routine item."""
    sides = 2 if item.per_side else 1
    work = item.reps * SECONDS_PER_REP if item.reps is not None else item.timed_seconds() or 0
    switches = SIDE_SWITCH_SECONDS * item.sets if item.per_side else 0
    return item.sets * work * sides + (item.sets - 1) * item.rest_seconds + switches + SETUP_SECONDS


def routine_seconds(routine: Routine) -> int:
    return sum(item_seconds(item) for item in routine.items)


def routine_minutes(routine: Routine) -> int:
    """The computed time rounded to whole minutes, never below one."""
    return max(1, round(routine_seconds(routine) / 60))


def stated_minutes_fit(routine: Routine) -> bool:
    """True when the routine's stated minutes are within the tolerance of the computed time."""
    computed = routine_seconds(routine) / 60
    return abs(routine.minutes - computed) <= TOLERANCE * computed
