"""The typed content model: the one declaration of what a content file may hold.

Validation, the editor JSON Schema and the contributor field reference are all derived from
these classes, so a field is added or changed here and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from generator.media.model import CheckedImage, Image, License
from generator.poses.layout import Layout
from generator.poses.model import Illustration, Prop, Segment
from generator.search_terms import STOP_WORDS

__all__ = ["CheckedImage", "Illustration", "Image", "License", "Prop", "Segment"]
if TYPE_CHECKING:
    from generator.plan.model import PlanRules

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="A lowercase kebab-case id, such as 'single-leg-bridge'."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)]


def _as_runners_type_it(question: str) -> str:
    """A question is lower case and has a word search does not leave out."""
    if question != question.lower():
        raise ValueError(f"write '{question}' in lower case, as runners type it")
    if not set(re.findall(r"[a-z0-9]+", question)) - STOP_WORDS:
        raise ValueError(f"'{question}' is only stop words, which search leaves out")
    return question


Question = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=80),
    AfterValidator(_as_runners_type_it),
    Field(description="A goal or question in a runner's words, lower case: 'get faster on hills'."),
]
_QUESTIONS_DESCRIPTION = (
    "Goals and questions the page answers, as runners type them ('do i need a gym', "
    "'run a faster 5k'); their words are searched with the page's name."
)
Level = Literal["beginner", "intermediate", "advanced"]
CAPTION_LIMIT = 200
_CAPTION_DESCRIPTION = (
    "One sentence shown under the figure: how you are set up (position, equipment) and how "
    "you move."
)
Fit = Literal["warm-up", "pre-run", "post-run", "strength-day"]
When = Literal["warm-up", "pre-run", "post-run", "separate-day", "after-speed-work"]
URL_PATH = r"(/[^\s<>'()\\" + '"' + r"]*)?$"
"""An optional path without spaces, quotes, angle brackets or parentheses."""
HttpsUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https://[A-Za-z0-9.-]+" + URL_PATH, max_length=500),
    Field(description="A full https:// address."),
]
WebUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[A-Za-z0-9.-]+" + URL_PATH, max_length=500),
    Field(description="A full web address; older articles may only have an http:// one."),
]
VideoUrl = Annotated[
    str,
    StringConstraints(
        pattern=r"^https://(www\.|m\.)?(youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|player\.vimeo\.com)"
        + URL_PATH,
        max_length=500,
    ),
    Field(description="An https:// link to a video on YouTube or Vimeo."),
]


class Entry(BaseModel):
    """Shared settings: content is immutable and unknown keys are mistakes."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


SourceKind = Literal[
    "guideline",
    "systematic-review",
    "trial",
    "observational",
    "expert-consensus",
    "narrative-review",
    "coaching",
]
RESEARCH_KINDS: tuple[SourceKind, ...] = (
    "guideline",
    "systematic-review",
    "trial",
    "observational",
)
"""Kinds of source that report research and so must be findable by DOI or PMID."""
EVIDENCE: dict[str, str] = {
    **{kind: "research" for kind in RESEARCH_KINDS},
    "expert-consensus": "clinical-consensus",
    "narrative-review": "expert-review",
    "coaching": "coaching-opinion",
}
"""Evidence level shown to readers for each kind of source."""
Author = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=2, max_length=80),
    Field(description="'Surname Initials', such as 'Willy RW'; 'et al.' may end the list."),
]
Doi = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^10\.\d{4,9}/\S+$", max_length=200),
    Field(description="A DOI without the https://doi.org/ prefix: '10.2519/jospt.2019.0302'."),
]
Pmid = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[0-9]{1,9}$"),
    Field(description="A PubMed id, digits only, in quotes."),
]


