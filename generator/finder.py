"""The finder's data: its filters, and a compact JSON index of exercises and routines.

The finder page carries only the filter form; the index is a separate file the page fetches
when it opens, so the page stays small however large the library grows. Each entry refers to
filter values by their position in the filter's value list, which keeps the file compact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import Field

from generator.guide import Guide
from generator.indexes import Indexes
from generator.model import DraftExercise
from generator.script_data import Record

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


class ExerciseRow(NamedTuple):
    """One exercise of the index, as a short array in this order."""

    id: str
    name: str
    pattern: Annotated[int, Field(description="Position in values.pattern; -1 for none yet.")]
    problem_areas: Annotated[list[int], Field(description="Positions in values.problem-areas.")]
    primary: Annotated[list[int], Field(description="Positions in values.muscles: main work.")]
    secondary: Annotated[list[int], Field(description="Positions in values.muscles: assisting.")]
    equipment: Annotated[list[int], Field(description="Positions in values.equipment.")]
    level: Annotated[int, Field(description="Position in values.level.")]
    minutes: Annotated[int | None, Field(description="The default dose's time; null for a draft.")]
    draft: Literal[0, 1]
    still: Annotated[Literal[0, 1], Field(description="1 when the exercise has a small still.")]


class RoutineRow(NamedTuple):
    """One routine of the index, as a short array in this order."""

    id: str
    name: str
    problem_areas: Annotated[list[int], Field(description="Positions in values.problem-areas.")]
    equipment: Annotated[list[int], Field(description="Positions in values.equipment.")]
    minutes: int


class FinderValues(Record):
    """Each filter's value ids; the entries refer to a value by its position here."""

    pattern: list[str]
    problem_areas: list[str] = Field(alias="problem-areas")
    muscles: list[str]
    equipment: list[str]
    level: list[str]


class FinderNames(Record):
    """What a result line calls its pattern and level, by the same positions."""

    pattern: list[str]
    level: list[str]


class FinderUrls(Record):
    """Link patterns relative to the finder page, with '{id}' where the id goes."""

    exercises: str
    routines: str
    stills: str


class FinderIndex(Record):
    """Everything the finder page reads: ``finder/index.json``."""

    values: FinderValues
    names: FinderNames
    household: list[int] = Field(
        description="Positions in values.equipment of what 'No equipment' allows."
    )
    urls: FinderUrls
    exercises: list[ExerciseRow] = Field(description="Reviewed first, then by level and name.")
    routines: list[RoutineRow]
    order: list[list[int]] = Field(
        description="Per problem area (by position), its exercises' rows in the order its "
        "page recommends trying them."
    )


def finder_data(
    guide: Guide, indexes: Indexes, urls: dict[str, str], stills: set[str] | None = None
) -> FinderIndex:
    """The index the finder filters: value lists, then one short row per entry.

    Exercises come in the order of ``reviewed_first``; ``order`` lists, for each problem area,
    the positions of its exercises in the order its page recommends.
    """
    stills = stills or set()
    values = FinderValues(
        pattern=list(guide.patterns),
        problem_areas=list(guide.problem_areas),
        muscles=list(guide.muscles),
        equipment=list(guide.equipment),
        level=list(LEVELS),
    )
    position = {
        name: {key: i for i, key in enumerate(keys)} for name, keys in values.model_dump().items()
    }

    def at(name: str, keys: list[str]) -> list[int]:
        return [position[name][key] for key in keys]

    exercises = [
        ExerciseRow(
            id=key,
            name=exercise.name,
            pattern=position["pattern"][exercise.pattern] if exercise.pattern else -1,
            problem_areas=at("problem_areas", indexes.problem_areas_of_exercise[key]),
            primary=at("muscles", exercise.muscles.primary),
            secondary=at("muscles", exercise.muscles.secondary),
            equipment=at("equipment", exercise.equipment),
            level=position["level"][exercise.level],
            minutes=indexes.exercise_minutes[key],
            draft=1 if exercise.is_draft else 0,
            still=1 if key in stills else 0,
        )
        for key, exercise in reviewed_first(guide)
    ]
    routines = [
        RoutineRow(
            id=key,
            name=routine.name,
            problem_areas=at("problem_areas", routine.problem_areas),
            equipment=at("equipment", indexes.routine_equipment[key]),
            minutes=indexes.routine_minutes[key],
        )
        for key, routine in guide.routines.items()
    ]
    row = {exercise.id: i for i, exercise in enumerate(exercises)}
    return FinderIndex(
        values=values,
        names=FinderNames(
            pattern=[p.name for p in guide.patterns.values()],
            level=[level.capitalize() for level in LEVELS],
        ),
        household=[position["equipment"][k] for k, e in guide.equipment.items() if e.household],
        urls=FinderUrls(**urls),
        exercises=exercises,
        routines=routines,
        order=[
            [row[key] for key in try_order(guide, indexes, area)] for area in guide.problem_areas
        ],
    )


def finder_index(
    guide: Guide, indexes: Indexes, urls: dict[str, str], stills: set[str] | None = None
) -> str:
    """The index as the compact JSON file the finder fetches when it opens.

    ``urls`` maps 'exercises', 'routines' and 'stills' to a link pattern with '{id}' in it,
    relative to the finder page; ``stills`` names the exercises that have a small still.
    """
    return finder_data(guide, indexes, urls, stills).model_dump_json(by_alias=True)
