"""The benchmark runs end to end on a small guide and records every figure (no timing limits)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

RUN_FIGURES = {"seconds", "peak_memory_mb"}
BUILD_FIGURES = RUN_FIGURES | {"cpu_seconds", "seconds_spread", "cpu_seconds_spread"}
SITE_FIGURES = {"site_bytes", "pages", "largest_page_bytes", "largest_page", "search_index_bytes"}


def test_benchmark_at_fifty_exercises_records_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    command = [sys.executable, "-m", "benchmarks.run", "--sizes", "50", "--repeats", "2"]
    result = subprocess.run(
        [*command, "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    [run] = data["runs"]
    assert run["exercises"] == 50
    assert run["content"]["exercises"] == 50
    assert set(run["generator"]) >= RUN_FIGURES
    for build in ("full_build", "floor_build"):
        assert set(run[build]) >= BUILD_FIGURES | SITE_FIGURES
        assert run[build]["pages"] > 50
    bare = run["without_figures_build"]
    assert set(bare) >= BUILD_FIGURES | SITE_FIGURES
    # The same pages, without the figures and their still files.
    assert bare["pages"] == run["full_build"]["pages"]
    assert bare["site_bytes"] < run["full_build"]["site_bytes"]
    assert run["repeats"] == 2
    for figure in (
        "full_over_floor",
        "full_over_floor_cpu",
        "full_over_without_figures_cpu",
        "load_average",
    ):
        ratio = run[figure]
        assert ratio["min"] <= ratio["median"] <= ratio["max"]
    for save in ("real guide", "real guide, rename"):
        assert data["live_reload"][save]["seconds"] > 0
        assert data["live_reload"][save]["cpu_seconds"]["median"] > 0
    assert {
        "full_over_floor",
        "full_over_floor_cpu",
        "generator_share",
        "figures_share_cpu",
        "site_bytes_per_exercise",
    } <= set(data["summary"]["50"])
    assert "N = 50: full build over the same guide without figures" in result.stdout
    assert {"python", "cpus", "memory_gb"} <= set(data["machine"])
    assert "save to page, real guide" in result.stdout
    assert "save to page, real guide, rename" in result.stdout


def test_a_build_reports_its_own_peak_memory_not_its_parents(tmp_path: Path) -> None:
    """A child started by a large parent must not report the parent's resident memory."""
    ballast = 800 * 2**20
    parent = (
        "import subprocess, sys\n"
        f"ballast = bytearray({ballast})\n"
        "for i in range(0, len(ballast), 4096): ballast[i] = 1\n"
        "child = subprocess.run([sys.executable, '-m', 'benchmarks.build_once', "
        f"{str(REPO / 'tests' / 'fixtures' / 'minimal' / 'mkdocs.yml')!r}, "
        f"{str(tmp_path / 'site')!r}], capture_output=True, text=True, check=True)\n"
        "print(child.stdout)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", parent], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert 0 < figures["peak_memory_mb"] < ballast / 2**20 / 2
