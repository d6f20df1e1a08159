"""How every browser run of the project starts Debian's Chromium: one list of flags for the
tests, the search and scale benchmarks and Lighthouse, so a flag added for one reaches all.

Kept free of imports from the rest of the project, so the tests can use it without loading
any benchmark."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""Headless, no sandbox (containers), and no network traffic of Chromium's own."""
