"""'Did you mean' suggestions that only name a likely typo, never a different look-alike thing.

In bulk imports a wrong suggestion is worse than none: 'abductors' and 'adductors' are
opposite muscle groups one letter apart, and 'exercise-ball' is not a 'medicine-ball'.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

DISTINCT_LOOK_ALIKES: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"abductors", "adductors"}),
        frozenset({"abductor", "adductor"}),
        frozenset({"abduction", "adduction"}),
        frozenset({"pronation", "supination"}),
        frozenset({"flexors", "extensors"}),
    }
)
"""Word pairs that differ by a letter or two but name different things."""


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance with adjacent swaps counted as one edit (Damerau, restricted)."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _abbreviates(word: str, candidate: str) -> bool:
    """'clam' for 'clamshell', 'glute-med' for 'gluteus-medius': each part starts its match."""
    parts, whole = word.split("-"), candidate.split("-")
    if len(parts) == 1:
        return len(word) >= 3 and candidate.startswith(word)
    return len(parts) == len(whole) and all(
        len(p) >= 2 and w.startswith(p) for p, w in zip(parts, whole, strict=True)
    )


def _names_different_things(word: str, candidate: str) -> bool:
    pairs = zip(word.split("-"), candidate.split("-"), strict=False)
    return any(frozenset({a, b}) in DISTINCT_LOOK_ALIKES for a, b in pairs if a != b)


def likely_typo(word: str, candidate: str) -> bool:
    """True when ``word`` is plausibly a misspelling or abbreviation of ``candidate``."""
    if word == candidate or _names_different_things(word, candidate):
        return False
    allowed = 1 if len(candidate) < 5 else 2
    return edit_distance(word, candidate) <= allowed or _abbreviates(word, candidate)


def suggest(word: str, choices: Iterable[str], *, ids: bool = True) -> str:
    """' (did you mean 'x'?)' when a likely typo of ``word`` exists, else ''.

    Ids name things, so only a likely typo is suggested. Keys and allowed values
    (``ids=False``) form a small fixed vocabulary where a renamed key ('see_a_physio_when'
    for 'see_a_physio_if') is the usual mistake, so any close match is offered there.
    """
    options = list(choices)
    if not ids:
        close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
        close = [c for c in close if not _names_different_things(word, c)]
        return f" (did you mean '{close[0]}'?)" if close else ""
    close = difflib.get_close_matches(word, options, n=len(options) or 1, cutoff=0.5)
    typos = [c for c in close if likely_typo(word, c)]
    return f" (did you mean '{typos[0]}'?)" if typos else ""
