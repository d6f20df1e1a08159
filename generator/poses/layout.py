"""Grounding: where each pose stands in the picture, and where the props go.

Every pose is lowered until the figure rests on the floor or on a support prop (a step, a
bench) without passing through it; a hanging figure keeps its hands on the bar instead. The
facts found on the way (what touches, how far a figure floats) are kept for the checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.poses import Illustration, Pose, Prop, PropPlacement, Segment
from generator.poses.kinematics import SHIFT, Frame, frames, limbs
from generator.poses.shapes import Shape, figure_shapes

TOUCH = 2.5
"""A shape closer than this to a surface (cm) is resting on it."""
HANG_CLEARANCE = 8.0
"""How far above the floor the lowest point of a hanging figure is drawn, in its bar pose."""
POSE_ORDER = ("start", "middle", "end")
EDGE = 6.0
"""How far a support reaching ahead of or behind a body point starts past that point (cm)."""


@dataclass(frozen=True)
class BodyPoint:
    """A named point on a limb, in that limb's rest frame."""

    limb: str
    local: tuple[float, float]


@dataclass(frozen=True)
class PlacedProp:
    """A prop in the picture: a box (x, y, width, height) or, when held, a point on a limb."""

    id: str
    kind: str
    box: tuple[float, float, float, float]
    holder: BodyPoint | None = None


@dataclass(frozen=True)
class PoseLayout:
    """One key pose, grounded: each limb's frame, the figure's shift, and what it rests on."""

    name: str
    frames: dict[str, Frame]
    shift: tuple[float, float]
    touching: frozenset[str]
    """Segment ids that rest on the floor or a support."""
    floor_gap: float
    """Height of the lowest point above the floor and supports (negative: through them)."""
    bar_gap: float | None


@dataclass(frozen=True)
class Layout:
    """A whole illustration laid out: its poses, its props and the bands between points."""

    poses: list[PoseLayout]
    props: list[PlacedProp]
    bands: list[tuple[str, list[tuple[tuple[float, float], tuple[float, float]]]]]
    """Band or cable id and its two ends in each pose."""
    extent: tuple[float, float, float, float]
    """Left, top, right and bottom of the figure over every pose (props not included)."""


def body_point(skeleton: dict[str, Segment], name: str) -> BodyPoint | None:
    """'near-toe', 'far-hand' or 'hand' (near) as a limb and a point, or None if unknown."""
    side, _, point = name.rpartition("-")
    if side not in ("", "near", "far"):
        return None
    for key, segment in skeleton.items():
        if point in segment.points and (segment.sided or not side):
            limb = f"{side or 'near'}-{key}" if segment.sided else key
            x, y = segment.points[point]
            return BodyPoint(limb, (x, y))
    return None


def circles(
    shapes: dict[str, Shape], placed: dict[str, Frame]
) -> list[tuple[str, float, float, float]]:
    """Every contact circle of a placed figure: segment id, centre and radius."""
    found = []
    for key, frame in placed.items():
        segment = key.split("-", 1)[1] if key.startswith(("near-", "far-")) else key
        for x, y, radius in shapes[segment].contacts:
            cx, cy = frame.apply((x, y))
            found.append((segment, cx, cy, radius))
    return found


def _surface(supports: list[PlacedProp], x: float) -> float:
    """The height (SVG y, so negative is up) of whatever the figure would stand on at x."""
    tops = [p.box[1] for p in supports if p.box[0] <= x <= p.box[0] + p.box[2]]
    return min([0.0, *tops])


def _place(
    point: tuple[float, float], placement: PropPlacement, prop: Prop, hip_x: float
) -> PlacedProp:
    width, height = prop.size
    x, y = point
    if prop.kind == "support":
        starts = {"centre": x - width / 2, "ahead": x - EDGE, "behind": x + EDGE - width}
        return PlacedProp(
            placement.id, prop.kind, (starts[placement.align], -height, width, height)
        )
    if prop.kind == "wall":
        left = x - width if x < hip_x else x
        return PlacedProp(placement.id, prop.kind, (left, -height, width, height))
    return PlacedProp(placement.id, prop.kind, (x, y, width, height))


