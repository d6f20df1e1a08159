"""Grounding: where each pose stands in the world, and where the props go.

Every pose is lowered until the figure rests on the floor or on a support prop (a step, a
bench) without passing through it; a hanging figure keeps its hands on the bar instead. The
facts found on the way (what touches, how far a figure floats) are kept for the checks.
Supports are boxes squared to the view: their width runs across the picture and their depth
towards the viewer, so a step or a bench is seen face on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from generator.model.poses import Contact, Illustration, Pose, Prop, PropPlacement, Segment
from generator.poses.contacts import (
    GRIP,
    SKIN,
    TOLERANCE,
    Balance,
    balance,
    centre_of_mass,
    reach,
)
from generator.poses.kinematics import (
    SHIFT,
    Camera,
    Frame,
    Vec,
    camera,
    joints,
    local,
    parents,
    per_skeleton,
    pose_frames,
)

TOUCH = 2.5
"""A shape closer than this to a surface (cm) is resting on it."""
HANG_CLEARANCE = 8.0
"""How far above the floor the lowest point of a hanging figure is drawn, in its bar pose."""
POSE_ORDER = ("start", "middle", "end")
EDGE = 6.0
"""How far a support reaching ahead of or behind a body point starts past that point (cm)."""
BAR_REACH = 45.0
"""How far a bar reaches to each side of the figure's middle (cm)."""

Sphere = tuple[str, Vec, float]
"""A contact sphere of a placed limb: the limb, its centre in the world and its radius."""


@dataclass(frozen=True)
class BodyPoint:
    """A named point on a limb, in that limb's rest frame."""

    limb: str
    local: Vec


@dataclass(frozen=True)
class Solid:
    """A support or wall squared to the view: from and to across the picture (along the
    camera's right), from and to towards the viewer, and its height above the floor."""

    across: tuple[float, float]
    depth: tuple[float, float]
    height: float
    top: float | None = None
    """A top on legs: its thickness, and a limb lower than that passes beneath it."""


@dataclass(frozen=True)
class PlacedProp:
    """A prop in the picture: a box (x, y, width, height) or, when held, a point on a limb.
    ``faces`` are its top and front as polygons, for views that look down on it."""

    id: str
    kind: str
    box: tuple[float, float, float, float]
    holder: BodyPoint | None = None
    solid: Solid | None = None
    faces: tuple[str, ...] = ()
    point: Vec | None = None
    """Where a bar or an anchor is in the world."""


@dataclass(frozen=True)
class PoseLayout:
    """One key pose, grounded: each limb's frame, the figure's shift, and what it rests on."""

    name: str
    frames: dict[str, Frame]
    shift: tuple[float, float]
    touching: frozenset[str]
    """Segment ids that rest on the floor or a support."""
    floor_gap: float
    """Height of the lowest point above the floor (negative: through it)."""
    bar_gap: float | None
    contact_gaps: dict[int, float] = field(default_factory=dict)
    """How far each declared contact of this pose (by its index) is from touching, in cm."""
    through: tuple[tuple[str, str, float], ...] = ()
    """Limbs that pass into a prop: limb, prop id and how deep, in cm."""
    balance: Balance | None = None
    """For a standing figure: where its centre of mass falls over its feet."""
    touched: frozenset[str] = frozenset()
    """The props something rests on, leans on or holds in this pose."""
    spheres: list[Sphere] = field(default_factory=list)
    """Its contact spheres, where they end up."""


@dataclass(frozen=True)
class Layout:
    """A whole illustration laid out: its poses, its props and the bands between points."""

    camera: Camera
    poses: list[PoseLayout]
    props: list[PlacedProp]
    bands: list[tuple[str, list[tuple[tuple[float, float], tuple[float, float]]]]]
    """Band or cable id and its two ends in each pose, in the picture."""
    extent: tuple[float, float, float, float]
    """Left, top, right and bottom of the figure over every pose (props not included)."""


@per_skeleton
def _points(skeleton: dict[str, Segment]) -> dict[str, BodyPoint | None]:
    """The body points found so far in a skeleton: every contact and prop of every pose
    names one."""
    return {}


