"""Turn a laid-out illustration into what the movement template draws.

The figure is a tree of limbs, each a group turning about its joint; the page's shared
shapes (one per segment and view) are drawn once and reused with <use>.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model.poses import Illustration, Segment
from generator.poses.kinematics import Frame, Limb, limbs
from generator.poses.layout import Layout, PlacedProp
from generator.poses.shapes import segment_shape

MARGIN = 8.0
"""Space around the figure and its props, in cm."""
GROUND_OVERHANG = 30.0
"""How far the ground line reaches past the figure on each side."""
STILL_WEIGHT = 0.8
"""Limbs of a small still are drawn a little thinner than the figure, so the pose reads."""
NAMES = {"start": "start", "middle": "middle", "end": "end"}


@dataclass(frozen=True)
class Node:
    """One limb as the template draws it."""

    key: str
    shape: str
    """Id of the shared shape it uses."""
    side: str
    attach: tuple[float, float]
    angles: list[float]
    parts: list[tuple[str, str]]
    """Shared muscle-part shape id and its tint: primary or secondary."""
    held: list[PlacedProp]
    behind: list[Node] = field(default_factory=list)
    """Children drawn before the limb itself (the far side in the side view)."""
    children: list[Node] = field(default_factory=list)

    @property
    def moves(self) -> bool:
        return max(self.angles) - min(self.angles) > 0.05

    @property
    def place(self) -> str:
        """Its group's transform: to its joint, and turned there when it does not move."""
        moved = f"translate({short_number(self.attach[0])} {short_number(self.attach[1])})"
        return moved if self.moves else f"{moved} rotate({short_number(self.angles[0])})"

    @property
    def turns(self) -> str:
        """The angle of each pose, as the animation's custom properties."""
        return "".join(f"--a{i}:{short_number(a)}deg;" for i, a in enumerate(self.angles))


@dataclass(frozen=True)
class Step:
    """One instruction of the figure's drawing, in order: open a limb's group, draw the
    limb itself, or close its group. Nested groups make each limb turn with its parent."""

    action: Literal["open", "draw", "close"]
    node: Node


def drawing(root: Node) -> list[Step]:
    """The limb tree as a flat list, so the template draws it in one loop: each limb's
    group holds what is drawn behind it, the limb, then what is drawn in front."""
    steps: list[Step] = []
    waiting: list[Step] = [Step("open", root)]
    while waiting:
        step = waiting.pop()
        steps.append(step)
        if step.action == "open":
            node = step.node
            inside = [
                *(Step("open", child) for child in node.behind),
                Step("draw", node),
                *(Step("open", child) for child in node.children),
                Step("close", node),
            ]
            waiting += reversed(inside)
    return steps


def short_number(value: float) -> str:
    """A coordinate with at most one decimal and no trailing zeros: '12', '-3.5'."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@dataclass(frozen=True)
class Stroke:
    """One limb of a small still, drawn as a thick round-capped line."""

    start: tuple[float, float]
    end: tuple[float, float]
    width: float
    side: str


@dataclass(frozen=True)
class Movement:
    """Everything the template needs for one exercise's figure."""

    id: str
    title: str
    caption: str
    """The exercise's own caption: its set-up and movement in one sentence."""
    view_box: tuple[float, float, float, float]
    ground: tuple[float, float] | None
    root: Node
    poses: list[str]
    shifts: list[tuple[float, float]]
    props: list[PlacedProp]
    bands: list[tuple[str, list[str]]]
    """Band id and its path data in each pose."""
    strokes: list[Stroke]
    """The last pose as thick lines, for small stills in lists."""

    @property
    def steps(self) -> list[Step]:
        return drawing(self.root)

    @property
    def used(self) -> set[str]:
        """The shared shapes the figure draws with."""
        found: set[str] = set()
        waiting = [self.root]
        while waiting:
            node = waiting.pop()
            found.add(node.shape)
            found.update(part for part, _ in node.parts)
            waiting += [*node.behind, *node.children]
        return found

    @property
    def shifted(self) -> bool:
        return len(set(self.shifts)) > 1


@dataclass(frozen=True)
class SharedShape:
    """A path every figure on a page may reuse."""

    id: str
    path: str


