"""Under `mkdocs serve`, saving a content file rebuilds the page a contributor is looking at."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


def test_saving_a_yaml_file_updates_the_served_page(guide_dir: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=guide_dir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/exercises/bridge/"
    try:
        assert wait_for(url, "Lift the hips.", 60)
        source = guide_dir / "content" / "exercises" / "bridge.yml"
        source.write_text(source.read_text().replace("Lift the hips.", "Raise the pelvis."))
        assert wait_for(url, "Raise the pelvis.", 30)
    finally:
        server.terminate()
        server.wait(timeout=20)
