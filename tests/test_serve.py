"""Under `mkdocs serve`, a saved content file shows on every page it touches, and nowhere
stale: partial rebuilds for body edits, a full rebuild when navigation could change."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


@dataclass
class Served:
    root: Path
    base: str
    log: Path

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / "content" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def search_entries(self) -> list[dict[str, str]]:
        text = fetch(self.base + "search/search_index.json")
        docs: list[dict[str, str]] = json.loads(text)["docs"] if text else []
        return docs


@contextmanager
def serving(guide_dir: Path) -> Iterator[Served]:
    port = free_port()
    log = guide_dir / "serve.log"
    with log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=guide_dir,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        base = f"http://127.0.0.1:{port}/"
        try:
            assert wait_for(base + "exercises/bridge/", "Lift the hips.", 60), log.read_text()
            time.sleep(1)
            yield Served(guide_dir, base, log)
        finally:
            server.send_signal(signal.SIGINT)  # as Ctrl-C: the server removes its folders
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:  # a machine too busy to stop it in time
                server.kill()
                server.wait()


@pytest.fixture
def served(guide_dir: Path) -> Iterator[Served]:
    with serving(guide_dir) as running:
        yield running


@pytest.fixture
def served_with_nav(guide_dir: Path) -> Iterator[Served]:
    """A guide whose navigation lists section indexes only, as a large guide's does."""
    config = guide_dir / "mkdocs.yml"
    nav = "nav:\n  - index.md\n  - exercises/index.md\nnot_in_nav: |\n  /exercises/*.md\n"
    config.write_text(config.read_text() + nav)
    with serving(guide_dir) as running:
        yield running


def test_saving_a_yaml_file_updates_the_served_page(served: Served) -> None:
    served.edit("exercises/bridge.yml", "Lift the hips.", "Raise the pelvis.")
    assert wait_for(served.base + "exercises/bridge/", "Raise the pelvis.", 30)


def test_a_body_edit_reaches_every_page_showing_it_and_the_search_index_once(
    served: Served,
) -> None:
    before = served.search_entries()
    served.edit("exercises/bridge.yml", "summary: ", "summary: Quietly strong. ")
    for page in ("exercises/bridge/", "patterns/hinge/", "exercises/"):
        assert wait_for(served.base + page, "Quietly strong.", 30), page
    deadline = time.monotonic() + 30
    while "Quietly strong." not in json.dumps(served.search_entries()):
        assert time.monotonic() < deadline, "search index never showed the edit"
        time.sleep(0.2)
    after = served.search_entries()
    assert len(after) == len(before)
    assert sorted(e["location"] for e in after) == sorted(e["location"] for e in before)
    assert "Rebuilt" in served.log.read_text(), "a body edit should not rebuild every page"
    for page in ("patterns/hinge/", "muscles/gluteus-maximus/"):
        assert "/slug" not in fetch(served.base + page), f"{page} lost its tag listing"


def test_renaming_an_exercise_updates_navigation_on_every_page(served: Served) -> None:
    served.edit("exercises/clamshell.yml", "name: Clamshell", "name: Clam opener")
    assert wait_for(served.base, "Clam opener", 30)
    assert wait_for(served.base + "exercises/bridge/", "Clam opener", 30)
    assert "Clamshell<" not in fetch(served.base + "exercises/bridge/")


def test_a_new_exercise_file_gets_a_page_a_listing_and_search_entries(served: Served) -> None:
    source = served.root / "content" / "exercises" / "clamshell.yml"
    text = (
        source.read_text(encoding="utf-8")
        .replace("name: Clamshell", "name: Banded clam")
        .replace("you lift the top knee", "you open the knees against the band")
    )
    source.with_name("banded-clam.yml").write_text(text, encoding="utf-8")
    assert wait_for(served.base + "exercises/banded-clam/", "Banded clam", 30)
    assert wait_for(served.base + "exercises/", "Banded clam", 30)
    deadline = time.monotonic() + 30
    while not any(
        e["location"].startswith("exercises/banded-clam/") for e in served.search_entries()
    ):
        assert time.monotonic() < deadline, "the new page never reached the search index"
        time.sleep(0.2)


def _count(served: Served, text: str) -> int:
    return served.log.read_text(encoding="utf-8").count(text)


FAILED = "The last good pages are still served"
BANNER = "The preview could not be rebuilt"


def test_a_build_error_keeps_the_last_good_pages_served_with_the_error_shown(
    served: Served,
) -> None:
    page = served.root / "content" / "index.md"
    good = page.read_text(encoding="utf-8")
    page.write_text("---\ntags: [no-such-topic]\n---\n" + good, encoding="utf-8")
    deadline = time.monotonic() + 30
    while _count(served, FAILED) == 0:
        assert time.monotonic() < deadline, served.log.read_text(encoding="utf-8")
        time.sleep(0.2)

    started = time.monotonic()
    shown = fetch(served.base + "exercises/bridge/")
    assert time.monotonic() - started < 3, "a request waited on the failed build"
    assert "Lift the hips." in shown
    assert BANNER in shown
    assert "no-such-topic" in shown

    time.sleep(3)  # one save, one build: the failing build's own reads start no other
    assert _count(served, FAILED) == 1, served.log.read_text(encoding="utf-8")
    assert _count(served, "Detected file changes") == 1

    page.write_text(good, encoding="utf-8")
    deadline = time.monotonic() + 30
    while BANNER in fetch(served.base + "exercises/bridge/"):
        assert time.monotonic() < deadline, "the banner stayed after the fix"
        time.sleep(0.2)
    assert "Lift the hips." in fetch(served.base + "exercises/bridge/")


def test_reading_content_files_starts_no_rebuild(served: Served) -> None:
    for path in sorted((served.root / "content").rglob("*.yml")):
        path.read_bytes()
    time.sleep(2)
    assert _count(served, "Detected file changes") == 0, served.log.read_text(encoding="utf-8")


def test_renaming_an_exercise_outside_the_navigation_is_a_partial_rebuild(
    served_with_nav: Served,
) -> None:
    served = served_with_nav
    assert "Single-leg bridge" in fetch(served.base + "exercises/bridge/")  # the ladder footer
    served.log.write_text("")
    served.edit(
        "exercises/single-leg-bridge.yml", "name: Single-leg bridge", "name: One-leg bridge"
    )
    assert wait_for(served.base + "exercises/single-leg-bridge/", "One-leg bridge", 30)
    assert wait_for(served.base + "exercises/", "One-leg bridge", 30)
    assert wait_for(served.base + "exercises/bridge/", "One-leg bridge", 30)
    assert "Single-leg bridge<" not in fetch(served.base + "exercises/bridge/")
    log = served.log.read_text()
    assert "Rebuilt" in log and "Building documentation" not in log, log
