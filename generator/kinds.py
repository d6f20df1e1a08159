"""The one registry of the kinds of content: where each lives, its model, its noun, its
schema file and its page.

Loading, the layout of content/, the checks' messages, the editor schemas and the field
reference, the Guide, the entry pages and `guide diff` all read this table, so a new kind of
content is a row here, its model and its template. The table is read when it is used (never
copied into constants at import time), so a test can add a kind of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from generator.model import (
    BodyRegion,
    Equipment,
    Exercise,
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
from generator.model.crosswalk import Crosswalk
from generator.model.fields import Id
from generator.model.media import SpdxId

Storage = Literal["folder", "taxonomy", "file"]
"""folder: one file per entry, content/<name>/<id>.yml; taxonomy: one file mapping ids to
entries, content/taxonomy/<name>.yml; file: one document at ``path``."""


@dataclass(frozen=True)
class Kind:
    """One kind of content file."""

    name: str
    """The one spelling of the kind: its folder or taxonomy file name, and its key in the
    Guide, the checks and the file-to-page record."""
    noun: str
    """One entry in a contributor's words: 'unknown problem area 'x''."""
    title: str
    """Its heading in the field reference and the title of its editor schema."""
    model: type[BaseModel]
    storage: Storage
    schema_file: str
    page: str | None = None
    """The template of each entry's own page, published at <name>/<id>."""
    page_entry: str = ""
    """The name the page template gives its entry."""
    index_page: str | None = None
    """The template of the kind's index page, published at <name>/."""
    key: Any = Id
    """The type of the keys of a taxonomy file."""
    required: bool = True
    """A taxonomy file every guide needs (a missing one is a problem)."""
    path: str = ""
    """For storage 'file', and for folders outside the top level: the path under content/."""
    site: bool = True
    """False for files only the authoring tools read (the importers' crosswalks)."""
    file_name: str = "<id>"
    """How a contributor names one file of a folder kind, for the field reference."""
    own_page_fields: frozenset[str] = frozenset()
    """Fields no other entry's page shows (only the entry's own page and the whole-guide
    files: open data, finder, plan, references): a save that changes only these renders one
    entry page again (generator/render/partial.py); tests/test_partial_render.py proves it
    for each."""
    linked_fields: frozenset[str] = frozenset()
    """Fields other pages show only beside a link to the entry (its name, its summary): a save
    that changes only these and ``own_page_fields`` renders again the pages naming the entry
    (generator/render/partial.py); tests/test_partial_render.py proves it for each."""

    @property
    def where(self) -> str:
        """Its path under content/: 'exercises', 'taxonomy/muscles.yml', 'plan/rules.yml'."""
        if self.path:
            return self.path
        return self.name if self.storage == "folder" else f"taxonomy/{self.name}.yml"

    @property
    def location(self) -> str:
        """Where a contributor writes one, for the field reference."""
        if self.storage == "folder":
            return f"content/{self.where}/{self.file_name}.yml"
        return f"content/{self.where}"

    @property
    def listed_in(self) -> str:
        """Where a contributor finds the valid ids: 'exercises/', 'taxonomy/muscles.yml'."""
        return f"{self.where}/" if self.storage == "folder" else self.where


KINDS: tuple[Kind, ...] = (
    Kind(
        "exercises",
        "exercise",
        "Exercise",
        Exercise,
        "folder",
        "exercise.schema.json",
        page="pages/exercise.md.j2",
        page_entry="exercise",
        index_page="pages/exercises_index.md.j2",
        own_page_fields=frozenset({"caption", "steps", "mistakes", "safety", "questions", "video"}),
        linked_fields=frozenset({"name", "aliases", "summary", "cues"}),
    ),
    Kind(
        "routines",
        "routine",
        "Routine",
        Routine,
        "folder",
        "routine.schema.json",
        page="pages/routine.md.j2",
        page_entry="routine",
        index_page="pages/routines_index.md.j2",
        own_page_fields=frozenset({"notes", "questions"}),
        linked_fields=frozenset({"name", "goal"}),
    ),
    Kind(
        "problem-areas",
        "problem area",
        "Problem area",
        ProblemArea,
        "folder",
        "problem-area.schema.json",
        page="pages/problem_area.md.j2",
        page_entry="area",
        index_page="pages/problem_areas_index.md.j2",
        own_page_fields=frozenset({"what_it_is", "why_strength_helps", "self_test"}),
        linked_fields=frozenset({"name", "summary"}),
    ),
    Kind(
        "patterns",
        "pattern",
        "Movement pattern or category",
        Pattern,
        "taxonomy",
        "patterns.schema.json",
        page="pages/pattern.md.j2",
        page_entry="pattern",
        index_page="pages/patterns_index.md.j2",
    ),
    Kind(
        "muscles",
        "muscle",
        "Muscle",
        Muscle,
        "taxonomy",
        "muscles.schema.json",
        page="pages/muscle.md.j2",
        page_entry="muscle",
        index_page="pages/muscles_index.md.j2",
    ),
    Kind(
        "equipment",
        "equipment",
        "Equipment",
        Equipment,
        "taxonomy",
        "equipment.schema.json",
        page="pages/equipment.md.j2",
        page_entry="equipment",
        index_page="pages/equipment_index.md.j2",
    ),
    Kind(
        "body-map",
        "body-map region",
        "Body-map region",
        BodyRegion,
        "taxonomy",
        "body-map.schema.json",
    ),
    Kind("sources", "source", "Source", Source, "folder", "source.schema.json"),
    Kind(
        "crosswalks",
        "crosswalk",
        "Dataset crosswalk",
        Crosswalk,
        "folder",
        "crosswalk.schema.json",
        path="taxonomy/crosswalks",
        site=False,
        file_name="<dataset>",
    ),
    Kind("skeleton", "segment", "Figure segment", Segment, "taxonomy", "skeleton.schema.json"),
    Kind("props", "prop", "Prop", Prop, "taxonomy", "props.schema.json"),
    Kind(
        "plan",
        "plan rules",
        "Plan rules",
        PlanRules,
        "file",
        "plan-rules.schema.json",
        required=False,
        path="plan/rules.yml",
    ),
    Kind(
        "licenses",
        "license",
        "Image license",
        License,
        "taxonomy",
        "licenses.schema.json",
        key=SpdxId,
        required=False,
    ),
    Kind(
        "glossary",
        "glossary term",
        "Glossary term",
        GlossaryTerm,
        "taxonomy",
        "glossary.schema.json",
    ),
)
"""Every kind, in the order of the field reference."""


def every_kind() -> tuple[Kind, ...]:
    """Every kind, authoring-only ones included, in the order of the field reference."""
    return KINDS


def kinds(storage: Storage | None = None) -> tuple[Kind, ...]:
    """The kinds the site is built from, of one storage if given (crosswalks are left out)."""
    return tuple(k for k in KINDS if k.site and (storage is None or k.storage == storage))


def kind_named(name: str) -> Kind:
    """The kind called ``name``."""
    return next(k for k in KINDS if k.name == name)


def with_pages() -> tuple[Kind, ...]:
    """The kinds whose entries each get a page of their own."""
    return tuple(k for k in kinds() if k.page)
