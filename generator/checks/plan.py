"""Plan rules: every kind, routine, equipment and source they name exists, every routine has
exactly one kind, and no routine is left with nowhere it may be placed."""

from __future__ import annotations

from typing import get_args

from generator.checks.context import CheckContext, Placed
from generator.checks.suggestions import suggest
from generator.load import Location
from generator.model import Routine, When
from generator.plan.model import PlanRules

RULES_FILE = "content/plan/rules.yml"


def _kind_references(context: CheckContext, placed: Placed, rules: PlanRules) -> None:
    known = sorted(rules.kinds)

    def kind(location: tuple[str | int, ...], name: str) -> None:
        if name not in rules.kinds:
            context.report(
                placed,
                location,
                f"unknown routine kind '{name}'{suggest(name, known)}",
                f"kinds are declared under 'kinds:' in {RULES_FILE}",
            )

    for i, name in enumerate(rules.priorities):
        kind(("priorities", i), name)
    for key, rule in rules.rules.items():
        for i, name in enumerate(rule.kinds):
            kind(("rules", key, "kinds", i), name)
        for i, name in enumerate(rule.when_week_has):
            kind(("rules", key, "when_week_has", i), name)


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


def _routine_kinds(context: CheckContext, placed: Placed, rules: PlanRules) -> dict[str, str]:
    """Each routine's kind; a routine listed twice or not at all is reported."""
    kind_of: dict[str, str] = {}
    for key, kind in rules.kinds.items():
        for i, routine in enumerate(kind.routines):
            location = ("kinds", key, "routines", i)
            context.reference(placed, location, routine, "routines")
            if routine in kind_of:
                context.report(
                    placed,
                    location,
                    f"routine '{routine}' is already of kind '{kind_of[routine]}'",
                    "give each routine exactly one kind",
                )
            kind_of.setdefault(routine, key)
        if kind.default is not None and kind.default not in kind.routines:
            context.report(
                placed,
                ("kinds", key, "default"),
                f"default routine '{kind.default}' is not one of this kind's routines",
                "list it under 'routines' or choose one that is",
            )
    # Reported where the fix goes: the kinds in the rules file, not the routine.
    for unkinded in context.each("routines"):
        if unkinded.id not in kind_of:
            context.report(
                placed,
                ("kinds",),
                f"routine '{unkinded.id}' ({unkinded.document.path.name}) has no kind in "
                "the plan builder",
                f"add '{unkinded.id}' to the 'routines' of one of these kinds",
            )
    return kind_of


def _placeable(
    context: CheckContext, placed: Placed, rules: PlanRules, kind_of: dict[str, str]
) -> None:
    """A routine whose own 'when' and its kind's slot rules share no slot could never appear."""
    for routine in context.each("routines"):
        entry = routine.entry
        kind = kind_of.get(routine.id)
        if kind is None or not isinstance(entry, Routine):
            continue
        allowed = set(rules.routine_when.get(entry.when, []))
        for key, rule in rules.rules.items():
            if rule.slots is not None and kind in rule.kinds:
                allowed &= set(rule.slots)
                if not allowed:
                    context.report(
                        placed,
                        ("rules", key, "slots"),
                        f"routine '{routine.id}' (when: {entry.when}) can never be placed: "
                        f"rule '{key}' leaves no slot its page allows",
                        "widen the rule's slots, or move the routine to another kind",
                    )
                    break


def check_plan(context: CheckContext) -> None:
    placed = context.entries.get("plan", {}).get("rules")
    if placed is None or not isinstance(placed.entry, PlanRules):
        return
    rules = placed.entry
    _kind_references(context, placed, rules)
    _citations(context, placed, rules)
    for i, equipment in enumerate(rules.always_available):
        context.reference(placed, ("always_available", i), equipment, "equipment")
    missing = [when for when in get_args(When) if when not in rules.routine_when]
    if missing:
        context.report(
            placed,
            ("routine_when",),
            f"'routine_when' has no slots for: {', '.join(missing)}",
            "give every value of a routine's 'when' the slots it allows",
        )
    _placeable(context, placed, rules, _routine_kinds(context, placed, rules))
