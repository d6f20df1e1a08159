"""Turn a validated guide into Markdown pages in memory, through the templates in templates/.

The result is a plain mapping of page path to text, so any Markdown site engine can publish
it; nothing here knows about MkDocs.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
import markupsafe

from generator.bibliography import bibliography, numbered
from generator.durations import SIDE_SWITCH_SECONDS
from generator.finder import INDEX_PATH, filters, finder_index, try_order
from generator.glossary import GLOSSARY_PAGE
from generator.indexes import Indexes, build_indexes
from generator.listings import PAGE_SIZE, Groups, Listing, link, paginate
from generator.media.pictures import pictures
from generator.model import Dosage, Effort, Exercise, Guide
from generator.muscle_groups import regions_for
from generator.plan.data import DATA_PATH as PLAN_DATA_PATH
from generator.plan.data import plan_json
from generator.plan.model import PlanRules
from generator.plan.page import plan_page
from generator.poses.draw import draw_movement, draw_shapes, draw_still, exercise_movement
from generator.poses.figure import shared_shapes
from generator.release import Release
from generator.search_terms import name_keys, search_terms, telling_symptom_words, vocabulary
from generator.templating import environment

LABELS = {
    "warm-up": "Warm-up",
    "pre-run": "Before a run",
    "post-run": "After a run",
    "strength-day": "Strength day",
    "separate-day": "On a separate day",
    "after-speed-work": "After a speed session",
    "research": "Research",
    "clinical-consensus": "Clinical consensus",
    "expert-review": "Expert review",
    "coaching-opinion": "Coaching opinion",
    "guideline": "Clinical practice guideline",
    "systematic-review": "Systematic review",
    "trial": "Trial",
    "observational": "Observational study",
    "expert-consensus": "Expert consensus",
    "narrative-review": "Narrative review or clinical commentary",
    "coaching": "Coaching article",
    "beginner": "Beginner",
    "intermediate": "Intermediate",
    "advanced": "Advanced",
    "hip": "Hip",
    "thigh": "Thigh",
    "lower-leg": "Lower leg",
    "trunk": "Trunk",
    "upper-body": "Upper body",
    "front": "Front",
    "back": "Back",
    "push": "Push",
    "pull": "Pull",
    "static": "Static hold",
    "compound": "Compound (several joints)",
    "isolation": "Isolation (one joint)",
}
"""How allowed values read on a page."""


@dataclass(frozen=True)
class Page:
    """One rendered Markdown page and the content file it came from (for edit links).

    ``easier`` and ``harder`` are the neighbouring pages on the exercise's ladder, so the
    page footer can step a reader down or up it.
    """

    text: str
    source: str | None
    easier: str | None = None
    harder: str | None = None
    fragments: dict[str, str] = field(default_factory=dict)
    """Placeholder → HTML to put in its place after Markdown conversion: large drawings
    that Markdown would only parse and copy (see FIGURE_SLOT)."""

    def html(self, converted: str) -> str:
        """The converted page with every fragment in place of its placeholder."""
        for placeholder, fragment in self.fragments.items():
            converted = converted.replace(placeholder, fragment, 1)
        return converted


def amount(dosage: Dosage) -> str:
    """One set as a runner reads it: '12', '30 s hold', '45 s of work' or '5 min of work'."""
    if dosage.reps is not None:
        return f"{dosage.reps}"
    if dosage.hold_seconds is not None:
        return f"{dosage.hold_seconds} s hold"
    if dosage.work_seconds is not None:
        return f"{dosage.work_seconds} s of work"
    return f"{dosage.work_minutes} min of work"


def dose(dosage: Dosage, per_side: bool = False) -> str:
    """A dose as a runner reads it: '3 × 12 each side, rest 45 s'."""
    side = " each side" if per_side else ""
    rest = f", rest {dosage.rest_seconds} s" if dosage.rest_seconds else ", no rest"
    return f"{dosage.sets} × {amount(dosage)}{side}{rest}"


def effort(value: Effort | None) -> str:
    """How hard a set should feel, as a runner reads it: '2 reps in reserve' or 'RPE 7'."""
    if value is None:
        return ""
    if value.rir is not None:
        return f"{value.rir} rep{'s' * (value.rir != 1)} in reserve"
    return f"RPE {value.rpe:g}"


_ALWAYS_ESCAPED = re.compile(r"([\\`\[\]{}|])")
_LIST_NUMBER = re.compile(r"\d+(?=[.)])")
_BLOCK_MARKERS = ("#", "- ", "+ ", "* ")


def markdown_text(value: object) -> object:
    """Every value a template prints, made safe to drop into Markdown.

    Content text may use *emphasis* and nothing else: line breaks are collapsed so a field
    stays inside its list item or table cell, and the characters that would start a link,
    code span, table cell, attribute list or block (heading, list, quote) are
    backslash-escaped. HTML characters are escaped afterwards by autoescaping. Values a
    template marks safe (macros, tojson) pass through untouched.
    """
    if not isinstance(value, str) or isinstance(value, markupsafe.Markup):
        return value
    text = _ALWAYS_ESCAPED.sub(r"\\\1", " ".join(value.split()))
    if text.startswith(_BLOCK_MARKERS) or (text and set(text) == {"-"}):
        return "\\" + text
    number = _LIST_NUMBER.match(text)
    if number:
        return f"{text[: number.end()]}\\{text[number.end() :]}"
    return text


def front_matter(value: str) -> markupsafe.Markup:
    """A front-matter string for titles and descriptions.

    MkDocs and the theme print these into the page, its title and its meta tags without
    escaping, so the HTML characters are escaped here; apostrophes stay readable because
    the theme always quotes attributes with double quotes.
    """
    escaped = " ".join(value.split()).replace("&", "&amp;").replace("<", "&lt;")
    escaped = escaped.replace(">", "&gt;").replace('"', "&quot;")
    return markupsafe.Markup(json.dumps(escaped, ensure_ascii=False))


def _environment() -> jinja2.Environment:
    markdown = environment(autoescape=True, finalize=markdown_text)
    markdown.filters["front_matter"] = front_matter
    markdown.filters["label"] = lambda value: LABELS.get(value, value)
    markdown.globals["dose"] = dose
    markdown.globals["effort"] = effort
    # The player times the side switches the routine's duration counts (and, per item,
    # its changeovers).
    markdown.globals["player_timing"] = {"side_switch": SIDE_SWITCH_SECONDS}
    markdown.globals["amount"] = amount
    return markdown


_ENVIRONMENT = _environment()
_HTML = environment(autoescape=True, keep_trailing_newline=False)
"""For the HTML fragments embedded in pages (the body map): escaped, never Markdown-escaped."""

VIEWS = (("front", "Front"), ("back", "Back"))
FIGURE_WIDTH, VIEW_STEP = 200, 220
"""Each figure is 200 units wide; the next one starts 220 units to the right."""
FIGURE_SLOT = "<!-- movement figure -->"
"""Where an exercise page's figure goes; the site engine fills it in after conversion."""
MOVEMENT_CSS = "assets/stylesheets/movement.css"
"""The movement figures' stylesheet, published with the pages (mkdocs.yml lists it)."""
STILL_PATH = "exercises/{id}.svg"
"""Each exercise's small still, one file that every list and the finder show."""


