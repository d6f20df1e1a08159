"""What the /plan/ page template shows: the form's choices, the problem pages' red flags, the
planner's data and every rule with the sources behind it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.model import Citation, Guide
from generator.plan.data import plan_data, urgent_red_flags
from generator.plan.model import PlanRules

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def citation_label(guide: Guide, source: str) -> str:
    """A source as readers cite it in running text: first author's surname and the year."""
    publication = guide.publications[source]
    first = publication.authors[0].split()
    surname = " ".join(first[:-1]) or first[0]
    return f"{surname} {publication.year}"


def _citations(guide: Guide, citations: list[Citation]) -> list[tuple[str, str]]:
    return [(citation_label(guide, c.source), c.supports) for c in citations]


def plan_page(guide: Guide, rules: PlanRules, href: Callable[[str], str]) -> dict[str, Any]:
    """The template's context; ``href`` turns a page path into a link from the plan page."""
    progression = rules.progression
    return {
        "data": plan_data(guide, rules, href),
        "days": DAYS,
        "experience": [(key, level.name) for key, level in rules.experience.items()],
        "equipment": [
            (key, item.name)
            for key, item in guide.equipment.items()
            if key not in rules.always_available
        ],
        "problem_areas": [
            {
                "id": key,
                "name": area.name,
                "href": href(f"problem-areas/{key}.md"),
                "urgent": urgent_red_flags(area),
            }
            for key, area in guide.problem_areas.items()
        ],
        "week_choices": range(progression.shortest, progression.longest + 1),
        "default_weeks": progression.weeks,
        "rules": [
            *((rule.says, _citations(guide, rule.sources)) for rule in rules.rules.values()),
            (progression.phases["lighter"], _citations(guide, progression.sources)),
        ],
    }
