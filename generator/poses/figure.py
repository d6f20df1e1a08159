"""Turn a laid-out illustration into what the movement template draws.

The figure is a tree of limbs, each a group placed at its joint and turned there; the
page's shared shapes (one per segment, seen from the side or the front) are drawn once and
reused with <use>. The 3-D pose is projected into the picture: each limb's group holds its
joint's place and turn in the picture for every pose, and the limb is stretched along its
length as it points towards or away from the viewer. Siblings are drawn far to near.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from generator.model.poses import Illustration, PropPlacement, Segment
from generator.poses.kinematics import Camera, Frame, Vec, joints, parents, per_skeleton
from generator.poses.layout import BodyPoint, Layout, PlacedProp, spheres
from generator.poses.shapes import SEEN_FROM_BACK, SEEN_FROM_FRONT, segment_shape

MARGIN = 8.0
"""Space around the figure and its props, in cm."""
STILL_WEIGHT = 0.8
"""Limbs of a small still are drawn a little thinner than the figure, so the pose reads."""
NAMES = {"start": "start", "middle": "middle", "end": "end"}
NEARER = 2.0
"""How much nearer (cm) one side's limb must be than the other's to be drawn as the near one."""
MOUNT = 14.0
"""How far (cm) the uprights a hanging bar is fixed by reach above it."""
POST = (5.0, 100.0)
"""A band's anchor post: its width, and the least height it is drawn to (cm)."""
FLOOR_REACH = 12.0
"""How far (cm) the floor drawn under a figure seen from above at an angle reaches past it."""


@dataclass(frozen=True)
class Held:
    """A held prop and where it sits in its limb's drawing."""

    prop: PlacedProp
    at: tuple[float, float]


class Node(NamedTuple):
    """One limb as the template draws it (made by ``_node``)."""

    key: str
    shape: str
    """Id of the shared shape it uses."""
    side: str
    """How it is drawn: near, far or mid (the trunk and head)."""
    places: list[tuple[float, float, float]]
    """Per pose: its joint in its parent's drawing (x, y) and its turn there, in degrees."""
    scales: list[tuple[float, float]]
    """Per pose: how its drawing is stretched across and along (a negative across mirrors)."""
    parts: list[tuple[str, str]]
    """Shared muscle-part shape id and its tint: primary or secondary."""
    held: list[Held]
    depth: float
    moves: bool
    """Whether its place or turn changes between poses."""
    stretches: bool
    """Whether its stretch changes between poses."""
    stretched: bool
    """Whether the drawing is stretched or mirrored at all."""
    behind: list[Node]
    """Children drawn before the limb itself (farther from the viewer)."""
    children: list[Node]

    @property
    def place(self) -> str:
        """Its group's transform when it does not move: to its joint, and turned there."""
        x, y, a = self.places[0]
        return f"translate({short_number(x)} {short_number(y)}) rotate({short_number(a)})"

    @property
    def turns(self) -> str:
        """The place and turn of each pose, as the animation's custom properties."""
        return "".join(
            [
                f"--x{i}:{short_number(x)}px;--y{i}:{short_number(y)}px;--a{i}:{short_number(a)}deg;"
                for i, (x, y, a) in enumerate(self.places)
            ]
        )

    @property
    def scale(self) -> str:
        a, b = self.scales[0]
        return f"scale({_ratio(a)} {_ratio(b)})"

    @property
    def stretch(self) -> str:
        return "".join(
            [f"--m{i}:{_ratio(a)};--s{i}:{_ratio(b)};" for i, (a, b) in enumerate(self.scales)]
        )


def _node(
    key: str,
    shape: str,
    side: str,
    places: list[tuple[float, float, float]],
    scales: list[tuple[float, float]],
    parts: list[tuple[str, str]],
    held: list[Held],
    depth: float,
) -> Node:
    """A limb's node, with what the template asks of it worked out once; its children are
    added by ``_tree``."""
    stretches = stretched = _varies(scales, 0.02)
    for across, along in scales:
        if abs(across - 1) > 0.02 or abs(along - 1) > 0.02:
            stretched = True
            break
    # Places are rounded to tenths, so two that differ by more than 0.05 are unequal.
    moves = places.count(places[0]) != len(places)
    return Node(
        key, shape, side, places, scales, parts, held, depth, moves, stretches, stretched, [], []
    )


