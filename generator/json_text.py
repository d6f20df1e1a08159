"""JSON as the guide publishes it: two-space indents, UTF-8 characters as they are, and a
final newline, so the open data reads well and diffs line by line between releases."""

from __future__ import annotations

from typing import Any

import pydantic_core


def json_document(value: Any) -> str:
    """``value`` as an indented JSON document.

    Written by pydantic's Rust serialiser, which gives the text of
    ``json.dumps(value, indent=2, ensure_ascii=False)`` (only very small floats are spelt
    differently, ``1e-7`` for ``1e-07``) several times faster: Python's own encoder drops
    to pure Python whenever it indents, and the open data is the largest JSON a build writes.
    """
    return pydantic_core.to_json(value, indent=2).decode("utf-8") + "\n"
