"""What every page family renders from, built once per build: the guide, its indexes, the
drawn figures and stills, and the values the templates share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import markupsafe

from generator.finder import try_order
from generator.guide import Guide
from generator.indexes import Indexes, build_indexes
from generator.media.pictures import pictures
from generator.model import Exercise
from generator.poses.draw import draw_movement, draw_shapes, draw_still, exercise_movement
from generator.poses.figure import Movement, SharedShape, shared_shapes
from generator.render.body_map import body_map
from generator.render.formatting import HTML
from generator.render.ladders import Rung, ladder
from generator.render.page import FIGURE_SLOT
from generator.render.urls import html_href
from generator.search_terms import telling_symptom_words, vocabulary


@dataclass(frozen=True)
class RenderContext:
    """One build's inputs to rendering; page families read it and never change it (the body
    maps drawn so far are kept in ``drawn``, a cache that changes no output)."""

    guide: Guide
    indexes: Indexes
    directory_urls: bool
    page_size: int
    site_path: str | None
    figures: dict[str, Movement | None]
    shapes: list[SharedShape]
    stills: dict[str, str]
    """Exercise id → its still drawing, for every exercise that has a figure."""
    ladders: dict[str, list[Rung]]
    words: set[str]
    """Every word of the guide's names and summaries, for splitting search variants."""
    symptoms: dict[str, list[str]]
    """Problem area id → the symptom words that tell it apart, for its search terms."""
    drawn: dict[tuple[tuple[str, ...], tuple[str, ...]], markupsafe.Markup] = field(
        default_factory=dict
    )
    summaries: dict[str, str] = field(default_factory=dict)
    """Texts drawn only from what more than one page shows (never a kind's own-page fields),
    such as the plan builder's data: worked out once, and kept when a save renders only
    own pages again (generator/render/partial.py)."""

    def summary(self, name: str, make: Callable[[], str]) -> str:
        """The text ``make`` writes, worked out once for this context and the ones a
        partial render derives from it."""
        if name not in self.summaries:
            self.summaries[name] = make()
        return self.summaries[name]

    def exercise_body_map(self, key: str) -> markupsafe.Markup:
        """Exercises that work the same muscles share one drawing, rendered once."""
        muscles = self.guide.exercises[key].muscles
        signature = (tuple(muscles.primary), tuple(muscles.secondary))
        if signature not in self.drawn:
            self.drawn[signature] = body_map(
                self.guide,
                title="Muscles worked",
                primary=muscles.primary,
                secondary=muscles.secondary,
                highlighted_regions_only=True,
            )
        return self.drawn[signature]

    def muscle_body_map(self, key: str) -> markupsafe.Markup:
        """Where one muscle sits, for its own page."""
        return body_map(
            self.guide,
            title=f"Where the {self.guide.muscles[key].name} is",
            primary=[key],
            highlighted_views_only=True,
        )

    def movement_figure(self, key: str) -> markupsafe.Markup:
        """The exercise's figure, carrying the shapes it draws with (once on its page)."""
        figure = self.figures[key]
        if figure is None:
            return markupsafe.Markup("")
        return draw_movement(figure, draw_shapes(self.shapes, figure.used))

    def exercise_images(self, key: str) -> markupsafe.Markup:
        """Contributors' photos and drawings, addressed from the exercise's own page. Only
        reviewed exercises carry images; the draft template never asks for them."""
        exercise = self.guide.exercises[key]
        assert isinstance(exercise, Exercise)
        if self.site_path is None:
            media = html_href(f"exercises/{key}.md", "media/index.md", self.directory_urls)
            site_root = media.removesuffix("media/")
        else:
            site_root = self.site_path
        shown = pictures(exercise.images, self.guide.media, self.guide.licenses, site_root)
        return markupsafe.Markup(
            HTML.get_template("fragments/image_figure.html.j2").render(pictures=shown)
        )

    def shared(self) -> dict[str, Any]:
        """What every page template may use."""
        return {
            "figure_slot": markupsafe.Markup(FIGURE_SLOT),
            "stills": self.stills,
            "guide": self.guide,
            "indexes": self.indexes,
            "ladders": self.ladders,
            "try_order": {
                key: try_order(self.guide, self.indexes, key) for key in self.guide.problem_areas
            },
            "exercise_body_map": self.exercise_body_map,
            "muscle_body_map": self.muscle_body_map,
            "exercise_images": self.exercise_images,
            "muscle_index_map": body_map(
                self.guide,
                title="Body map: choose a muscle",
                links=True,
                directory_urls=self.directory_urls,
            ),
        }


def names(entry: Any) -> list[str]:
    """What an entry is called: its name, Latin name and aliases, when it has them."""
    return [
        entry.name,
        *([entry.anatomical_name] if hasattr(entry, "anatomical_name") else []),
        *getattr(entry, "aliases", []),
    ]


def _names_and_summaries(guide: Guide) -> list[str]:
    """The words search variants may be split into ('clamshell' as 'clam shell')."""
    groups = (guide.exercises, guide.muscles, guide.equipment, guide.problem_areas)
    return [
        text
        for group in groups
        for entry in group.values()
        for text in [*names(entry), entry.summary]
        if text is not None
    ]


def render_context(
    guide: Guide,
    *,
    directory_urls: bool,
    page_size: int,
    site_path: str | None,
    drawn_before: RenderContext | None = None,
) -> RenderContext:
    """Everything the page families share, worked out once. The figures of exercises that
    are unchanged since ``drawn_before`` (same entry, same skeleton and props) are kept."""
    indexes = build_indexes(guide)
    kept: dict[str, Movement | None] = {}
    if drawn_before is not None and (drawn_before.guide.skeleton, drawn_before.guide.props) == (
        guide.skeleton,
        guide.props,
    ):
        earlier = drawn_before.guide.exercises
        kept = {
            key: figure
            for key, figure in drawn_before.figures.items()
            if key in guide.exercises and earlier.get(key) == guide.exercises[key]
        }
    figures = {
        key: kept[key] if key in kept else exercise_movement(guide, key) for key in guide.exercises
    }
    return RenderContext(
        guide=guide,
        indexes=indexes,
        directory_urls=directory_urls,
        page_size=page_size,
        site_path=site_path,
        figures=figures,
        shapes=shared_shapes(guide.skeleton),
        stills={
            key: drawn_before.stills[key]
            if drawn_before is not None and key in kept and key in drawn_before.stills
            else draw_still(figure)
            for key, figure in figures.items()
            if figure is not None
        },
        ladders={key: ladder(key, indexes) for key in guide.exercises},
        words=vocabulary(_names_and_summaries(guide)),
        symptoms=telling_symptom_words(
            {key: area.symptoms for key, area in guide.problem_areas.items()}
        ),
    )
