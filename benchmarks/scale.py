"""The largest page and the finder's filter time in a guide of N exercises.

    .venv/bin/python -m benchmarks.scale --exercises 5000 --out /tmp/scale.json

Synthesises the guide (benchmarks/synthesize.py), builds it, reports the largest HTML page and
the finder's JSON index, then opens the finder in Chromium with the CPU slowed four times
(Chrome DevTools Protocol, Emulation.setCPUThrottlingRate) and times filter changes from the
change event to the updated list, layout included. Median and worst of each run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from benchmarks.run import build
from benchmarks.search_quality import serve
from benchmarks.synthesize import synthesize

CHANGES = [
    ("problem-areas", "weak-hips"),
    ("equipment", "none"),
    ("muscles", "gluteus-medius"),
    ("level", "beginner"),
    ("minutes", "5"),
    ("problem-areas", ""),
    ("equipment", ""),
    ("muscles", ""),
    ("level", ""),
    ("minutes", ""),
    ("pattern", "hinge"),
    ("pattern", ""),
]
TIME_CHANGE = """([name, value]) => {
  const select = document.querySelector(`select[name="${name}"]`);
  const started = performance.now();
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
  document.body.offsetHeight;
  const finder = document.querySelector("[data-finder]");
  return [performance.now() - started, Number(finder.dataset.passMs)];
}"""


def filter_times(site: Path, throttle: float) -> list[list[float]]:
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/finder/")
        page.wait_for_selector("[data-finder-ready]", timeout=120_000)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        times: list[list[float]] = [page.evaluate(TIME_CHANGE, c) for c in CHANGES * 3]
        browser.close()
    return times


def measure(exercises: int, scratch: Path, throttle: float) -> dict[str, Any]:
    tree = scratch / f"guide-{exercises}"
    config = synthesize(tree, exercises)
    site = tree / "site"
    full = build(config, site)
    return {"exercises": exercises, "build_seconds": full["seconds"], **figures(site, throttle)}


def figures(site: Path, throttle: float) -> dict[str, Any]:
    """Page sizes and finder timings of a built site."""
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
    index = site / "finder" / "index.json"
    times = filter_times(site, throttle)
    return {
        "pages": len(pages),
        "largest_pages": [
            {"page": p.relative_to(site).as_posix(), "bytes": p.stat().st_size} for p in pages[:5]
        ],
        "finder_page_bytes": (site / "finder" / "index.html").stat().st_size,
        "finder_index_bytes": index.stat().st_size,
        "finder_index_gzip_bytes": len(gzip.compress(index.read_bytes())),
        "plan_page_bytes": (site / "plan" / "index.html").stat().st_size,
        "plan_data_bytes": (site / "plan" / "data.json").stat().st_size,
        "plan_data_gzip_bytes": len(gzip.compress((site / "plan" / "data.json").read_bytes())),
        "references_page_bytes": (site / "references" / "index.html").stat().st_size,
        "cpu_throttle": throttle,
        "filter_ms_median": statistics.median(t for t, _ in times),
        "filter_ms_max": max(t for t, _ in times),
        "one_pass_ms_median": statistics.median(p for _, p in times),
        "one_pass_ms_max": max(p for _, p in times),
        "filter_ms": times,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exercises", type=int, default=5000)
    parser.add_argument("--throttle", type=float, default=4.0)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/scale.json"))
    parser.add_argument("--site", type=Path, help="measure this built synthetic site instead")
    parser.add_argument(
        "--keep", type=Path, help="synthesise and build into this folder and keep it for --site"
    )
    args = parser.parse_args()
    if args.site:
        result = {"exercises": args.exercises, **figures(args.site, args.throttle)}
    elif args.keep:
        result = measure(args.exercises, args.keep, args.throttle)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            result = measure(args.exercises, Path(scratch), args.throttle)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "filter_ms"}, indent=2))


if __name__ == "__main__":
    main()
