"""Body-map rules: every muscle can be drawn, on the figure it is seen on, and every region is a
muscle; coarse groups list single muscles only."""

from __future__ import annotations

from generator.checks.context import CheckContext
from generator.checks.suggestions import suggest
from generator.model import BodyRegion, Muscle
from generator.muscle_groups import drawn_as_group, regions_for


def check_body_map(context: CheckContext) -> None:
    regions = context.entries.get("body-map", {})
    muscles = {
        key: placed.entry
        for key, placed in context.entries.get("muscles", {}).items()
        if isinstance(placed.entry, Muscle)
    }
    drawn = context.ids["body-map"]
    shapeless = drawn_as_group(muscles, drawn)
    for key, placed in context.entries.get("muscles", {}).items():
        muscle = placed.entry
        assert isinstance(muscle, Muscle)
        for i, member in enumerate(muscle.members):
            if member in muscles and muscles[member].members:
                context.report(
                    placed,
                    ("members", i),
                    f"'{member}' is itself a group; a group lists single muscles",
                    f"list the muscles of '{member}' instead",
                )
        region = regions.get(key)
        if region is None:
            if (
                key not in drawn
                and key not in shapeless
                and not regions_for(key, muscles, drawn)
                and "body-map" not in context.unknowable
            ):
                context.report(
                    placed,
                    (),
                    f"muscle '{key}' has no region on the body map",
                    "add its shapes to content/taxonomy/body-map.yml, or list it in the "
                    "members of a group that is drawn",
                )
            continue
        assert isinstance(region.entry, BodyRegion)
        if region.entry.view != muscle.view:
            context.report(
                region,
                ("view",),
                f"'{key}' is drawn on the {region.entry.view} figure but seen from the "
                f"{muscle.view} in muscles.yml",
                "make the two views agree",
            )
    for key, placed in regions.items():
        if key not in context.ids["muscles"] and "muscles" not in context.unknowable:
            context.report(
                placed,
                (),
                f"body-map region '{key}' is not a muscle"
                + suggest(key, sorted(context.ids["muscles"])),
                "region keys are muscle ids from content/taxonomy/muscles.yml",
            )