class Source(Entry):
    """A publication the guide cites: content/sources/<id>.yml, named '<author>-<year>-<topic>'."""

    authors: list[Author] = Field(
        min_length=1, description="Authors as 'Surname Initials'; 'et al.' may end the list."
    )
    year: int = Field(ge=1900, le=2100, description="Year of publication.")
    title: Text = Field(max_length=400, description="The full title, as published.")
    published_in: Text = Field(
        max_length=200, description="The journal, publisher or website it appeared in."
    )
    kind: SourceKind = Field(
        description="guideline, systematic-review, trial or observational (research); "
        "expert-consensus (clinical consensus: a panel's agreed statement); narrative-review "
        "(expert review: one group's review or clinical commentary); coaching (coaching opinion)."
    )
    doi: Doi | None = Field(
        default=None, description="Required for research kinds unless 'pmid' is given."
    )
    pmid: Pmid | None = Field(default=None, description='PubMed id, such as "31258049".')
    url: WebUrl | None = Field(default=None, description="Where a reader can find it.")
    about: list[Id] = Field(
        default=[],
        description="Ids of the problems the publication is about (empty when general); "
        "a problem may be listed before the guide has a page for it.",
    )

    @property
    def evidence(self) -> str:
        """The level of evidence readers are shown, derived from the kind of publication."""
        return EVIDENCE[self.kind]

    @field_validator("authors")
    @classmethod
    def et_al_ends_the_list(cls, authors: list[str]) -> list[str]:
        if "et al." in authors[:-1]:
            raise ValueError("'et al.' may only be the last of the authors")
        return authors


class Citation(Entry):
    """A reference to a source, with the specific claim it backs on this page."""

    source: Id = Field(description="Id of the source: its file name in content/sources/.")
    supports: Text = Field(
        max_length=300, description="The specific claim the source backs, in our own words."
    )
    problem_area: Id | None = Field(
        default=None,
        description="On exercises: the problem-area link this citation backs; "
        "the source must be about that problem area.",
    )


class Effort(Entry):
    """How hard a set should feel: reps in reserve or a rating of perceived exertion."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["rir"]}, {"required": ["rpe"]}]}
    )

    rir: int | None = Field(
        default=None, ge=0, le=10, description="Reps in reserve: reps left in the tank."
    )
    rpe: float | None = Field(
        default=None, ge=1, le=10, description="Rating of perceived exertion, 1 to 10."
    )

    @model_validator(mode="after")
    def rir_or_rpe(self) -> Self:
        if (self.rir is None) == (self.rpe is None):
            raise ValueError("give either 'rir' or 'rpe', not both and not neither")
        return self


DOSE_AMOUNTS = ("reps", "hold_seconds", "work_seconds", "work_minutes")
"""The ways a set is measured; a dose gives exactly one."""


class Dosage(Entry):
    """How much of an exercise to do: sets of repetitions, timed holds or timed work."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": [amount]} for amount in DOSE_AMOUNTS]}
    )

    sets: int = Field(ge=1, le=10, description="Number of sets.")
    reps: int | None = Field(default=None, ge=1, le=100, description="Repetitions per set.")
    hold_seconds: int | None = Field(
        default=None, ge=5, le=300, description="Seconds to hold, for isometric exercises."
    )
    work_seconds: int | None = Field(
        default=None, ge=5, le=600, description="Seconds of continuous work, such as skipping."
    )
    work_minutes: int | None = Field(
        default=None, ge=1, le=60, description="Minutes of continuous work, such as rolling."
    )
    rest_seconds: int = Field(ge=0, le=600, description="Rest between sets, in seconds.")
    effort: Effort | None = Field(default=None, description="How hard each set should feel.")
    progress: Text | None = Field(
        default=None, max_length=300, description="How to progress the dose week to week."
    )

    @model_validator(mode="after")
    def one_amount(self) -> Self:
        given = [amount for amount in DOSE_AMOUNTS if getattr(self, amount) is not None]
        if len(given) != 1:
            names = ", ".join(f"'{amount}'" for amount in DOSE_AMOUNTS)
            raise ValueError(f"give exactly one of {names}")
        return self

    def timed_seconds(self) -> int | None:
        """Seconds of one set when it is timed rather than counted in repetitions."""
        if self.hold_seconds is not None:
            return self.hold_seconds
        if self.work_seconds is not None:
            return self.work_seconds
        return self.work_minutes * 60 if self.work_minutes is not None else None


class Muscles(Entry):
    """The muscles an exercise trains: primary do the work, secondary assist."""

    primary: list[Id] = Field(
        min_length=1, description="Muscle or muscle-group ids that do most of the work."
    )
    secondary: list[Id] = Field(default=[], description="Muscle ids that assist.")


class Step(Entry):
    """A link to an easier or harder exercise and when to make the move."""

    exercise: Id = Field(description="Id of the linked exercise.")
    ready_when: Text = Field(
        description="The test a runner passes before moving up the ladder, "
        "such as '30 s each side with no hip drop'."
    )


