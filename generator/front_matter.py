"""Find the front matter of a hand-written Markdown page, so its citations can be checked."""

from __future__ import annotations

FENCE = "---"


def front_matter(text: str) -> str | None:
    """The YAML between the opening and closing '---' lines, or None when there is none.

    Every line before the YAML is kept as an empty line, so positions reported while parsing
    it are positions in the page itself.
    """
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        return None
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            block = lines[1:end]
            return "\n" + "\n".join(block) + "\n" if any(s.strip() for s in block) else None
    return None
