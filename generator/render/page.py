"""A rendered page: its Markdown, the content file it came from, and the fragments an
engine puts back after converting it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FIGURE_SLOT = "<!-- movement figure -->"
"""Where an exercise page's figure goes; the site engine fills it in after conversion."""
STILL_SLOT = "<!--still:{id}-->"
"""Where a list shows an exercise's still, filled in after conversion like the figure: a
list of fifty exercises is fifty images Markdown would only parse and copy."""


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
    that Markdown would only parse and copy (see FIGURE_SLOT). Each placeholder is an HTML
    comment, which Markdown passes through as written."""

    def html(self, converted: str) -> str:
        """The converted page with every fragment in place of each of its placeholders,
        in one pass over the page (a list may hold fifty stills)."""
        fragments = self.fragments
        if len(fragments) < 2:  # none, or an exercise page's figure alone
            for placeholder, fragment in fragments.items():
                converted = converted.replace(placeholder, fragment)
            return converted
        return _COMMENT.sub(lambda found: fragments.get(found[0], found[0]), converted)


_COMMENT = re.compile("<!--.*?-->", re.DOTALL)
"""An HTML comment, which every placeholder is."""
