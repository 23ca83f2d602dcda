"""One timed `mkdocs build` in a child process: wall time, peak memory and what it wrote."""

from __future__ import annotations

import os
import shutil
import signal
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
    # the most memory the build and its worker processes held together (proportional set
    # size, sampled: memory a worker shares with the build is counted once)
    tree_peak_bytes: int = 0
    hand_ratios: list[float] = field(default_factory=list)  # each run against the hand-written one


class Stopped(Exception):
    """The build ran longer, or took more memory, than it was given, and was stopped; the
    most memory it held (with its workers) until then."""

    def __init__(self, why: str, tree_peak_bytes: int) -> None:
        super().__init__(why)
        self.tree_peak_bytes = tree_peak_bytes


def mkdocs_build(
    config: Path,
    site_dir: Path,
    env: dict[str, str],
    timeout: float | None = None,
    memory_limit: int | None = None,
) -> Build:
    """Run `mkdocs build` for `config` into `site_dir` (emptied first) and measure it. A build
    that runs past `timeout` seconds, or whose processes together hold more than `memory_limit`
    bytes (the machine may be shared), is stopped, its workers too, and raises `Stopped`."""
    shutil.rmtree(site_dir, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q"]
    command += ["-f", str(config), "-d", str(site_dir)]
    log = site_dir.parent / f"{site_dir.name}.log"
    tree_peak = 0
    with log.open("wb") as output:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=config.parent, env=env, stdout=output, stderr=output,
            start_new_session=True,  # its own process group: stopped with its workers
        )  # fmt: skip
        while True:
            # wait4 gives this one child's own resource use, not the sum of every child so far
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            now = tree_memory(child.pid)
            tree_peak = max(tree_peak, now)
            if timeout is not None and time.perf_counter() - start > timeout:
                _stop(child.pid, f"did not finish in {timeout / 60:g} min", tree_peak)
            if memory_limit is not None and now > memory_limit:
                minutes = (time.perf_counter() - start) / 60
                why = f"stopped after {minutes:.1f} min at {now / 1e9:.1f} GB"
                _stop(child.pid, why, tree_peak)
            time.sleep(SAMPLE_SECONDS)
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
        tree_peak_bytes=tree_peak or usage.ru_maxrss * 1024,  # too short to sample
    )


SAMPLE_SECONDS = 0.2


def _stop(pid: int, why: str, tree_peak: int) -> None:
    os.killpg(pid, signal.SIGKILL)  # the build and its workers: its own process group
    os.wait4(pid, 0)
    raise Stopped(why, tree_peak)


def tree_memory(pid: int) -> int:
    """The memory a process and its descendants hold now: the sum of their proportional set
    sizes (a page two of them share counts half to each), from /proc (Linux)."""
    total = 0
    for process in [pid, *_descendants(pid)]:
        try:
            rollup = Path(f"/proc/{process}/smaps_rollup").read_text()
        except OSError:  # ended meanwhile, or not Linux
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1]) * 1024
                break
    return total


def _descendants(pid: int) -> list[int]:
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            found += [child, *_descendants(child)]
    return found


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
        tree_peak_bytes=max(b.tree_peak_bytes for b in builds),
    )
