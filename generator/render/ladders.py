"""Progression ladders: the chain of easier and harder exercises through one exercise."""

from __future__ import annotations

from dataclasses import dataclass

from generator.indexes import Indexes


@dataclass(frozen=True)
class Rung:
    """One exercise on a ladder view, with what earns the move to the next rung."""

    exercise: str
    ready_when: str | None
    current: bool


def ladder(key: str, indexes: Indexes) -> list[Rung]:
    """The chain through ``key``: the first easier option below it, the first harder above.

    Validation has ruled out cycles, so walking each direction always ends.
    """
    below: list[Rung] = []
    current = key
    while indexes.easier[current]:
        step = indexes.easier[current][0]
        below.insert(0, Rung(step.exercise, step.ready_when, False))
        current = step.exercise
    upward = [key]
    while indexes.harder[upward[-1]]:
        upward.append(indexes.harder[upward[-1]][0].exercise)
    if not below and len(upward) == 1:
        return []
    # Going up, a rung's criterion is the one for its first harder step (the top has none).
    criteria = [indexes.harder[step][0].ready_when for step in upward[:-1]] + [None]
    above = [Rung(step, ready, step == key) for step, ready in zip(upward, criteria, strict=True)]
    return [*below, *above]


def neighbours(ladder: list[Rung]) -> tuple[str | None, str | None]:
    """The exercise pages one rung below and one rung above the current one, if any."""
    names = [rung.exercise for rung in ladder]
    here = next((i for i, rung in enumerate(ladder) if rung.current), None)
    if here is None:
        return None, None
    easier = f"exercises/{names[here - 1]}.md" if here > 0 else None
    harder = f"exercises/{names[here + 1]}.md" if here + 1 < len(names) else None
    return easier, harder
