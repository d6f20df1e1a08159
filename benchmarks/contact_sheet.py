"""`make contact-sheet`: every exercise's key poses on one page and in one image, to look at
them all at once (CONTRIBUTING: "Posing the figure").

The page is `guide contact-sheet`'s; the image is that page photographed whole by Debian's
Chromium, with motion reduced so each figure shows its still poses. It lives beside the
Lighthouse run rather than in the generator because it needs the test tools (Playwright).

    .venv/bin/python -m benchmarks.contact_sheet [--out build]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
WIDTH = 1600
"""The page's width in pixels: five figures to a row, each large enough to judge."""


def photograph(browser: Any, page: Path, image: Path, width: int = WIDTH) -> None:
    """Write the whole of the page at ``page`` (a local file) as one PNG at ``image``, with
    ``browser``, a Playwright Chromium."""
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    try:
        tab = context.new_page()
        tab.goto(page.resolve().as_uri())
        tab.screenshot(path=str(image), full_page=True)
    finally:
        context.close()


def write_sheet(browser: Any, content: Path, out: Path) -> list[str]:
    """Check the content, then write the sheet's page and image into ``out``; the problems
    found instead, when there are any (nothing is written then)."""
    from generator.pipeline import check
    from generator.poses.draw import contact_sheet_page
    from generator.report import human

    guide, problems = check(content)
    if problems or guide is None:
        return [human(problems)]
    out.mkdir(parents=True, exist_ok=True)
    page, image = out / "contact-sheet.html", out / "contact-sheet.png"
    page.write_text(contact_sheet_page(guide), encoding="utf-8")
    photograph(browser, page, image)
    print(f"wrote {page} and {image}")
    return []


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--out", type=Path, default=REPO / "build", help="folder to write into")
    args = parser.parse_args(argv)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            problems = write_sheet(browser, args.content, args.out)
        finally:
            browser.close()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
