"""Measure what a build costs as the library grows, against plain Material as the floor.

    .venv/bin/python -m benchmarks.run                 # N = 100, 1,000 and 5,000
    .venv/bin/python -m benchmarks.run --sizes 50 --out /tmp/bench.json

For each N it synthesises a guide (benchmarks/synthesize.py) and measures the generator
stage alone, the full `mkdocs build` of the guide, and the floor: the same rendered pages
built by plain Material with a minimal nav and no plugin of ours. The figures' share is the
full build over a build of the same guide with every exercise's `illustration:` block
removed. It also measures how long the real guide takes to show a saved change under
`mkdocs serve`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from benchmarks.compare import strip_figures
from benchmarks.synthesize import REPO, synthesize
from generator.pipeline import build_pages

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build(config_file: Path, site: Path) -> dict[str, float]:
    """A build in a child process: seconds and peak memory."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.build_once", str(config_file), str(site)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=ENV,
    )
    figures: dict[str, float] = json.loads(result.stdout)
    # The one-minute load average as the build ends: on a shared machine wall time follows it.
    figures["load_average"] = os.getloadavg()[0]
    return figures


def site_figures(site: Path) -> dict[str, Any]:
    """Total size, the largest page and the search index of a built site."""
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda page: page.stat().st_size)
    return {
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "pages": len(pages),
        "largest_page_bytes": largest.stat().st_size,
        "largest_page": largest.relative_to(site).as_posix(),
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
    }


def floor_tree(guide_tree: Path, floor: Path) -> Path:
    """The guide's rendered pages as plain Markdown, with a minimal Material config."""
    pages, _, problems = build_pages(guide_tree / "content")
    assert not problems, problems
    docs = floor / "docs"
    shutil.copytree(guide_tree / "content", docs, ignore=shutil.ignore_patterns("*.yml", "*.yaml"))
    for path, page in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.text, encoding="utf-8")
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    minimal = {
        "site_name": config["site_name"],
        "site_url": config["site_url"],
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "features": config["theme"]["features"]},
        "plugins": ["search"],
        "markdown_extensions": config["markdown_extensions"],
        "nav": ["index.md"],
        "validation": {"omitted_files": "info", "unrecognized_links": "info", "anchors": "info"},
    }
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(minimal), encoding="utf-8")
    return floor / "mkdocs.yml"


def generator_stage(content: Path) -> dict[str, float]:
    """Load, validate and render in memory: seconds and peak Python allocation."""
    tracemalloc.start()
    started = time.perf_counter()
    pages, _, problems = build_pages(content)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not problems and pages
    return {"seconds": seconds, "peak_memory_mb": peak / 2**20}


