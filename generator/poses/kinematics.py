"""Forward kinematics in three dimensions, and the orthographic views the figure is seen in.

World coordinates are centimetres: x forward (where the upright figure faces), y up, z to
the figure's right (towards a viewer of the side view), with the hip joint of the upright
figure at the origin. Each joint turns its segment by flexion (about the sideways axis),
then abduction (about the forward axis), then rotation about the segment's own length.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, update_wrapper
from typing import NamedTuple, TypeVar

from generator.model.poses import Pose, Segment, Turns

SIDES = ("near", "far")
SHIFT = "x"
"""The pose key that moves the whole figure across the picture, in cm, instead of turning
a joint."""

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]
"""A rotation, as its three rows."""
IDENTITY: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))

CAMERAS = {"side": (0.0, 0.0), "front": (90.0, 0.0), "above": (0.0, 90.0)}
"""Each view's camera: how far it turns from the side towards the front, and how far it
looks down, in degrees. Any other view is a three-quarter view (THREE_QUARTER)."""
THREE_QUARTER = (40.0, 25.0)


def _rotation(axis: int, degrees: float) -> Mat:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    if axis == 0:
        return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))
    if axis == 1:
        return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def multiply(a: Mat, b: Mat) -> Mat:
    (b00, b01, b02), (b10, b11, b12), (b20, b21, b22) = b
    (a00, a01, a02), (a10, a11, a12), (a20, a21, a22) = a
    return (
        (
            a00 * b00 + a01 * b10 + a02 * b20,
            a00 * b01 + a01 * b11 + a02 * b21,
            a00 * b02 + a01 * b12 + a02 * b22,
        ),
        (
            a10 * b00 + a11 * b10 + a12 * b20,
            a10 * b01 + a11 * b11 + a12 * b21,
            a10 * b02 + a11 * b12 + a12 * b22,
        ),
        (
            a20 * b00 + a21 * b10 + a22 * b20,
            a20 * b01 + a21 * b11 + a22 * b21,
            a20 * b02 + a21 * b12 + a22 * b22,
        ),
    )


def turn(m: Mat, v: Vec) -> Vec:
    (a, b, c), (d, e, f), (g, h, i) = m
    x, y, z = v
    return (a * x + b * y + c * z, d * x + e * y + f * z, g * x + h * y + i * z)


@dataclass(frozen=True)
class Camera:
    """An orthographic view: the world directions of the picture's right and up, and the
    direction towards the viewer (depth: larger is nearer)."""

    right: Vec
    up: Vec
    towards: Vec

    def project(self, point: Vec) -> tuple[float, float]:
        """A world point in the picture (SVG orientation: y down)."""
        x, y, z = point
        r, u = self.right, self.up
        return (x * r[0] + y * r[1] + z * r[2], -(x * u[0] + y * u[1] + z * u[2]))

    def depth(self, point: Vec) -> float:
        t = self.towards
        return point[0] * t[0] + point[1] * t[1] + point[2] * t[2]


@lru_cache(maxsize=8)
def camera(view: str) -> Camera:
    """The orthographic camera a view is seen from."""
    azimuth, elevation = CAMERAS.get(view, THREE_QUARTER)
    a, e = math.radians(azimuth), math.radians(elevation)
    level = (math.sin(a), 0.0, math.cos(a))
    right = (math.cos(a), 0.0, -math.sin(a))
    towards = (level[0] * math.cos(e), math.sin(e), level[2] * math.cos(e))
    up = (-level[0] * math.sin(e), math.cos(e), -level[2] * math.sin(e))
    return Camera(right, up, towards)


@dataclass(frozen=True)
class Limb:
    """One drawn segment on one side: where its joint sits on its parent and how it turns."""

    key: str
    """'torso', 'head', or a sided name such as 'near-shin'."""
    segment: str
    side: str
    parent: str | None
    attach: Vec
    """The joint in the parent's rest frame."""
    rotation: Mat
    """Its turn relative to the parent."""


class Frame(NamedTuple):
    """A limb placed in the world: its joint position and its orientation."""

    origin: Vec
    basis: Mat

    def apply(self, point: Vec) -> Vec:
        """A point of the limb's rest frame, placed in the world."""
        (a, b, c), (d, e, f), (g, h, i) = self.basis
        x, y, z = point
        o = self.origin
        return (
            o[0] + a * x + b * y + c * z,
            o[1] + d * x + e * y + f * z,
            o[2] + g * x + h * y + i * z,
        )


def side_sign(side: str) -> int:
    """Abduction and rotation turn the near (right) side one way and the far side the other,
    so a positive angle is outward on both."""
    return -1 if side == "near" else 1


def plain_axis(view: str, segment: Segment) -> str:
    """What a plain angle means: abduction in the front and above views where the joint
    has it, flexion otherwise."""
    return "abd" if view in ("front", "above") and "abd" in segment.ranges else "flex"


def _pick(value: float | list[float], side: str) -> float:
    if isinstance(value, list):
        return value[0] if side != "far" else value[1]
    return value


