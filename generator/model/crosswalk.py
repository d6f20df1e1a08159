"""A crosswalk file: how one dataset's vocabulary maps to the guide's ids
(content/taxonomy/crosswalks/<dataset>.yml), read by the importers."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from generator.model.fields import Entry, HttpsUrl, Id, Level, Name, Text

RecordUrl = Annotated[
    str, StringConstraints(pattern=r"^https://[^\s{}]*\{id\}[^\s{}]*$", max_length=300)
]
"""An https address with '{id}' where an entry's id goes."""


class Crosswalk(Entry):
    """One dataset's values → the guide's ids (taxonomy/crosswalks/<dataset>.yml)."""

    dataset: Name = Field(description="The dataset's name, as drafts credit it.")
    url: HttpsUrl = Field(description="Where the dataset is published.")
    license: Text = Field(description="The license its text and images are under.")
    muscles: dict[str, list[Id]] = Field(description="Its muscle names → muscle or group ids.")
    equipment: dict[str, list[Id]] = Field(description="Its equipment names → equipment ids.")
    levels: dict[str, Level] = Field(description="Its levels → the guide's levels.")
    categories: dict[str, Annotated[list[Id], Field(max_length=1)]] = Field(
        description="Its categories → one pattern or category id, or none."
    )
    record_url: RecordUrl | None = Field(
        default=None,
        description="Where one entry is published, '{id}' standing for its id; drafts link "
        "to it. Without it they link to 'url'.",
    )
    images_url: HttpsUrl | None = Field(
        default=None,
        description="The address its image paths are relative to, ending in '/'.",
    )
    name_hints: dict[str, list[Id]] = Field(
        default={},
        description="Words in an entry's name → the patterns they suggest to the reviewer "
        "when its category gives none (equipment is suggested from the equipment's own names "
        "and aliases).",
    )
