"""The typed content model: the one declaration of what a content file may hold.

Validation, the editor JSON Schema and the contributor field reference are all derived from
these classes, so a field is added or changed here and nowhere else. One module per kind of
file; ``fields`` holds the types they share and imports nothing else of the generator.
"""

from __future__ import annotations

from generator.model.dosage import DOSE_AMOUNTS, Dosage, Effort
from generator.model.exercises import (
    DraftExercise,
    Exercise,
    Force,
    Mechanic,
    Muscles,
    Origin,
    Status,
    Step,
    Suggested,
)
from generator.model.fields import (
    Entry,
    Fit,
    HttpsUrl,
    Id,
    Level,
    Name,
    Question,
    Text,
    VideoUrl,
    WebUrl,
    When,
)
from generator.model.media import CheckedImage, Image, License
from generator.model.pages import CitedPage
from generator.model.plan import PlanRules
from generator.model.poses import Illustration, Prop, Segment
from generator.model.problem_areas import ProblemArea, RedFlags, SelfTest
from generator.model.routines import Routine, RoutineItem
from generator.model.sources import (
    EVIDENCE,
    RESEARCH_KINDS,
    Citation,
    Doi,
    Pmid,
    Source,
    SourceKind,
)
from generator.model.taxonomy import BodyRegion, Equipment, GlossaryTerm, Muscle, Pattern

__all__ = [
    "DOSE_AMOUNTS",
    "EVIDENCE",
    "RESEARCH_KINDS",
    "BodyRegion",
    "CheckedImage",
    "Citation",
    "CitedPage",
    "Doi",
    "Dosage",
    "DraftExercise",
    "Effort",
    "Entry",
    "Equipment",
    "Exercise",
    "Fit",
    "Force",
    "GlossaryTerm",
    "HttpsUrl",
    "Id",
    "Illustration",
    "Image",
    "Level",
    "License",
    "Mechanic",
    "Muscle",
    "Muscles",
    "Name",
    "Origin",
    "Pattern",
    "PlanRules",
    "Pmid",
    "ProblemArea",
    "Prop",
    "Question",
    "RedFlags",
    "Routine",
    "RoutineItem",
    "Segment",
    "SelfTest",
    "Source",
    "SourceKind",
    "Status",
    "Step",
    "Suggested",
    "Text",
    "VideoUrl",
    "WebUrl",
    "When",
]
