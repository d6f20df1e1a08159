"""The one way templates under templates/ are read, so every output follows the same rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"
"""Every template of the generator; templates/theme/ holds the theme fragments both
engines' configurations add."""
THEME_FRAGMENTS = TEMPLATES / "theme"


def environment(**options: Any) -> jinja2.Environment:
    """A Jinja environment over templates/; ``options`` add escaping or change a default.

    Missing variables are errors rather than blank text, block tags leave no stray
    whitespace, and templates are compiled once per process instead of re-checked on disk
    for every page.
    """
    settings: dict[str, Any] = {
        "loader": jinja2.PackageLoader("generator", "templates"),
        "auto_reload": False,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "undefined": jinja2.StrictUndefined,
        **options,
    }
    return jinja2.Environment(**settings)
