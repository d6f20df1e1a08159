"""How often the guide's search puts a right page first, or in the top three, for runners' queries.

    .venv/bin/python -m benchmarks.search_quality                  # build the guide, then run
    .venv/bin/python -m benchmarks.search_quality --site site --out /tmp/search.json

Each query in benchmarks/search_queries.py is typed into Material's search box in Chromium
against the built site, after the search index is ready; the first results are compared with
the pages that rightly answer it. It reports hit@1, hit@3 and the mean reciprocal rank (of the
first right page among the first ten results) per category and overall. A benchmark, not a
test: it records where ranking stands and never fails on a figure.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import tempfile
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from benchmarks.search_queries import QUERIES
from benchmarks.synthesize import REPO

INITIALIZING = "Initializing search"
READY_PROMPT = "Type to start searching"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No line per request."""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built site on 127.0.0.1 for as long as the block runs."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def open_search(page: Any, base: str) -> None:
    """Open the home page, focus the search box, and wait until the index is ready."""
    page.goto(base + "/", wait_until="load")
    page.click(".md-search__input")
    page.wait_for_function(
        f"document.querySelector('.md-search-result__meta').textContent.trim() !== {INITIALIZING!r}",
        timeout=60_000,
    )


def results(page: Any, query: str) -> list[str]:
    """Type a query and return the result pages in ranked order, once they stop changing."""
    box = page.locator(".md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function(
        f"document.querySelector('.md-search-result__meta').textContent.trim() === {READY_PROMPT!r}"
    )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        f"document.querySelector('.md-search-result__meta').textContent.trim() !== {READY_PROMPT!r}"
    )
    previous: list[str] | None = None
    for _ in range(40):
        found: list[str] = page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link",
            "links => links.map(a => new URL(a.href).pathname)",
        )
        if found == previous:
            break
        previous = found
        page.wait_for_timeout(120)
    ranked: list[str] = []
    for path in previous or []:
        clean = path.split("#")[0].lstrip("/")
        if clean not in ranked:
            ranked.append(clean)
    return ranked


def score(ranked: list[str], right: list[str]) -> dict[str, float]:
    rank = next((i + 1 for i, path in enumerate(ranked[:10]) if path in right), None)
    return {
        "hit1": float(rank == 1),
        "hit3": float(rank is not None and rank <= 3),
        "rr": 1 / rank if rank else 0.0,
    }


def summarise(rows: list[dict[str, Any]]) -> dict[str, float]:
    n = len(rows)
    return {
        "queries": n,
        "hit1": sum(r["hit1"] for r in rows) / n,
        "hit3": sum(r["hit3"] for r in rows) / n,
        "mrr": sum(r["rr"] for r in rows) / n,
    }


def first_visit(page: Any, base: str, site: Path, path: str) -> dict[str, Any]:
    """What a reader who never searches downloads for one page: files and gzip bytes."""
    page.goto(base + path, wait_until="networkidle")
    urls: list[str] = page.evaluate(
        "[location.href, ...performance.getEntriesByType('resource').map(e => e.name)]"
    )
    files: dict[str, int] = {}
    for url in urls:
        local = urllib.parse.urlsplit(url).path.lstrip("/")
        target = site / local / "index.html" if local.endswith("/") or not local else site / local
        if target.is_file():
            files[local or "index.html"] = len(gzip.compress(target.read_bytes()))
    return {
        "page": path,
        "gzip_bytes": sum(files.values()),
        "search_index_fetched": "search/search_index.json" in files,
        "files": files,
    }


def run(site: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    rows: list[dict[str, Any]] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        visit = first_visit(page, base, site, "/exercises/clamshell/")
        open_search(page, base)
        for category, queries in QUERIES.items():
            for query, right in queries:
                ranked = results(page, query)
                rows.append(
                    {
                        "category": category,
                        "query": query,
                        "top": ranked[:3],
                        **score(ranked, right),
                    }
                )
        browser.close()
    categories = {c: summarise([r for r in rows if r["category"] == c]) for c in QUERIES}
    return {
        "overall": summarise(rows),
        "categories": categories,
        "first_visit": visit,
        "queries": rows,
    }


def table(result: dict[str, Any]) -> str:
    lines = [f"{'category':<44} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'MRR':>6}"]
    for name, figures in [*result["categories"].items(), ("all queries", result["overall"])]:
        lines.append(
            f"{name:<44} {figures['queries']:>4} {figures['hit1']:>6.2f} "
            f"{figures['hit3']:>6.2f} {figures['mrr']:>6.2f}"
        )
    visit = result["first_visit"]
    lines.append(
        f"first visit to {visit['page']}: {visit['gzip_bytes'] / 1024:.0f} KB gzip, "
        f"search index fetched: {visit['search_index_fetched']}"
    )
    misses = [r for r in result["queries"] if not r["hit1"]]
    lines.append("not first: " + "; ".join(f"{r['query']} → {r['top'][:1]}" for r in misses))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the guide)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "search-quality.json")
    args = parser.parse_args()
    if args.site:
        result = run(args.site)
    else:
        from generator.engine.build import build_site

        with tempfile.TemporaryDirectory() as scratch:
            site = Path(scratch) / "site"
            build_site(REPO / "mkdocs.yml", site)
            result = run(site)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(table(result))


if __name__ == "__main__":
    main()