def spread(values: list[float]) -> dict[str, float]:
    """Median, minimum and maximum of repeated measurements."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def repeated_builds(config: Path, site: Path, repeats: int) -> list[dict[str, float]]:
    return [build(config, site) for _ in range(repeats)]


def merged(builds: list[dict[str, float]]) -> dict[str, Any]:
    """One figure per measure (the median), with the spread of wall and CPU time."""
    return {
        "seconds": statistics.median(b["seconds"] for b in builds),
        "cpu_seconds": statistics.median(b["cpu_seconds"] for b in builds),
        "peak_memory_mb": max(b["peak_memory_mb"] for b in builds),
        "seconds_spread": spread([b["seconds"] for b in builds]),
        "cpu_seconds_spread": spread([b["cpu_seconds"] for b in builds]),
    }


def measure(exercises: int, scratch: Path, repeats: int) -> dict[str, Any]:
    tree = scratch / f"guide-{exercises}"
    config = synthesize(tree, exercises)
    counts = {
        folder: len(list((tree / "content" / folder).glob("*.yml")))
        for folder in ("exercises", "routines", "problem-areas")
    }
    generator = generator_stage(tree / "content")
    # Further untraced runs give the time without tracemalloc's overhead.
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        build_pages(tree / "content")
        times.append(time.perf_counter() - started)
    generator["seconds"] = statistics.median(times)
    generator["seconds_spread"] = spread(times)
    floor_config = floor_tree(tree, scratch / f"floor-{exercises}")
    bare = scratch / f"guide-{exercises}-without-figures"
    shutil.copytree(tree, bare)
    strip_figures(bare)
    # Guide, floor and figure-less builds alternate, so a slow spell of the machine hits
    # all alike.
    fulls, floors, bares = [], [], []
    for _ in range(repeats):
        fulls.append(build(config, tree / "site"))
        floors.append(build(floor_config, scratch / f"floor-{exercises}" / "site"))
        bares.append(build(bare / config.name, bare / "site"))
    ratios = [f["seconds"] / fl["seconds"] for f, fl in zip(fulls, floors, strict=True)]
    cpu_ratios = [f["cpu_seconds"] / fl["cpu_seconds"] for f, fl in zip(fulls, floors, strict=True)]
    figure_ratios = [f["cpu_seconds"] / b["cpu_seconds"] for f, b in zip(fulls, bares, strict=True)]
    return {
        "exercises": exercises,
        "content": counts,
        "repeats": repeats,
        "generator": generator,
        "full_build": {**merged(fulls), **site_figures(tree / "site")},
        "floor_build": {**merged(floors), **site_figures(scratch / f"floor-{exercises}" / "site")},
        "full_over_floor": spread(ratios),
        "full_over_floor_cpu": spread(cpu_ratios),
        "without_figures_build": {**merged(bares), **site_figures(bare / "site")},
        "full_over_without_figures_cpu": spread(figure_ratios),
        "load_average": spread([b["load_average"] for b in [*fulls, *floors, *bares]]),
    }


EDITS = {
    "body": (r"(?m)^(steps:\n *- )", r"\g<1>{marker} ", "Edit number {n}."),
    "rename": (r"(?m)^name: Clamshell$", "name: {marker}", "Clamshell renamed {n}"),
}
"""Two kinds of save, as (pattern replaced, replacement, what the page then shows): a step's
wording changed (the page body), and the exercise renamed (its title, and so the listings
and every link to it, which the preview rebuilds in full). The patterns allow for the
synthetic guides' files, whose lists are written without indentation."""


def live_reload(tree: Path, repeats: int = 5, edit: str = "body") -> dict[str, Any]:
    """Seconds from saving an exercise's YAML to the rebuilt page under `mkdocs serve`.

    ``edit`` names one of EDITS; each save is undone before the next, and every sample
    waits for the page to show the new text.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**ENV, "GUIDE_SITE_URL": base},
    )
    url = f"{base}exercises/clamshell/"
    source = tree / "content" / "exercises" / "clamshell.yml"
    original = source.read_text(encoding="utf-8")
    pattern, replacement, shown = EDITS[edit]
    assert re.search(pattern, original), f"{source} has nothing matching {pattern!r} to edit"
    samples, cpu, load = [], [], []
    try:
        _wait_for(url, "Clamshell", 600)
        for attempt in range(repeats):
            marker = shown.format(n=attempt + 2)
            cpu_before = process_cpu_seconds(server.pid)
            changed = re.sub(pattern, replacement.format(marker=marker), original, count=1)
            source.write_text(changed, encoding="utf-8")
            started = time.perf_counter()
            _wait_for(url, marker, 300)
            samples.append(time.perf_counter() - started)
            cpu.append(process_cpu_seconds(server.pid) - cpu_before)
            load.append(os.getloadavg()[0])
            source.write_text(original, encoding="utf-8")
            time.sleep(1)
    finally:
        source.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return {
        "seconds": statistics.median(samples),
        "samples": samples,
        **spread(samples),
        "cpu_seconds": spread(cpu),
        "load_average": spread(load),
    }


def process_cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far, from /proc/<pid>/stat.

    Save-to-page wall time swings with whatever else the machine runs; the CPU time the
    server spends on one save does not, so both are recorded.
    """
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def real_guide(scratch: Path) -> Path:
    tree = scratch / "live"
    shutil.copytree(REPO / "content", tree / "content")
    shutil.copytree(REPO / "overrides", tree / "overrides")
    shutil.copy(REPO / "mkdocs.yml", tree / "mkdocs.yml")
    return tree


