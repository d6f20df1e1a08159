"""Problems as text: for people (optionally coloured), for GitHub annotations, for tools."""

from __future__ import annotations

import json
import os
import unicodedata
from collections import Counter
from pathlib import Path

import click

from generator.guide import Guide
from generator.muscle_groups import drawn_as_group
from generator.problems import Problem

FORMATS = ("human", "github", "json", "summary")


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies inside it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


def count(number: int, noun: str) -> str:
    """'1 problem', '2 problems'."""
    return f"{number} {noun}{'s' * (number != 1)}"


def printable(text: str) -> str:
    """``text`` with every control, format and separator character written as an escape, so
    content can never start a new line, move the cursor or reorder what a terminal shows."""
    return "".join(
        char
        if char == " " or unicodedata.category(char)[0] not in "CZ"
        else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def printable_lines(text: str) -> str:
    """Each line of ``text`` made printable, the line breaks kept."""
    return "\n".join(printable(line) for line in text.split("\n"))


def valid_summary(guide: Guide) -> list[str]:
    """What a passing check says: the counts, then warnings that do not fail the check."""
    drafts = sum(exercise.is_draft for exercise in guide.exercises.values())
    exercises = count(len(guide.exercises), "exercise")
    report_exercises = exercises
    if drafts:
        report_exercises = f"{exercises} ({drafts} of them drafts)"
    counts = (
        report_exercises,
        count(len(guide.routines), "routine"),
        count(len(guide.problem_areas), "problem area"),
    )
    lines = [f"content is valid: {', '.join(counts)}"]
    shapeless = drawn_as_group(guide.muscles, guide.body_map)
    if shapeless:
        drawn = ", ".join(f"{key} (as {group})" for key, group in shapeless.items())
        lines.append(
            f"warning: {count(len(shapeless), 'muscle')} without a body-map shape yet, "
            f"drawn as its group: {drawn}"
        )
    return lines


def human(problems: list[Problem], colour: bool = False) -> str:
    """One 'path:line:col: message' line per problem, each hint indented below it."""
    lines = []
    for problem in problems:
        where = printable(f"{display_path(problem.path)}:{problem.line}:{problem.column}:")
        message = printable(problem.message)
        lines.append(f"{click.style(where, bold=True) if colour else where} {message}")
        if problem.hint:
            hint = f"    hint: {printable(problem.hint)}"
            lines.append(click.style(hint, fg="cyan") if colour else hint)
    files = len({p.path for p in problems})
    summary = f"{count(len(problems), 'problem')} in {count(files, 'file')}"
    lines.append(click.style(summary, fg="red", bold=True) if colour else summary)
    return "\n".join(lines)


def summary(problems: list[Problem]) -> str:
    """Problems grouped by message, most frequent first: the shape of a bulk change's mistakes."""
    groups = Counter(p.message for p in problems)
    first: dict[str, Problem] = {}
    for problem in problems:
        first.setdefault(problem.message, problem)
    lines = []
    for message, number in sorted(groups.items(), key=lambda pair: (-pair[1], pair[0])):
        example = first[message]
        where = f"{display_path(example.path)}:{example.line}:{example.column}"
        lines.append(f"{number:>6} × {message}  (first at {where})")
    files = len({p.path for p in problems})
    lines.append(f"{count(len(problems), 'problem')} in {count(files, 'file')}")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return printable_lines(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands, so each problem shows on its line of the diff."""
    lines = []
    for problem in problems:
        message = problem.message + (f"\n{problem.hint}" if problem.hint else "")
        lines.append(
            f"::error file={_escape_property(display_path(problem.path))},"
            f"line={problem.line},col={problem.column}::{_escape_data(message)}"
        )
    return "\n".join(lines)


def as_json(problems: list[Problem]) -> str:
    """A JSON list of problems for editors and other tools."""
    return json.dumps(
        [
            {
                "path": display_path(p.path),
                "line": p.line,
                "column": p.column,
                "message": p.message,
                "hint": p.hint,
            }
            for p in problems
        ],
        indent=2,
        ensure_ascii=False,
    )
