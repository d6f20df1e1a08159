"""Word forms readers type for a name, derived from the names and aliases in the content.

The search index matches whole words, and the stemmer that would fold plurals made ranking
worse, so each page carries the plural, singular and common spelling variants of its own names:
'calf raise' also answers 'calves', 'calve raises'; 'push-up' answers 'pushups'; 'runner's
knee' answers 'runners knee'; 'clamshell' answers 'clam shells'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SIBILANT = ("s", "x", "z", "ch", "sh")
_LATIN = ("us", "is", "ae", "ii")


def plural(word: str) -> str:
    """The regular English plural of a lower-case word."""
    if word.endswith(_SIBILANT):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("fe"):
        return word[:-2] + "ves"
    return word + "s"


def singular(word: str) -> str | None:
    """The singular of a regular plural, or None when the word does not look like one."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ves") and len(word) > 4:
        return word[:-3] + "f"
    if word.endswith(tuple(s + "es" for s in _SIBILANT)):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return None


def word_forms(word: str) -> set[str]:
    """A word with its plural, singular, and the 'calves'/'calve' forms of words ending in f."""
    if word.isdigit() or word.endswith(_LATIN):
        return {word}
    one = singular(word)
    if one:
        return {word, one}
    forms = {word, plural(word)}
    if word.endswith("f"):
        forms |= {word[:-1] + "ves", word[:-1] + "ve"}
    return forms


def split_compound(word: str, vocabulary: set[str]) -> list[str]:
    """'clamshell' as 'clam shell' when both halves are words the guide already uses."""
    return [
        f"{word[:cut]} {word[cut:]}"
        for cut in range(3, len(word) - 2)
        if word[:cut] in vocabulary and word[cut:] in vocabulary
    ]


def search_terms(names: Iterable[str], vocabulary: set[str]) -> list[str]:
    """Every word form of ``names`` a reader may type, sorted. The names' own words are kept:
    repeated here they mark the page as the one about them, ahead of pages that mention them.
    Only a name's last word, its head noun, gets a plural ('calf raises', not 'calves raise'),
    and Latin words none ('gluteus', not 'gluteuses'): fewer invented words keep the field
    short, and a short field weighs each match more.
    ``vocabulary`` is the set of words used anywhere in the guide's names and text."""
    # Abbreviations (PFPS, RDL) have no plural worth indexing.
    phrases = [" ".join(w for w in name.split() if not w.isupper()).lower() for name in names]
    extra: set[str] = set()
    for phrase in phrases:
        words = _WORD.findall(phrase)
        for position, word in enumerate(words):
            base = word.replace("'", "")
            forms = word_forms if position == len(words) - 1 else _inner_forms
            extra |= forms(base)
            if "'" in word:
                extra |= forms(word.split("'")[0])
            for pair in split_compound(base, vocabulary):
                first, second = pair.split()
                extra |= {first} | forms(second)
        for hyphenated in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", phrase):
            joined = hyphenated.replace("-", "")
            extra |= word_forms(joined) if phrase.endswith(hyphenated) else {joined}
    return sorted(extra)


def symptom_words(symptoms: Iterable[str]) -> list[str]:
    """The words of a problem area's symptom phrases, sorted, for the same search field as
    its names: 'pain on the outside of the knee' should find the page that lists it."""
    words = (word for text in symptoms for word in _WORD.findall(text.lower()))
    return sorted({word.replace("'", "") for word in words})


def _inner_forms(word: str) -> set[str]:
    """A word inside a name: itself, its singular, and the 'calves'/'calve' forms of calf."""
    one = singular(word)
    forms = {word} | ({one} if one else set())
    if word.endswith("f"):
        forms |= {word[:-1] + "ves", word[:-1] + "ve"}
    return forms


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The lower-case words of ``texts``."""
    return {word.replace("'", "") for text in texts for word in _WORD.findall(text.lower())}


def problem_terms(own: list[str], terms: list[str]) -> list[str]:
    """A problem area's terms without the longer forms of its other words.

    Search gives every query word a trailing wildcard and sums the score of every indexed
    word it matches, so a page listing 'knee', 'knees', 'kneecap' and 'kneecaps' among its
    aliases and symptoms outranks the page whose name is 'Runner's knee' for 'knee pain'. The
    words of the page's own name (``own``) keep all their forms; other words whose shorter
    form is already listed are left to the wildcard.
    """
    kept = set(own)
    return sorted(
        term
        for term in terms
        if term in kept or not any(term != other and term.startswith(other) for other in terms)
    )
