"""The glossary: words a runner may not know, explained wherever a page uses them.

Each page gets the Markdown abbreviation definitions (``*[term]: meaning``) of the glossary
spellings it uses, so the engine's abbreviation extension underlines them and the theme
shows the meaning as a tooltip. Both the MkDocs plugin and the export add them through
:func:`explanations`, to generated and hand-written pages alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from generator.model import GlossaryTerm

GLOSSARY_PAGE = "glossary.md"


def spelling_pattern(spellings: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """Any of ``spellings`` as a whole word (not inside a longer word or a hyphenated id)."""
    words = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", flags)


def explanations(text: str, glossary: Mapping[str, GlossaryTerm]) -> str:
    """The abbreviation definitions for every glossary spelling ``text`` uses, one a line;
    empty when it uses none."""
    lines = [
        f"*[{spelling}]: {term.definition}"
        for term in glossary.values()
        for spelling in term.spellings
        if uses(text, spelling)
    ]
    return "\n".join(lines)


def uses(text: str, spelling: str) -> bool:
    """True when ``text`` has ``spelling`` as a whole word.

    The same answer as searching ``spelling_pattern([spelling])``, found faster: the
    pattern starts with a look-behind, so a search tries it at every character of the page,
    while ``str.find`` jumps from one occurrence of the spelling to the next and the pattern
    is only tried there (a match from a position still sees the character before it).
    """
    pattern = spelling_pattern([spelling])
    start = text.find(spelling)
    while start != -1:
        if pattern.match(text, start):
            return True
        start = text.find(spelling, start + 1)
    return False


def with_explanations(text: str, glossary: Mapping[str, GlossaryTerm]) -> str:
    """``text`` followed by the definitions of the glossary words it uses."""
    found = explanations(text, glossary)
    return f"{text.rstrip(chr(10))}\n\n{found}\n" if found else text