def page_url(page: str, directory_urls: bool) -> str:
    """Where a Markdown page is published: 'x/y/' or 'x/y.html' ('index.md' is its folder)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/" if directory_urls else f"{stem}.html"


FINDER_PAGE = "finder/index.md"
"""An index page, like every page with raw HTML links: its folder is the same as its URL's,
so a link relative to the source file and one relative to the output URL agree, whichever
convention an engine follows."""
PLAN_PAGE = "plan/index.md"
"""An index page too, for the same reason."""


def html_href(from_page: str, to_page: str, directory_urls: bool) -> str:
    """A relative link for HTML fragments, which site engines do not rewrite."""
    here = posixpath.dirname(page_url(from_page, directory_urls).rstrip("/") + "/x")
    target = page_url(to_page, directory_urls)
    relative = posixpath.relpath(target or ".", here or ".")
    return relative + ("/" if target.endswith("/") and not relative.endswith("/") else "")


@dataclass(frozen=True)
class Region:
    """One muscle on the body map, as the template draws it."""

    id: str
    name: str
    view: str
    shapes: list[str]
    state: str
    href: str


def body_map(
    guide: Guide,
    *,
    title: str,
    primary: list[str] | None = None,
    secondary: list[str] | None = None,
    links: bool = False,
    directory_urls: bool = True,
    highlighted_views_only: bool = False,
    highlighted_regions_only: bool = False,
) -> markupsafe.Markup:
    """The front and back figures, highlighting muscles or linking each to its page.

    ``highlighted_views_only`` leaves out a figure with nothing highlighted on it, so a muscle
    seen from one side is drawn larger on its own page. ``highlighted_regions_only`` leaves
    out the seams of the muscles that are not highlighted: the small map on an exercise page
    then costs a third of the bytes, which every exercise page pays.
    """
    primary = primary or []
    secondary = secondary or []
    shown_primary = [r for key in primary for r in regions_for(key, guide.muscles, guide.body_map)]
    shown_secondary = [
        r for key in secondary for r in regions_for(key, guide.muscles, guide.body_map)
    ]
    regions = [
        Region(
            id=key,
            name=guide.muscles[key].name,
            view=region.view,
            shapes=region.shapes,
            state="primary"
            if key in shown_primary
            else "secondary"
            if key in shown_secondary
            else "",
            href=html_href("muscles/index.md", f"muscles/{key}.md", directory_urls),
        )
        for key, region in guide.body_map.items()
    ]
    legend = [
        (state, label, [guide.muscles[key].name for key in keys])
        for state, label, keys in (
            ("primary", "Primary", primary),
            ("secondary", "Secondary", secondary),
        )
        if keys
    ]
    description = ". ".join(f"{label}: {', '.join(names)}" for _, label, names in legend)
    highlighted = {region.view for region in regions if region.state}
    if highlighted_regions_only:
        regions = [region for region in regions if region.state]
    shown = [view for view in VIEWS if not highlighted_views_only or view[0] in highlighted]
    views = [(view, VIEW_STEP * i, label) for i, (view, label) in enumerate(shown)]
    text = _HTML.get_template("body_map.svg.j2").render(
        title=title,
        description=description,
        regions=regions,
        views=views,
        width=VIEW_STEP * (len(views) - 1) + FIGURE_WIDTH,
        links=links,
    )
    return markupsafe.Markup(text.strip())


def _render(template: str, **context: Any) -> str:
    return _ENVIRONMENT.get_template(template).render(**context)


ENTRY_PAGES = (
    ("exercises", "exercise.md.j2", "exercise"),
    ("routines", "routine.md.j2", "routine"),
    ("problem-areas", "problem_area.md.j2", "area"),
    ("patterns", "pattern.md.j2", "pattern"),
    ("muscles", "muscle.md.j2", "muscle"),
    ("equipment", "equipment.md.j2", "equipment"),
)
"""Section, template, and the name the template uses for its entry."""
DRAFT_TEMPLATE = "draft_exercise.md.j2"
"""A draft's page: its notice, what it has, and its source's words quoted with credit."""


def _listed(section: str, key: str | None, guide: Guide, indexes: Indexes) -> Groups | None:
    """The entries a listing page shows, in headed groups; None for pages that list nothing."""
    if key is None:
        if section == "exercises":
            return [(guide.patterns[p].name, keys) for p, keys in indexes.by_pattern.items()]
        if section in ("routines", "problem-areas"):
            return [("", list(getattr(guide, section.replace("-", "_"))))]
        return None
    tables = {"patterns": indexes.by_pattern, "equipment": indexes.by_equipment}
    if section in tables:
        return [("", tables[section][key])]
    if section == "muscles":
        return [
            ("Exercises where it does most of the work", indexes.by_primary_muscle[key]),
            ("Exercises where it assists", indexes.by_secondary_muscle[key]),
        ]
    return None


def render(
    guide: Guide,
    *,
    directory_urls: bool = True,
    page_size: int = PAGE_SIZE,
    site_path: str | None = None,
) -> dict[str, Page]:
    """Every generated page of the guide, keyed by its path, in sorted order.

    ``directory_urls`` says how the site engine publishes pages (``x/`` or ``x.html``); it
    matters only for links inside HTML fragments, which MkDocs does not rewrite. Lists
    longer than ``page_size`` entries continue on numbered pages. ``site_path`` (such as
    '/runners/') addresses contributed images from the site's root instead of the page:
    an exercise page's folder differs from its URL's, and engines disagree on which one a
    relative link in HTML starts from (Zensical rewrites it from the source file).
    """
    indexes = build_indexes(guide)

    drawn: dict[tuple[tuple[str, ...], tuple[str, ...]], markupsafe.Markup] = {}

    def exercise_body_map(key: str) -> markupsafe.Markup:
        """Exercises that work the same muscles share one drawing, rendered once."""
        muscles = guide.exercises[key].muscles
        signature = (tuple(muscles.primary), tuple(muscles.secondary))
        if signature not in drawn:
            drawn[signature] = body_map(
                guide,
                title="Muscles worked",
                primary=muscles.primary,
                secondary=muscles.secondary,
                highlighted_regions_only=True,
            )
        return drawn[signature]

    def muscle_body_map(key: str) -> markupsafe.Markup:
        """Where one muscle sits, for its own page."""
        return body_map(
            guide,
            title=f"Where the {guide.muscles[key].name} is",
            primary=[key],
            highlighted_views_only=True,
        )

    figures = {key: exercise_movement(guide, key) for key in guide.exercises}
    shapes = shared_shapes(guide.skeleton)

    def movement_figure(key: str) -> markupsafe.Markup:
        """The exercise's figure, carrying the shapes it draws with (once on its page)."""
        figure = figures[key]
        if figure is None:
            return markupsafe.Markup("")
        return draw_movement(figure, draw_shapes(shapes, figure.used))

    def exercise_images(key: str) -> markupsafe.Markup:
        """Contributors' photos and drawings, addressed from the exercise's own page. Only
        reviewed exercises carry images; the draft template never asks for them."""
        exercise = guide.exercises[key]
        assert isinstance(exercise, Exercise)
        if site_path is None:
            media = html_href(f"exercises/{key}.md", "media/index.md", directory_urls)
            site_root = media.removesuffix("media/")
        else:
            site_root = site_path
        shown = pictures(exercise.images, guide.media, guide.licenses, site_root)
        html = _HTML.get_template("image_figure.html.j2").render(pictures=shown)
        return markupsafe.Markup(html)

    stills = {key: draw_still(figure) for key, figure in figures.items() if figure is not None}
    shared: dict[str, Any] = {
        "figure_slot": markupsafe.Markup(FIGURE_SLOT),
        "stills": stills,
        "guide": guide,
        "indexes": indexes,
        "ladders": {key: _ladder(key, indexes) for key in guide.exercises},
        "try_order": {key: try_order(guide, indexes, key) for key in guide.problem_areas},
        "exercise_body_map": exercise_body_map,
        "muscle_body_map": muscle_body_map,
        "exercise_images": exercise_images,
        "muscle_index_map": body_map(
            guide, title="Body map: choose a muscle", links=True, directory_urls=directory_urls
        ),
    }
    words = vocabulary(_names_and_summaries(guide))
    symptoms = telling_symptom_words(
        {key: area.symptoms for key, area in guide.problem_areas.items()}
    )
    pages: dict[str, Page] = {}

    def listing_pages(path: str, title: str, groups: Groups | None) -> Listing | None:
        """Render the continuation pages of a long list; return the first page's share."""
        if groups is None:
            return None
        kind = path.removesuffix("/index.md") if path.endswith("/index.md") else "exercises"
        listings = paginate(path, groups, page_size)
        for later, listing in list(listings.items())[1:]:
            text = _render(
                "listing_page.md.j2",
                **shared,
                title=title,
                first=link(later, path),
                listing=listing,
                kind=kind,
                prefix=link(later, kind) + "/",
            )
            pages[later] = Page(text, None)
        return listings[path]

    for section, template, name in ENTRY_PAGES:
        entries: dict[str, Any] = getattr(guide, section.replace("-", "_"))
        for key, entry in entries.items():
            path = f"{section}/{key}.md"
            listing = listing_pages(path, entry.name, _listed(section, key, guide, indexes))
            terms = sorted(
                {
                    *search_terms([*_names(entry), *_asked(entry)], words),
                    *name_keys(_names(entry)),
                    *(symptoms.get(key, []) if section == "problem-areas" else []),
                }
            )
            chosen = DRAFT_TEMPLATE if getattr(entry, "is_draft", False) else template
            cited = numbered(guide, getattr(entry, "sources", []))
            text = _render(
                chosen,
                **shared,
                id=key,
                references=cited,
                search_terms=terms,
                listing=listing,
                **{name: entry},
            )
            easier, harder = (
                _neighbours(shared["ladders"].get(key, [])) if name == "exercise" else (None, None)
            )
            fragments = {}
            if section == "exercises" and FIGURE_SLOT in text:
                fragments[FIGURE_SLOT] = str(movement_figure(key))
            pages[path] = Page(text, guide.sources[(section, key)], easier, harder, fragments)
        index_template = f"{section.replace('-', '_')}_index.md.j2"
        path = f"{section}/index.md"
        title = section.replace("-", " ").capitalize()
        listing = listing_pages(path, title, _listed(section, None, guide, indexes))
        pages[path] = Page(_render(index_template, **shared, listing=listing), None)
    pages["references.md"] = Page(
        _render("references.md.j2", **shared, listed=bibliography(guide)), None
    )
    if any(exercise.is_draft for exercise in guide.exercises.values()):
        pages["drafts.md"] = Page(_render("drafts_index.md.j2", **shared), None)
    if guide.glossary:
        glossary_entries = sorted(guide.glossary.items(), key=lambda pair: pair[1].term.lower())
        pages[GLOSSARY_PAGE] = Page(
            _render("glossary.md.j2", **shared, terms=glossary_entries), "taxonomy/glossary.yml"
        )
    pages[MOVEMENT_CSS] = Page(_HTML.get_template("movement.css").render(), None)
    for key, still in stills.items():
        pages[STILL_PATH.format(id=key)] = Page(still, None)
    form, index = _finder(guide, indexes, directory_urls, set(stills))
    finder_page = _render("finder.md.j2", **shared, finder=markupsafe.Markup(form))
    pages[FINDER_PAGE] = Page(finder_page, None)
    pages[INDEX_PATH] = Page(index, None)
    if guide.plan is not None:
        plan, plan_json = _plan(guide, guide.plan, directory_urls, set(stills))
        pages[PLAN_PAGE] = Page(_render("plan.md.j2", **shared, plan=plan), "plan/rules.yml")
        pages[PLAN_DATA_PATH] = Page(plan_json, None)
    return dict(sorted(pages.items()))