def body_point(skeleton: dict[str, Segment], name: str) -> BodyPoint | None:
    """'near-toe', 'far-hand' or 'hand' (near) as a limb and a point, or None if unknown."""
    found = _points(skeleton)
    if name not in found:
        found[name] = _body_point(skeleton, name)
    return found[name]


def _body_point(skeleton: dict[str, Segment], name: str) -> BodyPoint | None:
    side, _, point = name.rpartition("-")
    if side not in ("", "near", "far"):
        return None
    for key, segment in skeleton.items():
        if point in segment.points and (segment.sided or not side):
            limb = f"{side or 'near'}-{key}" if segment.sided else key
            x, y = segment.points[point]
            return BodyPoint(limb, local((x, y)))
    return None


_SPHERES: dict[int, tuple[Segment, list[tuple[Vec, float]]]] = {}
"""Each segment's spheres, worked out once (keyed by the segment, which the entry keeps)."""


def segment_spheres(segment: Segment) -> list[tuple[Vec, float]]:
    cached = _SPHERES.get(id(segment))
    if cached is not None and cached[0] is segment:
        return cached[1]
    found = _segment_spheres(segment)
    _SPHERES[id(segment)] = (segment, found)
    return found


def _segment_spheres(segment: Segment) -> list[tuple[Vec, float]]:
    """The spheres a segment touches things with, in its rest frame: its drawn contact
    circles from the side (in its middle plane) and from the front (across it), or the two
    ends of a limb."""
    if segment.outline is not None:
        side = [((x, -y, 0.0), r) for x, y, r in segment.contacts]
        front = [((0.0, -y, -x), r) for x, y, r in segment.front_contacts]
        return side + front
    end = segment.length if segment.direction == "up" else -segment.length
    return [((0.0, 0.0, 0.0), segment.width[0] / 2), ((0.0, end, 0.0), segment.width[1] / 2)]


@per_skeleton
def limb_spheres(skeleton: dict[str, Segment]) -> dict[str, list[tuple[Vec, float]]]:
    """Each limb's contact spheres in its rest frame (segment_spheres of its segment)."""
    return {name: segment_spheres(segment) for name, *_, segment in joints(skeleton)}


def spheres(skeleton: dict[str, Segment], placed: dict[str, Frame]) -> list[Sphere]:
    """Every contact sphere of a placed figure."""
    found = []
    of_limb = limb_spheres(skeleton)
    for key, frame in placed.items():
        (a, b, c), (d, e, f), (g, h, i) = frame.basis
        o0, o1, o2 = frame.origin
        for (x, y, z), radius in of_limb[key]:
            centre = (
                o0 + a * x + b * y + c * z,
                o1 + d * x + e * y + f * z,
                o2 + g * x + h * y + i * z,
            )
            found.append((key, centre, radius))
    return found


@lru_cache(maxsize=256)
def segment_of(limb: str) -> str:
    return limb.split("-", 1)[1] if limb.startswith(("near-", "far-")) else limb


def _lift(view: Camera, supports: list[PlacedProp], found: list[Sphere]) -> float:
    """How far to raise a pose so its lowest point rests on what is under it. A top on legs
    holds only what comes down onto it: the lift is raised until nothing passes into one, a
    leg may hang beneath it, but the trunk never lies under it."""
    if not supports:
        return -min([centre[1] - r for _, centre, r in found])
    footing = _footing(supports, found, _across_spheres(view, found))
    lift = -min(y - r - _top(under, y + 0.0) for _, y, r, under in footing)
    if not any(p.solid is not None and p.solid.top is not None for p in supports):
        return lift  # without a top on legs, what is under a point does not depend on the lift
    solid = -min(y - r - _top(under, y + math.inf) for _, y, r, under in footing)
    for _ in range(4):
        needed = max(r - y + _top(under, y + lift) for _, y, r, under in footing)
        if needed <= lift + 0.01:
            break
        lift = needed
    beneath = any(
        _top(under, y + math.inf) > 0 and _top(under, y + lift) == 0
        for limb, y, _, under in footing
        if limb == "torso"
    )
    return solid if beneath else lift


