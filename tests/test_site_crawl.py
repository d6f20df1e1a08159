"""The published site holds nothing a contribution could have smuggled in.

Every file in site/ must come from the theme, our overrides, a page (hand-written or
generated), an image copy the check examined or the engine's own indexes; no page may carry
a script, frame, event handler or script link that the theme's or our own templates did not
put there; no image carries metadata, and no drawing refers to anything outside itself.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import material
import tinycss2
from conftest import REPO
from defusedxml.ElementTree import fromstring
from mkdocs.utils.yaml import yaml_load
from PIL import Image
from raster_metadata import RASTER_SUFFIXES, metadata

from generator.pipeline import Built, build

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "overrides"
OUR_TEMPLATES = REPO / "generator" / "templates"
ENGINE_FILES = {
    "404.html",
    "sitemap.xml",
    "sitemap.xml.gz",
    "search/search_index.json",
    "tags.json",
}
"""Files MkDocs and Material's search and tags plugins write from the pages themselves."""
SITE_PATH = urlsplit(yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path
"""Absolute links inside the site start with this path."""
FETCHING_FUNCTIONS = {"src", "element", "-moz-element", "cross-fade", "-webkit-cross-fade"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


def _template_scripts() -> list[re.Pattern[str]]:
    """Each inline script in a template, with its Jinja expressions as wildcards."""
    patterns = []
    for folder in (THEME, OVERRIDES, OUR_TEMPLATES):
        for template in folder.rglob("*.html*"):
            text = template.read_text(encoding="utf-8")
            for body in re.findall(r"<script>(.*?)</script>", text, re.DOTALL):
                parts = re.split(r"\{\{.*?\}\}", body)
                patterns.append(re.compile('[^"<]*'.join(re.escape(p) for p in parts)))
    return patterns


TEMPLATE_SCRIPTS = _template_scripts()


@cache
def _built() -> Built:
    """The real guide's pages and files, as the core makes them."""
    built = build(REPO / "content")
    assert built.problems == []
    return built


def _page_urls() -> set[str]:
    """Every HTML file the guide's pages become, every data file it exports, and every image
    copy it makes."""
    built = _built()
    sources = (
        set(built.pages)
        | set(built.files)
        | {p.relative_to(REPO / "content").as_posix() for p in (REPO / "content").rglob("*.md")}
    )
    urls = set()
    for source in sources:
        if not source.endswith(".md"):
            urls.add(source)
        elif source == "index.md" or source.endswith("/index.md"):
            urls.add(source.removesuffix(".md") + ".html")
        else:
            urls.add(source.removesuffix(".md") + "/index.html")
    return urls


def _copied_from(folder: Path, relative: str, path: Path) -> bool:
    original = folder / relative
    return original.is_file() and original.read_bytes() == path.read_bytes()


def unexpected_files(site: Path, page_urls: set[str]) -> list[str]:
    """Files in ``site`` that neither the theme, our overrides, a page nor the engine made."""
    found = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative in page_urls or relative in ENGINE_FILES:
            continue
        if _copied_from(THEME, relative, path) or _copied_from(OVERRIDES, relative, path):
            continue
        found.append(relative)
    return found


class _MarkupScan(HTMLParser):
    """Collects every script, frame, handler and script link in one page."""

    def __init__(self, site: Path, page: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.site, self.page = site, page
        self.findings: list[str] = []
        self.script: dict[str, str | None] | None = None
        self.script_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            # Browsers drop spaces and control characters from a URL before reading its scheme.
            scheme = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRIBUTES and scheme.startswith(("javascript:", "vbscript:")):
                self.findings.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "frame", "object", "embed"):
            self.findings.append(f"<{tag}>")
        if tag == "script":
            self.script, self.script_text = dict(attrs), ""

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self.script is None:
            return
        problem = self._judge_script(self.script, self.script_text)
        if problem:
            self.findings.append(problem)
        self.script = None

    def _judge_script(self, attrs: dict[str, str | None], text: str) -> str | None:
        source = attrs.get("src")
        if source:
            if source.startswith(SITE_PATH):  # the 404 page links from the site's root
                target = (self.site / source.removeprefix(SITE_PATH)).resolve()
            else:
                target = (self.page.parent / source).resolve()
            if target.is_relative_to(self.site.resolve()):
                relative = target.relative_to(self.site.resolve()).as_posix()
                if _copied_from(THEME, relative, target) or _copied_from(
                    OVERRIDES, relative, target
                ):
                    return None
            return f"<script src={source!r}> not from the theme"
        if attrs.get("type") == "application/json":
            try:
                json.loads(text)
            except ValueError:
                return "<script type=application/json> that is not JSON"
            return None
        if any(pattern.fullmatch(text) for pattern in TEMPLATE_SCRIPTS):
            return None
        return f"inline <script> not from a template: {text[:60]!r}"


def unsafe_markup(site: Path) -> list[str]:
    """'page: finding' for every script, frame, handler or script link no template wrote."""
    found = []
    for page in sorted([*site.rglob("*.html"), *site.rglob("*.svg")]):
        scan = _MarkupScan(site, page)
        scan.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site).as_posix()}: {item}" for item in scan.findings]
    return found


def test_every_file_in_the_site_comes_from_the_theme_our_templates_or_a_page(
    built_guide: Path,
) -> None:
    assert unexpected_files(built_guide, _page_urls()) == []


