"""Body-map rules: every muscle is drawn on the figure it is seen on, every region is a muscle."""

from __future__ import annotations

from generator.checks.context import CheckContext, suggest
from generator.model import BodyRegion, Muscle


def check_body_map(context: CheckContext) -> None:
    regions = context.entries.get("body-map", {})
    for key, placed in context.entries.get("muscles", {}).items():
        muscle = placed.entry
        assert isinstance(muscle, Muscle)
        region = regions.get(key)
        if region is None:
            if key not in context.ids["body-map"] and "body-map" not in context.unknowable:
                context.report(
                    placed,
                    (),
                    f"muscle '{key}' has no region on the body map",
                    "add its shapes to content/taxonomy/body-map.yml",
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
