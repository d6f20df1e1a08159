"""The compact JSON the /plan/ page computes a week from: routines with their computed minutes,
kinds, problem areas, equipment, levels and ladders, plus the rules and the progression."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.durations import routine_minutes
from generator.model import Guide, ProblemArea, Routine
from generator.plan.model import PlanRules

LEVEL_ORDER = ("beginner", "intermediate", "advanced")
DATA_PATH = "plan/data.json"
"""Where the plan page fetches its data from, so the page stays small however many routines
and problem areas the guide has."""


def urgent_red_flags(area: ProblemArea) -> list[str]:
    """The signs a problem page says need care before any exercise plan: its urgent tier
    when the page sorts its red flags into tiers, else every red flag it lists."""
    flags = area.red_flags
    return list(flags) if isinstance(flags, list) else list(flags.urgent)


def routine_level(guide: Guide, routine: Routine) -> str:
    """The hardest exercise in the routine; a ladder is as hard as its first step."""
    items = routine.items[:1] if routine.ladder else routine.items
    levels = [guide.exercises[item.exercise].level for item in items]
    return max(levels, key=LEVEL_ORDER.index)


def _equipment(guide: Guide, routine: Routine, always: set[str]) -> list[str]:
    needed = {e for item in routine.items for e in guide.exercises[item.exercise].equipment}
    return sorted(needed - always)


def _ladder(guide: Guide, routine: Routine) -> list[dict[str, str]]:
    """The steps to move up: a ladder routine's own steps, else each exercise's next step."""
    if routine.ladder:
        return [
            {"from": guide.exercises[item.exercise].name, "when": item.pass_when}
            for item in routine.items
            if item.pass_when is not None
        ]
    steps = []
    for item in routine.items:
        exercise = guide.exercises[item.exercise]
        for step in exercise.progressions[:1]:
            steps.append(
                {
                    "from": exercise.name,
                    "to": guide.exercises[step.exercise].name,
                    "when": step.ready_when,
                }
            )
    return steps


def plan_data(guide: Guide, rules: PlanRules, href: Callable[[str], str]) -> dict[str, Any]:
    """Everything the page needs, keyed by id; ``href`` turns a page path into a link."""
    kind_of = {routine: key for key, kind in rules.kinds.items() for routine in kind.routines}
    always = set(rules.always_available)
    routines = {
        key: {
            "name": routine.name,
            "href": href(f"routines/{key}.md"),
            "kind": kind_of[key],
            "when": routine.when,
            "minutes": routine_minutes(routine, guide.exercises, guide.equipment),
            "times_per_week": routine.times_per_week,
            "problem_areas": routine.problem_areas,
            "equipment": _equipment(guide, routine, always),
            "level": routine_level(guide, routine),
            "ladder": _ladder(guide, routine),
        }
        for key, routine in guide.routines.items()
    }
    problem_areas = {
        key: {
            "name": area.name,
            "href": href(f"problem-areas/{key}.md"),
            "starter": area.starter_routine,
            "urgent": urgent_red_flags(area),
        }
        for key, area in guide.problem_areas.items()
    }
    rule_data = rules.model_dump(mode="json", exclude_none=True)
    return {
        "slots": rule_data["slots"],
        "routine_when": rule_data["routine_when"],
        "experience": rule_data["experience"],
        "kinds": {
            key: {"name": kind.name, "fatiguing": kind.fatiguing, "default": kind.default}
            for key, kind in rules.kinds.items()
        },
        "priorities": rules.priorities,
        "rules": {
            key: {name: value for name, value in rule.items() if name != "sources"}
            for key, rule in rule_data["rules"].items()
        },
        "progression": {
            name: value for name, value in rule_data["progression"].items() if name != "sources"
        },
        "equipment": {
            key: equipment.name for key, equipment in guide.equipment.items() if key not in always
        },
        "routines": routines,
        "problem_areas": problem_areas,
    }


def plan_json(guide: Guide, rules: PlanRules, href: Callable[[str], str]) -> str:
    """The plan data as the compact JSON file the plan page fetches when it opens."""
    return json.dumps(plan_data(guide, rules, href), ensure_ascii=False, separators=(",", ":"))