class Suggested(Entry):
    """What an import read in a record's name, for the reviewer to confirm: never a value."""

    pattern: list[Id] = Field(default=[], description="Movement patterns its name suggests.")
    equipment: list[Id] = Field(default=[], description="Equipment its name suggests.")


class Origin(Entry):
    """Where a draft was imported from, so a reviewer can trace and credit every word."""

    dataset: Name = Field(description="The dataset's name, such as 'free-exercise-db'.")
    id: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="The entry's id in that dataset."
    )
    url: HttpsUrl = Field(
        description="Where the entry itself is published (the dataset's address when its "
        "entries have none of their own)."
    )
    license: Text = Field(description="The license the dataset's text and images are under.")
    images: list[Annotated[str, StringConstraints(max_length=300)]] = Field(
        default=[],
        description="The dataset's images of the entry, as addresses that open them, for a "
        "reviewer to bring in later.",
    )
    suggested: Suggested | None = Field(
        default=None,
        description="The pattern and equipment the entry's name suggests, where the dataset "
        "gives none; the reviewer decides.",
    )
    instructions: list[Text] = Field(
        default=[], description="The dataset's own instructions, shown quoted with credit."
    )


Status = Literal["draft", "reviewed"]
Force = Literal["push", "pull", "static"]
Mechanic = Literal["compound", "isolation"]


class DraftExercise(Entry):
    """What every exercise file holds; a draft may leave out what its source does not have.

    A draft is a starting point imported or sketched before review: it is shown with a
    notice, ranks below reviewed entries and stays out of routines and problem areas.
    """

    status: Status = Field(
        default="reviewed",
        description="'draft' while unfinished: a draft may leave out summary, caption, "
        "pattern, equipment, one_sided, dosage, fits, steps, cues, mistakes and safety.",
    )
    origin: Origin | None = Field(default=None, description="Where an imported draft came from.")
    name: Name = Field(description="The name runners know it by.")
    aliases: list[Name] = Field(default=[], description="Other names a reader might search for.")
    summary: Text | None = Field(
        default=None, max_length=240, description="One sentence on what it does for a runner."
    )
    caption: Text | None = Field(
        default=None, max_length=CAPTION_LIMIT, description=_CAPTION_DESCRIPTION
    )
    pattern: Id | None = Field(
        default=None, description="Movement pattern or category id from taxonomy/patterns.yml."
    )
    problem_areas: list[Id] = Field(default=[], description="Problem-area ids it helps.")
    muscles: Muscles = Field(description="The muscles it trains.")
    equipment: list[Id] = Field(
        default=[], description="Equipment ids from taxonomy/equipment.yml ('bodyweight')."
    )
    level: Level = Field(description="How hard it is to learn and to do.")
    force: Force | None = Field(default=None, description="push, pull or static (a hold).")
    mechanic: Mechanic | None = Field(
        default=None, description="compound (several joints) or isolation (one joint)."
    )
    one_sided: bool | None = Field(
        default=None, description="true when each side is worked separately."
    )
    dosage: Dosage | None = Field(default=None, description="A sensible default dose.")
    fits: list[Fit] = Field(default=[], description="Where it fits in a runner's week.")
    steps: list[Text] = Field(default=[], description="How to do it, one step per item.")
    cues: list[Text] = Field(default=[], description="Short form reminders.")
    mistakes: list[Text] = Field(default=[], description="Common mistakes to avoid.")
    safety: list[Text] = Field(default=[], description="Safety notes.")
    regressions: list[Step] = Field(default=[], description="Easier exercises to start from.")
    progressions: list[Step] = Field(default=[], description="Harder exercises to move on to.")
    video: VideoUrl | None = Field(default=None, description="Optional demonstration video.")
    sources: list[Citation] = Field(
        default=[], description="Where the advice comes from; one backs each problem-area link."
    )

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


