"""The one way templates under templates/ are read, so every output follows the same rules."""

from __future__ import annotations

import hashlib
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
    for every page. Compiled templates are kept between runs (see `_compiled_kept`).
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
    return jinja2.Environment(**settings, bytecode_cache=_compiled_kept(settings))


def _compiled_kept(settings: dict[str, Any]) -> jinja2.BytecodeCache:
    """Jinja's cache of compiled templates, in its own private folder for this user.

    Compiling the templates is a fixed cost of every build (the movement figure's alone
    takes about 40 ms); Jinja reuses a compiled template only while its source is
    unchanged. What a template compiles to also depends on the environment's settings
    (whitespace handling, escaping, finalize), which Jinja's key leaves out, so each set of
    settings keeps its own files.
    """
    described = "|".join(
        f"{name}={getattr(value, '__qualname__', repr(value))}"
        for name, value in sorted(settings.items())
        if name != "loader"
    )
    key = hashlib.sha256(described.encode()).hexdigest()[:16]
    return jinja2.FileSystemBytecodeCache(pattern=f"__guide_{key}_%s.cache")
