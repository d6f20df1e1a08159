"""The whole validated guide: every entry by kind and id, and what the derive stage worked
out for rendering by examining the content (the images' verdicts, the figure layouts)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.model import (
    BodyRegion,
    CheckedImage,
    CitedPage,
    DraftExercise,
    Equipment,
    GlossaryTerm,
    License,
    Muscle,
    Pattern,
    PlanRules,
    ProblemArea,
    Prop,
    Routine,
    Segment,
    Source,
)
from generator.poses.layout import Layout

PLAN_RULES = "rules"
"""The key of the plan builder's rules among the entries of the kind 'plan'."""


@dataclass(frozen=True)
class Guide:
    """Every entry by kind (generator/kinds.py) and id, in a stable order; the properties
    below name the kinds the generator's own code reads."""

    entries: Mapping[str, dict[str, Any]]
    """Kind name → id → entry, for every kind of the registry."""
    cited_pages: dict[str, CitedPage] = field(default_factory=dict)
    """Hand-written page path (relative to the content root) → its title and citations."""
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) → path of the YAML file relative to the content root."""
    media: dict[str, CheckedImage] = field(default_factory=dict)
    """File name in content/media/ → what the check found it to be, for every image used."""
    layouts: dict[str, Layout] = field(default_factory=dict)
    """Exercise id → its figure as laid out for drawing (by the derive stage)."""
    hand_written: dict[str, str] = field(default_factory=dict)
    """Hand-written page path (relative to the content root) → its Markdown, so the words
    it uses can be explained."""

    def of(self, kind: str) -> dict[str, Any]:
        """The entries of one kind by id; empty for a kind the guide has none of."""
        return self.entries.get(kind) or {}

    @property
    def exercises(self) -> dict[str, DraftExercise]:
        """Reviewed exercises are ``Exercise`` instances; drafts are plain ``DraftExercise``."""
        return self.of("exercises")

    @property
    def routines(self) -> dict[str, Routine]:
        return self.of("routines")

    @property
    def problem_areas(self) -> dict[str, ProblemArea]:
        return self.of("problem-areas")

    @property
    def patterns(self) -> dict[str, Pattern]:
        return self.of("patterns")

    @property
    def muscles(self) -> dict[str, Muscle]:
        return self.of("muscles")

    @property
    def equipment(self) -> dict[str, Equipment]:
        return self.of("equipment")

    @property
    def body_map(self) -> dict[str, BodyRegion]:
        """Muscle id → its region, in drawing order."""
        return self.of("body-map")

    @property
    def publications(self) -> dict[str, Source]:
        """Source id → the publication, from content/sources/."""
        return self.of("sources")

    @property
    def skeleton(self) -> dict[str, Segment]:
        """Segment id → the segment, parents before children."""
        return self.of("skeleton")

    @property
    def props(self) -> dict[str, Prop]:
        return self.of("props")

    @property
    def glossary(self) -> dict[str, GlossaryTerm]:
        """Term id → a word explained wherever it appears, from taxonomy/glossary.yml."""
        return self.of("glossary")

    @property
    def licenses(self) -> dict[str, License]:
        """SPDX id → an open license images may carry, from taxonomy/licenses.yml."""
        return self.of("licenses")

    @property
    def plan(self) -> PlanRules | None:
        """The plan builder's rules, when the guide has content/plan/rules.yml."""
        rules = self.entries.get("plan", {}).get(PLAN_RULES)
        return rules if isinstance(rules, PlanRules) else None
