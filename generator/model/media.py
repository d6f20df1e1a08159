"""What an exercise's image entry and the license allow-list hold, and what the check learns
about a file; the build and the page rely on these values only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from generator.model.fields import Entry

MEDIA_FOLDER = "media"
"""Where image files live, relative to the content root."""
MediaFile = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\.(jpg|jpeg|png|webp|svg)$", max_length=80),
    Field(description="A file name in content/media/, such as 'calf-raise-feet.svg'."),
]
SpdxId = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9.+-]*$", max_length=64
    ),
    Field(description="An SPDX license id from content/taxonomy/licenses.yml, such as 'CC0-1.0'."),
]
ImageKind = Literal["jpeg", "png", "webp", "svg"]


class Image(Entry):
    """A photo or drawing shown on the exercise page, with the credit its license asks for."""

    file: MediaFile
    alt: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)] = (
        Field(description="What the image shows, in one line, for readers who cannot see it.")
    )
    credit: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
        | None
    ) = Field(
        default=None,
        description="Who made it; required unless the license asks for no attribution (CC0).",
    )
    license: SpdxId


class License(Entry):
    """An open license images may carry (taxonomy/licenses.yml, keyed by SPDX id)."""

    name: Annotated[str, StringConstraints(min_length=2, max_length=80)] = Field(
        description="How the license reads under an image, such as 'CC BY 4.0'."
    )
    url: Annotated[str, StringConstraints(pattern=r"^https://[A-Za-z0-9.-]+(/\S*)?$")] = Field(
        description="Where the license text is published."
    )
    attribution: bool = Field(
        description="true when the license asks that the author be named: 'credit' is then "
        "required on every image under it."
    )


@dataclass(frozen=True)
class CheckedImage:
    """A media file the check opened and found safe: what it is and how big it is drawn."""

    path: Path
    kind: ImageKind
    width: int
    height: int
    digest: str
    """SHA-256 of the file's bytes: names its outputs and keys the conversion cache."""