def joint_angles(
    pose: Pose, segment: Segment, side: str, view: str
) -> tuple[float | None, float | None, float | None]:
    """The flexion, abduction and rotation ``pose`` gives ``segment``'s joint on ``side``
    (None where it gives none)."""
    value = pose.get(segment.joint)
    if value is None:
        return (None, None, None)
    if isinstance(value, Turns):
        flex, abd, rot = value.flex, value.abd, value.rot
        return (
            None if flex is None else _pick(flex, side),
            None if abd is None else _pick(abd, side),
            None if rot is None else _pick(rot, side),
        )
    angle = _pick(value, side)
    return (None, angle, None) if plain_axis(view, segment) == "abd" else (angle, None, None)


@lru_cache(maxsize=4096)
def _joint_rotation(
    turn: int, sign: int, flex: float | None, abd: float | None, rot: float | None
) -> Mat:
    """A joint's turn relative to its parent, from its angles and its segment's turn and
    side sign; poses share most angles, so each is worked out once."""
    rotation = IDENTITY
    if flex:
        rotation = _rotation(2, -turn * flex)
    if abd:
        rotation = multiply(rotation, _rotation(0, -turn * sign * abd))
    if rot:
        rotation = multiply(rotation, _rotation(1, sign * rot))
    return rotation


Joint = tuple[str, str, str, int, "str | None", Vec, Segment]
"""One limb as the skeleton alone fixes it: name, segment id, side and its sign (side_sign),
parent, attach, segment."""
T = TypeVar("T")


def per_skeleton(make: Callable[[dict[str, Segment]], T]) -> Callable[[dict[str, Segment]], T]:
    """``make`` worked out once for the skeleton it was last asked about. The skeleton is
    kept with its value, so a later skeleton is never mistaken for it."""
    kept: list[tuple[dict[str, Segment], T]] = []

    def of(skeleton: dict[str, Segment]) -> T:
        if kept and kept[0][0] is skeleton:
            return kept[0][1]
        value = make(skeleton)
        kept[:] = [(skeleton, value)]
        return value

    return update_wrapper(of, make)


@per_skeleton
def joints(skeleton: dict[str, Segment]) -> list[Joint]:
    """Every limb the skeleton draws, parents before children (the order of every pose's
    frames)."""
    found: list[Joint] = []
    for key, segment in skeleton.items():
        for side in SIDES if segment.sided else ("",):
            name = f"{side}-{key}" if side else key
            parent = None
            if segment.parent is not None:
                parent_sided = skeleton[segment.parent].sided
                parent = f"{side}-{segment.parent}" if parent_sided else segment.parent
            x, y = segment.attach
            z = segment.front_attach * (-side_sign(side) if side else 0)
            found.append((name, key, side, side_sign(side), parent, (x, -y, z), segment))
    return found


def limbs(skeleton: dict[str, Segment], view: str, pose: Pose) -> list[Limb]:
    """Every drawn segment of ``pose``, parents before children."""
    return [
        Limb(name, key, side, parent, attach, _turn_of(pose, segment, side, sign, view))
        for name, key, side, sign, parent, attach, segment in joints(skeleton)
    ]


def _turn_of(pose: Pose, segment: Segment, side: str, sign: int, view: str) -> Mat:
    """The turn ``pose`` gives ``segment``'s joint on ``side``, relative to its parent."""
    if segment.joint not in pose:
        return IDENTITY
    return _joint_rotation(segment.turn, sign, *joint_angles(pose, segment, side, view))


@per_skeleton
def parents(skeleton: dict[str, Segment]) -> dict[str, str | None]:
    """Each limb's parent limb (None for the trunk)."""
    return {name: parent for name, _, _, _, parent, _, _ in joints(skeleton)}


def frames(limb_list: list[Limb]) -> dict[str, Frame]:
    """Each limb's frame in the world, the hip joint of the root at the origin."""
    return _placed((limb.key, limb.parent, limb.attach, limb.rotation) for limb in limb_list)


def pose_frames(skeleton: dict[str, Segment], view: str, pose: Pose) -> dict[str, Frame]:
    """Each limb's frame in ``pose``: frames(limbs(skeleton, view, pose))."""
    return _placed(
        [
            (name, parent, attach, _turn_of(pose, segment, side, sign, view))
            for name, _, side, sign, parent, attach, segment in joints(skeleton)
        ]
    )


def _placed(turned: Iterable[tuple[str, str | None, Vec, Mat]]) -> dict[str, Frame]:
    """Each limb (name, parent, attach and turn, parents first) placed in the world."""
    placed: dict[str, Frame] = {}
    for key, parent_key, attach, rotation in turned:
        if parent_key is None:
            placed[key] = Frame(attach, rotation)
            continue
        parent = placed[parent_key]
        placed[key] = Frame(parent.apply(attach), multiply(parent.basis, rotation))
    return placed


def local(point: tuple[float, float]) -> Vec:
    """A point given as [x, y] in a segment's side-view drawing, in its 3-D rest frame."""
    return (point[0], -point[1], 0.0)
