"""The benchmark runs end to end on a small guide and records every figure (no timing limits)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

RUN_FIGURES = {"seconds", "peak_memory_mb"}
SITE_FIGURES = {"site_bytes", "pages", "largest_page_bytes", "largest_page", "search_index_bytes"}


def test_benchmark_at_fifty_exercises_records_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "50", "--out", str(out)],
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
        assert set(run[build]) >= RUN_FIGURES | SITE_FIGURES
        assert run[build]["pages"] > 50
    assert data["live_reload"]["seconds"] > 0
    assert {"full_over_floor", "generator_share", "site_bytes_per_exercise"} <= set(
        data["summary"]["50"]
    )
    assert {"python", "cpus", "memory_gb"} <= set(data["machine"])
    assert "live reload" in result.stdout
