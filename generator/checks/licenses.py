"""The open licenses images may carry, read from content/taxonomy/licenses.yml.

The file is keyed by SPDX id ('CC-BY-4.0'), which is not a guide id, so it is checked here
rather than as one of the id-keyed taxonomies.
"""

from __future__ import annotations

import re

from generator.checks.schema import keyed_entries
from generator.load import Document
from generator.model.media import License
from generator.problems import Problem

SPDX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$")


def _not_spdx(key: str) -> tuple[str, str] | None:
    if SPDX.match(key):
        return None
    return (
        f"'{key}' is not an SPDX license id",
        "use the id listed at spdx.org/licenses, such as 'CC-BY-4.0'",
    )


def license_entries(document: Document | None) -> tuple[dict[str, License], list[Problem]]:
    """Every well-formed license of the allow-list, and the problems of the others."""
    if document is None:
        return {}, []
    placed, problems = keyed_entries(License, document, _not_spdx)
    licenses = {key: p.entry for key, p in placed.items() if isinstance(p.entry, License)}
    return licenses, problems
