"""Every cross-file rule, one module per family; ``run_checks`` runs them in order."""

from __future__ import annotations

from collections.abc import Callable

from generator.checks.body_map import check_body_map
from generator.checks.captions import check_captions
from generator.checks.citations import (
    check_citations_resolve,
    check_general_sources_not_padded,
    check_links_supported,
)
from generator.checks.context import CheckContext
from generator.checks.drafts import check_drafts_stay_out_of_advice
from generator.checks.glossary import check_glossary
from generator.checks.images import check_images
from generator.checks.names import check_unique_names
from generator.checks.pages import check_hand_written_pages
from generator.checks.plan import check_plan
from generator.checks.poses import check_poses
from generator.checks.progressions import check_no_progression_cycles
from generator.checks.references import check_references
from generator.checks.routines import (
    check_items_fit_when,
    check_routine_exercises_tagged,
    check_routine_minutes,
)
from generator.checks.sources import check_sources_findable
from generator.problems import Problem

RULE_FAMILIES: tuple[Callable[[CheckContext], None], ...] = (
    check_references,
    check_drafts_stay_out_of_advice,
    check_body_map,
    check_unique_names,
    check_captions,
    check_no_progression_cycles,
    check_sources_findable,
    check_citations_resolve,
    check_links_supported,
    check_general_sources_not_padded,
    check_routine_minutes,
    check_items_fit_when,
    check_routine_exercises_tagged,
    check_hand_written_pages,
    check_poses,
    check_images,
    check_plan,
    check_glossary,
)
"""The order problems are found in; the report is sorted by file and line afterwards."""


def run_checks(context: CheckContext) -> list[Problem]:
    for family in RULE_FAMILIES:
        family(context)
    return context.problems
