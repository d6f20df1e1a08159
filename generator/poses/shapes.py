"""The outline of every segment in its rest frame and the tinted muscle parts, as seen from
the side and from the front.

A limb is a tapered capsule along its rest direction with a slight muscular bulge; a
segment with a drawn ``outline`` in the skeleton uses that instead. Seen from the front, a
muscle is drawn only where it lies on the face turned to the viewer: the abdominals on the
belly, the gluteus medius on the outer hips, the hamstrings only from behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.poses import Segment

PARTS = {
    "front": (0.15, 0.85, 0.2, 0.8),
    "back": (0.15, 0.85, -0.8, -0.2),
    "whole": (0.12, 0.88, -0.7, 0.7),
    "low-back": (0.0, 0.35, -0.9, -0.1),
    "low": (0.02, 0.3, -0.75, 0.75),
    "high-front": (0.6, 0.9, 0.1, 0.85),
    "high-back": (0.5, 0.9, -0.85, -0.1),
    "outer-hip": (0.02, 0.3, -0.6, 0.5),
}
"""Where a muscle part sits in the side view: from and to along the segment, and across it
(-1 back, 1 front)."""
FRONT_PARTS: dict[str, list[tuple[float, float, float, float]]] = {
    "front": [(0.15, 0.85, -0.5, 0.5)],
    "back": [(0.15, 0.85, -0.5, 0.5)],
    "whole": [(0.12, 0.88, -0.6, 0.6)],
    "low-back": [(0.0, 0.3, -0.75, -0.1), (0.0, 0.3, 0.1, 0.75)],
    "low": [(0.0, 0.22, -0.4, 0.4)],
    "outer-hip": [(0.0, 0.3, -0.85, -0.55), (0.0, 0.3, 0.55, 0.85)],
    "high-front": [(0.62, 0.88, -0.75, -0.1), (0.62, 0.88, 0.1, 0.75)],
    "high-back": [(0.5, 0.9, -0.85, -0.1), (0.5, 0.9, 0.1, 0.85)],
}
"""The same parts seen from the front or the back (across: -1 and 1 are the two sides)."""
SEEN_FROM_FRONT = frozenset({"front", "whole", "low", "outer-hip", "high-front"})
SEEN_FROM_BACK = frozenset({"back", "whole", "low-back", "outer-hip", "high-back"})
"""Which parts show on a segment seen from the front, and which from behind."""


@dataclass(frozen=True)
class Shape:
    """One segment's drawing in one view: outline and muscle parts."""

    outline: str
    parts: dict[str, str]


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _axis(segment: Segment) -> int:
    """+1 when the segment hangs down its y axis in the rest pose, -1 when it points up."""
    return -1 if segment.direction == "up" else 1


def _capsule(length: float, widths: tuple[float, float], axis: int) -> str:
    top, bottom = widths[0] / 2, widths[1] / 2
    middle = (top + bottom) / 2 * 1.12
    sweep = 1 if axis == 1 else 0
    end = length * axis
    n = _number
    return (
        f"M {n(-top)} 0 A {n(top)} {n(top)} 0 0 {sweep} {n(top)} 0 "
        f"Q {n(middle)} {n(end / 2)} {n(bottom)} {n(end)} "
        f"A {n(bottom)} {n(bottom)} 0 0 {sweep} {n(-bottom)} {n(end)} "
        f"Q {n(-middle)} {n(end / 2)} {n(-top)} 0 Z"
    )


def _part(
    length: float, widths: tuple[float, float], axis: int, box: tuple[float, float, float, float]
) -> str:
    """A lens-shaped muscle belly inside the capsule, away from the outline."""
    start, stop, back, front = box
    top, bottom = widths[0] / 2, widths[1] / 2

    def at(along: float, across: float) -> str:
        half = top + (bottom - top) * along
        return f"{_number(across * half)} {_number(along * length * axis)}"

    mid, centre = (start + stop) / 2, (back + front) / 2
    return (
        f"M {at(start, centre)} Q {at(mid, front * 1.25)} {at(stop, centre)} "
        f"Q {at(mid, back * 1.25)} {at(start, centre)} Z"
    )


def segment_shape(segment: Segment, view: str) -> Shape:
    """How ``segment`` is drawn seen from the side or (any other view) from the front."""
    side = view == "side"
    chosen = segment.width if side or segment.front_width is None else segment.front_width
    widths = (chosen[0], chosen[1])
    axis = _axis(segment)
    outline = segment.outline if side else segment.front_outline
    parts: dict[str, str] = {}
    for where in sorted(set(segment.muscles.values())):
        if side:
            parts[where] = _part(segment.length, widths, axis, PARTS[where])
            continue
        boxes = FRONT_PARTS[where]
        parts[where] = " ".join(_part(segment.length, widths, axis, box) for box in boxes)
    if outline is not None:
        return Shape(outline, parts)
    return Shape(_capsule(segment.length, widths, axis), parts)
