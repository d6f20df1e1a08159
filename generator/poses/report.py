"""What `guide pose` says about a figure besides drawing it: for each key pose, what the
body rests on, how far each declared contact is from touching, and the balance."""

from __future__ import annotations

from generator.guide import Guide
from generator.model import Exercise
from generator.poses.contacts import TOLERANCE
from generator.poses.layout import layout


def contact_report(guide: Guide, key: str) -> list[str]:
    """One line per fact, pose by pose, in the words the checks use."""
    exercise = guide.exercises[key]
    if not isinstance(exercise, Exercise) or exercise.illustration is None:
        return []
    illustration = exercise.illustration
    laid = guide.layouts.get(key) or layout(illustration, guide.skeleton, guide.props)
    lines = [f"{key}: seen from the {illustration.view}, {illustration.placement}"]
    for pose in laid.poses:
        resting = ", ".join(sorted(pose.touching)) or "nothing"
        props = ", ".join(sorted(pose.touched)) or "no prop"
        lines.append(f"  {pose.name}: rests on {resting}; touches {props}")
        for i, gap in sorted(pose.contact_gaps.items()):
            contact = illustration.contacts[i]
            verdict = "touching" if gap <= TOLERANCE else f"{gap:.0f} cm off"
            lines.append(f"    {contact.at} on the {contact.touches}: {verdict}")
        if pose.balance is not None:
            balance = pose.balance
            where = (
                "over the feet"
                if balance.outside <= 0
                else f"{balance.outside:.0f} cm {balance.direction} the feet"
            )
            lines.append(f"    centre of mass: {where}")
    if not illustration.contacts:
        lines.append("  no contacts declared (see CONTRIBUTING.md, 'Contacts')")
    return lines
