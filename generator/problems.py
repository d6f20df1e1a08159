"""A content problem is data: where it is, what is wrong, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one content file; line and column are 1-based."""

    path: Path
    line: int
    column: int
    message: str
    hint: str = ""


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then line, then column."""
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.column, p.message))
