"""One timed `mkdocs build` in a child process: wall time, peak memory and what it wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

SEARCH_INDEX = Path("search") / "search_index.json"


@dataclass
class Build:
    seconds: float
    peak_bytes: int  # the child's maximum resident set size
    search_index_bytes: int
    site_bytes: int
    pages: int  # HTML pages written
    cold_seconds: float = 0.0  # Plansite's first run, with an empty chart cache
    cpu_seconds: float = 0.0  # user + system time
    actions: int = 0  # the board's actions (Plansite's build only)
    warm_peak_bytes: int = 0  # the highest peak of the builds after the first (Plansite's only)
    hand_ratios: list[float] = field(default_factory=list)  # each run against the hand-written one


def mkdocs_build(config: Path, site_dir: Path, env: dict[str, str]) -> Build:
    """Run `mkdocs build` for `config` into `site_dir` (emptied first) and measure it."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q"]
    command += ["-f", str(config), "-d", str(site_dir)]
    log = site_dir.parent / f"{site_dir.name}.log"
    with log.open("wb") as output:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=config.parent, env=env, stdout=output, stderr=output)
        # wait4 gives this one child's own resource use, not the sum of every child so far
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"mkdocs build failed for {config}:\n{log.read_text(errors='replace')}")
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    index = site_dir / SEARCH_INDEX
    return Build(
        seconds=seconds,
        peak_bytes=usage.ru_maxrss * 1024,  # Linux reports kilobytes
        search_index_bytes=index.stat().st_size if index.exists() else 0,
        site_bytes=sum(p.stat().st_size for p in files),
        pages=sum(1 for p in files if p.suffix == ".html"),
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )


def best(builds: list[Build]) -> Build:
    """The fastest run; memory is the highest seen, so a lucky run does not hide a peak."""
    fastest = min(builds, key=lambda b: b.seconds)
    return Build(
        seconds=fastest.seconds,
        peak_bytes=max(b.peak_bytes for b in builds),
        search_index_bytes=fastest.search_index_bytes,
        site_bytes=fastest.site_bytes,
        pages=fastest.pages,
        cpu_seconds=fastest.cpu_seconds,
    )