def _footing(
    supports: list[PlacedProp], found: list[Sphere], across: list[tuple[float, float]]
) -> list[tuple[str, float, float, list[Solid]]]:
    """Each sphere's limb, height and radius, and the supports whose footprint it is over;
    ``across`` holds each sphere's _across."""
    solids = [solid for prop in supports if (solid := prop.solid) is not None]
    footing = []
    for (limb, centre, r), (right, towards) in zip(found, across, strict=True):
        under = []
        for solid in solids:
            (left, right_edge), (back, front) = solid.across, solid.depth
            if left <= right <= right_edge and back <= towards <= front:
                under.append(solid)
        footing.append((limb, centre[1], r, under))
    return footing


def _top(under: list[Solid], height: float) -> float:
    """The height of whatever a point at ``height`` would rest on, of the supports it is
    over (from _footing): the floor or the top of a support (a limb below a top on legs is
    beneath it, on the floor)."""
    top = 0.0
    for solid in under:
        if solid.height > top and (solid.top is None or height > solid.height - solid.top):
            top = solid.height
    return top


def _across_spheres(view: Camera, found: list[Sphere]) -> list[tuple[float, float]]:
    """Each sphere's centre across the picture and towards the viewer (as _across)."""
    r0, r2 = view.right[0], view.right[2]
    return [(x * r0 + z * r2, x * (r2 * -1) + z * r0) for _, (x, _, z), _ in found]


def _across(view: Camera, point: Vec) -> tuple[float, float]:
    """A world point's place across the picture and towards the viewer, on the floor."""
    level = (view.right[2] * -1, 0.0, view.right[0])
    return (
        point[0] * view.right[0] + point[2] * view.right[2],
        point[0] * level[0] + point[2] * level[2],
    )


