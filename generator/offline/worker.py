"""What the service worker stores at install, and the files that make the guide installable.

Written after the site engine has built every page, because the worker's version is a
hash of the finished site and its list names the files the engine wrote.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from generator.offline.icons import icon_png
from generator.render.urls import page_url
from generator.templating import environment

WORKER = "sw.js"
"""At the site's root, so the worker's scope is the whole guide."""
MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline.md"
"""The hand-written page shown for a page neither stored nor reachable."""
THEME_COLOUR = "#009688"
"""Material's teal, the palette's primary colour (mkdocs.yml)."""

STORED_SECTIONS = ("routines", "exercises", "problem-areas", "finder", "plan", "offline", "media")
"""Folders stored whole at install: the pages a runner needs away from a connection, with
the exercises' stills and pictures and the finder's and plan builder's data."""
SKIPPED = ("assets/javascripts/lunr/",)
"""Search's language packs: the guide is in English, which needs none of them."""
SKIPPED_SUFFIXES = (".map",)
"""Source maps, which only a developer's tools read."""


@dataclass(frozen=True)
class Icon:
    path: str
    size: int
    purpose: str
    """'any', or 'maskable' for launchers that cut icons to their own shape."""


ICONS = (
    Icon("assets/images/icon-192.png", 192, "any"),
    Icon("assets/images/icon-512.png", 512, "any"),
    Icon("assets/images/icon-maskable-512.png", 512, "maskable"),
)
SHORT_NAME = "Strength guide"
"""What a home screen shows under the icon, where the full name would be cut."""

_TEMPLATES = environment(autoescape=False)


def stored_at_install(files: list[str]) -> list[str]:
    """The addresses the worker stores at install, relative to the site root: the home
    page, every page and file in the stored sections, and the theme's assets."""
    stored = []
    for path in files:
        section = path.split("/", 1)[0]
        wanted = path == "index.html" or section in STORED_SECTIONS or section == "assets"
        if not wanted or path.startswith(SKIPPED) or path.endswith(SKIPPED_SUFFIXES):
            continue
        stored.append(path.removesuffix("index.html") or "./")
    return sorted(stored)


def version(site: Path, files: list[str]) -> str:
    """A short hash of every file's path and bytes: any change to the site changes it."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode() + b"\0" + (site / path).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def write_offline_files(site: Path, name: str, description: str, directory_urls: bool) -> None:
    """Write the icons, the manifest and, last, the worker that stores them all."""
    for icon in ICONS:
        target = site / icon.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(icon_png(icon.size, maskable=icon.purpose == "maskable"))
    manifest = _TEMPLATES.get_template("offline/manifest.webmanifest.j2").render(
        name=name,
        short_name=SHORT_NAME,
        description=description,
        theme_colour=THEME_COLOUR,
        icons=ICONS,
    )
    json.loads(manifest)  # a template slip is a bug here, not a broken file on a phone
    (site / MANIFEST).write_text(manifest, encoding="utf-8")
    files = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.name != WORKER
    )
    worker = _TEMPLATES.get_template("offline/service_worker.js.j2").render(
        version=version(site, files),
        precache=stored_at_install(files),
        offline_page=page_url(OFFLINE_PAGE, directory_urls),
    )
    (site / WORKER).write_text(worker, encoding="utf-8")
