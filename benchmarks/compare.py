"""Compare the real guide's build time at two revisions, with interleaved repeated builds.

The base revision (code and content) is exported with `git archive` into a scratch
directory; the working tree is the other side. Builds alternate base/head, head/base, so
a machine that slows down during the run affects both sides alike, after one untimed build
of each side. The ratio of each pair is reported with its median and spread.

With ``--strip-figures`` the base is the same revision's content without any exercise's
``illustration:`` block, built by the same generator: the two sides then differ only in
the movement figures (no figure, still or pose check on the base side), which compares
like with like when the guide has grown since an older base revision.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def export(revision: str, target: Path) -> None:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision], cwd=REPO, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter=_safe_or_skipped)


def _safe_or_skipped(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """Tar's 'data' filter, skipping what it refuses (the test corpus holds a link to an
    absolute path on purpose); a build needs none of those files."""
    try:
        return tarfile.data_filter(member, path)
    except tarfile.FilterError:
        return None


def strip_figures(root: Path) -> int:
    """Remove the top-level ``illustration:`` block from every exercise under ``root``;
    return how many files had one."""
    stripped = 0
    for path in sorted((root / "content" / "exercises").glob("*.yml")):
        kept: list[str] = []
        inside = False
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
            if line.startswith("illustration:"):
                inside = True
                stripped += 1
                continue
            if inside and (line.startswith((" ", "\t")) or not line.strip()):
                continue
            inside = False
            kept.append(line)
        path.write_text("".join(kept), encoding="utf-8")
    return stripped


def build_seconds(root: Path, site: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one strict-free build of ``root``'s guide with ``root``'s own
    generator. CPU time is the steadier figure on a machine shared with other work."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.build_once", str(root / "mkdocs.yml"), str(site)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        check=True,
        capture_output=True,
        text=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    seconds: float = json.loads(result.stdout)["seconds"]
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="Revision to compare against.")
    parser.add_argument("--runs", type=int, default=5, help="Builds per side.")
    parser.add_argument(
        "--strip-figures",
        action="store_true",
        help="Build the base without any exercise's illustration block.",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "base"
        export(args.base, base)
        stripped = strip_figures(base) if args.strip_figures else 0
        # One untimed build per side first: the exported base would otherwise pay alone
        # for compiling its Python modules and templates in the first pair.
        for side, root in (("base", base), ("head", REPO)):
            build_seconds(root, Path(scratch) / f"site-{side}")
        wall: dict[str, list[float]] = {"base": [], "head": []}
        cpu: dict[str, list[float]] = {"base": [], "head": []}
        for run in range(args.runs):
            order = ["base", "head"] if run % 2 == 0 else ["head", "base"]
            for side in order:
                root = base if side == "base" else REPO
                seconds, cpu_seconds = build_seconds(root, Path(scratch) / f"site-{side}")
                wall[side].append(round(seconds, 2))
                cpu[side].append(round(cpu_seconds, 2))
        report: dict[str, object] = {
            "base": args.base,
            "runs": args.runs,
            "base_illustrations_removed": stripped,
        }
        for name, table in (("wall", wall), ("cpu", cpu)):
            ratios = [h / b for h, b in zip(table["head"], table["base"], strict=True)]
            report[name] = {
                "base_seconds": table["base"],
                "head_seconds": table["head"],
                "ratio_median": round(statistics.median(ratios), 3),
                "ratio_min": round(min(ratios), 3),
                "ratio_max": round(max(ratios), 3),
            }
        json.dump(report, sys.stdout, indent=2)
        print()


if __name__ == "__main__":
    main()
