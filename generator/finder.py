"""The finder's data: its filters, and a compact JSON index of exercises and routines.

The finder page carries only the filter form; the index is a separate file the page fetches
when it opens, so the page stays small however large the library grows. Each entry refers to
filter values by their position in the filter's value list, which keeps the file compact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator.guide import Guide
from generator.indexes import Indexes
from generator.model import DraftExercise

LEVELS = ("beginner", "intermediate", "advanced")
MINUTE_LIMITS = (3, 5, 10, 15, 20, 30)
NO_EQUIPMENT = "none"
"""The equipment filter value for what a runner has at home with nothing bought (the
equipment marked household: the floor and a wall, not a bench or step)."""
INDEX_PATH = "finder/index.json"


def reviewed_first(guide: Guide) -> list[tuple[str, DraftExercise]]:
    """Exercises in the order a runner meets them: every reviewed one before any draft,
    each group from beginner to advanced, then by name."""
    return sorted(
        guide.exercises.items(),
        key=lambda pair: (pair[1].is_draft, LEVELS.index(pair[1].level), pair[1].name),
    )


def try_order(guide: Guide, indexes: Indexes, area: str) -> list[str]:
    """A problem area's exercises in the order a runner should try them.

    The starter routine's exercises come first, in the routine's order; the rest follow
    from beginner to advanced, then by name, so a demanding variation never leads the list.
    """
    starter = [
        item.exercise for item in guide.routines[guide.problem_areas[area].starter_routine].items
    ]
    tagged = [key for key in indexes.by_problem_area[area] if key not in starter]
    rest = sorted(
        tagged,
        key=lambda key: (LEVELS.index(guide.exercises[key].level), guide.exercises[key].name),
    )
    return list(dict.fromkeys([*starter, *rest]))


@dataclass(frozen=True)
class Filter:
    """One filter of the form: its URL name, label, options, and what it applies to."""

    name: str
    label: str
    options: list[tuple[str, str]]
    applies_to: tuple[str, ...]


def filters(guide: Guide, labels: dict[str, str]) -> list[Filter]:
    """The filters in the order the form shows them."""

    def options(table: dict[str, Any]) -> list[tuple[str, str]]:
        return [(key, entry.name) for key, entry in table.items()]

    both = ("exercises", "routines")
    return [
        Filter("pattern", "Pattern or category", options(guide.patterns), ("exercises",)),
        Filter("problem-areas", "Problem area", options(guide.problem_areas), both),
        Filter(
            "muscles",
            "Muscle",
            sorted(options(guide.muscles), key=lambda option: option[1]),
            ("exercises",),
        ),
        Filter(
            "equipment",
            "Equipment",
            [(NO_EQUIPMENT, "No equipment"), *options(guide.equipment)],
            both,
        ),
        Filter("level", "Level", [(level, labels[level]) for level in LEVELS], ("exercises",)),
        Filter(
            "minutes",
            "Time",
            [(str(limit), f"Up to {limit} min") for limit in MINUTE_LIMITS],
            both,
        ),
    ]


def finder_index(
    guide: Guide, indexes: Indexes, urls: dict[str, str], stills: set[str] | None = None
) -> str:
    """The JSON the finder filters: value lists, then one short array per entry.

    Exercises come in the order of ``reviewed_first``; ``order`` lists, for each problem area,
    the positions of its exercises in the order its page recommends. A draft has pattern -1
    when it has none yet, minutes null (no dose) and its draft flag set to 1. The last value
    is 1 when the exercise has a small still (``stills``), 0 when it has none.

    ``urls`` maps 'exercises', 'routines' and 'stills' to a link pattern with '{id}' in it,
    relative to the finder page.
    """
    stills = stills or set()
    values = {
        "pattern": list(guide.patterns),
        "problem-areas": list(guide.problem_areas),
        "muscles": list(guide.muscles),
        "equipment": list(guide.equipment),
        "level": list(LEVELS),
    }
    position = {name: {key: i for i, key in enumerate(keys)} for name, keys in values.items()}

    def at(name: str, keys: list[str]) -> list[int]:
        return [position[name][key] for key in keys]

    exercises = [
        [
            key,
            exercise.name,
            position["pattern"][exercise.pattern] if exercise.pattern else -1,
            at("problem-areas", indexes.problem_areas_of_exercise[key]),
            at("muscles", exercise.muscles.primary),
            at("muscles", exercise.muscles.secondary),
            at("equipment", exercise.equipment),
            position["level"][exercise.level],
            indexes.exercise_minutes[key],
            int(exercise.is_draft),
            int(key in stills),
        ]
        for key, exercise in reviewed_first(guide)
    ]
    routines = [
        [
            key,
            routine.name,
            at("problem-areas", routine.problem_areas),
            at("equipment", indexes.routine_equipment[key]),
            indexes.routine_minutes[key],
        ]
        for key, routine in guide.routines.items()
    ]
    row = {key: i for i, key in enumerate(key for key, _ in reviewed_first(guide))}
    # Per problem area, its exercises in the order its page recommends trying them.
    order = [[row[key] for key in try_order(guide, indexes, area)] for area in guide.problem_areas]
    household = [position["equipment"][k] for k, e in guide.equipment.items() if e.household]
    body = {
        "values": values,
        "names": {
            "pattern": [p.name for p in guide.patterns.values()],
            "level": [level.capitalize() for level in LEVELS],
        },
        "household": household,
        "urls": urls,
        "exercises": exercises,
        "routines": routines,
        "order": order,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
