"""The pose data an exercise declares and the skeleton and props it is drawn with.

Declared once here, beside the other content models, so the schema, the editor schema
and the field reference all know the illustration block.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from generator.model.fields import Entry

View = Literal["side", "front", "above", "three-quarter"]
Axis = Literal["flex", "abd", "rot"]
"""A joint's axes: flexion (bending forward), abduction (out to the side, or a side bend of
the trunk and neck) and rotation about the segment's own length (outward for a limb)."""
Placement = Literal[
    "standing",
    "moving",
    "lying-back",
    "lying-side",
    "lying-front",
    "kneeling",
    "half-kneeling",
    "sitting",
    "hanging",
    "quadruped",
    "plank",
    "on-hands",
]
PoseName = Literal["start", "middle", "end"]
Angle = Annotated[float, Field(ge=-360, le=360)]
PointName = Annotated[
    str,
    StringConstraints(pattern=r"^((near|far)-)?[a-z]+$", max_length=30),
    Field(description="A body point such as 'hand', 'near-toe' or 'far-knee'."),
]
SvgPathData = Annotated[
    str,
    StringConstraints(pattern=r"^[MmLlHhVvCcSsQqTtAaZz0-9 .,-]+$", max_length=2000),
    Field(description="SVG path data: commands and numbers only."),
]


REACH = 300
"""Centimetres: no drawn offset, anchor or size goes further than this from the figure's
hips, a little under twice the height of the figure."""
Offset = Annotated[float, Field(ge=-REACH, le=REACH)]
Extent = Annotated[float, Field(ge=0, le=REACH)]
AnglePair = Annotated[list[Angle], Field(min_length=2, max_length=2)]
Pair = Annotated[list[Offset], Field(min_length=2, max_length=2)]
"""A point [x, y] in cm."""
Dimensions = Annotated[list[Extent], Field(min_length=2, max_length=2)]
"""Two sizes in cm, such as width and height."""
Circle = Annotated[list[Offset], Field(min_length=3, max_length=3)]
AxisAngle = Angle | AnglePair


class Turns(Entry):
    """A joint turned about more than one axis: ``hip: {flex: 40, abd: 30, rot: -20}``."""

    flex: AxisAngle | None = Field(default=None, description="Flexion, degrees.")
    abd: AxisAngle | None = Field(default=None, description="Abduction or side bend, degrees.")
    rot: AxisAngle | None = Field(default=None, description="Rotation (outward), degrees.")


Pose = dict[str, Angle | AnglePair | Turns]
"""Joint → angle in degrees, or [near, far] when the two sides differ, or {flex, abd, rot};
a plain angle is flexion in the side and three-quarter views and abduction (where the joint
has it) in the front and above views; 'x' shifts the hips."""


class PropPlacement(Entry):
    """A prop put at a body point in one pose ('step' under the near toe at the end)."""

    id: str = Field(description="Prop id from taxonomy/props.yml.")
    at: PointName = Field(description="The body point it touches, such as 'near-toe'.")
    to: PointName | Pair | None = Field(
        default=None,
        description="For a band: the other end, a body point or a fixed [x, y] anchor in cm.",
    )
    pose: PoseName = Field(default="start", description="The pose it is placed in.")
    align: Literal["centre", "ahead", "behind"] = Field(
        default="centre",
        description="A support or wall: centred on the point, or reaching ahead or behind it.",
    )


class Contact(Entry):
    """Something the figure touches in its key poses ('the near knee on the bench')."""

    at: PointName = Field(description="The body point that touches, such as 'near-knee'.")
    touches: str = Field(description="What it touches: 'floor' or a prop of the illustration.")
    poses: list[PoseName] = Field(
        default=["start", "middle", "end"],
        description="The poses it touches in (the declared ones of these; default all).",
    )


class Illustration(Entry):
    """How an exercise is drawn: the view, how the body rests, its props and key poses."""

    view: View = Field(description="side, front, above or three-quarter.")
    placement: Placement = Field(description="How the body rests: standing, lying-back, ...")
    props: list[str | PropPlacement] = Field(
        default=["floor"], description="Prop ids, or {id, at, pose} to put one at a body point."
    )
    poses: dict[PoseName, Pose] = Field(
        description="start and end (and an optional middle): joint angles in degrees."
    )
    contacts: list[Contact] = Field(
        default=[], description="What touches what in the key poses, placed and checked."
    )


MusclePart = Literal[
    "front", "back", "whole", "low-back", "low", "high-front", "high-back", "outer-hip"
]
"""The part of a segment a muscle is tinted on (generator/poses/shapes.py draws each)."""


class Segment(Entry):
    """One body segment of the drawn figure (taxonomy/skeleton.yml)."""

    name: str = Field(description="What the segment is.")
    sided: bool = Field(default=False, description="true for limbs drawn on both sides.")
    joint: str = Field(description="The joint it turns about, as poses name it.")
    parent: str | None = Field(default=None, description="The segment it hangs from.")
    attach: Pair = Field(default=[0, 0], description="Joint in parent's frame.")
    front_attach: Offset = Field(default=0, description="Sideways offset in the front view.")
    direction: Literal["up", "down", "forward"] = Field(description="Its rest direction.")
    length: float = Field(gt=0, le=100, description="Length in cm.")
    width: Dimensions = Field(description="Width at the joint and at the far end.")
    front_width: Dimensions | None = Field(default=None, description="Front view.")
    turn: Literal[1, -1] = Field(description="How a positive angle turns it in the side view.")
    ranges: dict[Axis, AnglePair] = Field(
        description="The joint's axes and each one's anatomical range in degrees."
    )
    outline: SvgPathData | None = Field(default=None, description="A drawn shape, if not a limb.")
    front_outline: SvgPathData | None = Field(default=None, description="Front-view shape.")
    contacts: list[Circle] = Field(
        default=[], description="Circles [x, y, r] that touch the ground, for drawn shapes."
    )
    front_contacts: list[Circle] = Field(
        default=[], description="Contact circles of the front-view shape."
    )
    points: dict[str, Pair] = Field(default={}, description="Named points props can be placed at.")
    mass: Annotated[int, Field(ge=0, le=1000)] = Field(
        default=0, description="Share of the body's mass in thousandths (for the balance check)."
    )
    muscles: dict[str, MusclePart] = Field(
        default={}, description="Muscle id → the part of the segment it is drawn on."
    )


class Prop(Entry):
    """A prop drawn to scale (taxonomy/props.yml)."""

    name: str = Field(description="What it is called.")
    kind: Literal["ground", "support", "wall", "bar", "held", "band", "anchor"] = Field(
        description="How it is placed."
    )
    size: Dimensions = Field(description="Width and height in cm.")
    depth: Extent = Field(default=40, description="How far it reaches across the figure, cm.")
    top: Extent | None = Field(
        default=None,
        description="A support on legs: how thick its top is; a limb may pass beneath it.",
    )