def _wait_for(url: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
    }


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The ratios the targets are stated in."""
    by_size = {run["exercises"]: run for run in runs}
    figures: dict[str, Any] = {}
    for n, run in by_size.items():
        full = run["full_build"]
        figures[str(n)] = {
            "full_over_floor": run["full_over_floor"],
            "full_over_floor_cpu": run["full_over_floor_cpu"],
            "generator_share": run["generator"]["seconds"] / full["seconds"],
            "figures_share_cpu": run["full_over_without_figures_cpu"]["median"] - 1,
            "site_bytes_per_exercise": full["site_bytes"] / n,
        }
    if 1000 in by_size and 5000 in by_size:
        figures["time_5000_over_1000"] = (
            by_size[5000]["full_build"]["seconds"] / by_size[1000]["full_build"]["seconds"]
        )
    return figures


def table(runs: list[dict[str, Any]], reload: dict[str, dict[str, Any]]) -> str:
    header = (
        f"{'N':>6} {'generator s':>12} {'full s':>8} {'cpu s':>6} {'floor s':>8} {'cpu s':>6} "
        f"{'full/floor cpu':>16} {'full/floor wall':>16} "
        f"{'peak MB':>8} {'site MB':>8} {'largest KB':>10} {'search KB':>10}"
    )
    lines = [header]
    for run in runs:
        full, floor, ratio = run["full_build"], run["floor_build"], run["full_over_floor"]
        cpu = run["full_over_floor_cpu"]
        lines.append(
            f"{run['exercises']:>6} {run['generator']['seconds']:>12.2f} {full['seconds']:>8.1f} "
            f"{full['cpu_seconds']:>6.1f} {floor['seconds']:>8.1f} {floor['cpu_seconds']:>6.1f} "
            f"{cpu['median']:>6.2f} ({cpu['min']:.2f}–{cpu['max']:.2f}) "
            f"{ratio['median']:>6.2f} ({ratio['min']:.2f}–{ratio['max']:.2f}) "
            f"{full['peak_memory_mb']:>8.0f} {full['site_bytes'] / 2**20:>8.1f} "
            f"{full['largest_page_bytes'] / 1024:>10.0f} {full['search_index_bytes'] / 1024:>10.0f}"
        )
    for run in runs:
        figures = run["full_over_without_figures_cpu"]
        lines.append(
            f"N = {run['exercises']}: full build over the same guide without figures, CPU "
            f"{figures['median']:.3f} ({figures['min']:.3f}–{figures['max']:.3f})"
        )
    for name, figures in reload.items():
        lines.append(
            f"save to page, {name}: {figures['seconds']:.2f} s median "
            f"({figures['min']:.2f}–{figures['max']:.2f}), "
            f"server CPU {figures['cpu_seconds']['median']:.2f} s"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results.json")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved runs per figure")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    reload: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        runs = []
        for n in args.sizes:
            runs.append(measure(n, Path(scratch), args.repeats))
            # Written after each size, so a run stopped later keeps the builds it measured.
            write(args.out, runs, reload)
        live = real_guide(Path(scratch))
        reload["real guide"] = live_reload(live)
        reload["real guide, rename"] = live_reload(live, repeats=3, edit="rename")
        write(args.out, runs, reload)
        if 1000 in args.sizes:
            reload["1,000 exercises"] = live_reload(Path(scratch) / "guide-1000")
    write(args.out, runs, reload)
    print(table(runs, reload))
    print(f"wrote {args.out}")


def write(out: Path, runs: list[dict[str, Any]], reload: dict[str, dict[str, Any]]) -> None:
    result = {"machine": machine(), "runs": runs, "live_reload": reload, "summary": summary(runs)}
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
