"""How values read on a page (labels, doses, effort), how content text is made safe for
Markdown, and the two template environments every page family renders with."""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import jinja2
import markupsafe

from generator.durations import SIDE_SWITCH_SECONDS
from generator.model import Dosage, Effort
from generator.templating import environment

LABELS = {
    "warm-up": "Warm-up",
    "pre-run": "Before a run",
    "post-run": "After a run",
    "strength-day": "Strength day",
    "separate-day": "On a separate day",
    "after-speed-work": "After a speed session",
    "research": "Research",
    "clinical-consensus": "Clinical consensus",
    "expert-review": "Expert review",
    "coaching-opinion": "Coaching opinion",
    "guideline": "Clinical practice guideline",
    "systematic-review": "Systematic review",
    "trial": "Trial",
    "observational": "Observational study",
    "expert-consensus": "Expert consensus",
    "narrative-review": "Narrative review or clinical commentary",
    "coaching": "Coaching article",
    "beginner": "Beginner",
    "intermediate": "Intermediate",
    "advanced": "Advanced",
    "hip": "Hip",
    "thigh": "Thigh",
    "lower-leg": "Lower leg",
    "trunk": "Trunk",
    "upper-body": "Upper body",
    "front": "Front",
    "back": "Back",
    "push": "Push",
    "pull": "Pull",
    "static": "Static hold",
    "compound": "Compound (several joints)",
    "isolation": "Isolation (one joint)",
}
"""How allowed values read on a page."""


def amount(dosage: Dosage) -> str:
    """One set as a runner reads it: '12', '30 s hold', '45 s of work' or '5 min of work'."""
    if dosage.reps is not None:
        return f"{dosage.reps}"
    if dosage.hold_seconds is not None:
        return f"{dosage.hold_seconds} s hold"
    if dosage.work_seconds is not None:
        return f"{dosage.work_seconds} s of work"
    return f"{dosage.work_minutes} min of work"


def dose(dosage: Dosage, per_side: bool = False) -> str:
    """A dose as a runner reads it: '3 × 12 each side, rest 45 s'."""
    side = " each side" if per_side else ""
    rest = f", rest {dosage.rest_seconds} s" if dosage.rest_seconds else ", no rest"
    return f"{dosage.sets} × {amount(dosage)}{side}{rest}"


def effort(value: Effort | None) -> str:
    """How hard a set should feel, as a runner reads it: '2 reps in reserve' or 'RPE 7'."""
    if value is None:
        return ""
    if value.rir is not None:
        return f"{value.rir} rep{'s' * (value.rir != 1)} in reserve"
    return f"RPE {value.rpe:g}"


_ALWAYS_ESCAPED = re.compile(r"([\\`\[\]{}|])")
_LIST_NUMBER = re.compile(r"\d+(?=[.)])")
_BLOCK_MARKERS = ("#", "- ", "+ ", "* ")


def markdown_text(value: object) -> object:
    """Every value a template prints, made safe to drop into Markdown.

    Content text may use *emphasis* and nothing else: line breaks are collapsed so a field
    stays inside its list item or table cell, and the characters that would start a link,
    code span, table cell, attribute list or block (heading, list, quote) are
    backslash-escaped. HTML characters are escaped afterwards by autoescaping. Values a
    template marks safe (macros, tojson) pass through untouched.
    """
    if not isinstance(value, str) or isinstance(value, markupsafe.Markup):
        return value
    text = _ALWAYS_ESCAPED.sub(r"\\\1", " ".join(value.split()))
    if text.startswith(_BLOCK_MARKERS) or (text and set(text) == {"-"}):
        return "\\" + text
    number = _LIST_NUMBER.match(text)
    if number:
        return f"{text[: number.end()]}\\{text[number.end() :]}"
    return text


def front_matter(value: str) -> markupsafe.Markup:
    """A front-matter string for titles and descriptions.

    MkDocs and the theme print these into the page, its title and its meta tags without
    escaping, so the HTML characters are escaped here; apostrophes stay readable because
    the theme always quotes attributes with double quotes.
    """
    escaped = " ".join(value.split()).replace("&", "&amp;").replace("<", "&lt;")
    escaped = escaped.replace(">", "&gt;").replace('"', "&quot;")
    return markupsafe.Markup(json.dumps(escaped, ensure_ascii=False))


@functools.lru_cache(maxsize=1 << 16)
def _printed_text(value: str) -> markupsafe.Markup:
    """A text as a page prints it: Markdown-safe, then HTML-escaped. Names, labels and
    doses recur on hundreds of pages, so each is worked out once."""
    return markupsafe.escape(markdown_text(value))


def printed(value: object) -> object:
    """The Markdown environment's finalize: texts made safe once (see `_printed_text`);
    anything else, marked safe by a template or not a text, is left to autoescaping."""
    if type(value) is str:
        return _printed_text(value)
    return markdown_text(value)


def _environment() -> jinja2.Environment:
    markdown = environment(autoescape=True, finalize=printed)
    markdown.filters["front_matter"] = front_matter
    markdown.filters["label"] = lambda value: LABELS.get(value, value)
    markdown.globals["dose"] = dose
    markdown.globals["effort"] = effort
    # The player times the side switches the routine's duration counts (and, per item,
    # its changeovers).
    markdown.globals["player_timing"] = {"side_switch": SIDE_SWITCH_SECONDS}
    markdown.globals["amount"] = amount
    return markdown


MARKDOWN = _environment()
"""For Markdown pages: every printed value is made safe for Markdown, then escaped."""
HTML = environment(autoescape=True, keep_trailing_newline=False)
"""For the HTML fragments embedded in pages (the body map): escaped, never Markdown-escaped."""


def render_markdown(template: str, **context: Any) -> str:
    """One Markdown page or part of one, from its template."""
    return MARKDOWN.get_template(template).render(**context)
