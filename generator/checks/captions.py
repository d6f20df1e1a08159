"""Caption rules: each exercise's figure caption is one sentence of its own.

The caption says the set-up and the movement; it must not repeat the summary (what the
exercise is for) or a step (the instructions), and no two exercises may share one.
"""

from __future__ import annotations

import re

from generator.checks.context import CheckContext, Placed
from generator.checks.names import fold
from generator.model import DraftExercise

_SENTENCE_END = re.compile(r"[.!?][\"')]*\s+[A-Z]")
"""A full stop, question or exclamation mark followed by a new sentence's capital."""
_OWN_WORDS_HINT = (
    "the caption says, in one sentence, how you are set up and how you move; "
    "the summary says what it is for and the steps how to do it"
)


def _sentence_problem(caption: str) -> str | None:
    if not caption.rstrip().endswith("."):
        return "a caption is one sentence ending in a full stop"
    if _SENTENCE_END.search(caption):
        return "a caption is one sentence, but this one has more"
    return None


def _repeats(exercise: DraftExercise) -> str | None:
    """What else on the page the caption repeats word for word, if it does."""
    caption = fold(exercise.caption or "")
    if exercise.summary is not None and fold(exercise.summary) == caption:
        return "the summary"
    for number, step in enumerate(exercise.steps, start=1):
        if fold(step) == caption:
            return f"step {number}"
    return None


def _report_shared(context: CheckContext, placed: Placed, other: Placed) -> None:
    where = other.document.position((*other.base, "caption"))
    context.report(
        placed,
        ("caption",),
        f"the caption is also the caption of '{other.id}' ({other.document.path}:{where.line})",
        "say what sets this exercise apart: its position, equipment or movement",
    )


def check_captions(context: CheckContext) -> None:
    """Every caption is one sentence, repeats neither its summary nor a step, and is no
    other exercise's caption; a shared caption is reported on both files."""
    owners: dict[str, Placed] = {}
    for placed in context.each("exercises"):
        exercise = placed.entry
        if not isinstance(exercise, DraftExercise) or exercise.caption is None:
            continue
        sentence = _sentence_problem(exercise.caption)
        if sentence is not None:
            context.report(
                placed, ("caption",), sentence, "move the detail to 'steps', or join the sentences"
            )
        repeated = _repeats(exercise)
        if repeated is not None:
            context.report(
                placed,
                ("caption",),
                f"the caption repeats {repeated} word for word",
                _OWN_WORDS_HINT,
            )
        key = fold(exercise.caption)
        owner = owners.setdefault(key, placed)
        if owner is not placed:
            _report_shared(context, placed, owner)
            _report_shared(context, owner, placed)
