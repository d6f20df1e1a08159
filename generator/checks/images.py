"""Image rules: every image an exercise shows exists under content/media/, is a small, real
JPEG, PNG, WebP or safe SVG, and carries alt text and an allowed license with its credit;
every file under content/media/ is shown by an exercise, so none is kept unexamined."""

from __future__ import annotations

import re

from generator.checks.context import CheckContext, Placed
from generator.checks.suggestions import suggest
from generator.load import Location
from generator.model import Exercise
from generator.model.media import MEDIA_FOLDER, CheckedImage, Image
from generator.problems import Problem

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
    _check_no_orphans(context)


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
    verdict = context.derived.examined.get(image.file)
    if verdict is None or isinstance(verdict, CheckedImage):
        return
    context.report(
        placed, (*where, "file"), f"image '{image.file}': {verdict.message}", verdict.hint
    )


def _named_files(context: CheckContext) -> set[str] | None:
    """Every file name an exercise's `images` lists as written, drafts and entries that
    failed their schema included; None when an exercise file could not be read at all."""
    raw = context.raw.get("exercises", [])
    if context.ids.get("exercises", set()) - {entry.id for entry in raw}:
        return None
    named: set[str] = set()
    for entry in raw:
        images = entry.data.get("images") if isinstance(entry.data, dict) else None
        for image in images if isinstance(images, list) else []:
            if isinstance(image, dict) and isinstance(image.get("file"), str):
                named.add(image["file"].strip())
    return named


def _check_no_orphans(context: CheckContext) -> None:
    """A file no exercise shows has no alt text, credit or license and is never examined,
    so it is refused rather than kept where a later change could publish it unchecked."""
    folder = context.root / MEDIA_FOLDER if context.root is not None else None
    named = _named_files(context)
    if folder is None or named is None or not folder.is_dir() or folder.is_symlink():
        return
    missing = [name for name in named if not (folder / name).is_file()]
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in named or path.is_dir():
            continue
        if any(suggest(name, [path.name]) for name in missing):
            continue  # already offered as the file a misspelt name meant
        context.problems.append(
            Problem(
                path,
                1,
                1,
                f"no exercise shows '{path.name}', so the check cannot examine or credit it",
                "list it under an exercise's 'images:' with its alt text and license, "
                "or remove the file",
            )
        )
