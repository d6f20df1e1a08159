"""The open licenses images may carry, read from content/taxonomy/licenses.yml.

The file is keyed by SPDX id ('CC-BY-4.0'), which is not a guide id, so it is read here
rather than as one of the id-keyed taxonomies.
"""

from __future__ import annotations

import re

from generator.checks.schema import schema_problems
from generator.load import Document
from generator.media.model import License
from generator.problems import Problem

LICENSES_FILE = "taxonomy/licenses.yml"
SPDX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$")


def license_entries(document: Document | None) -> tuple[dict[str, License], list[Problem]]:
    """Every well-formed license of the allow-list, and the problems of the others."""
    if document is None:
        return {}, []
    licenses: dict[str, License] = {}
    problems: list[Problem] = []
    for key, data in document.data.items():
        if not SPDX.match(str(key)):
            where = document.key_position((key,))
            problems.append(
                Problem(
                    document.path,
                    where.line,
                    where.column,
                    f"'{key}' is not an SPDX license id",
                    "use the id listed at spdx.org/licenses, such as 'CC-BY-4.0'",
                )
            )
            continue
        entry, found = schema_problems(License, document, data, (key,))
        problems.extend(found)
        if isinstance(entry, License):
            licenses[key] = entry
    return licenses, problems
