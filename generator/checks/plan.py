"""Plan rules: every equipment, pattern, muscle, exercise, problem area and source they name
exists, the priority names only blocks, and every block has an exercise to offer."""

from __future__ import annotations

from generator.checks.context import CheckContext, Placed
from generator.checks.suggestions import suggest
from generator.load import Location
from generator.model import Exercise
from generator.model.plan import PROBLEM_AREA_BLOCK, PlanRules

RULES_FILE = "content/plan/rules.yml"


def _citations(context: CheckContext, placed: Placed, rules: PlanRules) -> None:
    known = context.ids.get("sources", set())
    cited: list[tuple[Location, str]] = [
        (("rules", key, "sources", i, "source"), citation.source)
        for key, rule in rules.rules.items()
        for i, citation in enumerate(rule.sources)
    ]
    cited += [
        (("progression", "sources", i, "source"), citation.source)
        for i, citation in enumerate(rules.progression.sources)
    ]
    for location, source in cited:
        if source not in known:
            context.report(
                placed,
                location,
                f"unknown source '{source}'{suggest(source, sorted(known))}",
                "sources are the files in content/sources/; add the publication there first",
            )


def _blocks(context: CheckContext, placed: Placed, rules: PlanRules) -> None:
    """Each block's patterns, muscles and left-out exercises exist, and a block offers at
    least one exercise, so no session is planned around an empty slot."""
    exercises = [e.entry for e in context.each("exercises") if isinstance(e.entry, Exercise)]
    for key, block in rules.blocks.items():
        for side in ("a", "b"):
            patterns: list[str] = getattr(block, side)
            for i, pattern in enumerate(patterns):
                context.reference(placed, ("blocks", key, side, i), pattern, "patterns")
            offered = [
                e
                for e in exercises
                if e.pattern in patterns
                and "strength-day" in e.fits
                and (not block.muscles or set(e.muscles.primary) & set(block.muscles))
            ]
            declared = set(patterns) <= context.ids.get("patterns", set())
            if not offered and declared and context.ids.get("exercises"):
                context.report(
                    placed,
                    ("blocks", key, side),
                    f"block '{key}' offers no exercise for session {side.upper()}",
                    "name a pattern that has exercises, or widen 'muscles'",
                )
        for i, muscle in enumerate(block.muscles):
            context.reference(placed, ("blocks", key, "muscles", i), muscle, "muscles")
        for i, exercise in enumerate(block.exclude):
            context.reference(placed, ("blocks", key, "exclude", i), exercise, "exercises")
    known = [*rules.blocks, PROBLEM_AREA_BLOCK]
    for i, name in enumerate(rules.priority):
        if name not in known:
            context.report(
                placed,
                ("priority", i),
                f"unknown block '{name}'{suggest(name, known)}",
                f"blocks are declared under 'blocks:' in {RULES_FILE}",
            )


def check_plan(context: CheckContext) -> None:
    placed = context.entries.get("plan", {}).get("rules")
    if placed is None or not isinstance(placed.entry, PlanRules):
        return
    rules = placed.entry
    _citations(context, placed, rules)
    _blocks(context, placed, rules)
    for i, pattern in enumerate(rules.steady_patterns):
        context.reference(placed, ("steady_patterns", i), pattern, "patterns")
    for i, equipment in enumerate(rules.always_available):
        context.reference(placed, ("always_available", i), equipment, "equipment")
    for key, choice in rules.equipment.items():
        for i, equipment in enumerate(choice.equipment):
            context.reference(placed, ("equipment", key, "equipment", i), equipment, "equipment")
    for key, rule in rules.rules.items():
        for i, area in enumerate(rule.no_plyometrics_with or []):
            context.reference(
                placed, ("rules", key, "no_plyometrics_with", i), area, "problem-areas"
            )