def page_references(guide: Guide) -> dict[str, str]:
    """The numbered reference list to append to each hand-written page that cites sources."""
    return {
        path: _render(
            "page_references.md.j2",
            references=numbered(guide, cited.sources),
            every_source=posixpath.relpath("references.md", posixpath.dirname(path) or "."),
        )
        for path, cited in guide.cited_pages.items()
        if cited.sources
    }


OPEN_DATA_PAGE = "open-data.md"
"""The hand-written page describing the published data; its release note is appended."""


def release_note(release: Release) -> dict[str, str]:
    """The version and content date to append to the open-data page, if the guide has one."""
    date = f"{release.date.day} {release.date:%B %Y}"
    return {OPEN_DATA_PAGE: _render("open_data_release.md.j2", release=release, date=date)}


def _plan(
    guide: Guide, rules: PlanRules, directory_urls: bool, stills: set[str]
) -> tuple[markupsafe.Markup, str]:
    """The plan builder's form with the rules it obeys, and the data file the form fetches,
    whose links are relative to the plan page."""

    def href(page: str) -> str:
        return html_href(PLAN_PAGE, page, directory_urls)

    here = posixpath.dirname(page_url(PLAN_PAGE, directory_urls).rstrip("/") + "/x")
    data_url = posixpath.relpath(PLAN_DATA_PATH, here or ".")

    def still(key: str) -> str | None:
        if key not in stills:
            return None
        return posixpath.relpath(STILL_PATH.format(id=key), here or ".")

    html = _HTML.get_template("plan.html.j2").render(**plan_page(guide, rules, data_url))
    return markupsafe.Markup(html.strip()), plan_json(guide, rules, href, still)


