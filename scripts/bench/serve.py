"""How long `mkdocs serve` takes to show a data edit: edit a plan, poll the page until it shows.

Works on a copy of the data folder, so the board's own files are never touched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

MARKER = "Plansite serve check"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return ""


def _wait(url: str, text: str, seconds: float) -> float:
    """Seconds until the page at `url` contains `text`."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in _page(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {seconds:.0f} s")


def serve_latency(root: Path, source: Path, work: Path, edits: int = 3) -> list[float]:
    """Seconds from saving an edited plan title to `mkdocs serve` serving it, per edit."""
    data = work / "serve-data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(source, data)
    plan = next(
        p for p in sorted((data / "plans").glob("*.yml")) if "current: true" in p.read_text()
    )
    original = plan.read_text(encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PLANSITE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/plans/"
    try:
        _wait(url, "</html>", 300)
        times = []
        for edit in range(1, edits + 1):
            marker = f"{MARKER} {edit}"
            # the plan's title appears on the plans index page
            edited = original.replace("\ntitle: ", f"\ntitle: {marker} ", 1)
            plan.write_text(edited, encoding="utf-8")
            times.append(_wait(url, marker, 120))
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)