class Exercise(DraftExercise):
    """One reviewed exercise: content/exercises/<id>.yml, with every field filled in."""

    summary: Text = Field(max_length=240, description="One sentence on what it does for a runner.")
    caption: Text = Field(max_length=CAPTION_LIMIT, description=_CAPTION_DESCRIPTION)
    pattern: Id = Field(description="Movement pattern or category id from taxonomy/patterns.yml.")
    equipment: list[Id] = Field(
        min_length=1, description="Equipment ids from taxonomy/equipment.yml ('bodyweight')."
    )
    one_sided: bool = Field(description="true when each side is worked separately.")
    illustration: Illustration | None = Field(
        default=None, description="The poses the figure is drawn from (see 'Pose the figure')."
    )
    dosage: Dosage = Field(description="A sensible default dose.")
    fits: list[Fit] = Field(min_length=1, description="Where it fits in a runner's week.")
    steps: list[Text] = Field(min_length=3, description="How to do it, one step per item.")
    cues: list[Text] = Field(min_length=2, description="Short form reminders.")
    mistakes: list[Text] = Field(min_length=1, description="Common mistakes to avoid.")
    safety: list[Text] = Field(min_length=1, description="Safety notes.")
    images: list[Image] = Field(
        default=[],
        max_length=6,
        description="Photos or drawings in content/media/, shown below the dose with their "
        "credit and license (see 'Add a photo or drawing').",
    )


class RoutineItem(Dosage):
    """One exercise inside a routine, with its dose."""

    exercise: Id = Field(description="Exercise id.")
    per_side: bool = Field(default=False, description="true when the dose is for each side.")
    pass_when: Text | None = Field(
        default=None, description="In a ladder: what to achieve before the next step."
    )
    note: Text | None = Field(default=None, description="A short coaching note.")


class Routine(Entry):
    """A routine: content/routines/<id>.yml."""

    name: Name = Field(description="The routine's title.")
    goal: Text = Field(max_length=300, description="What the routine is for, in one sentence.")
    when: When = Field(description="When in the week it is done.")
    minutes: int = Field(ge=1, le=120, description="Estimated minutes.")
    times_per_week: int = Field(ge=1, le=14, description="How many times a week.")
    problem_areas: list[Id] = Field(default=[], description="Problem-area ids it serves.")
    ladder: bool = Field(default=False, description="true when items are steps to master in order.")
    notes: list[Text] = Field(default=[], description="How to run the routine.")
    items: list[RoutineItem] = Field(min_length=1, description="The exercises, in order.")
    sources: list[Citation] = Field(default=[], description="Where the routine comes from.")
    questions: list[Question] = Field(default=[], description=_QUESTIONS_DESCRIPTION)

    @model_validator(mode="after")
    def ladder_steps_have_criteria(self) -> Self:
        if self.ladder and any(item.pass_when is None for item in self.items[:-1]):
            raise ValueError("every step of a ladder except the last needs 'pass_when'")
        return self


class SelfTest(Entry):
    """A simple test a runner can do at home."""

    name: Name = Field(description="What the test is called.")
    steps: list[Text] = Field(min_length=1, description="How to do the test.")
    pass_when: Text = Field(description="What a pass looks like.")
    adult_only: bool = Field(
        default=False,
        description="true when the test and its pass mark are meant for adults; the page "
        "then tells runners who are still growing not to judge themselves by it.",
    )


class RedFlags(Entry):
    """Warning signs in tiers, so the most urgent reads first."""

    urgent: list[Text] = Field(
        min_length=1, description="Signs that need emergency or same-day care."
    )
    soon: list[Text] = Field(description="Signs to see a clinician about within days (may be []).")
    see_a_physio_if: list[Text] = Field(
        min_length=1, description="When persisting or worsening pain needs a physical therapist."
    )


class ProblemArea(Entry):
    """A problem area: content/problem-areas/<id>.yml."""

    name: Name = Field(description="The name most runners use.")
    aliases: list[Name] = Field(default=[], description="Names and abbreviations readers type.")
    summary: Text = Field(max_length=240, description="One sentence a runner recognises.")
    what_it_is: list[Text] = Field(min_length=1, description="Plain-words explanation.")
    why_strength_helps: list[Text] = Field(min_length=1, description="Paragraphs on the why.")
    starter_routine: Id = Field(description="Routine id to start with.")
    related: list[Id] = Field(
        default=[],
        description="Problem-area ids a runner with this problem should also read; the page "
        "links them.",
    )
    self_test: SelfTest | None = Field(default=None, description="A simple test at home.")
    red_flags: RedFlags = Field(description="Warning signs, most urgent first.")
    clearance_before_running: Text | None = Field(
        default=None,
        max_length=300,
        description="Why running waits for a clinician's clearance while this is the problem; "
        "leave out when it does not. Planners then schedule no hard running and only this "
        "page's early-stage routines.",
    )
    symptoms: list[Text] = Field(
        min_length=3, description="Plain phrases runners type, such as 'knee hurts downstairs'."
    )
    sources: list[Citation] = Field(min_length=1, description="Where the facts come from.")


