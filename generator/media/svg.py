"""Whether an SVG drawing is safe to publish: parsed without DTDs, entities or network, then
held to an allow-list of drawing elements with no scripts and no outside references.

An unsafe drawing is refused rather than quietly cleaned: the contributor sees what to
remove, and the published file is exactly the one a reviewer looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from generator.media.styles import may_hold_css_reference, outside_reference

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
DRAWING_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "title",
        "desc",
        "metadata",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "symbol",
        "use",
        "marker",
        "style",
        "filter",
        "feGaussianBlur",
        "feOffset",
        "feBlend",
        "feFlood",
        "feComposite",
        "feMerge",
        "feMergeNode",
        "feColorMatrix",
    ]
)
"""Elements a drawing may use: shapes, text, paint and structure; nothing that runs, links
or embeds another document."""
XML = "http://www.w3.org/XML/1998/namespace"
SCRIPT_URL = re.compile(r"(java|vb)script\s*:", re.IGNORECASE)
HINT = "export the drawing again as plain SVG, without scripts, links or embedded files"


@dataclass(frozen=True)
class Drawing:
    """A safe drawing's intrinsic size, from its viewBox."""

    width: int
    height: int


@dataclass(frozen=True)
class Fault:
    """Why a file cannot be published, and what to do about it."""

    message: str
    hint: str


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree tag or attribute name."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _attribute_fault(element: str, name: str, value: str) -> str | None:
    namespace, local = _local(name)
    if local.lower().startswith("on"):
        return f"an event handler attribute '{local}' on <{element}>"
    if local == "href" and namespace in ("", XLINK) and not value.strip().startswith("#"):
        return f"a link to '{value[:40]}' on <{element}>"
    if namespace == XML and local == "base":
        return f"a base address 'xml:base' on <{element}>"
    # Presentation attributes (fill, filter, clip-path…) are CSS values too.
    found = outside_reference(value) if may_hold_css_reference(value) else None
    if found is not None:
        return f"{found} in '{local}' on <{element}>"
    if SCRIPT_URL.search(value):
        return f"a script address in '{local}' on <{element}>"
    return None


def _element_faults(root: Element) -> list[str]:
    faults: list[str] = []
    for element in root.iter():
        namespace, local = _local(str(element.tag))
        if namespace != SVG or local not in DRAWING_ELEMENTS:
            what = "a script" if local == "script" else f"a <{local}> element"
            faults.append(f"{what}, which a drawing may not hold")
            continue
        for name, value in element.attrib.items():
            found = _attribute_fault(local, name, value)
            if found is not None:
                faults.append(found)
        if local == "style":
            # The stylesheet a browser applies is the text of the element and its children.
            found = outside_reference("".join(element.itertext()))
            if found is not None:
                faults.append(f"{found} in a <style> element")
    return faults


def _size(root: Element) -> Drawing | None:
    box = root.attrib.get("viewBox", "").replace(",", " ").split()
    try:
        width, height = (float(box[2]), float(box[3])) if len(box) == 4 else (0.0, 0.0)
    except ValueError:
        return None
    if width <= 0 or height <= 0:
        return None
    return Drawing(max(1, round(width)), max(1, round(height)))


def examine_svg(data: bytes) -> Drawing | Fault:
    """The drawing's size, or the first reason it is unsafe or unreadable."""
    if b"<?xml-stylesheet" in data:
        return Fault("the SVG drawing loads an outside stylesheet", HINT)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return Fault("the SVG drawing declares a DOCTYPE or entities", HINT)
    except (ParseError, ValueError):
        return Fault(
            "the SVG drawing is not well-formed XML", "open and save it again in a drawing program"
        )
    if _local(str(root.tag)) != (SVG, "svg"):
        return Fault(
            "the file is not an SVG drawing", "the top element must be <svg> in the SVG namespace"
        )
    faults = _element_faults(root)
    if faults:
        more = f" (and {len(faults) - 1} more)" if len(faults) > 1 else ""
        return Fault(f"the SVG drawing holds {faults[0]}{more}", HINT)
    size = _size(root)
    if size is None:
        return Fault(
            "the SVG drawing has no usable viewBox",
            'add viewBox="0 0 WIDTH HEIGHT" to the <svg> element so pages keep its shape',
        )
    return size