def _varies(values: Sequence[tuple[float, ...]], tolerance: float) -> bool:
    """Whether any value differs from the first by more than ``tolerance`` in any part."""
    first = values[0]
    for other in values[1:]:
        for v, f in zip(other, first, strict=True):
            if abs(v - f) > tolerance:
                return True
    return False


@lru_cache(maxsize=4096)
def _ratio(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


Step = tuple[Literal["open", "draw", "close"], Node]
"""One instruction of the figure's drawing, in order: open a limb's group, draw the limb
itself, or close its group. Nested groups make each limb turn with its parent."""


def drawing(root: Node) -> list[Step]:
    """The limb tree as a flat list, so the template draws it in one loop: each limb's
    group holds what is drawn behind it, the limb, then what is drawn in front."""
    steps: list[Step] = []

    def add(node: Node) -> None:
        steps.append(("open", node))
        for child in node.behind:
            add(child)
        steps.append(("draw", node))
        for child in node.children:
            add(child)
        steps.append(("close", node))

    add(root)
    return steps


@lru_cache(maxsize=4096)
def short_number(value: float) -> str:
    """A coordinate with at most one decimal and no trailing zeros: '12', '-3.5'."""
    text = f"{value:.1f}"
    if text[-1] != "0":
        return text
    text = text[:-2]  # one decimal, a zero: drop it and the point
    return "0" if text == "-0" else text


class Stroke(NamedTuple):
    """One limb of a small still, drawn as a thick round-capped line."""

    start: tuple[float, float]
    end: tuple[float, float]
    width: float
    side: str

    @property
    def path(self) -> str:
        """The line as path data."""
        n = short_number
        return f"M {n(self.start[0])} {n(self.start[1])} L {n(self.end[0])} {n(self.end[1])}"


@dataclass(frozen=True)
class Bar:
    """A fixed bar with what holds it: uprights above it when the figure hangs from it, else
    a stand down to the floor (a rack or a sturdy table)."""

    path: str
    end_on: tuple[float, float] | None
    """Where the bar is when it points at the viewer, drawn as its round end."""


@dataclass(frozen=True)
class Post:
    """The post a band is tied to at a fixed anchor: from the floor up past the knot."""

    x: float
    top: float
    width: float
    knot: tuple[float, float]


@dataclass(frozen=True)
class Movement:
    """Everything the template needs for one exercise's figure."""

    id: str
    title: str
    caption: str
    """The exercise's own caption: its set-up and movement in one sentence."""
    view: str
    """Where it is seen from: side, front, above or three-quarter."""
    view_box: tuple[float, float, float, float]
    ground: tuple[float, float] | None
    """The floor as a line across the picture (views from the side or the front)."""
    floor: str | None
    """The floor as a patch under the figure (path data), in a view that looks down on it."""
    root: Node
    poses: list[str]
    props: list[PlacedProp]
    bands: list[tuple[str, list[str]]]
    """Band id and its path data in each pose."""
    bars: list[Bar]
    posts: list[Post]
    strokes: list[Stroke]
    """The last pose as thick lines, for small stills in lists."""
    used: set[str]
    """The shared shapes the figure draws with."""

    @property
    def view_box_value(self) -> str:
        """The view box as its attribute's value: '-8 -120 96 132'."""
        return " ".join([short_number(value) for value in self.view_box])

    @property
    def steps(self) -> list[Step]:
        return drawing(self.root)


@dataclass(frozen=True)
class SharedShape:
    """A path every figure on a page may reuse."""

    id: str
    path: str


@lru_cache(maxsize=1024)
def shape_id(segment: str, view: str, part: str = "") -> str:
    """The id of a segment's shared shape (or of one of its muscle parts) in a view."""
    flavour = "s" if view == "side" else "f"
    return f"mv-{segment}-{flavour}" + (f"-{part}" if part else "")


def shared_shapes(skeleton: dict[str, Segment]) -> list[SharedShape]:
    """Each segment's outline and muscle parts, in the side and the front view."""
    found = []
    for key, segment in skeleton.items():
        for view in ("side", "front"):
            shape = segment_shape(segment, view)
            found.append(SharedShape(shape_id(key, view), shape.outline))
            for part, path in shape.parts.items():
                found.append(SharedShape(shape_id(key, view, part), path))
    return found


def _tints(
    segment: Segment,
    flavour: str,
    facing: bool,
    side: str,
    primary: list[str],
    secondary: list[str],
    one_sided: bool,
) -> list[tuple[str, str]]:
    """The muscle parts tinted on one limb; seen from the front or back (``facing``: its
    front is towards the viewer), only the parts on the face that shows."""
    if one_sided and side == "far":
        return []
    seen = SEEN_FROM_FRONT if facing else SEEN_FROM_BACK
    tints: dict[str, str] = {}
    for muscle, part in segment.muscles.items():
        if flavour != "side" and part not in seen:
            continue
        if muscle in primary:
            tints[part] = "primary"
        elif muscle in secondary:
            tints.setdefault(part, "secondary")
    return sorted(tints.items())


class _Seen(NamedTuple):
    """One limb in one pose, as the camera sees it."""

    joint: tuple[float, float]
    angle: float
    scale: tuple[float, float]
    """Across and along, to hundredths."""
    depth: float


LONG_AXIS = {"up": (0.0, 1.0, 0.0), "down": (0.0, -1.0, 0.0), "forward": (1.0, 0.0, 0.0)}
"""Each rest direction as a vector of the segment's 3-D rest frame."""


def _flavour(view: Camera, frames: list[Frame]) -> tuple[str, bool]:
    """Whether a limb is drawn with its side or its front shape (whichever faces the viewer
    more, over its poses), and whether its front faces the viewer."""
    t0, t1, t2 = view.towards
    side: float = 0
    front: float = 0
    for f in frames:
        # The depth of the limb's sideways and forward directions (its basis's third and
        # first columns): view.depth(turn(f.basis, (0.0, 0.0, 1.0))) and (1.0, 0.0, 0.0).
        (a, _, c), (d, _, g), (h, _, j) = f.basis
        side += abs(c * t0 + g * t1 + j * t2)
        front += a * t0 + d * t1 + h * t2
    return ("side" if side >= abs(front) else "front", front >= 0)


def _seen(view: Camera, segment: Segment, frames: list[Frame], flavour: str) -> list[_Seen]:
    """Where a limb's joint falls in the picture in each pose, how its drawing turns there
    and how it is stretched: along its length by how much it points across the picture,
    and mirrored when it is seen from its other side."""
    r0, r1, r2 = view.right
    u0, u1, u2 = view.up
    t0, t1, t2 = view.towards
    ax, ay, az = (1.0, 0.0, 0.0) if flavour == "side" else (0.0, 0.0, -1.0)
    dx, dy, dz = 0.0, -1.0, 0.0
    lx, ly, lz = LONG_AXIS[segment.direction]
    forward = segment.direction == "forward"
    half = segment.length / 2
    found = []
    for frame in frames:
        # Each direction is turned by the limb's basis, then projected, as
        # Camera.project(turn()) would, written out: this runs for every limb in every pose.
        (a, b, c), (d, e, f), (g, h, i) = frame.basis
        p, q, w = a * ax + b * ay + c * az, d * ax + e * ay + f * az, g * ax + h * ay + i * az
        across_x, across_y = p * r0 + q * r1 + w * r2, -(p * u0 + q * u1 + w * u2)
        p, q, w = a * dx + b * dy + c * dz, d * dx + e * dy + f * dz, g * dx + h * dy + i * dz
        down_x, down_y = p * r0 + q * r1 + w * r2, -(p * u0 + q * u1 + w * u2)
        mirror = -1.0 if across_x * down_y - across_y * down_x < -0.05 else 1.0
        if forward:
            length = math.hypot(across_x, across_y)
            angle = math.degrees(math.atan2(across_y, across_x)) if length > 0.05 else 0.0
            scale = (round(length, 2), mirror)
        else:
            length = math.hypot(down_x, down_y)
            if length > 0.05:
                angle = math.degrees(math.atan2(-down_x, down_y))
            else:
                angle = math.degrees(math.atan2(across_y, across_x))
            scale = (mirror, round(length, 2))
        p, q, w = a * lx + b * ly + c * lz, d * lx + e * ly + f * lz, g * lx + h * ly + i * lz
        o0, o1, o2 = frame.origin
        m0, m1, m2 = o0 + p * half, o1 + q * half, o2 + w * half
        joint = (o0 * r0 + o1 * r1 + o2 * r2, -(o0 * u0 + o1 * u1 + o2 * u2))
        found.append(_Seen(joint, angle, scale, m0 * t0 + m1 * t1 + m2 * t2))
    return found


def _places(seen: list[_Seen], parent: list[_Seen] | None) -> list[tuple[float, float, float]]:
    """Per pose: a limb's joint in its parent's drawing (x, y) and its turn there, the turns
    going the short way from each pose to the next, all rounded to tenths."""
    found = []
    turned = 0.0
    for i, (joint, angle, _, _) in enumerate(seen):
        x, y = joint
        if parent is not None:
            (px, py), parent_angle, _, _ = parent[i]
            a = math.radians(parent_angle)
            cos, sin = math.cos(a), math.sin(a)
            dx, dy = x - px, y - py
            x, y, angle = dx * cos + dy * sin, -dx * sin + dy * cos, angle - parent_angle
        if i == 0:
            turned = (angle + 180) % 360 - 180
        else:
            turned = turned + (angle - turned + 180) % 360 - 180
        found.append((round(x, 1), round(y, 1), round(turned, 1)))
    return found


def _held_at(flavour: str, point: BodyPoint) -> tuple[float, float]:
    x, y, z = point.local
    return (x, -y) if flavour == "side" else (-z, -y)


def movement(
    key: str,
    name: str,
    caption: str,
    illustration: Illustration,
    skeleton: dict[str, Segment],
    laid: Layout,
    muscles: tuple[list[str], list[str]],
    one_sided: bool,
) -> Movement:
    """The drawable figure of one exercise, from its layout (generator/poses/layout.py)."""
    view = laid.camera
    frames = [pose.frames for pose in laid.poses]
    skeleton_limbs = joints(skeleton)
    seen: dict[str, list[_Seen]] = {}
    flavours: dict[str, tuple[str, bool]] = {}
    for limb, _, _, _, _, _, segment in skeleton_limbs:
        placed = [pose[limb] for pose in frames]
        flavours[limb] = _flavour(view, placed)
        seen[limb] = _seen(view, segment, placed, flavours[limb][0])
    depth = {limb: sum([s.depth for s in found]) / len(found) for limb, found in seen.items()}
    drawn = {limb: _drawn_side(limb, side, depth) for limb, _, side, *_ in skeleton_limbs}
    holders = [p for p in laid.props if p.holder is not None]
    nodes: dict[str, Node] = {}
    tinted: dict[tuple[str, str, bool, bool], list[tuple[str, str]]] = {}
    for limb, segment_key, side, _, parent, _, segment in skeleton_limbs:
        flavour, facing = flavours[limb]
        # Both sides of a limb seen alike are tinted alike (unless the far one is not worked).
        alike = (segment_key, flavour, facing, one_sided and side == "far")
        if alike not in tinted:
            tinted[alike] = [
                (shape_id(segment_key, flavour, part), tint)
                for part, tint in _tints(segment, flavour, facing, side, *muscles, one_sided)
            ]
        nodes[limb] = _node(
            limb,
            shape_id(segment_key, flavour),
            drawn[limb],
            _places(seen[limb], seen[parent] if parent is not None else None),
            [s.scale for s in seen[limb]],
            tinted[alike],
            [
                Held(p, _held_at(flavour, p.holder))
                for p in holders
                if p.holder is not None and p.holder.limb == limb
            ]
            if holders
            else [],
            depth[limb],
        )
    far_to_near = sorted(depth, key=depth.__getitem__)
    root = _tree(nodes, parents(skeleton), far_to_near)
    hanging = illustration.placement == "hanging"
    bars = [_bar(p.box, hanging) for p in laid.props if p.kind == "bar" and p.holder is None]
    posts = [
        _post(p.to)
        for p in illustration.props
        if isinstance(p, PropPlacement) and isinstance(p.to, list)
    ]
    floor = _floor(laid, skeleton) if illustration.view == "three-quarter" else None
    bounds = _bounds(laid, posts, floor)
    return Movement(
        id=key,
        title=f"How to do the {name.lower()}",
        caption=caption,
        view=illustration.view,
        view_box=_view_box(bounds),
        ground=_ground(bounds, illustration.view),
        floor=None if floor is None else _path(floor),
        root=root,
        poses=[NAMES[p.name] for p in laid.poses],
        props=[p for p in laid.props if p.holder is None and p.kind != "bar"],
        bars=bars,
        posts=posts,
        bands=[
            (band, [f"M {a[0]:.1f} {a[1]:.1f} L {b[0]:.1f} {b[1]:.1f}" for a, b in ends])
            for band, ends in laid.bands
        ],
        strokes=_strokes(view, frames[-1], skeleton, far_to_near, drawn),
        used={node.shape for node in nodes.values()}
        | {part for node in nodes.values() for part, _ in node.parts},
    )


def _drawn_side(limb: str, side: str, depth: dict[str, float]) -> str:
    """'near' for the side nearer the viewer (the figure's right when both are as near)."""
    if not side:
        return "mid"
    other = limb.replace(side, "far" if side == "near" else "near", 1)
    if abs(depth[limb] - depth[other]) < NEARER:
        return side
    return "near" if depth[limb] > depth[other] else "far"


def _strokes(
    view: Camera,
    placed: dict[str, Frame],
    skeleton: dict[str, Segment],
    far_to_near: list[str],
    drawn: dict[str, str],
) -> list[Stroke]:
    """Far limbs first, near limbs last, so the nearer is on top."""
    ends = _stroke_ends(skeleton)
    strokes = []
    for key in far_to_near:
        frame = placed[key]
        start_at, end_at, width = ends[key]
        end = view.project(frame.apply(end_at))
        if start_at is end_at:
            start = end
        else:
            start = view.project(frame.origin if start_at is None else frame.apply(start_at))
        strokes.append(
            Stroke(
                (round(start[0], 1), round(start[1], 1)),
                (round(end[0], 1), round(end[1], 1)),
                width,
                drawn[key],
            )
        )
    return strokes


@per_skeleton
def _stroke_ends(skeleton: dict[str, Segment]) -> dict[str, tuple[Vec | None, Vec, float]]:
    """Each limb's stroke in a small still: where it starts and ends in the limb's rest
    frame (None: at its joint) and its width."""
    found: dict[str, tuple[Vec | None, Vec, float]] = {}
    for limb, _, _, _, _, _, segment in joints(skeleton):
        widths = (segment.width[0], segment.width[1])
        start: Vec | None
        if len(segment.contacts) == 1:  # a round shape such as the head: its circle
            x, y, radius = segment.contacts[0]
            start = end = (x, -y, 0.0)
            widths = (radius * 2, radius * 2)
        elif segment.direction == "forward":
            start, end = (-4.0, -5.0, 0.0), (segment.length - 2, -5.0, 0.0)
        else:
            a, b, c = LONG_AXIS[segment.direction]
            start, end = None, (a * segment.length, b * segment.length, c * segment.length)
        found[limb] = (start, end, round(sum(widths) / 2 * STILL_WEIGHT, 1))
    return found


def _tree(nodes: dict[str, Node], parents: dict[str, str | None], far_to_near: list[str]) -> Node:
    """Each limb under its parent: behind it when farther from the viewer, else in front,
    and siblings far to near."""
    root: Node | None = None
    for key in far_to_near:
        node = nodes[key]
        parent_key = parents[key]
        if parent_key is None:
            root = node
            continue
        parent = nodes[parent_key]
        (parent.behind if node.depth < parent.depth + 1 else parent.children).append(node)
    assert root is not None
    return root


def _path(corners: list[tuple[float, float]]) -> str:
    """A closed outline through the corners, as path data."""
    n = short_number
    return "M " + " L ".join(f"{n(x)} {n(y)}" for x, y in corners) + " Z"


def _bar(box: tuple[float, float, float, float], hanging: bool) -> Bar:
    x, y, w, h = (round(v, 1) for v in box)
    n = short_number
    if abs(w) + abs(h) < 1:
        mount = f"V {n(y - MOUNT)}" if hanging else "V 0"
        return Bar(f"M {n(x)} {n(y)} {mount}", (x, y))
    if hanging:
        path = f"M {n(x)} {n(y - MOUNT)} V {n(y)} L {n(x + w)} {n(y + h)} V {n(y + h - MOUNT)}"
    else:
        path = f"M {n(x)} 0 V {n(y)} L {n(x + w)} {n(y + h)} V 0"
    return Bar(path, None)


def _post(anchor: list[float]) -> Post:
    """The post under a band's fixed anchor ([x, height] in cm)."""
    x, height = anchor
    width, least = POST
    return Post(x - width / 2, -max(height + 12, least), width, (x, -height))


def _floor(laid: Layout, skeleton: dict[str, Segment]) -> list[tuple[float, float]]:
    """The corners of the floor under what is low on the figure in every pose (the feet of
    a standing figure, all of a lying one), reaching a little past it, as seen."""
    points = [
        centre
        for pose in laid.poses
        for _, centre, _ in spheres(skeleton, pose.frames)
        if centre[1] < FLOOR_REACH
    ]
    xs = [p[0] for p in points] or [0.0]
    zs = [p[2] for p in points] or [0.0]
    x0, x1 = min(xs) - FLOOR_REACH, max(xs) + FLOOR_REACH
    z0, z1 = min(zs) - FLOOR_REACH, max(zs) + FLOOR_REACH
    corners = [(x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1)]
    return [(round(x, 1), round(y, 1)) for x, y in (laid.camera.project(c) for c in corners)]


def _bounds(
    laid: Layout, posts: list[Post], floor: list[tuple[float, float]] | None = None
) -> list[float]:
    left, top, right, bottom = laid.extent
    xs = [left, right, *(x for x, _ in floor or [])]
    ys = [top, bottom, *(y for _, y in floor or [])]
    for prop in laid.props:
        if prop.holder is None:
            x, y, w, h = prop.box
            if prop.kind == "bar":
                xs += [x - 3, x + w + 3, x - 3, x + 3]
                ys += [y - MOUNT - 3, y + h + 3]
            else:
                xs += [x, x + w]
                ys += [y, y + h]
    for post in posts:
        xs += [post.x, post.x + post.width]
        ys += [post.top]
    return [min(xs), min(ys), max(xs), max(ys)]


def _view_box(bounds: list[float]) -> tuple[float, float, float, float]:
    left, top, right, bottom = bounds
    bottom = max(bottom, 0.0)
    return (
        round(left - MARGIN, 1),
        round(top - MARGIN, 1),
        round(right - left + 2 * MARGIN, 1),
        round(bottom - top + MARGIN + 4, 1),
    )


def _ground(bounds: list[float], view: str) -> tuple[float, float] | None:
    if view not in ("side", "front"):
        return None
    left, _, right, _ = bounds
    return (round(left - MARGIN, 1), round(right + MARGIN, 1))
