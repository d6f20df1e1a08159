"""Lighthouse scores for each page type, written into BENCHMARKS.md.

    make lighthouse        # builds the guide, serves it on 127.0.0.1 and audits each page type

Lighthouse comes from npm (package.json) and drives Debian's Chromium; it audits the mobile
form factor with its default simulated throttling. The figures go between the markers in
BENCHMARKS.md, replacing the previous run's.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from benchmarks.synthesize import REPO

PAGE_TYPES = {
    "Home": "/",
    "Problem area": "/problem-areas/runners-knee/",
    "Exercise": "/exercises/single-leg-bridge/",
    "Routine": "/routines/post-run-hips/",
    "Muscle": "/muscles/gluteus-medius/",
    "Muscle index": "/muscles/",
    "Exercise finder": "/finder/",
    "Guide": "/guides/priorities/",
    "Exercise index": "/exercises/",
    "Problem-area index": "/problem-areas/",
    "Routine index": "/routines/",
    "Movement pattern": "/patterns/squat/",
    "Equipment": "/equipment/kettlebell/",
    "My running week": "/plan/",
    "References": "/references/",
}
"""One page of each kind a reader meets."""

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(CHROMIUM_ARGS)
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
LIGHTHOUSE = REPO / "benchmarks" / "lighthouse-npm" / "node_modules" / ".bin" / "lighthouse"
"""Installed by `make lighthouse` only, from benchmarks/lighthouse-npm/."""


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


class _Host(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host such as GitHub Pages does: text files gzipped.

    Without compression the theme's stylesheet and script alone would cost the mobile
    performance score more than anything the guide's own pages do.
    """

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSED):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """No line per request."""


def audit(url: str, report: Path) -> dict[str, float]:
    """One Lighthouse run: the four category scores out of 100, and the machine's load.

    Lighthouse measures the page's main-thread work on this machine, so a busy machine
    lowers the performance score; the one-minute load average says how busy it was.
    """
    load = os.getloadavg()[0]
    subprocess.run(
        [
            str(REPO / "benchmarks" / "lighthouse-npm" / "node_modules" / ".bin" / "lighthouse"),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)},
    )
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {**{name: round(categories[name]["score"] * 100) for name in CATEGORIES}, "load": load}


def table(scores: dict[str, dict[str, float]]) -> str:
    """The scores as a Markdown table, one row per page type."""
    lines = [
        "| Page type | Performance (mobile) | Accessibility | Best practices | SEO | Load average |",
        "|---|---|---|---|---|---|",
    ]
    for kind, score in scores.items():
        cells = " | ".join(str(score[name]) for name in CATEGORIES)
        lines.append(f"| {kind} ({PAGE_TYPES[kind]}) | {cells} | {score['load']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--benchmarks", type=Path, default=REPO / "BENCHMARKS.md")
    args = parser.parse_args()
    handler = functools.partial(_Host, directory=str(args.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    scores: dict[str, dict[str, float]] = {}
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for kind, path in PAGE_TYPES.items():
                scores[kind] = audit(base + path, Path(scratch) / "report.json")
                print(kind, scores[kind], flush=True)
    finally:
        server.shutdown()
    text = args.benchmarks.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    args.benchmarks.write_text(f"{before}{START}\n{table(scores)}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
