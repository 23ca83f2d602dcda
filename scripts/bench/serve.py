"""How long `mkdocs serve` takes to show a data edit: edit a plan, poll the page until it shows.

Two kinds of edit, measured separately (docs/maintainers/performance.md):

- an update edit: one action's update text, shown on its priority page. The menu is unchanged, so
  `make serve` (`mkdocs serve --dirty`) rewrites only the pages whose content changed;
- a menu edit: the plan's title, in the menu of every page: every page is rebuilt.

Works on a copy of the data folder, so the board's own files are never touched. Runs `mkdocs
serve --dirty` as `make serve` does.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from plansite.load import load_board_data
from plansite.model import links

MARKER = "Plansite serve check"
KINDS = ("update", "menu")
# the first update's text of an action: `text:` indented under `updates:`
UPDATE_TEXT = re.compile(r"(\n\s+updates:\n(?:\s+.*\n)*?\s+text: )")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:  # not up yet, or a slow rebuild: asked again
        return ""


def _wait(url: str, text: str, seconds: float, *, shown: bool = True) -> float:
    """Seconds until the page at `url` contains `text` (or, `shown=False`, no longer does)."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        page = _page(url)
        if page and (text in page) == shown:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not {'show' if shown else 'drop'} {text!r} in {seconds:.0f} s")


def _cpu_seconds(pid: int) -> float:
    """The process's CPU time so far (Linux): a rebuild's own cost, whatever else the machine
    runs. 0 where /proc is not there."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _current_plan(data: Path) -> Path:
    return next(
        p for p in sorted((data / "plans").glob("*.yml")) if "current: true" in p.read_text()
    )


def _update_page(data: Path) -> str:
    """The priority page of the current plan's first action with an update: the first
    `text:` under an `updates:` in the plan file is that update's."""
    site = load_board_data(data)
    plan = site.current_plan
    priority = next(p for p in plan.priorities if any(a.updates for a in p.all_actions))
    return links.served_dir(links.priority(plan.id, priority.slug))


def _edits(kind: str, original: str) -> Callable[[str], str]:
    if kind == "menu":  # the plan's title appears in every page's menu
        return lambda marker: original.replace("\ntitle: ", f"\ntitle: {marker} ", 1)
    return lambda marker: UPDATE_TEXT.sub(lambda m: m.group(1) + marker + " ", original, count=1)


Times = dict[str, list[tuple[float, float]]]  # kind of edit -> (seconds, CPU seconds) per edit


def serve_latency(root: Path, source: Path, work: Path, edits: int = 3) -> Times:
    """Seconds from saving an edit to `mkdocs serve --dirty` serving it, and the server's CPU
    seconds meanwhile, per edit, by kind."""
    data = work / "serve-data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(source, data)
    plan = _current_plan(data)
    original = plan.read_text(encoding="utf-8")
    pages = {"update": _update_page(data), "menu": links.served_dir(links.plans_index())}
    port = _free_port()
    env = {**os.environ, "PLANSITE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict"]
    server = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait(base + pages["menu"], "</html>", 300)
        times: Times = {}
        for kind in KINDS:
            edit = _edits(kind, original)
            times[kind] = []
            for number in range(1, edits + 1):
                marker = f"{MARKER} {kind} {number}"
                cpu = _cpu_seconds(server.pid)
                plan.write_text(edit(marker), encoding="utf-8")
                seconds = _wait(base + pages[kind], marker, 120)
                times[kind].append((seconds, _cpu_seconds(server.pid) - cpu))
                time.sleep(1)  # let the server settle (the livereload poll) before the next edit
            plan.write_text(original, encoding="utf-8")  # and wait for its rebuild
            _wait(base + pages[kind], MARKER, 120, shown=False)
            time.sleep(1)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(times: Times) -> str:
    lines = []
    for kind in KINDS:
        shown = ", ".join(f"{seconds:.2f}" for seconds, _ in times[kind])
        cpu = ", ".join(f"{cpu:.2f}" for _, cpu in times[kind])
        best = min(seconds for seconds, _ in times[kind])
        lines.append(
            f"mkdocs serve shows {'an' if kind == 'update' else 'a'} {kind} edit in {best:.2f} s "
            f"(each edit: {shown} s; the server's CPU time meanwhile: {cpu} s)"
        )
    return "\n".join(lines)
