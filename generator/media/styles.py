"""Whether CSS inside a drawing reaches outside it, judged on the tokens a browser reads.

The text is tokenized by tinycss2, which follows the CSS Syntax specification browsers
implement, so escapes (`\\75rl(`), comments between tokens and odd spacing are read the way
a browser reads them rather than searched for as text.
"""

from __future__ import annotations

from typing import Any

import tinycss2

FETCHING_FUNCTIONS = frozenset(
    [
        "url",
        "src",
        "image",
        "image-set",
        "-webkit-image-set",
        "cross-fade",
        "-webkit-cross-fade",
        "element",
        "-moz-element",
    ]
)
"""CSS functions that name another resource; only `url(#name)` inside the drawing is kept."""
FETCHING_RULES = frozenset(["import", "font-face"])
"""At-rules that load a stylesheet or a font."""
SHOWN = 60
"""How much of a refused address the message quotes."""


def _address(function: Any) -> str:
    """What a function names: its one quoted address, or its arguments as written."""
    arguments = [token for token in function.arguments if token.type != "whitespace"]
    if len(arguments) == 1 and arguments[0].type == "string":
        return str(arguments[0].value)
    return str(tinycss2.serialize(function.arguments)).strip()


def _fault(token: Any) -> str | None:
    """What ``token`` fetches from outside the drawing, if anything."""
    if token.type == "url" and not str(token.value).startswith("#"):
        return f"an outside reference 'url({str(token.value)[:SHOWN]})'"
    if token.type == "function" and token.lower_name in FETCHING_FUNCTIONS:
        address = _address(token)
        if token.lower_name == "url" and address.startswith("#"):
            return None  # url("#name"): an element of the same drawing
        return f"an outside reference '{token.lower_name}({address[:SHOWN]})'"
    if token.type == "at-keyword" and token.lower_value in FETCHING_RULES:
        return f"an '@{token.lower_value}' rule"
    if token.type == "error" and token.kind == "bad-url":
        return "a malformed 'url(…)'"
    return None


def outside_reference(css: str) -> str | None:
    """The first thing in ``css`` (a stylesheet, a declaration list or a property value)
    that would fetch another resource, in a contributor's words; None when there is none."""
    pending = list(reversed(tinycss2.parse_component_value_list(css, skip_comments=True)))
    while pending:
        token = pending.pop()
        found = _fault(token)
        if found is not None:
            return found
        if token.type == "function":
            pending.extend(reversed(token.arguments))
        elif token.type in ("() block", "[] block", "{} block"):
            pending.extend(reversed(token.content))
    return None


def may_hold_css_reference(value: str) -> bool:
    """Whether an attribute value could hold a function or an at-rule at all; a function
    needs a literal '(' and a rule a literal '@', so long path data is not tokenized."""
    return "(" in value or "@" in value
