"""What the /plan/ page template shows: the form's choices, the address of the planner's data
and every rule with the sources behind it.

Anything that grows with the guide beyond a name per problem area (routines, red flags) is in
the data file, which the page fetches, so the page stays small at any size."""

from __future__ import annotations

from typing import Any

from generator.guide import Guide
from generator.model import Citation
from generator.model.plan import PlanRules

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def citation_label(guide: Guide, source: str) -> str:
    """A source as readers cite it in running text: first author's surname and the year."""
    publication = guide.publications[source]
    first = publication.authors[0].split()
    surname = " ".join(first[:-1]) or first[0]
    return f"{surname} {publication.year}"


def _citations(guide: Guide, citations: list[Citation]) -> list[tuple[str, str]]:
    return [(citation_label(guide, c.source), c.supports) for c in citations]


def plan_page(guide: Guide, rules: PlanRules, data_url: str) -> dict[str, Any]:
    """The template's context; ``data_url`` is the plan data's address from the plan page."""
    progression = rules.progression
    return {
        "data_url": data_url,
        "days": DAYS,
        "day_kinds": [(key, day.name) for key, day in rules.days.items()],
        "sessions": rules.sessions,
        "experience": [(key, level.name) for key, level in rules.experience.items()],
        "equipment": [(key, choice.name) for key, choice in rules.equipment.items()],
        "race_distances": [(key, race.name) for key, race in rules.race_distances.items()],
        "problem_areas": [(key, area.name) for key, area in guide.problem_areas.items()],
        "week_choices": range(progression.shortest, progression.longest + 1),
        "default_weeks": progression.weeks,
        "rules": [
            *(
                (rule.says, rule.evidence, _citations(guide, rule.sources))
                for rule in rules.rules.values()
            ),
            (progression.says, "research", _citations(guide, progression.sources)),
        ],
    }
