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

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
WIDTH = 1600
"""The page's width in pixels: five figures to a row, each large enough to judge."""


def photograph(page: Path, image: Path, width: int = WIDTH) -> None:
    """Write the whole of the page at ``page`` (a local file) as one PNG at ``image``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, reduced_motion="reduce"
            )
            tab = context.new_page()
            tab.goto(page.resolve().as_uri())
            tab.screenshot(path=str(image), full_page=True)
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    from generator.pipeline import check
    from generator.poses.draw import contact_sheet_page
    from generator.report import human

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=REPO / "content")
    parser.add_argument("--out", type=Path, default=REPO / "build", help="folder to write into")
    args = parser.parse_args(argv)
    guide, problems = check(args.content)
    if problems or guide is None:
        print(human(problems), file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    page, image = args.out / "contact-sheet.html", args.out / "contact-sheet.png"
    page.write_text(contact_sheet_page(guide), encoding="utf-8")
    photograph(page, image)
    print(f"wrote {page} and {image}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