def _names(entry: Any) -> list[str]:
    """What an entry is called: its name, Latin name and aliases, when it has them."""
    return [
        entry.name,
        *([entry.anatomical_name] if hasattr(entry, "anatomical_name") else []),
        *getattr(entry, "aliases", []),
    ]


def _asked(entry: Any) -> list[str]:
    """The goals and questions an entry answers; a routine's length counts as one ('10
    minute routine': the problem-area routines have their length in their names, and few
    routines say 'routine' in theirs)."""
    minutes = [f"{entry.minutes} minute routine"] if hasattr(entry, "minutes") else []
    return [*getattr(entry, "questions", []), *minutes]


def _names_and_summaries(guide: Guide) -> list[str]:
    """The words search variants may be split into ('clamshell' as 'clam shell')."""
    groups = (guide.exercises, guide.muscles, guide.equipment, guide.problem_areas)
    return [
        text
        for group in groups
        for entry in group.values()
        for text in [*_names(entry), entry.summary]
        if text is not None
    ]


def _finder(
    guide: Guide, indexes: Indexes, directory_urls: bool, stills: set[str]
) -> tuple[str, str]:
    """The finder's form and the address of its JSON index, relative to the finder page."""
    here = posixpath.dirname(page_url(FINDER_PAGE, directory_urls).rstrip("/") + "/x")
    urls = {
        section: html_href(FINDER_PAGE, f"{section}/{{id}}.md", directory_urls)
        for section in ("exercises", "routines")
    }
    urls["stills"] = posixpath.relpath(STILL_PATH, here or ".")
    form = _HTML.get_template("finder.html.j2").render(
        filters=filters(guide, LABELS),
        household=[item.name.lower() for item in guide.equipment.values() if item.household],
        index_url=posixpath.relpath(INDEX_PATH, here or "."),
        exercise_index=html_href(FINDER_PAGE, "exercises/index.md", directory_urls),
    )
    return form.strip(), finder_index(guide, indexes, urls, stills)


