"""Values worked out from parsed files, kept from one run of the checks to the next while
the files are unchanged.

The preview hands unchanged files over as the same parsed documents
(generator/engine/incremental.py), so after a save only what the saved files feed is worked
out again. A value is found by the identity of the documents it was read from, and only the
last run's values are kept, so the record never outgrows the guide.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from generator.load import Document

T = TypeVar("T")


class FromFiles(Generic[T]):
    """One kind of value worked out from files: a text verdict, a figure's layout."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Hashable, ...], tuple[tuple[Document, ...], T]] = {}
        self._fresh: dict[tuple[Hashable, ...], tuple[tuple[Document, ...], T]] = {}

    def of(
        self, documents: tuple[Document, ...], make: Callable[[], T], part: Hashable = None
    ) -> T:
        """The value read from ``documents`` (from one ``part`` of them, such as one entry
        of a taxonomy file): the last run's if none of them changed."""
        key = (part, *(id(document) for document in documents))
        kept = self._kept.get(key)
        if kept is not None and all(a is b for a, b in zip(kept[0], documents, strict=True)):
            value = kept[1]
        else:
            value = make()
        self._fresh[key] = (documents, value)
        return value

    def run_finished(self) -> None:
        """Keep this run's values, and only those, for the next run."""
        self._kept, self._fresh = self._fresh, {}