class CitedPage(BaseModel):
    """A hand-written page's front matter: only 'sources' is checked, other keys belong to
    the site engine."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    title: str | None = Field(default=None, description="The page title, for reference lists.")
    sources: list[Citation] = Field(default=[], description="Where the page's advice comes from.")
    questions: list[Question] = Field(default=[], description=_QUESTIONS_DESCRIPTION)


class Pattern(Entry):
    """A movement pattern or exercise category (taxonomy/patterns.yml)."""

    name: Name = Field(description="The pattern's name.")
    kind: Literal["pattern", "category"] = Field(
        description="pattern for the six movement patterns, category for the rest."
    )
    summary: Text = Field(max_length=240, description="One sentence on the movement.")
    description: list[Text] = Field(min_length=1, description="Paragraphs explaining it.")
    main_muscles: list[Id] = Field(default=[], description="Muscle ids it mainly trains.")
    runner_notes: list[Text] = Field(default=[], description="Notes that matter to runners.")
    questions: list[Question] = Field(default=[], description=_QUESTIONS_DESCRIPTION)


class Muscle(Entry):
    """A muscle or muscle group (taxonomy/muscles.yml)."""

    name: Name = Field(description="Plain name, such as 'Glute med'.")
    anatomical_name: Name = Field(description="The Latin name, such as 'Gluteus medius'.")
    aliases: list[Name] = Field(default=[], description="Names readers type ('hammies').")
    region: Literal["hip", "thigh", "lower-leg", "trunk", "upper-body"] = Field(
        description="Body region, for grouping and the body map."
    )
    view: Literal["front", "back"] = Field(
        description="Which figure of the body map shows it: front or back."
    )
    summary: Text = Field(max_length=300, description="What it does for a runner.")
    members: list[Id] = Field(
        default=[],
        description="For a coarse group such as 'glutes': the muscle ids it stands for.",
    )


SvgPath = Annotated[
    str,
    StringConstraints(pattern=r"^[MmLlHhVvCcSsQqTtAaZz0-9 .,-]+$", max_length=4000),
    Field(description="SVG path data: commands and numbers only."),
]


class GlossaryTerm(Entry):
    """A word a runner may not know (taxonomy/glossary.yml), explained wherever it appears."""

    term: Name = Field(description="The word as the guide writes it, such as 'RPE'.")
    forms: list[Name] = Field(
        default=[],
        description="Other spellings explained the same way: a capital at the start of a "
        "sentence, a plural ('tendinopathies').",
    )
    definition: Text = Field(
        max_length=240, description="What it means, in one plain sentence a runner understands."
    )

    @property
    def spellings(self) -> list[str]:
        return [self.term, *self.forms]


class BodyRegion(Entry):
    """Where a muscle is drawn on the body map (taxonomy/body-map.yml)."""

    view: Literal["front", "back"] = Field(description="The figure the shapes are drawn on.")
    shapes: list[SvgPath] = Field(
        min_length=1, description="Path data in a 200 × 440 figure, one per side of the body."
    )


class Equipment(Entry):
    """A piece of equipment (taxonomy/equipment.yml)."""

    name: Name = Field(description="What it is called.")
    aliases: list[Name] = Field(default=[], description="Other names readers type.")
    summary: Text = Field(max_length=240, description="What it is, in one sentence.")
    household: bool = Field(
        default=False,
        description="true when a runner has it at home without buying anything (the floor, "
        "a wall), so exercises using only such equipment count as needing none. A bench, step "
        "or box does not count: not every home has a stable one.",
    )
    setup_seconds: int = Field(
        default=15,
        ge=0,
        le=600,
        description="Seconds to get it ready before an exercise (moving to it, loading a bar); "
        "a routine's time counts the longest set-up among an exercise's equipment.",
    )


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
