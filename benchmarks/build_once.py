"""Run one MkDocs build in this process and report its time and peak memory as JSON.

Used as a child process by run.py, so each build's peak memory is its own.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    config_file, site_dir = sys.argv[1], sys.argv[2]
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    started = time.perf_counter()
    build(load_config(config_file=config_file, site_dir=site_dir, strict=False))
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump({"seconds": seconds, "peak_memory_mb": peak_kb / 1024}, sys.stdout)


if __name__ == "__main__":
    main()
