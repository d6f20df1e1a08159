"""Run one MkDocs build in this process and report its time and peak memory as JSON.

Used as a child process by run.py. Peak memory is the kernel's high-water mark of this
process's own address space (VmHWM), which exec resets; `ru_maxrss` would instead carry the
resident size the parent had when it forked.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main() -> None:
    config_file, site_dir = sys.argv[1], sys.argv[2]
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    started = time.perf_counter()
    build(load_config(config_file=config_file, site_dir=site_dir, strict=False))
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    json.dump(
        {
            "seconds": seconds,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_memory_mb": own_peak_kb() / 1024,
        },
        sys.stdout,
    )


def own_peak_kb() -> int:
    """VmHWM from /proc/self/status: this process's peak resident memory, in kB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM line in /proc/self/status")


if __name__ == "__main__":
    main()
