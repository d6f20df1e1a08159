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


def fold(text: str) -> str:
    """The form of a name a reader sees: case, accents, hidden characters and look-alike
    letters from other scripts set aside, for spotting duplicates."""
    visible = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Cn"))
    decomposed = unicodedata.normalize("NFKD", visible)
    letters = "".join(_look_alike(c) for c in decomposed if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFKD", letters.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def check_unique_names(context: CheckContext) -> None:
    """Names and aliases must not collide within a collection, ignoring case and accents."""
    for entries in context.entries.values():
        owners: dict[str, tuple[Placed, str]] = {}
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
                    owners[key] = (placed, name)
                elif owner[0] is not placed:
                    first = owner[0].document.position((*owner[0].base, "name"))
                    context.report(
                        placed,
                        location,
                        f"'{name}' is already used by '{owner[0].id}' "
                        f"({owner[0].document.path}:{first.line})",
                        "pick a different name, or add to the existing entry instead",
                    )
