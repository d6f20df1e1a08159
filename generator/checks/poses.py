"""Pose rules: known joints and props, every angle inside its range, and a figure that rests
on the floor or a prop the way its placement says (no floating, nothing through the floor).

The figures are laid out by the derive stage (generator/derive.py), for the exercises
``layable`` finds sound; the rule judges the derived layouts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TypeVar

from generator.checks.context import CheckContext, Placed
from generator.checks.suggestions import suggest
from generator.derive import Figures, Posed
from generator.load import Location
from generator.model import Exercise
from generator.model.poses import Illustration, Prop, PropPlacement, Segment, Turns
from generator.poses.contacts import TOLERANCE
from generator.poses.kinematics import SHIFT, per_skeleton, plain_axis
from generator.poses.layout import TOUCH, Layout, body_point

RESTS_ON: dict[str, list[tuple[str, str]]] = {
    "standing": [("foot", "a foot")],
    "moving": [("foot", "a foot")],
    "lying-back": [("torso", "the back")],
    "lying-front": [("torso", "the front of the body")],
    "lying-side": [("torso", "one side of the body")],
    "sitting": [("torso thigh", "the seat")],
    "kneeling": [("shin", "a knee")],
    "half-kneeling": [("shin", "one knee"), ("foot", "the other foot")],
    "quadruped": [("forearm", "the hands"), ("shin", "the knees")],
    "plank": [("forearm", "the hands or forearms"), ("foot shin", "the feet or knees")],
    "hanging": [],
    "on-hands": [("forearm", "the hands")],
}
"""What must touch the floor or a support in the start pose (any of the segments named),
and how to say it."""
T = TypeVar("T")
ANGLE_HINT = "angles are in degrees from the upright standing pose (see CONTRIBUTING.md)"


def check_poses(context: CheckContext) -> None:
    if not _figures_can_be_judged(context):
        return
    skeleton = _entries(context, "skeleton", Segment)
    props = _entries(context, "props", Prop)
    for placed, illustration in _illustrated(context):
        laid = context.derived.layouts.get(placed.id)
        if laid is None:
            _check_pose_data(context, placed, illustration, skeleton, props)
            continue
        # Only an exercise whose pose data ``layable`` found sound is laid out.
        _check_resting(context, placed, illustration, laid)
        _check_touching(context, placed, illustration, laid)


def layable(context: CheckContext) -> Figures | None:
    """The exercises whose figures can be laid out: the skeleton and the props judged, and
    the exercise's own pose data (props, angles, contacts) sound. Their problems are the pose
    rule's to report; this reads them in a copy of the context and reports nothing. None
    when no figure can be laid out."""
    scratch = replace(context, problems=[])
    if not _figures_can_be_judged(scratch):
        return None
    skeleton = _entries(scratch, "skeleton", Segment)
    props = _entries(scratch, "props", Prop)
    if not skeleton:
        return None
    taxonomies = tuple(
        placed.document
        for name in ("skeleton", "props")
        for placed in list(scratch.entries.get(name, {}).values())[:1]
    )
    found = []
    for placed, illustration in _illustrated(scratch):
        before = len(scratch.problems)
        _check_pose_data(scratch, placed, illustration, skeleton, props)
        if len(scratch.problems) == before:
            found.append(Posed(placed.id, illustration, (placed.document, *taxonomies)))
    return Figures(skeleton, props, found)


def _illustrated(context: CheckContext) -> Iterator[tuple[Placed, Illustration]]:
    """Each exercise with its illustration. A draft has none yet; only reviewed exercises
    are posed."""
    for placed in context.each("exercises"):
        exercise = placed.entry
        if isinstance(exercise, Exercise) and exercise.illustration is not None:
            yield placed, exercise.illustration


def _figures_can_be_judged(context: CheckContext) -> bool:
    """The skeleton and the props each passed their schema check, and the skeleton hangs
    together (its problems reported in context); else no figure can be laid out."""
    if not (context.complete("skeleton") and context.complete("props")):
        return False  # the taxonomy's own problem is reported
    return _skeleton_hangs_together(context)


def _check_pose_data(
    context: CheckContext,
    placed: Placed,
    illustration: Illustration,
    skeleton: dict[str, Segment],
    props: dict[str, Prop],
) -> None:
    """What a layout relies on: known props and body points, every angle inside its range,
    every contact naming what it touches."""
    _check_props(context, placed, illustration, skeleton, props)
    _check_angles(context, placed, illustration, skeleton)
    _check_contacts(context, placed, illustration, skeleton)


def _skeleton_hangs_together(context: CheckContext) -> bool:
    """Each segment hangs from one listed above it, a one-sided segment from a one-sided
    one: the order the figure is assembled in. Problems are reported in skeleton.yml."""
    before = len(context.problems)
    listed: dict[str, Segment] = {}
    hint = "a segment hangs from one listed above it in content/taxonomy/skeleton.yml"
    for key, placed in context.entries.get("skeleton", {}).items():
        segment = placed.entry
        if not isinstance(segment, Segment):
            continue
        parent = segment.parent
        if parent is not None and parent not in listed:
            if parent in context.entries["skeleton"]:
                message = f"'{key}' hangs from '{parent}', which is listed below it"
            else:
                known = sorted(context.entries["skeleton"])
                message = f"unknown segment '{parent}'{suggest(parent, known)}"
            context.report(placed, ("parent",), message, hint)
        elif parent is not None and listed[parent].sided and not segment.sided:
            context.report(
                placed,
                ("parent",),
                f"'{key}' is drawn once but hangs from '{parent}', which is drawn on both sides",
                "add 'sided: true', or hang it from a segment drawn once",
            )
        listed[key] = segment
    return len(context.problems) == before


def _entries(context: CheckContext, kind: str, model: type[T]) -> dict[str, T]:
    found = {key: p.entry for key, p in context.entries.get(kind, {}).items()}
    return {key: entry for key, entry in found.items() if isinstance(entry, model)}


@per_skeleton
def _point_names(skeleton: dict[str, Segment]) -> list[str]:
    """Every body point a contact or a prop may name, in order."""
    return sorted({p for s in skeleton.values() for p in s.points})


@per_skeleton
def _joints_by_name(skeleton: dict[str, Segment]) -> dict[str, Segment]:
    """Each joint a pose may turn, with the segment it turns."""
    return {segment.joint: segment for segment in skeleton.values()}


def _check_props(
    context: CheckContext,
    placed: Placed,
    illustration: Illustration,
    skeleton: dict[str, Segment],
    props: dict[str, Prop],
) -> None:
    where: Location = ("illustration", "props")
    points = _point_names(skeleton)
    for i, prop in enumerate(illustration.props):
        if isinstance(prop, str):
            context.reference(placed, (*where, i), prop, "props")
            if prop in props and props[prop].kind not in ("ground",):
                context.report(
                    placed,
                    (*where, i),
                    f"prop '{prop}' needs a body point to stand at",
                    f"write it as {{id: {prop}, at: near-hand}} (or another body point)",
                )
            continue
        context.reference(placed, (*where, i, "id"), prop.id, "props")
        ends = [("at", prop.at), *([("to", prop.to)] if isinstance(prop.to, str) else [])]
        for key, point in ends:
            if body_point(skeleton, point) is None:
                side, dash, name = point.rpartition("-")
                close = suggest(name, points).replace("'", f"'{side}{dash}", 1)
                context.report(
                    placed,
                    (*where, i, key),
                    f"unknown body point '{point}'{close}",
                    f"body points are {', '.join(points)}, optionally with 'near-' or 'far-'",
                )
        if prop.pose not in illustration.poses:
            context.report(
                placed,
                (*where, i, "pose"),
                f"prop '{prop.id}' is placed in pose '{prop.pose}', which is not declared",
                "use start, middle or end, whichever the poses declare",
            )
        if prop.id in props and props[prop.id].kind == "band" and prop.to is None:
            context.report(
                placed,
                (*where, i),
                f"band '{prop.id}' needs its other end",
                "add 'to:' with a body point or a fixed [x, height] anchor in cm",
            )


def _check_angles(
    context: CheckContext, placed: Placed, illustration: Illustration, skeleton: dict[str, Segment]
) -> None:
    joints = _joints_by_name(skeleton)
    for required in ("start", "end"):
        if required not in illustration.poses:
            context.report(
                placed,
                ("illustration", "poses"),
                f"the poses have no '{required}'",
                "every illustration declares at least a start and an end pose",
            )
    for name, pose in illustration.poses.items():
        for joint, value in pose.items():
            where: Location = ("illustration", "poses", name, joint)
            if joint == SHIFT:
                if isinstance(value, list):
                    context.report(placed, where, "'x' is one number", "give the shift in cm")
                continue
            segment = joints.get(joint)
            if segment is None:
                context.report(
                    placed,
                    where,
                    f"unknown joint '{joint}'{suggest(joint, sorted(joints))}",
                    f"joints are {', '.join(sorted(joints))}, and 'x' shifts the figure",
                )
                continue
            if isinstance(value, Turns):
                for axis, angle in (("flex", value.flex), ("abd", value.abd), ("rot", value.rot)):
                    if angle is not None:
                        _check_axis(context, placed, (*where, axis), name, segment, axis, angle)
                continue
            axis = plain_axis(illustration.view, segment)
            _check_axis(context, placed, where, name, segment, axis, value, illustration.view)


AXIS_NAMES = {"flex": "flexion", "abd": "abduction", "rot": "rotation"}


def _check_axis(
    context: CheckContext,
    placed: Placed,
    where: Location,
    pose: str,
    segment: Segment,
    axis: str,
    value: float | list[float],
    view: str | None = None,
) -> None:
    """One axis of one joint: one the joint has, a pair only on a limb, inside its range."""
    joint = segment.joint
    if isinstance(value, list) and not segment.sided:
        context.report(
            placed,
            where,
            f"'{joint}' has one side; give one angle, not [near, far]",
            "only limbs take a pair",
        )
        return
    if axis not in segment.ranges:
        axes = ", ".join(segment.ranges)
        context.report(
            placed,
            where,
            f"'{joint}' does not turn about '{axis}'{suggest(axis, list(segment.ranges))}",
            f"the {joint} turns about {axes} (see content/taxonomy/skeleton.yml)",
        )
        return
    low, high = segment.ranges[axis]
    sides = zip(("near ", "far "), value, strict=True) if isinstance(value, list) else [("", value)]
    for i, (side, angle) in enumerate(sides):
        if low <= angle <= high:
            continue
        words = f"in the {view} view" if view else f"of {AXIS_NAMES[axis]}"
        context.report(
            placed,
            (*where, i) if isinstance(value, list) else where,
            f"{side}{joint} angle {angle:g}° in pose '{pose}' is outside its range "
            f"{low:g}..{high:g}° {words}",
            ANGLE_HINT,
        )


def _check_resting(
    context: CheckContext, placed: Placed, illustration: Illustration, laid: Layout
) -> None:
    placement = illustration.placement
    has_bar = any(isinstance(p, PropPlacement) and p.id == "bar" for p in illustration.props)
    if placement == "hanging" and not has_bar:
        context.report(
            placed,
            ("illustration", "placement"),
            "a hanging figure needs a bar to hang from",
            "add {id: bar, at: hand} to the props",
        )
        return
    for pose in laid.poses:
        where: Location = ("illustration", "poses", pose.name)
        if pose.bar_gap is not None and abs(pose.bar_gap) > TOUCH:
            context.report(
                placed,
                where,
                f"the hands are {abs(pose.bar_gap):.0f} cm from the bar in pose '{pose.name}'",
                "change the arm and trunk angles so the hands reach the bar",
            )
        if pose.floor_gap < -TOUCH:
            context.report(
                placed,
                where,
                f"the figure goes {-pose.floor_gap:.0f} cm through the floor in pose '{pose.name}'",
                "bend the knees or hips so the feet clear the floor",
            )
        elif has_bar and placement != "hanging" and pose.floor_gap > TOUCH:
            context.report(
                placed,
                where,
                f"the figure floats {pose.floor_gap:.0f} cm above the floor in pose '{pose.name}'",
                "change the trunk angle so the feet reach the floor",
            )
    if illustration.view == "above":
        return
    start = next((p for p in laid.poses if p.name == "start"), None)
    if start is None:
        return
    for segments, words in RESTS_ON[placement]:
        if not set(segments.split()) & start.touching:
            resting = ", ".join(sorted(start.touching)) or "nothing"
            context.report(
                placed,
                ("illustration", "poses", "start"),
                f"a {placement} figure rests on {words}, but the start pose rests on {resting}",
                "change the angles, or choose the placement that matches the picture",
            )


def _check_contacts(
    context: CheckContext, placed: Placed, illustration: Illustration, skeleton: dict[str, Segment]
) -> None:
    """Each declared contact names a known body point, the floor or a prop the illustration
    draws, and a pose it declares."""
    points = _point_names(skeleton)
    drawn = sorted({p if isinstance(p, str) else p.id for p in illustration.props} - {"floor"})
    for i, contact in enumerate(illustration.contacts):
        where: Location = ("illustration", "contacts", i)
        if body_point(skeleton, contact.at) is None:
            side, dash, name = contact.at.rpartition("-")
            close = suggest(name, points).replace("'", f"'{side}{dash}", 1)
            context.report(
                placed,
                (*where, "at"),
                f"unknown contact point '{contact.at}'{close}",
                f"body points are {', '.join(points)}, optionally with 'near-' or 'far-'",
            )
        if contact.touches != "floor" and contact.touches not in drawn:
            context.report(
                placed,
                (*where, "touches"),
                f"a contact touches '{contact.touches}', which the illustration does not draw"
                f"{suggest(contact.touches, [*drawn, 'floor'])}",
                "a contact touches 'floor' or one of the props listed under 'props'",
            )
        if not set(contact.poses) & set(illustration.poses):
            context.report(
                placed,
                (*where, "poses"),
                "the contact is in none of the declared poses",
                "name start, middle or end, whichever the poses declare",
            )


def _check_touching(
    context: CheckContext, placed: Placed, illustration: Illustration, laid: Layout
) -> None:
    """What a reader sees: each declared contact touching, nothing passing into a prop,
    every prop touched, and a standing figure balanced over its feet."""
    for pose in laid.poses:
        where: Location = ("illustration", "poses", pose.name)
        for i, gap in sorted(pose.contact_gaps.items()):
            if gap > TOLERANCE:
                contact = illustration.contacts[i]
                context.report(
                    placed,
                    ("illustration", "contacts", i),
                    f"the {contact.at} is {gap:.0f} cm from the {contact.touches} in pose "
                    f"'{pose.name}', not touching it",
                    "change the angles so it reaches, or place the prop at that point",
                )
        for limb, prop, depth in pose.through:
            context.report(
                placed,
                where,
                f"the {limb} passes {depth:.0f} cm into the {prop} in pose '{pose.name}'",
                "change the angles so it rests on the prop, or move the prop",
            )
        if pose.balance is not None and pose.balance.outside > 0:
            context.report(
                placed,
                where,
                f"the centre of mass is {pose.balance.outside:.0f} cm {pose.balance.direction} "
                f"the feet in pose '{pose.name}': a standing figure would fall",
                "lean the trunk or move the arms so the weight is over the feet",
            )
    touched: set[str] = set().union(*(pose.touched for pose in laid.poses))
    for i, entry in enumerate(illustration.props):
        if not isinstance(entry, PropPlacement):
            continue
        kind = next((p.kind for p in laid.props if p.id == entry.id), None)
        if kind in ("support", "wall", "bar", "anchor") and entry.id not in touched:
            context.report(
                placed,
                ("illustration", "props", i),
                f"nothing touches the {entry.id} in any pose",
                "place it at a point the figure rests on, or remove it",
            )