def _place(view: Camera, point: Vec, placement: PropPlacement, prop: Prop, hip: Vec) -> PlacedProp:
    width, height = prop.size
    x, towards = _across(view, point)
    if prop.kind == "support":
        starts = {"centre": x - width / 2, "ahead": x - EDGE, "behind": x + EDGE - width}
        left = starts[placement.align]
    else:  # a wall, on the far side of the point from the hips
        left = x - width if x < _across(view, hip)[0] else x
    half = prop.depth / 2
    solid = Solid((left, left + width), (towards - half, towards + half), height, prop.top)
    faces = _faces(view, solid)
    box = (left, -height, width, height)
    if faces:
        numbers = [float(n) for face in faces for n in face.split() if n not in "MLZ"]
        xs, ys = numbers[0::2], numbers[1::2]
        box = (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    return PlacedProp(placement.id, prop.kind, box, solid=solid, faces=faces)


def _faces(view: Camera, solid: Solid) -> tuple[str, ...]:
    """The top and the front of a solid seen from a camera that looks down on it."""
    if abs(view.up[1] - 1) < 1e-6:
        return ()
    level = (view.right[2] * -1, 0.0, view.right[0])

    def at(across: float, towards: float, height: float) -> str:
        point = (
            view.right[0] * across + level[0] * towards,
            height,
            view.right[2] * across + level[2] * towards,
        )
        x, y = view.project(point)
        return f"{x:.1f} {y:.1f}"

    (a0, a1), (d0, d1), h = solid.across, solid.depth, solid.height
    top = f"M {at(a0, d0, h)} L {at(a1, d0, h)} L {at(a1, d1, h)} L {at(a0, d1, h)} Z"
    front = f"M {at(a0, d1, h)} L {at(a1, d1, h)} L {at(a1, d1, 0)} L {at(a0, d1, 0)} Z"
    return (top, front)


def posed(
    illustration: Illustration, skeleton: dict[str, Segment], view: Camera
) -> dict[str, dict[str, Frame]]:
    """Each pose's limbs in the world before grounding, moved across the picture by 'x'."""
    raw: dict[str, dict[str, Frame]] = {}
    for name, pose in sorted(
        illustration.poses.items(), key=lambda item: POSE_ORDER.index(item[0])
    ):
        placed = pose_frames(skeleton, illustration.view, pose)
        shift = _shift(pose)
        if shift:
            move = (view.right[0] * shift, 0.0, view.right[2] * shift)
            placed = {
                key: Frame((f.origin[0] + move[0], f.origin[1], f.origin[2] + move[2]), f.basis)
                for key, f in placed.items()
            }
        raw[name] = placed
    return raw


def layout(
    illustration: Illustration,
    skeleton: dict[str, Segment],
    props: dict[str, Prop],
) -> Layout:
    """Ground every pose and place every prop; the illustration is assumed schema-valid."""
    view = camera(illustration.view)
    raw = posed(illustration, skeleton, view)
    raw_poses: dict[str, Pose] = {str(k): v for k, v in illustration.poses.items()}
    placements = [p for p in illustration.props if isinstance(p, PropPlacement)]
    fixed: list[PlacedProp] = []
    held: list[PlacedProp] = []
    bar: tuple[str, BodyPoint] | None = None
    anchors: list[tuple[PropPlacement, BodyPoint]] = []
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
        elif prop.kind == "anchor":
            anchors.append((placement, point))
        elif prop.kind in ("support", "wall"):
            pose_frames = raw[placement.pose]
            spot = pose_frames[point.limb].apply(point.local)
            fixed.append(_place(view, spot, placement, prop, pose_frames["torso"].origin))
    raw = _keep_contacts_in_place(illustration, skeleton, raw, placements)
    supports = [p for p in fixed if p.kind == "support"]
    hanging = illustration.placement == "hanging"
    bar_y: float | None = None
    poses: list[PoseLayout] = []
    order = sorted(raw, key=lambda name: (bar is None or name != bar[0], POSE_ORDER.index(name)))
    for current in order:
        placed = raw[current]
        found = spheres(skeleton, placed)
        lift = _lift(view, supports, found)
        hand = placed[bar[1].limb].apply(bar[1].local)[1] if bar is not None else None
        if hanging and hand is not None:
            floor = -min(centre[1] - r for _, centre, r in found)
            lift = floor + HANG_CLEARANCE if bar_y is None else bar_y - hand
        if hand is not None and bar_y is None:
            bar_y = hand + lift
        bar_gap = None if hand is None or bar_y is None else bar_y - (hand + lift)
        lifted = [(limb, (c[0], c[1] + lift, c[2]), r) for limb, c, r in found]
        poses.append(
            PoseLayout(
                current,
                {key: Frame((o[0], o[1] + lift, o[2]), b) for key, (o, b) in placed.items()},
                (_shift(raw_poses[current]), -lift),
                frozenset(),  # what rests on something is found once contacts are reached
                min([centre[1] - r for _, centre, r in lifted]),
                bar_gap,
                spheres=lifted,
            )
        )
    poses.sort(key=lambda p: POSE_ORDER.index(p.name))
    if bar is not None and bar_y is not None:
        first = next(p for p in poses if p.name == bar[0])
        fixed.append(_bar(view, first.frames[bar[1].limb].apply(bar[1].local)))
    for placement, point in anchors:
        at = next(p for p in poses if p.name == placement.pose).frames[point.limb]
        fixed.append(_anchor(view, placement.id, props[placement.id], at.apply(point.local)))
    tree = parents(skeleton)
    poses = [_solve(illustration, skeleton, view, pose, fixed, tree) for pose in poses]
    bands = []
    for placement in placements:
        if props[placement.id].kind != "band":
            continue
        ends = [_end(skeleton, view, p, placement.at) for p in poses]
        others = [_end(skeleton, view, p, placement.to) for p in poses]
        bands.append((placement.id, list(zip(ends, others, strict=True))))
    return Layout(view, poses, [*fixed, *held], bands, _extent(view, poses))


def _extent(view: Camera, poses: list[PoseLayout]) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of every contact sphere of every pose, in the picture."""
    (r0, r1, r2), (u0, u1, u2) = view.right, view.up
    left = top = math.inf
    right = bottom = -math.inf
    for pose in poses:
        for _, (c0, c1, c2), r in pose.spheres:
            x, y = c0 * r0 + c1 * r1 + c2 * r2, -(c0 * u0 + c1 * u1 + c2 * u2)  # view.project
            # A radius is never negative: a sphere's low edges are its left and top.
            left, right = min(left, x - r), max(right, x + r)
            top, bottom = min(top, y - r), max(bottom, y + r)
    return (left, top, right, bottom)


def _bar(view: Camera, hand: Vec) -> PlacedProp:
    """A bar across the figure at the hand, drawn as the line it is seen as."""
    ends = [view.project((hand[0], hand[1], z)) for z in (-BAR_REACH, BAR_REACH)]
    (x0, y0), (x1, y1) = ends
    return PlacedProp("bar", "bar", (x0, y0, x1 - x0, y1 - y0), point=hand)


def _anchor(view: Camera, key: str, prop: Prop, at: Vec) -> PlacedProp:
    """Something fixed holding a body point: drawn as a block centred there."""
    width, height = prop.size
    x, y = view.project(at)
    return PlacedProp(key, "anchor", (x - width / 2, y - height / 2, width, height), point=at)


def _skin(skeleton: dict[str, Segment], frames: dict[str, Frame], limb: str, point: Vec) -> float:
    """The lowest height of a limb's surface around a point: the bottom of its contact
    spheres near it, or the point itself."""
    segment = skeleton[segment_of(limb)]
    frame = frames[limb]
    bottoms = []
    for centre, radius in segment_spheres(segment):
        placed = frame.apply(centre)
        if math.dist(placed, point) <= SKIN:
            bottoms.append(placed[1] - radius)
    return min([point[1], *bottoms])


def contact_gap(
    skeleton: dict[str, Segment],
    view: Camera,
    frames: dict[str, Frame],
    contact: Contact,
    props: list[PlacedProp],
) -> tuple[float, Vec] | None:
    """How far a contact is from touching in one pose (cm), and where its point would have
    to be to touch; None when its point or prop is unknown."""
    point = body_point(skeleton, contact.at)
    if point is None or point.limb not in frames:
        return None
    at = frames[point.limb].apply(point.local)
    bottom = _skin(skeleton, frames, point.limb, at)
    if contact.touches == "floor":
        return (abs(bottom), (at[0], at[1] - bottom, at[2]))
    prop = next((p for p in props if p.id == contact.touches and p.holder is None), None)
    if prop is None:
        return None
    if prop.point is not None:
        held = (prop.point[0], prop.point[1], at[2]) if prop.kind == "bar" else prop.point
        return (max(0.0, math.dist(at, held) - GRIP), held)
    if prop.solid is None:
        return None
    solid = prop.solid
    right, towards = _across(view, at)
    if prop.kind == "wall":
        face = min(solid.across, key=lambda edge: abs(edge - right))
        return (max(0.0, abs(face - right) - (at[1] - bottom)), at)
    outside_across = max(solid.across[0] - right, right - solid.across[1], 0.0)
    outside_depth = max(solid.depth[0] - towards, towards - solid.depth[1], 0.0)
    rise = solid.height - bottom
    gap = math.hypot(outside_across, outside_depth, rise)
    return (gap, (at[0], at[1] + rise, at[2]))


def _solve(
    illustration: Illustration,
    skeleton: dict[str, Segment],
    view: Camera,
    pose: PoseLayout,
    props: list[PlacedProp],
    parents: dict[str, str | None],
) -> PoseLayout:
    """Bring each hand or foot that misses a contact of this pose onto it, then measure
    every contact, what passes into a prop, and (standing) the balance."""
    placed = pose.frames
    mine = [(i, c) for i, c in enumerate(illustration.contacts) if pose.name in c.poses]
    reached = False
    gaps = {}
    for i, contact in mine:
        found = contact_gap(skeleton, view, placed, contact, props)
        if found is not None:
            gaps[i] = found[0]
        point = body_point(skeleton, contact.at)
        if found is None or point is None or found[0] <= TOLERANCE / 3:
            continue
        placed = reach(placed, parents, point.limb, point.local, found[1])
        reached = True
    if reached:  # measured again: a limb brought onto one contact may move another
        gaps = {}
        for i, contact in mine:
            found = contact_gap(skeleton, view, placed, contact, props)
            if found is not None:
                gaps[i] = found[0]
    # Grounding placed the spheres already; only a limb brought onto a contact moves them.
    placed_spheres = spheres(skeleton, placed) if reached or not pose.spheres else pose.spheres
    across = _across_spheres(view, placed_spheres) if props else []
    through = _through(placed_spheres, across, props)
    touched = _touched(placed_spheres, across, props)
    supports = [p for p in props if p.kind == "support"]
    if supports:
        footing = _footing(supports, placed_spheres, across)
        above = [y - r - _top(under, y + 0.0) for _, y, r, under in footing]
    else:
        above = [c[1] - r for _, c, r in placed_spheres]
    resting = {
        segment_of(limb)
        for (limb, _, _), gap in zip(placed_spheres, above, strict=True)
        if abs(gap) < TOUCH
    }
    if pose.bar_gap is not None and abs(pose.bar_gap) < TOUCH:
        resting.add("forearm")
    steady = None
    if _stands(illustration, resting, props):
        base = [
            (_across(view, c)[0], r)
            for (_, c, r), gap in zip(placed_spheres, above, strict=True)
            if gap < TOUCH
        ]
        steady = _balance(skeleton, view, placed, base)
    return PoseLayout(
        pose.name,
        placed,
        pose.shift,
        frozenset(resting),
        pose.floor_gap,
        pose.bar_gap,
        contact_gaps=gaps,
        through=through,
        balance=steady,
        touched=touched,
        spheres=placed_spheres,
    )


def _stands(illustration: Illustration, resting: set[str], props: list[PlacedProp]) -> bool:
    """Whether a pose of a standing figure stands on its feet alone, so its weight must
    fall over them: not held by a bar, a wall or an anchor, nor pulled by a band tied to a
    fixed point, which it leans against. A figure caught mid-stride or mid-air (placement
    'moving') is carried past its feet by momentum."""
    return (
        resting == {"foot"}
        and illustration.placement == "standing"
        and not any(p.kind in ("bar", "wall", "anchor") for p in props)
        and not any(
            isinstance(p, PropPlacement) and isinstance(p.to, list) for p in illustration.props
        )
    )


def _touched(
    placed: list[Sphere], across: list[tuple[float, float]], props: list[PlacedProp]
) -> frozenset[str]:
    """The props something touches: a support it rests on, a wall it is against, a bar or
    an anchor a hand or a foot is at. ``across`` holds each sphere's _across."""
    found: set[str] = set()
    for prop in props:
        if prop.point is not None:
            near = (prop.point[0], prop.point[1], 0.0)
            for _, c, r in placed:
                reach = (
                    math.dist((c[0], c[1], 0.0), near)
                    if prop.kind == "bar"
                    else math.dist(c, prop.point)
                )
                if reach - r < GRIP:
                    found.add(prop.id)
            continue
        solid = prop.solid
        if solid is None:
            continue
        for (_, c, r), (right, towards) in zip(placed, across, strict=True):
            if not solid.depth[0] - r < towards < solid.depth[1] + r:
                continue
            if prop.kind == "wall":
                face = min(abs(right - solid.across[0]), abs(right - solid.across[1]))
                if face - r < TOUCH and c[1] < solid.height:
                    found.add(prop.id)
            elif (
                solid.across[0] - r < right < solid.across[1] + r
                and abs(c[1] - r - solid.height) < TOUCH
            ):
                found.add(prop.id)
    return frozenset(found)


def _through(
    placed: list[Sphere], across: list[tuple[float, float]], props: list[PlacedProp]
) -> tuple[tuple[str, str, float], ...]:
    """Limbs whose surface passes into a support's solid part by more than TOUCH.
    ``across`` holds each sphere's _across."""
    found: dict[tuple[str, str], float] = {}
    solids = [
        (prop, solid)
        for prop in props
        if prop.kind == "support" and (solid := prop.solid) is not None
    ]
    if not solids:
        return ()
    for (limb, centre, r), (right, towards) in zip(placed, across, strict=True):
        for prop, solid in solids:
            inside = solid.across[0] < right < solid.across[1]
            if not (inside and solid.depth[0] < towards < solid.depth[1]):
                continue
            floor = solid.height - solid.top if solid.top is not None else 0.0
            depth = min(solid.height - (centre[1] - r), centre[1] + r - floor)
            if depth > TOUCH:
                key = (limb, prop.id)
                found[key] = max(found.get(key, 0.0), depth)
    return tuple((limb, prop, depth) for (limb, prop), depth in found.items())


def _balance(
    skeleton: dict[str, Segment],
    view: Camera,
    frames: dict[str, Frame],
    base: list[tuple[float, float]],
) -> Balance | None:
    """Where the centre of mass falls over what the figure stands on: ``base`` holds the
    spheres resting on something, each its place across the picture and its radius."""
    centre = centre_of_mass(frames, _masses(skeleton))
    if centre is None:
        return None
    return balance(_across(view, centre)[0], base)


@per_skeleton
def _masses(skeleton: dict[str, Segment]) -> dict[str, tuple[float, Vec]]:
    """Each limb's mass and its middle in its rest frame, as centre_of_mass takes them."""
    parts: dict[str, tuple[float, Vec]] = {}
    for limb, _, _, _, _, _, segment in joints(skeleton):
        half = segment.length / 2
        middle = (half, 0.0, 0.0) if segment.direction == "forward" else LONG[segment.direction]
        parts[limb] = (float(segment.mass), (middle[0], middle[1] * half, middle[2]))
    return parts


LONG = {"up": (0.0, 1.0, 0.0), "down": (0.0, -1.0, 0.0), "forward": (1.0, 0.0, 0.0)}


def _keep_contacts_in_place(
    illustration: Illustration,
    skeleton: dict[str, Segment],
    raw: dict[str, dict[str, Frame]],
    placements: list[PropPlacement],
) -> dict[str, dict[str, Frame]]:
    """The body moved over the floor, pose by pose, so that a point declared in contact
    with a prop placed at it stays where the prop was put (the ball of the foot on the
    step's edge while the heel rises), and a foot declared on the floor where it stands
    in the pose the props are placed in: a rigid placement of the whole figure."""
    moved = dict(raw)
    fixed: list[tuple[str, str, str]] = [(p.at, p.id, p.pose) for p in placements]
    reference: str = next((p.pose for p in placements if p.pose in raw), "start")
    fixed += [(c.at, "floor", reference) for c in illustration.contacts if c.touches == "floor"]
    for at, prop, placed_in in sorted(fixed, key=lambda item: item[1] != "floor"):
        point = body_point(skeleton, at)
        if point is None or placed_in not in raw:
            continue
        anchor = moved[placed_in][point.limb].apply(point.local)
        for contact in illustration.contacts:
            if contact.touches != prop or contact.at != at:
                continue
            for name in contact.poses:
                if name == placed_in or name not in moved:
                    continue
                now = moved[name][point.limb].apply(point.local)
                dx, dz = anchor[0] - now[0], anchor[2] - now[2]
                moved[name] = {
                    key: Frame((f.origin[0] + dx, f.origin[1], f.origin[2] + dz), f.basis)
                    for key, f in moved[name].items()
                }
    return moved


def _shift(pose: Pose) -> float:
    value = pose.get(SHIFT, 0.0)
    return value if isinstance(value, float | int) else 0.0


def _end(
    skeleton: dict[str, Segment], view: Camera, pose: PoseLayout, end: str | list[float] | None
) -> tuple[float, float]:
    """A band end in the picture: a body point, or a fixed [x, height] anchor."""
    if end is None:
        return (0.0, 0.0)
    if isinstance(end, list):
        return (end[0], -end[1])
    point = body_point(skeleton, end)
    if point is None:
        return (0.0, 0.0)
    return view.project(pose.frames[point.limb].apply(point.local))
