"""The whole validated guide: every entry by id, and what the derive stage worked out for
rendering (figure layouts, examined images)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.exercises import DraftExercise
from generator.model.media import CheckedImage, License
from generator.model.pages import CitedPage
from generator.model.plan import PlanRules
from generator.model.poses import Prop, Segment
from generator.model.problem_areas import ProblemArea
from generator.model.routines import Routine
from generator.model.sources import Source
from generator.model.taxonomy import BodyRegion, Equipment, GlossaryTerm, Muscle, Pattern
from generator.poses.layout import Layout


@dataclass(frozen=True)
class Guide:
    """The whole validated guide: every entry by id, in a stable order."""

    exercises: dict[str, DraftExercise]
    """Reviewed exercises are ``Exercise`` instances; drafts are plain ``DraftExercise``."""
    routines: dict[str, Routine]
    problem_areas: dict[str, ProblemArea]
    patterns: dict[str, Pattern]
    muscles: dict[str, Muscle]
    equipment: dict[str, Equipment]
    body_map: dict[str, BodyRegion]
    """Muscle id → its region, in drawing order."""
    publications: dict[str, Source]
    """Source id → the publication, from content/sources/."""
    cited_pages: dict[str, CitedPage]
    """Hand-written page path (relative to the content root) → its title and citations."""
    skeleton: dict[str, Segment]
    """Segment id → the segment, parents before children."""
    props: dict[str, Prop]
    sources: dict[tuple[str, str], str]
    """(collection, id) → path of the YAML file relative to the content root."""
    plan: PlanRules | None = None
    """The plan builder's rules, when the guide has content/plan/rules.yml."""
    licenses: dict[str, License] = field(default_factory=dict)
    """SPDX id → an open license images may carry, from taxonomy/licenses.yml."""
    media: dict[str, CheckedImage] = field(default_factory=dict)
    """File name in content/media/ → what the check found it to be, for every image used."""
    layouts: dict[str, Layout] = field(default_factory=dict)
    """Exercise id → its figure as the pose rules laid it out, for drawing."""
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    """Term id → a word explained wherever it appears, from taxonomy/glossary.yml."""
    hand_written: dict[str, str] = field(default_factory=dict)
    """Hand-written page path (relative to the content root) → its Markdown, so the words
    it uses can be explained."""
