"""The derive stage: what rendering needs that only examining the content can tell, worked
out once between the schema check and the cross-file rules.

Rules read these outputs to report problems; rendering reads them through the Guide. Two
outputs: the images' verdicts, and the figures' layouts (each exercise's poses grounded and
its props placed), laid out only for exercises whose pose data the pose rules found sound.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pydantic import BaseModel

from generator.load import Document
from generator.media.examine import examine
from generator.media.svg import Fault
from generator.memo import FromFiles
from generator.model import Exercise
from generator.model.media import MEDIA_FOLDER, CheckedImage
from generator.model.poses import Illustration, Prop, Segment
from generator.poses.layout import Layout, layout


@dataclass(frozen=True)
class Derived:
    """Typed outputs of the derive stage."""

    examined: dict[str, CheckedImage | Fault] = field(default_factory=dict)
    """File name in content/media/ → what it was found to be, for every image file an
    exercise shows that exists (a missing one is the image rule's to report)."""

    layouts: dict[str, Layout] = field(default_factory=dict)
    """Exercise id → its figure laid out, for every exercise whose pose data the pose rules
    found sound (generator/checks/poses.py: layable); the rule judges what rests and touches
    in it, rendering draws it."""

    @property
    def media(self) -> dict[str, CheckedImage]:
        """Every image found safe to publish, by file name."""
        return {name: v for name, v in self.examined.items() if isinstance(v, CheckedImage)}


def examined_images(
    exercises: Iterable[BaseModel], root: Path | None
) -> dict[str, CheckedImage | Fault]:
    """Each image file a schema-valid exercise shows, examined once."""
    if root is None:
        return {}
    folder = root / MEDIA_FOLDER
    found: dict[str, CheckedImage | Fault] = {}
    for exercise in exercises:
        if not isinstance(exercise, Exercise):
            continue
        for image in exercise.images:
            path = folder / image.file
            if image.file not in found and path.is_file() and not path.is_symlink():
                found[image.file] = examine(path)
    return found


@dataclass(frozen=True)
class Posed:
    """An exercise to lay out: its id, its illustration and the files it is read from (its
    own, then skeleton.yml and props.yml), which say when its layout must be worked out again."""

    id: str
    illustration: Illustration
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class Figures:
    """What the figures are laid out from: the skeleton, the props, and the exercises whose
    pose data is sound enough to lay out."""

    skeleton: dict[str, Segment]
    props: dict[str, Prop]
    posed: list[Posed]


LAYOUTS: FromFiles[Layout] = FromFiles()
"""Each figure's layout, worked out again only when its exercise's file, skeleton.yml or
props.yml changed."""


def figure_layouts(figures: Figures) -> dict[str, Layout]:
    """Each figure laid out, once per run, reusing the last run's for unchanged files."""
    skeleton, props = figures.skeleton, figures.props
    found = {
        item.id: LAYOUTS.of(item.documents, partial(layout, item.illustration, skeleton, props))
        for item in figures.posed
    }
    LAYOUTS.run_finished()
    return found


def derive(
    exercises: Iterable[BaseModel], root: Path | None, figures: Figures | None = None
) -> Derived:
    """Everything the derive stage works out: the verdicts on the images the schema-valid
    exercises show, and the layouts of the ``figures`` to lay out."""
    return Derived(
        examined=examined_images(exercises, root),
        layouts=figure_layouts(figures) if figures is not None else {},
    )
