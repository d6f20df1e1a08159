"""A crosswalk: how one dataset's vocabulary maps to the guide's ids, kept as data.

It lives in content/taxonomy/crosswalks/<dataset>.yml. A value mapped to an empty list is
known but has no honest match; a value missing from the crosswalk is reported as unmapped.
"""

from __future__ import annotations

from pathlib import Path

from generator.checks.schema import schema_problems
from generator.checks.suggestions import suggest
from generator.load import Document, LoadedContent, load_document
from generator.model.crosswalk import Crosswalk
from generator.problems import Problem

CROSSWALK_FOLDER = Path("taxonomy") / "crosswalks"

TARGETS = (
    ("muscles", "muscles"),
    ("equipment", "equipment"),
    ("categories", "patterns"),
    ("name_hints", "patterns"),
)
"""Which taxonomy each mapping's ids must come from."""


def load_crosswalk(content: LoadedContent, dataset: str) -> tuple[Crosswalk | None, list[Problem]]:
    """The crosswalk for ``dataset``, or the problems that stop an import from trusting it."""
    path = content.root / CROSSWALK_FOLDER / f"{dataset}.yml"
    if not path.is_file():
        return None, [Problem(path, 1, 1, f"no crosswalk for '{dataset}'", "create it first")]
    document, problems = load_document(path)
    if document is None:
        return None, problems
    entry, problems = schema_problems(Crosswalk, document, document.data, ())
    if not isinstance(entry, Crosswalk):
        return None, problems
    problems = _unknown_targets(entry, document, content)
    return (entry if not problems else None), problems


def _unknown_targets(
    crosswalk: Crosswalk, document: Document, content: LoadedContent
) -> list[Problem]:
    problems = []
    for field, taxonomy in TARGETS:
        taxonomy_document = content.taxonomies.get(taxonomy)
        known = set(taxonomy_document.data) if taxonomy_document else set()
        for value, targets in getattr(crosswalk, field).items():
            ids = [targets] if isinstance(targets, str) else targets
            for i, target in enumerate(ids):
                if target not in known:
                    location = (field, value) if isinstance(targets, str) else (field, value, i)
                    problems.append(
                        document.problem(
                            location,
                            f"'{value}' maps to unknown {taxonomy} id '{target}'"
                            + suggest(target, sorted(known)),
                            f"ids are listed in content/taxonomy/{taxonomy}.yml",
                        )
                    )
    return problems