def topics(guide: Guide) -> list[str]:
    """Names a hand-written page may use as tags: each has a group page listing its guides."""
    groups = (guide.problem_areas, guide.patterns, guide.muscles, guide.equipment)
    return sorted({entry.name for group in groups for entry in group.values()})


@dataclass(frozen=True)
class Rung:
    """One exercise on a ladder view, with what earns the move to the next rung."""

    exercise: str
    ready_when: str | None
    current: bool


def _ladder(key: str, indexes: Indexes) -> list[Rung]:
    """The chain through ``key``: the first easier option below it, the first harder above.

    Validation has ruled out cycles, so walking each direction always ends.
    """
    below: list[Rung] = []
    current = key
    while indexes.easier[current]:
        step = indexes.easier[current][0]
        below.insert(0, Rung(step.exercise, step.ready_when, False))
        current = step.exercise
    upward = [key]
    while indexes.harder[upward[-1]]:
        upward.append(indexes.harder[upward[-1]][0].exercise)
    if not below and len(upward) == 1:
        return []
    # Going up, a rung's criterion is the one for its first harder step (the top has none).
    criteria = [indexes.harder[step][0].ready_when for step in upward[:-1]] + [None]
    above = [Rung(step, ready, step == key) for step, ready in zip(upward, criteria, strict=True)]
    return [*below, *above]


def _neighbours(ladder: list[Rung]) -> tuple[str | None, str | None]:
    """The exercise pages one rung below and one rung above the current one, if any."""
    names = [rung.exercise for rung in ladder]
    here = next((i for i, rung in enumerate(ladder) if rung.current), None)
    if here is None:
        return None, None
    easier = f"exercises/{names[here - 1]}.md" if here > 0 else None
    harder = f"exercises/{names[here + 1]}.md" if here + 1 < len(names) else None
    return easier, harder
