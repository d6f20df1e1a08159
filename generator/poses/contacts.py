"""Contacts: reaching a declared contact with a limb, and measuring what a reader would see.

A contact is a body point on the floor or a prop in some key poses. After the body is set
down (layout.py), a hand or foot that misses its contact is brought onto it by turning the
two joints above it (two-bone inverse kinematics, in the plane the limb already bends in).
The measures here (how far a contact is from touching, whether a part passes into a prop,
where the centre of mass falls) are what the checks report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.poses.kinematics import Frame, Mat, Vec, multiply, turn

TOLERANCE = 1.5
"""A declared contact further than this from touching (cm) is reported; about a pixel in
the figure on a phone."""
SKIN = 8.0
"""Contact spheres of a limb within this distance of a point (cm) are its skin there."""
GRIP = 4.0
"""A hand holding a bar or an anchor holding an ankle: how far the point may be from it."""
CHAINS = {"forearm": "upper-arm", "foot": "thigh", "shin": "thigh"}
"""The bone above the two that move to bring a point on a segment onto its contact: the
point's own segment (for the foot, the shin it hangs from) and this one."""


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _norm(a: Vec) -> float:
    return math.sqrt(_dot(a, a))


def _rotation_between(a: Vec, b: Vec) -> Mat:
    """The smallest rotation turning direction ``a`` onto direction ``b``."""
    la, lb = _norm(a), _norm(b)
    if la < 1e-9 or lb < 1e-9:
        return ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
    u, v = _scale(a, 1 / la), _scale(b, 1 / lb)
    axis = _cross(u, v)
    s, c = _norm(axis), _dot(u, v)
    if s < 1e-9:
        return ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
    x, y, z = _scale(axis, 1 / s)
    t = 1 - c
    return (
        (t * x * x + c, t * x * y - s * z, t * x * z + s * y),
        (t * x * y + s * z, t * y * y + c, t * y * z - s * x),
        (t * x * z - s * y, t * y * z + s * x, t * z * z + c),
    )


def _turn_about(frames: dict[str, Frame], keys: list[str], pivot: Vec, q: Mat) -> None:
    for key in keys:
        frame = frames[key]
        origin = _add(pivot, turn(q, _sub(frame.origin, pivot)))
        frames[key] = Frame(origin, multiply(q, frame.basis))


def subtree(parents: dict[str, str | None], key: str) -> list[str]:
    """A limb and every limb hanging from it."""
    found = [key]
    for child, parent in parents.items():
        if parent is not None and parent in found and child not in found:
            found.append(child)
    return found


def reach(
    frames: dict[str, Frame],
    parents: dict[str, str | None],
    limb: str,
    local: Vec,
    target: Vec,
) -> dict[str, Frame]:
    """The frames with the two joints above ``local`` on ``limb`` turned so that the point
    reaches ``target`` (as near as the limb's length allows), bending in the plane it bends
    in already."""
    segment = limb.split("-", 1)[1] if limb.startswith(("near-", "far-")) else limb
    side = limb.split("-", 1)[0] + "-" if limb != segment else ""
    if segment not in CHAINS:
        return frames
    lower_segment = "shin" if segment == "foot" else segment
    lower = f"{side}{lower_segment}"
    upper = f"{side}{CHAINS[lower_segment]}"
    placed = dict(frames)
    a, b = placed[upper].origin, placed[lower].origin
    c = placed[limb].apply(local)
    l1, l2 = _norm(_sub(b, a)), _norm(_sub(c, b))
    to_target = _sub(target, a)
    d = min(max(_norm(to_target), abs(l1 - l2) + 0.01), l1 + l2 - 0.01)
    if d < 0.02 or l1 < 0.01 or l2 < 0.01:
        return frames
    u = _scale(to_target, 1 / max(_norm(to_target), 1e-9))
    bend = _sub(b, a)
    pole = _sub(bend, _scale(u, _dot(bend, u)))
    if _norm(pole) < 1e-6:
        pole = _cross(u, (0.0, 0.0, 1.0)) if abs(u[2]) < 0.9 else _cross(u, (1.0, 0.0, 0.0))
    v = _scale(pole, 1 / _norm(pole))
    cos_a = max(-1.0, min(1.0, (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))
    sin_a = math.sqrt(1 - cos_a * cos_a)
    new_b = _add(a, _add(_scale(u, l1 * cos_a), _scale(v, l1 * sin_a)))
    _turn_about(placed, subtree(parents, upper), a, _rotation_between(_sub(b, a), _sub(new_b, a)))
    moved_c = placed[limb].apply(local)
    reached = _add(a, _scale(u, d))
    q = _rotation_between(_sub(moved_c, new_b), _sub(reached, new_b))
    _turn_about(placed, subtree(parents, lower), new_b, q)
    return placed


@dataclass(frozen=True)
class Balance:
    """How far the centre of mass falls past the base of support, across the picture, in cm
    (0: over it), and on which side."""

    outside: float
    direction: str


def centre_of_mass(frames: dict[str, Frame], parts: dict[str, tuple[float, Vec]]) -> Vec | None:
    """The mass-weighted middle of the segments: ``parts`` maps a limb to its mass and its
    middle in its rest frame."""
    total = sum(mass for mass, _ in parts.values())
    if total <= 0:
        return None
    sums = [0.0, 0.0, 0.0]
    for limb, (mass, middle) in parts.items():
        x, y, z = frames[limb].apply(middle)
        sums[0] += mass * x
        sums[1] += mass * y
        sums[2] += mass * z
    return (sums[0] / total, sums[1] / total, sums[2] / total)


def balance(centre: float, base: list[tuple[float, float]], margin: float = 2.0) -> Balance:
    """How far the centre of mass (its place across the picture) is outside the points
    resting on the ground (each its place across the picture and its radius)."""
    if not base:
        return Balance(0.0, "")
    low = min(x - r for x, r in base) - margin
    high = max(x + r for x, r in base) + margin
    if centre < low:
        return Balance(low - centre, "to the left of")
    if centre > high:
        return Balance(centre - high, "to the right of")
    return Balance(0.0, "")
