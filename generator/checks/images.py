"""Image rules: every image an exercise shows exists under content/media/, is a small, real
JPEG, PNG, WebP or safe SVG, and carries alt text and an allowed license with its credit."""

from __future__ import annotations

import re

from generator.checks.context import CheckContext, Placed
from generator.checks.suggestions import suggest
from generator.load import Location
from generator.media.examine import examine
from generator.media.model import MEDIA_FOLDER, CheckedImage, Image
from generator.model import Exercise

LICENSES_HINT = "content/taxonomy/licenses.yml lists the allowed licenses"
RESTRICTED = re.compile(r"-(NC|ND)(-|$)", re.IGNORECASE)  # codespell:ignore nd


def check_images(context: CheckContext) -> None:
    for placed in context.each("exercises"):
        exercise = placed.entry
        if not isinstance(exercise, Exercise):
            continue
        for i, image in enumerate(exercise.images):
            where: Location = ("images", i)
            _check_license(context, placed, where, image)
            if context.root is not None:
                _check_file(context, placed, where, image)


def _check_license(context: CheckContext, placed: Placed, where: Location, image: Image) -> None:
    allowed = context.licenses.get(image.license)
    if allowed is None:
        known = sorted(context.licenses)
        context.report(
            placed,
            (*where, "license"),
            f"license '{image.license}' is not on the allow-list{_closest(image.license, known)}",
            f"{LICENSES_HINT}: {', '.join(known)}" if known else LICENSES_HINT,
        )
    elif allowed.attribution and image.credit is None:
        context.report(
            placed,
            where,
            f"image '{image.file}' needs a 'credit': {image.license} asks that its author be named",
            "add 'credit:' with the photographer's or artist's name",
        )


def _closest(given: str, known: list[str]) -> str:
    """A likely intended license; never a different license for a non-commercial or
    no-derivatives one, which no open license replaces."""
    if RESTRICTED.search(given):
        return " (non-commercial and no-derivatives licenses are not open)"
    by_case = {license.upper(): license for license in known}
    if given.upper() in by_case:
        return f" (did you mean '{by_case[given.upper()]}'?)"
    return suggest(given, known, ids=False)


def _check_file(context: CheckContext, placed: Placed, where: Location, image: Image) -> None:
    assert context.root is not None
    folder = context.root / MEDIA_FOLDER
    path = folder / image.file
    if not path.is_file() or path.is_symlink():
        present = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        context.report(
            placed,
            (*where, "file"),
            f"image file '{image.file}' is not in content/{MEDIA_FOLDER}/"
            f"{suggest(image.file, present)}",
            f"add the file to content/{MEDIA_FOLDER}/, or correct its name",
        )
        return
    verdict = examine(path)
    if isinstance(verdict, CheckedImage):
        context.media[image.file] = verdict
        return
    context.report(
        placed, (*where, "file"), f"image '{image.file}': {verdict.message}", verdict.hint
    )
