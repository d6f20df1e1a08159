"""The guide's data as open JSON files, published with the site for other projects to reuse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.guide import Guide
from generator.json_text import json_document
from generator.kinds import kind_named
from generator.media.pictures import renditions
from generator.plan.data import plan_data
from generator.plan.records import PlanData
from generator.release import Release
from generator.render.formatting import render_markdown
from generator.render.page import Page
from generator.render.urls import page_url
from generator.schemas import SCHEMA_DIR, json_schema, json_schemas

LICENSE = {
    "name": "CC BY-SA 4.0",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    "attribution": "The open strength guide for runners",
}
NOTICE = "General education for runners, not medical advice."


def _stamp(release: Release) -> dict[str, str]:
    """Which release of the guide a file belongs to and the date of the content in it."""
    return {"version": release.version, "date": release.date.isoformat()}


def _document(
    key: str,
    schema_file: str,
    entries: dict[str, Any],
    release: Release,
    extra: dict[str, Any] | None = None,
) -> str:
    body = {
        **_stamp(release),
        "license": LICENSE,
        "notice": NOTICE,
        "schema": schema_file,
        "about": f"Each value of '{key}' is one entry, keyed by its id, as described by "
        f"{schema_file}.",
        **(extra or {}),
        key: {
            name: entry.model_dump(mode="json", exclude_none=True)
            for name, entry in entries.items()
        },
    }
    return json_document(body)


def _schema_comment(release: Release) -> str:
    """A schema's stamp, in the one keyword JSON Schema keeps for notes."""
    return f"The open strength guide for runners {release.version}, content of {release.date}."


def _image_licenses(guide: Guide, exercises: dict[str, Any]) -> dict[str, Any]:
    """The files published for each image, and the licenses they carry, named and linked."""
    images = [image for entry in exercises.values() for image in getattr(entry, "images", [])]
    if not images:
        return {}
    used = sorted({image.license for image in images})
    return {
        "images": "Each exercise's 'images' name a contributor's file, under the license "
        "named with it and with credit as given; 'image_files' lists, by that name, the paths "
        "the site publishes it at: WebP copies of a photo at several widths, without the "
        "original's metadata, or a drawing as it was checked. Originals are not published.",
        "image_files": {
            name: [rendition.path for rendition in renditions(guide.media[name])]
            for name in sorted({image.file for image in images})
        },
        "image_licenses": {key: guide.licenses[key].model_dump(mode="json") for key in used},
    }


def open_data(
    guide: Guide, release: Release, summary: Callable[[str, Callable[[], str]], str] | None = None
) -> dict[str, Page]:
    """data/exercises.json (reviewed exercises), data/routines.json, data/sources.json and
    the JSON Schemas describing their entries, plus data/plan.json, the plan builder's data,
    when the guide has plan rules; each stamped with ``release``. Every content schema is
    also published under schemas/ with the name it has in the repository, unstamped, so its
    address and bytes stay the same from one build to the next. ``summary`` (a render
    context's) keeps the plan data between renders that leave it as it was."""
    exercise_kind, routine_kind = kind_named("exercises"), kind_named("routines")
    source_kind = kind_named("sources")
    # Drafts are not yet the guide's own work, so the published data holds reviewed entries.
    reviewed = {key: entry for key, entry in guide.exercises.items() if not entry.is_draft}
    files = {
        "data/exercises.json": _document(
            "exercises",
            exercise_kind.schema_file,
            reviewed,
            release,
            _image_licenses(guide, reviewed),
        ),
        "data/routines.json": _document(
            "routines", routine_kind.schema_file, guide.routines, release
        ),
        "data/sources.json": _document(
            "sources", source_kind.schema_file, guide.publications, release
        ),
    }
    for kind in (exercise_kind, routine_kind, source_kind):
        schema = {**json_schema(kind), "$comment": _schema_comment(release)}
        files[f"data/{kind.schema_file}"] = json_document(schema)
    for name, text in json_schemas().items():
        files[f"{SCHEMA_DIR}/{name}"] = text
    if guide.plan is not None:
        rules = guide.plan

        def plan_file() -> str:
            plan = plan_data(
                guide, rules, lambda page: page_url(page, directory_urls=True), lambda key: None
            )
            body = {
                **_stamp(release),
                "license": LICENSE,
                "notice": NOTICE,
                **plan.model_dump(mode="json"),
            }
            return json_document(body)

        stamp = f"open data plan {release.version} {release.date.isoformat()}"
        files["data/plan.json"] = summary(stamp, plan_file) if summary else plan_file()
        plan_schema = {**PlanData.model_json_schema(), "$comment": _schema_comment(release)}
        files["data/plan.schema.json"] = json_document(plan_schema)
    return {path: Page(text, None) for path, text in files.items()}


OPEN_DATA_PAGE = "open-data.md"
"""The hand-written page describing the published data; its release note is appended."""


def release_note(release: Release) -> dict[str, str]:
    """The version and content date to append to the open-data page, if the guide has one."""
    date = f"{release.date.day} {release.date:%B %Y}"
    return {
        OPEN_DATA_PAGE: render_markdown(
            "fragments/open_data_release.md.j2", release=release, date=date
        )
    }
