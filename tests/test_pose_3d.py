"""The 3-D figure: poses keep their meaning in every view, contacts are reached and hold,
and tinted muscles sit on their own segment, on the face the reader sees."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from generator.guide import Guide
from generator.model import Exercise
from generator.model.poses import Illustration, Turns
from generator.pipeline import check
from generator.poses.contacts import TOLERANCE, reach, subtree
from generator.poses.draw import draw_movement, exercise_movement
from generator.poses.figure import Node
from generator.poses.kinematics import camera, frames, limbs
from generator.poses.layout import body_point, layout, spheres
from generator.poses.report import contact_report
from generator.poses.shapes import segment_shape

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def guide() -> Guide:
    found, problems = check(ROOT / "content")
    assert found is not None, problems
    return found


def _illustrated(guide: Guide) -> list[tuple[str, Illustration]]:
    return [
        (key, exercise.illustration)
        for key, exercise in sorted(guide.exercises.items())
        if isinstance(exercise, Exercise) and exercise.illustration is not None
    ]


def _point(guide: Guide, view: str, pose: dict[str, object], name: str) -> tuple[float, ...]:
    placed = frames(limbs(guide.skeleton, view, pose))  # type: ignore[arg-type]
    point = body_point(guide.skeleton, name)
    assert point is not None
    return placed[point.limb].apply(point.local)


def test_a_plain_hip_angle_is_flexion_from_the_side_and_abduction_from_the_front(
    guide: Guide,
) -> None:
    side = _point(guide, "side", {"hip": 90}, "near-knee")
    front = _point(guide, "front", {"hip": 90}, "near-knee")
    assert side[0] > 40 and abs(side[1]) < 1  # the knee forward at hip height
    assert front[2] > 40 and abs(front[1]) < 1  # the knee out to the right side
    seen = camera("front").project(front)
    assert seen[0] < -40  # the figure's right is on the viewer's left


def test_a_joint_can_turn_about_several_axes_at_once(guide: Guide) -> None:
    flexed = _point(guide, "side", {"hip": Turns(flex=90)}, "near-knee")
    both = _point(guide, "side", {"hip": Turns(flex=90, abd=30)}, "near-knee")
    assert both[2] > flexed[2] + 15  # abducted out to the side as well as forward


def test_reaching_a_contact_keeps_the_bones_their_length(guide: Guide) -> None:
    key_limbs = limbs(guide.skeleton, "side", {})
    parents = {limb.key: limb.parent for limb in key_limbs}
    placed = frames(key_limbs)
    hand = body_point(guide.skeleton, "near-hand")
    assert hand is not None
    target = (30.0, 60.0, 14.0)
    moved = reach(placed, parents, hand.limb, hand.local, target)
    assert math.dist(moved[hand.limb].apply(hand.local), target) < 0.1
    upper = math.dist(moved["near-upper-arm"].origin, moved["near-forearm"].origin)
    assert upper == pytest.approx(30, abs=0.01)
    assert moved["torso"] == placed["torso"]
    assert set(subtree(parents, "near-upper-arm")) == {"near-upper-arm", "near-forearm"}


def test_every_declared_contact_touches_in_every_pose(guide: Guide) -> None:
    checked = 0
    for key, laid in guide.layouts.items():
        exercise = guide.exercises[key]
        assert isinstance(exercise, Exercise) and exercise.illustration is not None
        for pose in laid.poses:
            for i, gap in pose.contact_gaps.items():
                checked += 1
                contact = exercise.illustration.contacts[i]
                assert gap <= TOLERANCE, (key, pose.name, contact.at, contact.touches, gap)
    assert checked > 20


def test_calf_raise_stands_on_the_balls_of_the_feet_with_the_heels_free(guide: Guide) -> None:
    laid = guide.layouts["calf-raise"]
    step = next(p for p in laid.props if p.id == "step")
    assert step.solid is not None
    for pose in laid.poses:
        heel = body_point(guide.skeleton, "near-heel")
        ball = body_point(guide.skeleton, "near-ball")
        assert heel is not None and ball is not None
        heel_at = pose.frames[heel.limb].apply(heel.local)
        ball_at = pose.frames[ball.limb].apply(ball.local)
        assert step.solid.across[0] < ball_at[0] < step.solid.across[1]
        assert ball_at[1] == pytest.approx(step.solid.height, abs=TOLERANCE)
        assert heel_at[0] < step.solid.across[0]  # past the edge, nothing under the heel
    start = laid.poses[0]
    heel = body_point(guide.skeleton, "near-heel")
    assert heel is not None
    assert start.frames[heel.limb].apply(heel.local)[1] < step.solid.height  # dropped


def test_the_clamshell_knee_opens_towards_the_reader(guide: Guide) -> None:
    figure = exercise_movement(guide, "clamshell")
    assert figure is not None
    laid = guide.layouts["clamshell"]
    view = laid.camera
    knees = [view.project(p.frames["near-shin"].origin) for p in laid.poses]
    assert knees[0][1] - knees[-1][1] > 15  # the top knee rises in the picture


def _nodes(root: Node) -> list[Node]:
    found, waiting = [], [root]
    while waiting:
        node = waiting.pop()
        found.append(node)
        waiting += [*node.behind, *node.children]
    return found


def _box(path: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    pairs = list(zip(numbers[0::2], numbers[1::2], strict=False))
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    return (min(xs), min(ys), max(xs), max(ys))


def test_every_tinted_muscle_lies_on_its_own_segment_in_every_view(guide: Guide) -> None:
    tinted = 0
    for key in guide.layouts:
        figure = exercise_movement(guide, key)
        assert figure is not None
        exercise = guide.exercises[key]
        assert isinstance(exercise, Exercise)
        worked = {*exercise.muscles.primary, *exercise.muscles.secondary}
        for node in _nodes(figure.root):
            segment_key = node.key.removeprefix("near-").removeprefix("far-")
            segment = guide.skeleton[segment_key]
            flavour = "side" if node.shape.endswith("-s") else "front"
            shape = segment_shape(segment, flavour)
            outline = _box(shape.outline)
            for part_id, _ in node.parts:
                tinted += 1
                part = part_id.removeprefix(node.shape + "-")
                assert part_id.startswith(node.shape + "-"), (key, node.key, part_id)
                assert any(segment.muscles[m] == part for m in worked & set(segment.muscles))
                left, top, right, bottom = _box(shape.parts[part])
                assert outline[0] - 1 <= left and right <= outline[2] + 1, (key, part_id)
                assert outline[1] - 1 <= top and bottom <= outline[3] + 1, (key, part_id)
    assert tinted > 100


def test_gluteus_medius_is_tinted_on_the_outer_hips_not_the_belly_seen_from_the_front(
    guide: Guide,
) -> None:
    shape = segment_shape(guide.skeleton["torso"], "front")
    assert guide.skeleton["torso"].muscles["gluteus-medius"] == "outer-hip"
    _, top, _, _ = _box(shape.parts["outer-hip"])
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", shape.parts["outer-hip"])]
    xs = numbers[0::2]
    assert min(abs(x) for x in xs) > 8  # every point well out from the midline
    assert top > -20  # at the hips, below the belly button, never up on the chest


def test_the_pull_up_bar_is_seen_as_a_bar_not_a_dot(guide: Guide) -> None:
    exercise = guide.exercises["pull-up"]
    assert isinstance(exercise, Exercise) and exercise.illustration is not None
    assert exercise.illustration.view != "side"
    laid = layout(exercise.illustration, guide.skeleton, guide.props)
    bar = next(p for p in laid.props if p.id == "bar")
    assert abs(bar.box[2]) > 20  # seen as a bar, not a dot
    data = exercise.illustration.model_dump(exclude_none=True)
    data["view"] = "side"
    side = layout(Illustration.model_validate(data), guide.skeleton, guide.props)
    assert next(p for p in side.props if p.id == "bar").box[2] == pytest.approx(0, abs=0.01)


def test_guide_pose_reports_each_contact_of_each_pose(guide: Guide) -> None:
    lines = contact_report(guide, "dumbbell-row")
    assert lines[0] == "dumbbell-row: seen from the side, kneeling"
    for pose in ("start", "end"):
        block = lines[lines.index(next(li for li in lines if li.startswith(f"  {pose}:"))) :]
        assert "    far-knee on the bench: touching" in block[:5]
        assert "    far-hand on the bench: touching" in block[:5]
    assert contact_report(guide, "glute-bridge")[-1].startswith("  no contacts declared")


def test_a_bar_seen_end_on_shows_what_holds_it_up(guide: Guide) -> None:
    """A chin-up bar hangs from uprights above it; an inverted-row bar stands on the floor."""
    chin_up = exercise_movement(guide, "chin-up")
    row = exercise_movement(guide, "inverted-row")
    assert chin_up is not None and row is not None
    for figure, reaches in ((chin_up, "up"), (row, "floor")):
        (bar,) = figure.bars
        assert bar.end_on is not None
        x, y = bar.end_on
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", bar.path)]
        assert numbers[:2] == [x, y]  # the mount starts at the bar
        if reaches == "up":
            assert numbers[-1] < y - 10
        else:
            assert numbers[-1] == 0  # down to the floor


def test_a_band_tied_to_a_fixed_point_is_drawn_to_a_post_standing_on_the_floor(
    guide: Guide,
) -> None:
    anchored = sorted(
        key
        for key, illustration in _illustrated(guide)
        if any(isinstance(getattr(p, "to", None), list) for p in illustration.props)
    )
    assert {"pallof-press", "wood-chop", "standing-band-hip-adduction"} <= set(anchored)
    for key in anchored:
        figure = exercise_movement(guide, key)
        assert figure is not None
        (post,) = figure.posts
        (_, paths) = figure.bands[0]
        for path in paths:  # the band ends at the knot on the post in every pose
            end = [float(n) for n in path.split()[-2:]]
            assert end == pytest.approx(list(post.knot), abs=0.1)
        assert post.x <= post.knot[0] <= post.x + post.width
        assert post.top < post.knot[1] < 0  # from the floor up past the knot
        left, top, width, _ = figure.view_box
        assert left <= post.x and post.x + post.width <= left + width and top <= post.top


def test_a_seated_figure_stays_on_its_seat_when_the_legs_straighten(guide: Guide) -> None:
    """With the legs out and the hands hanging past the seat, the knee extension's end pose
    once sank through its seat until a hand reached the floor."""
    exercise = guide.exercises["knee-extension"]
    assert isinstance(exercise, Exercise) and exercise.illustration is not None
    laid = layout(exercise.illustration, guide.skeleton, guide.props)
    chair = next(p for p in laid.props if p.id == "leg-extension-seat")
    assert chair.solid is not None
    for pose in laid.poses:
        seat = min(
            centre[1] - r
            for limb, centre, r in spheres(guide.skeleton, pose.frames)
            if limb == "torso"
        )
        assert chair.solid.height - 0.5 < seat < chair.solid.height + 2, pose.name


def test_the_side_plank_lifts_the_hips_from_start_to_end(guide: Guide) -> None:
    """The caption says the hips lift until the body is straight; the figure must do that,
    not lower them."""
    exercise = guide.exercises["side-plank"]
    assert isinstance(exercise, Exercise) and exercise.illustration is not None
    laid = layout(exercise.illustration, guide.skeleton, guide.props)
    start, end = (
        min(
            centre[1] - r
            for limb, centre, r in spheres(guide.skeleton, p.frames)
            if limb == "torso"
        )
        for p in (laid.poses[0], laid.poses[-1])
    )
    assert end - start > 6


def test_a_figure_seen_from_above_at_an_angle_stands_or_lies_on_a_drawn_floor(
    guide: Guide,
) -> None:
    seen = [
        key for key, illustration in _illustrated(guide) if illustration.view == "three-quarter"
    ]
    assert "clamshell" in seen
    for key in seen:
        figure = exercise_movement(guide, key)
        assert figure is not None and figure.floor is not None, key
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", figure.floor)]
        corners = list(zip(numbers[0::2], numbers[1::2], strict=True))
        assert len(corners) == 4
        lowest = max(max(s.start[1], s.end[1]) for s in figure.strokes)
        assert min(y for _, y in corners) < lowest < max(y for _, y in corners), key
        left, top, width, height = figure.view_box
        for x, y in corners:
            assert left <= x <= left + width and top <= y <= top + height, key


def test_every_standing_pose_on_its_feet_alone_is_balanced_over_them(guide: Guide) -> None:
    """Declared contacts or not: a standing figure on its feet has its weight over them,
    and a runner caught mid-stride (placement 'moving') is not held to it."""
    judged = 0
    for key, illustration in _illustrated(guide):
        laid = layout(illustration, guide.skeleton, guide.props)
        for pose in laid.poses:
            if illustration.placement == "moving":
                assert pose.balance is None, key
            elif pose.balance is not None:
                judged += 1
                assert pose.balance.outside == 0, (key, pose.name)
    assert judged > 60
    strides = guide.exercises["strides"]
    assert isinstance(strides, Exercise) and strides.illustration is not None
    assert strides.illustration.placement == "moving"


def test_banded_ankle_eversion_and_inversion_turn_the_sole_out_and_in_against_a_band(
    guide: Guide,
) -> None:
    """Seen from the front, the trained (near) foot tilts at the end: its sole faces out,
    away from the other foot, for eversion and in for inversion; and the band pulling
    against it is drawn."""
    facing = {}
    for key in ("banded-ankle-eversion", "banded-ankle-inversion"):
        exercise = guide.exercises[key]
        assert isinstance(exercise, Exercise) and exercise.illustration is not None
        assert exercise.illustration.view == "front"
        end = layout(exercise.illustration, guide.skeleton, guide.props).poses[-1].frames
        outward = 1 if end["near-thigh"].origin[2] > end["far-thigh"].origin[2] else -1
        sole = -end["near-foot"].basis[2][1]  # the sole's direction across the body
        facing[key] = math.degrees(math.asin(sole)) * outward
        figure = exercise_movement(guide, key)
        assert figure is not None and figure.bands
    assert facing["banded-ankle-eversion"] > 15
    assert facing["banded-ankle-inversion"] < -15


def test_a_seat_back_rises_behind_whoever_sits_on_it(guide: Guide) -> None:
    """Seen from the side the sitter faces right, so a chair's or a machine's back is drawn
    left of the hips; it once stood at the front edge, between the seat and the knees."""
    checked = 0
    for key, illustration in _illustrated(guide):
        seats = [
            p.id
            for p in illustration.props
            if not isinstance(p, str) and p.id in ("chair", "leg-extension-seat")
        ]
        if illustration.view != "side" or not seats:
            continue
        figure = exercise_movement(guide, key)
        assert figure is not None
        drawn = draw_movement(figure, Markup(""))
        rects = [
            tuple(float(n) for n in found)
            for found in re.findall(
                r'<rect class="mv-prop" x="([-\d.]+)" y="([-\d.]+)" '
                r'width="([-\d.]+)" height="([-\d.]+)"',
                drawn,
            )
        ]
        x, _, width, _ = max(rects, key=lambda rect: rect[3])  # the back is the tallest part
        laid = layout(illustration, guide.skeleton, guide.props)
        seated = [p for p in laid.poses if p.touched & set(seats)]
        assert seated, key
        hips = laid.camera.project(seated[-1].frames["torso"].origin)[0]
        assert x + width < hips, key
        checked += 1
    assert checked >= 5
