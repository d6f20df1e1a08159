"""Name rules: names and aliases never collide within a collection."""

from __future__ import annotations

import unicodedata
from functools import cache

from confusable_homoglyphs.confusables import (  # type: ignore[import-untyped]
    confusables_data,
)

from generator.checks.context import CheckContext, Placed
from generator.load import Location


@cache
def _look_alike(char: str) -> str:
    """The ASCII character ``char`` is drawn like (Cyrillic 'а' → 'a'), or ``char`` itself."""
    if char.isascii():
        return char
    for homoglyph in confusables_data.get(char, []):
        candidate: str = homoglyph["c"]
        if candidate.isascii() and candidate.isalnum():
            return candidate
    return char


_ASCII_FOLD = {
    **{code: None for code in (*range(32), 127)},
    **{code: " " for code in range(32, 127) if not chr(code).isalnum()},
    **{code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)},
}
"""Plain ASCII folded in one pass: control characters dropped, letters lower-cased, every
other sign a space; the same result as the general path, which most names never need."""


def fold(text: str) -> str:
    """The form of a name a reader sees: case, accents, hidden characters and look-alike
    letters from other scripts set aside, for spotting duplicates."""
    if text.isascii():
        return fold_ascii(text)
    return fold_any(text)


def fold_ascii(text: str) -> str:
    """:func:`fold` for plain ASCII text, in one pass."""
    return " ".join(text.translate(_ASCII_FOLD).split())


def fold_any(text: str) -> str:
    """:func:`fold` for text in any script."""
    visible = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Cn"))
    decomposed = unicodedata.normalize("NFKD", visible)
    letters = "".join(_look_alike(c) for c in decomposed if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFKD", letters.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def _report_clash(
    context: CheckContext,
    placed: Placed,
    location: Location,
    name: str,
    other: tuple[Placed, Location, str],
) -> None:
    """A clash is reported on both files: neither is assumed to be the established one."""
    where = other[0].document.position((*other[0].base, *other[1]))
    context.report(
        placed,
        location,
        f"'{name}' is also used by '{other[0].id}' ({other[0].document.path}:{where.line})",
        "pick a different name, or merge the two entries",
    )


def check_unique_names(context: CheckContext) -> None:
    """Names and aliases must not collide within a collection, ignoring case and accents.

    Both sides of a clash are reported, so a bulk import never blames only the older file.
    """
    for entries in context.entries.values():
        owners: dict[str, tuple[Placed, Location, str]] = {}
        for placed in entries.values():
            if not hasattr(placed.entry, "name"):
                continue
            names: list[tuple[Location, str]] = [(("name",), getattr(placed.entry, "name", ""))]
            aliases = getattr(placed.entry, "aliases", [])
            names += [(("aliases", i), alias) for i, alias in enumerate(aliases)]
            for location, name in names:
                key = fold(name)
                owner = owners.get(key)
                if owner is None:
                    owners[key] = (placed, location, name)
                elif owner[0] is not placed:
                    _report_clash(context, placed, location, name, owner)
                    _report_clash(context, owner[0], owner[1], owner[2], (placed, location, name))