def test_no_page_carries_a_script_frame_handler_or_script_link_of_its_own(
    built_guide: Path,
) -> None:
    assert unsafe_markup(built_guide) == []


def test_the_crawl_finds_what_a_contribution_could_smuggle_in(
    built_guide: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_guide, site)
    home = site / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace(
            "</article>",
            '<img src="x.png" onerror="alert(1)"><a href=" java\tscript:alert(1)">x</a>'
            "<script>alert(1)</script><iframe></iframe></article>",
            1,
        ),
        encoding="utf-8",
    )
    (site / "exercises" / "payload.html").write_text("<p>hi</p>", encoding="utf-8")
    (site / "assets" / "javascripts" / "guide.js").write_text("alert(1)", encoding="utf-8")
    assert unexpected_files(site, _page_urls()) == [
        "assets/javascripts/guide.js",
        "exercises/payload.html",
    ]
    found = unsafe_markup(site)
    home_findings = [item for item in found if item.startswith("index.html: ")]
    assert home_findings == [
        "index.html: <img onerror=...>",
        "index.html: <a href=' java\\tscript:alert(1)'>",
        "index.html: inline <script> not from a template: 'alert(1)'",
        "index.html: <iframe>",
        "index.html: <script src='assets/javascripts/guide.js'> not from the theme",
    ]


def rasters_with_metadata(site: Path) -> list[str]:
    """'path: blocks' for every raster image in ``site`` that carries metadata."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() in RASTER_SUFFIXES:
            blocks = metadata(path.read_bytes())
            if blocks:
                found.append(f"{path.relative_to(site).as_posix()}: {', '.join(blocks)}")
    return found


def _css_references(css: str) -> list[str]:
    """url(), image-set() and the like, and @import or @font-face rules, as a browser
    tokenizes them; url(#name) points inside the drawing and is left out."""
    found = []
    pending = list(tinycss2.parse_component_value_list(css))
    while pending:
        token = pending.pop()
        if token.type == "url" and not token.value.startswith("#"):
            found.append(f"url({token.value})")
        elif token.type == "error" and token.kind == "bad-url":
            found.append("bad url")
        elif token.type == "at-keyword" and token.lower_value in ("import", "font-face"):
            found.append(f"@{token.lower_value}")
        elif token.type == "function":
            arguments = [t for t in token.arguments if t.type != "whitespace"]
            local = len(arguments) == 1 and str(getattr(arguments[0], "value", "")).startswith("#")
            name = token.lower_name
            fetches = "url" in name or "image" in name or name in FETCHING_FUNCTIONS
            if fetches and not (name == "url" and local):
                found.append(f"{name}({tinycss2.serialize(token.arguments).strip()})")
            pending.extend(token.arguments)
        elif token.type.endswith("block"):
            pending.extend(token.content)
    return found


def svg_outside_references(site: Path) -> list[str]:
    """'path: reference' for every link, stylesheet or CSS address in an SVG of ``site``
    that leads outside the drawing."""
    found = []
    for path in sorted(site.rglob("*.svg")):
        relative = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if b"<?xml-stylesheet" in data:
            found.append(f"{relative}: xml-stylesheet")
        for element in fromstring(data).iter():
            for name, value in element.attrib.items():
                if name.rsplit("}", 1)[-1] == "href" and not value.startswith("#"):
                    found.append(f"{relative}: href={value}")
                found += [f"{relative}: {ref}" for ref in _css_references(value)]
            if str(element.tag).endswith("}style"):
                css = "".join(element.itertext())
                found += [f"{relative}: {ref}" for ref in _css_references(css)]
    return found


def test_no_published_image_carries_metadata(built_guide: Path) -> None:
    assert any(built_guide.rglob("*.webp"))
    assert rasters_with_metadata(built_guide) == []


def test_no_published_drawing_refers_to_anything_outside_itself(built_guide: Path) -> None:
    assert any((built_guide / "media").glob("*.svg"))
    assert svg_outside_references(built_guide) == []


def test_every_file_under_media_is_a_copy_of_an_image_the_check_examined(
    built_guide: Path,
) -> None:
    published = {p.relative_to(built_guide).as_posix() for p in (built_guide / "media").rglob("*")}
    assert published == set(_built().files)


def test_the_crawl_finds_metadata_outside_references_and_unexamined_media(
    built_guide: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_guide, site)
    photo = io.BytesIO()
    Image.new("RGB", (8, 8)).save(photo, "JPEG", comment=b"where I live")
    (site / "media" / "photo.jpg").write_bytes(photo.getvalue())
    (site / "media" / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><style>@\\69mport "a.css";'
        "rect{fill:\\75rl(https://example.com/p)}</style>"
        "<rect style=\"background:image-set('https://example.com/i.png' 1x)\"/>"
        '<use href="https://example.com/s.svg#a"/></svg>',
        encoding="utf-8",
    )
    assert rasters_with_metadata(site) == ["media/photo.jpg: COM"]
    assert sorted(svg_outside_references(site)) == [
        "media/drawing.svg: @import",
        "media/drawing.svg: href=https://example.com/s.svg#a",
        'media/drawing.svg: image-set("https://example.com/i.png" 1x)',
        "media/drawing.svg: url(https://example.com/p)",
    ]
    assert unexpected_files(site, _page_urls()) == ["media/drawing.svg", "media/photo.jpg"]
