"""What a reader's first search costs as the library grows: bytes fetched and time to results.

    .venv/bin/python -m benchmarks.first_search --sizes 100 1000 5000 --rounds 3
    .venv/bin/python -m benchmarks.first_search --site site --rounds 5     # a built site

Builds a synthetic guide of each size (benchmarks/synthesize.py), then in Chromium with the
CPU slowed four times (Chrome DevTools Protocol, Emulation.setCPUThrottlingRate) opens an
exercise page, focuses the search box and times: until the index is ready (fetched, parsed
and indexed by the worker), then a query spelt right and the same query misspelt (which the
worker corrects with lunr's edit distance), each from the last key to the first result. The
bytes are the gzip sizes of every file the first search fetched. Sizes are measured in turn,
round after round, so a busy machine slows every size alike; the spread is reported.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from benchmarks.run import build
from benchmarks.search_quality import INITIALIZING, READY_PROMPT, serve
from benchmarks.synthesize import synthesize

QUERIES = {"spelt right": "glute bridge", "misspelt": "glute brige"}
WATCH = """() => {
  window.firstResult = new Promise((resolve) => {
    const seen = () => document.querySelector(".md-search-result__item");
    new MutationObserver((_, observer) => {
      if (seen()) { observer.disconnect(); resolve(performance.now()); }
    }).observe(document.querySelector(".md-search-result"), { childList: true, subtree: true });
  });
}"""
"""Resolves with the moment the first result is drawn (set up before the last key)."""


def _gzip_bytes(site: Path, urls: list[str]) -> dict[str, int]:
    files: dict[str, int] = {}
    for url in urls:
        local = urllib.parse.urlsplit(url).path.lstrip("/")
        target = site / local
        if target.is_file():
            files[local] = len(gzip.compress(target.read_bytes()))
    return files


def first_search(
    page: Any, base: str, site: Path, throttle: float, reverse: bool = False
) -> dict[str, Any]:
    """One reader's first search on a fresh page: bytes and milliseconds. The queries are
    typed in turn, in reverse order when ``reverse``, so neither is always the first."""
    page.goto(base + "/exercises/clamshell/", wait_until="networkidle")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    started = page.evaluate("performance.now()")
    page.click(".md-search__input")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.trim()"
        f" !== {INITIALIZING!r}",
        timeout=600_000,
    )
    ready = page.evaluate("performance.now()") - started
    box = page.locator(".md-search__input")
    times: dict[str, float] = {}
    for name, query in reversed(QUERIES.items()) if reverse else QUERIES.items():
        box.fill("")
        box.press("End")
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.trim()"
            f" === {READY_PROMPT!r}"
        )
        box.fill(query[:-1])
        page.evaluate(WATCH)
        pressed = page.evaluate("performance.now()")
        box.press_sequentially(query[-1])
        times[name] = page.evaluate("window.firstResult") - pressed
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    files = _gzip_bytes(site, fetched)
    return {"ready_ms": ready, **{f"{k}_ms": v for k, v in times.items()}, "files": files}


def measure(sites: dict[str, Path], rounds: int, throttle: float) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    runs: dict[str, list[dict[str, Any]]] = {label: [] for label in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for turn in range(rounds):
            for label, site in sites.items():
                with serve(site) as base:
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    runs[label].append(first_search(page, base, site, throttle, turn % 2 == 1))
                    page.close()
        browser.close()
    result: dict[str, Any] = {}
    for label, found in runs.items():
        files = found[0]["files"]
        result[label] = {
            "gzip_bytes_fetched": sum(files.values()),
            "files": files,
            **{
                key: {
                    "median": statistics.median(run[key] for run in found),
                    "min": min(run[key] for run in found),
                    "max": max(run[key] for run in found),
                }
                for key in ("ready_ms", *(f"{name}_ms" for name in QUERIES))
            },
        }
    return {"cpu_throttle": throttle, "rounds": rounds, "sizes": result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--site", type=Path, action="append", help="a built site to measure")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--throttle", type=float, default=4.0)
    parser.add_argument("--keep", type=Path, help="build the synthetic guides here and keep them")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/first-search.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        sites: dict[str, Path] = {str(site): site for site in args.site or []}
        if not args.site:
            for size in args.sizes:
                site = root / f"guide-{size}" / "site"
                if not (site / "index.html").is_file():
                    build(synthesize(root / f"guide-{size}", size), site)
                sites[str(size)] = site
        result = measure(sites, args.rounds, args.throttle)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for label, figures in result["sizes"].items():
        print(
            f"{label}: {figures['gzip_bytes_fetched'] / 1024:.0f} KB gzip;"
            + "".join(
                f" {key} {value['median']:.0f} ({value['min']:.0f}–{value['max']:.0f})"
                for key, value in figures.items()
                if key.endswith("_ms")
            )
        )


if __name__ == "__main__":
    main()
