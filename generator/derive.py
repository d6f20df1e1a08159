"""The derive stage: what rendering needs that only examining the content can tell, worked
out once between the schema check and the cross-file rules.

Rules read these outputs to report problems; rendering reads them through the Guide. The
images' verdicts are worked out here; the figure layouts are still worked out by the pose
rules (generator/checks/poses.py), which hand them on through the check context.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from generator.media.examine import examine
from generator.media.svg import Fault
from generator.model import Exercise
from generator.model.media import MEDIA_FOLDER, CheckedImage


@dataclass(frozen=True)
class Derived:
    """Typed outputs of the derive stage."""

    examined: dict[str, CheckedImage | Fault] = field(default_factory=dict)
    """File name in content/media/ → what it was found to be, for every image file an
    exercise shows that exists (a missing one is the image rule's to report)."""

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


def derive(exercises: Iterable[BaseModel], root: Path | None) -> Derived:
    """Everything the derive stage works out from the schema-valid exercises."""
    return Derived(examined=examined_images(exercises, root))
