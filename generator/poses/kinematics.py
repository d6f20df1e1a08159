"""Forward kinematics: joint angles in, the place and turn of every drawn segment out.

Coordinates are centimetres in SVG orientation (x to the right, y down), with the hip
joint of the unshifted figure at the origin. Rotations are SVG degrees (clockwise).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.model.poses import Pose, Segment

SIDES = ("near", "far")
SHIFT = "x"
"""The pose key that moves the whole figure sideways, in cm, instead of turning a joint."""


@dataclass(frozen=True)
class Limb:
    """One drawn segment on one side: where its joint sits and how far it turns."""

    key: str
    """'torso', 'head', or a sided name such as 'near-shin'."""
    segment: str
    side: str
    parent: str | None
    attach: tuple[float, float]
    """The joint in the parent's rest frame."""
    turn: float
    """Turn relative to the parent, in SVG degrees."""


@dataclass(frozen=True)
class Frame:
    """A limb placed in the picture: its joint position and its absolute turn."""

    origin: tuple[float, float]
    rotation: float

    def apply(self, point: tuple[float, float]) -> tuple[float, float]:
        """A point of the limb's rest frame, placed in the picture."""
        angle = math.radians(self.rotation)
        x, y = point
        return (
            self.origin[0] + x * math.cos(angle) - y * math.sin(angle),
            self.origin[1] + x * math.sin(angle) + y * math.cos(angle),
        )


def side_sign(view: str, side: str) -> int:
    """Front and above views mirror the near side (the figure's right, on the viewer's left)."""
    return -1 if view != "side" and side == "near" else 1


def joint_angle(pose: Pose, joint: str, side: str) -> float:
    """The pose's angle for ``joint`` on ``side``: one number is both sides, a pair near/far."""
    value = pose.get(joint, 0.0)
    if isinstance(value, list):
        return value[0] if side != "far" else value[1]
    return value


def limbs(skeleton: dict[str, Segment], view: str, pose: Pose) -> list[Limb]:
    """Every drawn segment of ``pose``, parents before children."""
    placed: list[Limb] = []
    for key, segment in skeleton.items():
        for side in SIDES if segment.sided else ("",):
            name = f"{side}-{key}" if side else key
            parent = None
            if segment.parent is not None:
                parent_sided = skeleton[segment.parent].sided
                parent = f"{side}-{segment.parent}" if parent_sided else segment.parent
            sign = side_sign(view, side)
            x, y = segment.attach
            if view != "side":
                x += segment.front_attach * (-1 if side == "near" else 1)
            angle = joint_angle(pose, segment.joint, side)
            placed.append(Limb(name, key, side, parent, (x, y), segment.turn * angle * sign))
    return placed


def frames(limb_list: list[Limb], shift: tuple[float, float] = (0.0, 0.0)) -> dict[str, Frame]:
    """Each limb's frame in the picture, with the hip joint moved by ``shift``."""
    placed: dict[str, Frame] = {}
    for limb in limb_list:
        if limb.parent is None:
            origin = (shift[0] + limb.attach[0], shift[1] + limb.attach[1])
            placed[limb.key] = Frame(origin, limb.turn)
            continue
        parent = placed[limb.parent]
        placed[limb.key] = Frame(parent.apply(limb.attach), parent.rotation + limb.turn)
    return placed
