"""The movement figure as a reader and a contributor meet it: on the page, in lists, in the
finder, and from `guide pose`."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml
from conftest import REPO

from generator.pipeline import build_pages

PAGE_BUDGET = 60 * 1024


def test_exercise_page_opens_with_the_figure_before_the_steps(content: Path) -> None:
    pages, _, _ = build_pages(content)
    page = pages["exercises/bridge.md"]
    text = page.html(page.text)
    figure = text.index('<figure class="movement"')
    assert text.index("Default dose") > figure
    assert text.index("## How to do it") < text.index("## Muscles worked")
    assert "start</span>" in text and "end</span>" in text
    caption = yaml.safe_load((content / "exercises" / "bridge.yml").read_text())["caption"]
    assert f"<figcaption>{caption}</figcaption>" in text


def test_an_exercise_without_poses_has_no_figure(content: Path) -> None:
    pages, _, _ = build_pages(content)
    page = pages["exercises/clamshell.md"]
    assert '<figure class="movement"' not in page.html(page.text)


def test_an_exercise_without_poses_gives_its_caption_before_the_steps(content: Path) -> None:
    written = yaml.safe_load((content / "exercises" / "clamshell.yml").read_text())
    pages, _, _ = build_pages(content)
    page = pages["exercises/clamshell.md"]
    text = page.html(page.text)
    steps = text.index("## How to do it")
    assert steps < text.index(written["caption"]) < text.index(f"1. {written['steps'][0]}")


def test_exercise_lists_show_a_small_still_from_its_own_file(content: Path) -> None:
    pages, _, _ = build_pages(content)
    page = pages["exercises/index.md"]
    listing = page.html(page.text)  # with the stills the engine puts in after conversion
    assert listing.count('class="movement-still"') == 1  # only the bridge has poses
    assert 'src="bridge.svg"' in listing
    assert "data:image" not in listing
    assert pages["exercises/bridge.svg"].text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "exercises/clamshell.svg" not in pages


def test_every_exercise_in_the_guide_is_illustrated_and_its_page_stays_small(
    built_guide: Path,
) -> None:
    exercises = sorted(p.stem for p in (REPO / "content" / "exercises").glob("*.yml"))
    for key in exercises:
        html = (built_guide / "exercises" / key / "index.html").read_text(encoding="utf-8")
        assert '<figure class="movement"' in html, key
        assert len(html.encode("utf-8")) < PAGE_BUDGET, (key, len(html))
        ids = re.findall(r' id="(mv-[^"]+)"', html)
        assert len(ids) == len(set(ids)), key


class _FigureCaptions(HTMLParser):
    """The text of each movement figure's caption, and of the page's h2 headings, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str]] = []
        self._figure = 0
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "figure":
            self._figure += 1 if self._figure or dict(attrs).get("class") == "movement" else 0
        if (tag == "figcaption" and self._figure) or tag == "h2":
            self._open = tag
            self.seen.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure" and self._figure:
            self._figure -= 1
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            tag, text = self.seen[-1]
            self.seen[-1] = (tag, text + data)


def test_every_figure_caption_is_the_exercise_s_own_read_before_the_steps(
    built_guide: Path,
) -> None:
    for path in sorted((REPO / "content" / "exercises").glob("*.yml")):
        written = yaml.safe_load(path.read_text(encoding="utf-8"))
        page = _FigureCaptions()
        page.feed((built_guide / "exercises" / path.stem / "index.html").read_text("utf-8"))
        shown = [(tag, " ".join(text.split())) for tag, text in page.seen]
        assert ("figcaption", written["caption"]) in shown, path.stem
        steps = next(i for i, (tag, text) in enumerate(shown) if text.startswith("How to do it"))
        before_steps = shown[:steps]
        assert [text for tag, text in before_steps if tag == "figcaption"] == [
            written["caption"]
        ], path.stem


def _guide(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_guide_pose_writes_a_page_to_open_in_a_browser(guide_dir: Path) -> None:
    result = _guide("pose", "bridge", "--out", "bridge.html", cwd=guide_dir)
    assert result.returncode == 0, result.stderr
    page = (guide_dir / "bridge.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert '<figure class="movement"' in page
    assert "@keyframes mv-turn-2" in page


def test_guide_pose_suggests_a_close_exercise_name(guide_dir: Path) -> None:
    result = _guide("pose", "bridg", cwd=guide_dir)
    assert result.returncode == 1
    assert "unknown exercise 'bridg' (did you mean 'bridge'?)" in result.stderr


def test_guide_pose_explains_how_to_add_poses_when_there_are_none(guide_dir: Path) -> None:
    result = _guide("pose", "clamshell", cwd=guide_dir)
    assert result.returncode == 1
    assert "has no illustration yet" in result.stderr
