"""A rendered page: its Markdown, the content file it came from, and the fragments an
engine puts back after converting it."""

from __future__ import annotations

from dataclasses import dataclass, field

FIGURE_SLOT = "<!-- movement figure -->"
"""Where an exercise page's figure goes; the site engine fills it in after conversion."""


@dataclass(frozen=True)
class Page:
    """One rendered Markdown page and the content file it came from (for edit links).

    ``easier`` and ``harder`` are the neighbouring pages on the exercise's ladder, so the
    page footer can step a reader down or up it.
    """

    text: str
    source: str | None
    easier: str | None = None
    harder: str | None = None
    fragments: dict[str, str] = field(default_factory=dict)
    """Placeholder → HTML to put in its place after Markdown conversion: large drawings
    that Markdown would only parse and copy (see FIGURE_SLOT)."""

    def html(self, converted: str) -> str:
        """The converted page with every fragment in place of its placeholder."""
        for placeholder, fragment in self.fragments.items():
            converted = converted.replace(placeholder, fragment, 1)
        return converted
