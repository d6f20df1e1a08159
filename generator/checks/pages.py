"""Hand-written pages: Markdown and harmless HTML only, and tags the build will accept.

Pages are ours, but a pull request can edit them, and MkDocs passes raw HTML through as it
is. The tag rule mirrors the build's own (a tag names a topic with a group page), so a
renamed problem area is caught by `guide check` rather than by a failing build.
"""

from __future__ import annotations

import re
from html import unescape

from generator.checks.context import CheckContext
from generator.checks.suggestions import suggest
from generator.checks.text import first_hidden
from generator.load import Document, HandWrittenPage, Position
from generator.problems import Problem

_UNSAFE_MARKUP = (
    (
        re.compile(
            r"(?i)<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|style)\b"
        ),
        "<{0}> elements are not allowed in pages",
    ),
    (
        re.compile(r"(?i)<[a-z][^>]*?[\s/\"']on[a-z]+\s*="),
        "event handler attributes (on...=) are not allowed in pages",
    ),
    (
        re.compile(r"(?i)\b(java|vb)\s*script\s*(:|&#0*58;?|&#x0*3a;?|&colon;)"),
        "script links ('javascript:') are not allowed in pages",
    ),
    (
        re.compile(r"(?i)\bdata\s*:\s*(text/html|image/svg|application)"),
        "'data:' links that hold documents or scripts are not allowed in pages",
    ),
)
PAGE_HINT = (
    "write Markdown; plain HTML such as <div markdown> is fine, scripts and handlers are not"
)
TOPIC_KINDS = ("problem-areas", "patterns", "muscles", "equipment")
"""The kinds whose names are topics a page may be tagged with (each has a group page)."""


def _located(page: HandWrittenPage, offset: int, message: str, hint: str) -> Problem:
    line = page.text.count("\n", 0, offset) + 1
    column = offset - (page.text.rfind("\n", 0, offset) + 1) + 1
    return Problem(page.path, line, column, message, hint)


def markup_problems(page: HandWrittenPage) -> list[Problem]:
    """Scripts, frames, handlers, script links and hidden characters in one page."""
    problems = []
    for pattern, message in _UNSAFE_MARKUP:
        for match in pattern.finditer(page.text):
            element = match.group(1).lower() if "{0}" in message else ""
            problems.append(_located(page, match.start(), message.format(element), PAGE_HINT))
    script_link = _UNSAFE_MARKUP[2][0]
    for number, line in enumerate(page.text.split("\n"), start=1):
        if "&" in line and not script_link.search(line) and script_link.search(unescape(line)):
            problems.append(
                Problem(
                    page.path,
                    number,
                    line.index("&") + 1,
                    "script links ('javascript:') are not allowed in pages, "
                    "even written with character references",
                    PAGE_HINT,
                )
            )
        hidden = first_hidden(line.removesuffix("\r").replace("\t", " "))  # tabs indent Markdown
        if hidden is not None:
            column, reason = hidden
            problems.append(Problem(page.path, number, column + 1, reason, "delete the character"))
    return problems


def page_tags(front: Document) -> tuple[list[tuple[str, Position]], list[Problem]]:
    """The tags in one page's front matter with their positions, or why they cannot be read."""
    tags = front.data.get("tags")
    if tags is None:
        return [], []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        return [], [
            front.problem(
                ("tags",),
                "front matter: 'tags' must be a list of topic names",
                "write each tag on its own line after '- '",
            )
        ]
    return [(tag, front.position(("tags", index))) for index, tag in enumerate(tags)], []


def check_hand_written_pages(context: CheckContext) -> None:
    """Every hand-written page is safe to publish and tagged only with existing topics."""
    topics = {
        getattr(placed.entry, "name", "") for kind in TOPIC_KINDS for placed in context.each(kind)
    }
    judge_tags = not any(kind in context.unknowable for kind in TOPIC_KINDS)
    for page in context.page_texts:
        context.problems.extend(markup_problems(page))
    for front in context.front_matters:
        tags, problems = page_tags(front)
        context.problems.extend(problems)
        for tag, where in tags if judge_tags else []:
            if tag not in topics:
                context.problems.append(
                    Problem(
                        front.path,
                        where.line,
                        where.column,
                        f"unknown tag '{tag}'{suggest(tag, sorted(topics), ids=False)}",
                        "tag a page with the name of a problem area, pattern, muscle or equipment",
                    )
                )
