"""What a page serves for each checked image: the files' names, the widths of a photo's
WebP copies (never wider than the original) and the attributes that keep the layout still.

Pure: names and sizes follow from the check's findings, so a page can be rendered without
encoding anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.media import MEDIA_FOLDER, CheckedImage, Image, License

WIDTHS = (320, 640, 960)
"""Widths, in pixels, of the WebP copies of a photo; a narrower original stops the list."""
SIZES = "(min-width: 45em) 24rem, 100vw"
"""How wide the image is drawn: the screen's width on a phone, a 24rem grid column wider up
(guide.css, "Contributor images")."""


@dataclass(frozen=True)
class Rendition:
    """One file the build writes for an image, at a path under the site root."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """One image as an exercise page shows it."""

    src: str
    srcset: str
    sizes: str
    width: int
    height: int
    alt: str
    credit: str | None
    license_name: str
    license_url: str


def _stem(image: CheckedImage) -> str:
    return f"{MEDIA_FOLDER}/{image.path.stem}.{image.digest[:12]}"


def renditions(image: CheckedImage) -> list[Rendition]:
    """The files published for one image: the drawing itself, or a photo's WebP widths."""
    if image.kind == "svg":
        return [Rendition(f"{_stem(image)}.svg", image.width, image.height)]
    widths = sorted({min(width, image.width) for width in WIDTHS})
    return [
        Rendition(
            f"{_stem(image)}.{width}.webp", width, max(1, round(image.height * width / image.width))
        )
        for width in widths
    ]


def picture(image: Image, checked: CheckedImage, license: License, prefix: str) -> Picture:
    """The view data of one image, its files addressed relative to the page by ``prefix``."""
    files = renditions(checked)
    largest = files[-1]
    srcset = ", ".join(f"{prefix}{file.path} {file.width}w" for file in files)
    return Picture(
        src=prefix + largest.path,
        srcset="" if checked.kind == "svg" else srcset,
        sizes="" if checked.kind == "svg" else SIZES,
        width=largest.width,
        height=largest.height,
        alt=image.alt,
        credit=image.credit,
        license_name=license.name,
        license_url=license.url,
    )


def pictures(
    images: list[Image],
    media: dict[str, CheckedImage],
    licenses: dict[str, License],
    prefix: str,
) -> list[Picture]:
    """Every image of an exercise as its page shows it (the check found each file and license)."""
    return [picture(image, media[image.file], licenses[image.license], prefix) for image in images]