def layout(
    illustration: Illustration,
    skeleton: dict[str, Segment],
    props: dict[str, Prop],
    shapes: dict[str, Shape] | None = None,
) -> Layout:
    """Ground every pose and place every prop; the illustration is assumed schema-valid.

    ``shapes`` are the skeleton's shapes in the illustration's view (figure_shapes), when
    the caller lays out many figures and works them out once.
    """
    view = illustration.view
    shapes = shapes if shapes is not None else figure_shapes(skeleton, view)
    raw: dict[str, dict[str, Frame]] = {}
    raw_poses: dict[str, Pose] = {str(k): v for k, v in illustration.poses.items()}
    for name, pose in sorted(
        illustration.poses.items(), key=lambda item: POSE_ORDER.index(item[0])
    ):
        raw[name] = frames(limbs(skeleton, view, pose), (_shift(pose), 0.0))
    placements = [p for p in illustration.props if isinstance(p, PropPlacement)]
    fixed: list[PlacedProp] = []
    held: list[PlacedProp] = []
    bar: tuple[str, BodyPoint] | None = None
    for placement in placements:
        prop = props[placement.id]
        point = body_point(skeleton, placement.at)
        if point is None or placement.pose not in raw:
            continue
        if prop.kind == "held":
            width, height = prop.size
            held.append(PlacedProp(placement.id, prop.kind, (0, 0, width, height), point))
        elif prop.kind == "bar":
            bar = (placement.pose, point)
        elif prop.kind in ("support", "wall"):
            pose_frames = raw[placement.pose]
            spot = pose_frames[point.limb].apply(point.local)
            fixed.append(_place(spot, placement, prop, pose_frames["torso"].origin[0]))
    supports = [p for p in fixed if p.kind == "support"]
    hanging = illustration.placement == "hanging"
    bar_y: float | None = None
    poses: list[PoseLayout] = []
    xs: list[float] = []
    ys: list[float] = []
    order = sorted(raw, key=lambda name: (bar is None or name != bar[0], POSE_ORDER.index(name)))
    for current in order:
        placed = raw[current]
        found = circles(shapes, placed)
        drop = min(_surface(supports, x) - (y + r) for _, x, y, r in found)
        hand = placed[bar[1].limb].apply(bar[1].local) if bar is not None else None
        if hanging and hand is not None:
            drop = drop - HANG_CLEARANCE if bar_y is None else bar_y - hand[1]
        if hand is not None and bar_y is None:
            bar_y = hand[1] + drop
        gaps = [_surface(supports, x) - (y + r + drop) for _, x, y, r in found]
        bar_gap = None if hand is None or bar_y is None else hand[1] + drop - bar_y
        touching = frozenset(
            segment for (segment, *_), gap in zip(found, gaps, strict=True) if abs(gap) < TOUCH
        ) | ({"forearm"} if bar_gap is not None and abs(bar_gap) < TOUCH else set())
        shifted = {
            key: Frame((f.origin[0], f.origin[1] + drop), f.rotation) for key, f in placed.items()
        }
        x_shift = _shift(raw_poses[current])
        for _, x, y, r in found:
            xs += [x - r, x + r]
            ys += [y + drop - r, y + drop + r]
        poses.append(PoseLayout(current, shifted, (x_shift, drop), touching, min(gaps), bar_gap))
    poses.sort(key=lambda p: POSE_ORDER.index(p.name))
    if bar is not None and bar_y is not None:
        first = next(p for p in poses if p.name == bar[0])
        x, _ = first.frames[bar[1].limb].apply(bar[1].local)
        width, height = props["bar"].size
        fixed.append(PlacedProp("bar", "bar", (x, bar_y, width, height)))
    bands = []
    for placement in placements:
        if props[placement.id].kind != "band":
            continue
        ends = [_end(skeleton, p, placement.at) for p in poses]
        others = [_end(skeleton, p, placement.to) for p in poses]
        bands.append((placement.id, list(zip(ends, others, strict=True))))
    return Layout(poses, [*fixed, *held], bands, (min(xs), min(ys), max(xs), max(ys)))


def _shift(pose: Pose) -> float:
    value = pose.get(SHIFT, 0.0)
    return value if isinstance(value, float | int) else 0.0


def _end(
    skeleton: dict[str, Segment], pose: PoseLayout, end: str | list[float] | None
) -> tuple[float, float]:
    """A band end in the picture: a body point, or a fixed [x, height] anchor."""
    if end is None:
        return (0.0, 0.0)
    if isinstance(end, list):
        return (end[0], -end[1])
    point = body_point(skeleton, end)
    if point is None:
        return (0.0, 0.0)
    return pose.frames[point.limb].apply(point.local)