def shape_id(segment: str, view: str, part: str = "") -> str:
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
    view: str,
    side: str,
    primary: list[str],
    secondary: list[str],
    one_sided: bool,
) -> list[tuple[str, str]]:
    if one_sided and side == "far":
        return []
    tints: dict[str, str] = {}
    for muscle, part in segment.muscles.items():
        part = part if view == "side" else "whole"
        if muscle in primary:
            tints[part] = "primary"
        elif muscle in secondary:
            tints.setdefault(part, "secondary")
    return sorted(tints.items())


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
    view = illustration.view
    per_pose = {
        pose.name: {limb.key: limb for limb in limbs(skeleton, view, illustration.poses[pose.name])}  # type: ignore[index]
        for pose in laid.poses
    }
    first = next(iter(per_pose.values()))
    nodes: dict[str, Node] = {}
    for limb_key, limb in first.items():
        segment = skeleton[limb.segment]
        nodes[limb_key] = Node(
            key=limb_key,
            shape=shape_id(limb.segment, view),
            side=limb.side,
            attach=limb.attach,
            angles=[round(per_pose[p][limb_key].turn, 1) for p in per_pose],
            parts=[
                (shape_id(limb.segment, view, part), tint)
                for part, tint in _tints(segment, view, limb.side, *muscles, one_sided)
            ],
            held=[p for p in laid.props if p.holder is not None and p.holder.limb == limb_key],
        )
    root = _tree(nodes, first, view)
    bounds = _bounds(laid)
    return Movement(
        id=key,
        title=f"How to do the {name.lower()}",
        caption=caption,
        view_box=_view_box(bounds),
        ground=_ground(bounds, view),
        root=root,
        poses=[NAMES[p.name] for p in laid.poses],
        shifts=[(round(p.shift[0], 1), round(p.shift[1], 1)) for p in laid.poses],
        props=[p for p in laid.props if p.holder is None],
        bands=[
            (band, [f"M {a[0]:.1f} {a[1]:.1f} L {b[0]:.1f} {b[1]:.1f}" for a, b in ends])
            for band, ends in laid.bands
        ],
        strokes=_strokes(laid.poses[-1].frames, skeleton, view),
    )


def _strokes(placed: dict[str, Frame], skeleton: dict[str, Segment], view: str) -> list[Stroke]:
    """Far limbs first, then the body, then near limbs, so the near side is on top."""
    strokes = []
    for key, frame in placed.items():
        segment = skeleton[key.split("-", 1)[1] if key.startswith(("near-", "far-")) else key]
        length = segment.length * (-1 if segment.direction == "up" else 1)
        tip = (length, 0.0) if segment.direction == "forward" else (0.0, length)
        chosen = segment.width if view == "side" else segment.front_width or segment.width
        widths = (chosen[0], chosen[1])
        side = key.split("-", 1)[0] if segment.sided else "mid"
        start, end = frame.apply((0.0, 0.0)), frame.apply(tip)
        if segment.direction == "forward":
            start = frame.apply((-4.0, 5.0))
            end = frame.apply((tip[0] - 2, 5.0))
        if len(segment.contacts) == 1:  # a round shape such as the head: its circle
            x, y, radius = segment.contacts[0]
            start = end = frame.apply((x, y))
            widths = (radius * 2, radius * 2)
        strokes.append(
            Stroke(
                (round(start[0], 1), round(start[1], 1)),
                (round(end[0], 1), round(end[1], 1)),
                round(sum(widths) / 2 * STILL_WEIGHT, 1),
                side,
            )
        )
    order = {"far": 0, "mid": 1, "near": 2}
    return sorted(strokes, key=lambda stroke: order[stroke.side])


def _tree(nodes: dict[str, Node], limb_list: dict[str, Limb], view: str) -> Node:
    root: Node | None = None
    for key, limb in limb_list.items():
        node = nodes[key]
        if limb.parent is None:
            root = node
            continue
        parent = nodes[limb.parent]
        far_behind = view == "side" and limb.side == "far" and limb_list[limb.parent].parent is None
        legs_behind = view != "side" and limb.segment == "thigh"
        (parent.behind if far_behind or legs_behind else parent.children).append(node)
    assert root is not None
    return root


def _bounds(laid: Layout) -> list[float]:
    left, top, right, bottom = laid.extent
    xs = [left, right]
    ys = [top, bottom]
    for prop in laid.props:
        if prop.holder is None:
            x, y, w, h = prop.box
            if prop.kind == "bar":
                xs += [x - 3, x + 3]
                ys += [y - 3, y + 3]
            else:
                xs += [x, x + w]
                ys += [y, y + h]
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
    if view == "above":
        return None
    left, _, right, _ = bounds
    return (round(left - MARGIN, 1), round(right + MARGIN, 1))
