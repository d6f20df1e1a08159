"""Coarse muscle groups ('glutes', 'calves') and how a muscle without its own shape is drawn.

A group lists its member muscles; naming a group in an exercise stands for all of them. A
muscle may be added before anyone draws its shape on the body map: until then it is drawn
as the group that lists it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from generator.model import Muscle


def groups_of(muscles: Mapping[str, Muscle]) -> dict[str, list[str]]:
    """Muscle id → the groups listing it, in taxonomy order."""
    found: dict[str, list[str]] = {}
    for key, muscle in muscles.items():
        for member in muscle.members:
            found.setdefault(member, []).append(key)
    return found


def _group_regions(key: str, muscles: Mapping[str, Muscle], drawn: Collection[str]) -> list[str]:
    if key in drawn:
        return [key]
    return [member for member in muscles[key].members if member in drawn]


def regions_for(key: str, muscles: Mapping[str, Muscle], drawn: Collection[str]) -> list[str]:
    """The body-map regions that show ``key``: its own, its members', or its group's."""
    if key in drawn or muscles[key].members:
        return _group_regions(key, muscles, drawn)
    for group in groups_of(muscles).get(key, []):
        regions = _group_regions(group, muscles, drawn)
        if regions:
            return regions
    return []


def drawn_as_group(muscles: Mapping[str, Muscle], drawn: Collection[str]) -> dict[str, str]:
    """Muscles still without a shape of their own → the group they are drawn as."""
    shapeless: dict[str, str] = {}
    groups = groups_of(muscles)
    for key, muscle in muscles.items():
        if key in drawn or muscle.members:
            continue
        for group in groups.get(key, []):
            if _group_regions(group, muscles, drawn):
                shapeless[key] = group
                break
    return shapeless
