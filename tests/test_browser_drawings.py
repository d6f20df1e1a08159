"""A drawing opened on its own, as a document, fetches nothing and runs nothing: Chromium is
the judge of what a drawing reaches for, and every drawing it would let reach outside is one
`guide check` refuses, so it is never published."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Tab

from generator.media.svg import Drawing, Fault, examine_svg

pytestmark = pytest.mark.browser

ADDRESS = "http://drawing.test/drawing.svg"
OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30" width="400" height="300">'
SHAPE = '<rect width="4" height="3"/>'
REACHING = {
    "script": f'<script>fetch("https://a.example/ran")</script>{SHAPE}',
    "escaped url in a style element": (
        rf"<style>svg{{background-image:\75rl(https://b.example/bg.png)}}</style>{SHAPE}"
    ),
    "escaped @import": rf'<style>@\69mport "https://c.example/a.css";</style>{SHAPE}',
    "@import after a comment": f'<style>@import/**/"https://c.example/b.css";</style>{SHAPE}',
    "image-set": (
        f'<style>svg{{background-image:image-set("https://d.example/i.png" 1x)}}</style>{SHAPE}'
    ),
    "-webkit-image-set": (
        "<style>svg{background-image:-webkit-image-set(url(https://e.example/i.png) 1x)}"
        f"</style>{SHAPE}"
    ),
    "@font-face": (
        "<style>@font-face{font-family:hand;src:url(https://f.example/h.woff2)}"
        'text{font-family:hand}</style><text y="20">hi</text>'
    ),
    "escaped url in a fill attribute": (
        r'<rect width="4" height="3" fill="\75rl(https://g.example/p.svg#a)"/>'
    ),
    "escaped url in a style attribute": (
        r'<rect width="4" height="3" style="fill:\75 rl(https://h.example/p.svg#a)"/>'
    ),
    "mask in CDATA": (
        f"<style><![CDATA[rect{{mask:url(https://i.example/m.svg#m)}}]]></style>{SHAPE}"
    ),
    "cursor": f"<style>svg{{cursor:url(https://j.example/c.png),auto}}</style>{SHAPE}",
}
"""Drawings Chromium lets reach another host when opened as a document."""
KEPT_IN = {
    "local gradient": (
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#c2410c"/></linearGradient>'
        '</defs><rect width="40" height="30" fill="url(#g)" style="stroke:url(&quot;#g&quot;)"/>'
    ),
    "url split by a comment": (
        f"<style>svg{{background-image:u/**/rl(https://k.example/i.png)}}</style>{SHAPE}"
    ),
}
"""Drawings that stay inside themselves, which the check accepts."""


@pytest.fixture(scope="module")
def opened_as_document(chromium: Any) -> Iterator[Callable[[bytes], list[str]]]:
    """Open a drawing as a document and report every other address it asked for."""
    context = chromium.new_context()
    page = context.new_page()
    body: list[bytes] = []
    asked: list[str] = []

    def route(route: Any) -> None:
        if route.request.url == ADDRESS:
            route.fulfill(body=body[-1], content_type="image/svg+xml")
        else:
            asked.append(route.request.url)
            route.abort()

    page.route("**/*", route)

    def open_drawing(drawing: bytes) -> list[str]:
        body.append(drawing)
        asked.clear()
        page.goto(ADDRESS, wait_until="load")
        page.mouse.move(20, 20)  # a cursor image is fetched when the pointer is over it
        page.wait_for_timeout(150)
        return list(asked)

    yield open_drawing
    context.close()


@pytest.mark.parametrize("name", sorted(REACHING))
def test_a_drawing_that_reaches_outside_in_a_browser_is_refused_by_the_check(
    opened_as_document: Callable[[bytes], list[str]], name: str
) -> None:
    drawing = f"{OPEN}{REACHING[name]}</svg>".encode()
    assert opened_as_document(drawing) != [], "the browser did reach outside"
    assert isinstance(examine_svg(drawing), Fault)


def test_a_drawing_that_runs_an_onload_handler_is_refused_by_the_check(
    opened_as_document: Callable[[bytes], list[str]],
) -> None:
    handler = OPEN.replace(">", " onload=\"fetch('https://l.example/ran')\">", 1)
    drawing = f"{handler}{SHAPE}</svg>".encode()
    assert opened_as_document(drawing) == ["https://l.example/ran"]
    assert isinstance(examine_svg(drawing), Fault)


@pytest.mark.parametrize("name", sorted(KEPT_IN))
def test_a_drawing_the_check_accepts_fetches_nothing(
    opened_as_document: Callable[[bytes], list[str]], name: str
) -> None:
    drawing = f"{OPEN}{KEPT_IN[name]}</svg>".encode()
    assert isinstance(examine_svg(drawing), Drawing)
    assert opened_as_document(drawing) == []


def test_every_published_drawing_opened_as_a_document_fetches_nothing(
    tab: Tab, built_guide: Path
) -> None:
    drawings = sorted((built_guide / "media").glob("*.svg"))
    assert drawings
    asked: list[str] = []
    tab.page.on("request", lambda request: asked.append(request.url))
    for drawing in drawings:
        address = f"{tab.base}/media/{drawing.name}"
        asked.clear()
        tab.page.goto(address, wait_until="load")
        tab.page.mouse.move(20, 20)
        tab.page.wait_for_timeout(150)
        assert asked == [address], drawing.name
    assert tab.errors == [] and tab.foreign == []
