"""An exercise file: content/exercises/<id>.yml, reviewed or draft."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
)

from generator.model.dosage import Dosage
from generator.model.fields import (
    QUESTIONS_DESCRIPTION,
    Entry,
    Fit,
    HttpsUrl,
    Id,
    Level,
    Name,
    Question,
    Text,
    VideoUrl,
)
from generator.model.media import Image
from generator.model.poses import Illustration
from generator.model.sources import Citation


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


CAPTION_LIMIT = 200
CAPTION_DESCRIPTION = (
    "One sentence shown under the figure: how you are set up (position, equipment) and how "
    "you move."
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
        default=None, max_length=CAPTION_LIMIT, description=CAPTION_DESCRIPTION
    )
    questions: list[Question] = Field(default=[], description=QUESTIONS_DESCRIPTION)
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
    caption: Text = Field(max_length=CAPTION_LIMIT, description=CAPTION_DESCRIPTION)
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
