"""Loading: content YAML into positioned documents (``yaml``), the whole content folder by
the registry of kinds (``content``), and what may live under content/ (``layout``)."""

from __future__ import annotations

from generator.load.content import (
    REQUIRED_PAGES,
    DocumentReader,
    HandWrittenPage,
    LoadedContent,
    load_content,
)
from generator.load.yaml import (
    MAX_FILE_BYTES,
    Document,
    Location,
    Position,
    load_document,
    parse_bytes,
    parse_text,
)

__all__ = [
    "MAX_FILE_BYTES",
    "REQUIRED_PAGES",
    "Document",
    "DocumentReader",
    "HandWrittenPage",
    "LoadedContent",
    "Location",
    "Position",
    "load_content",
    "load_document",
    "parse_bytes",
    "parse_text",
]
