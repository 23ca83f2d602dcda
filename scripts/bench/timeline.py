"""One build, time-stamped: the build's phases in its own process and each job of its workers
(kind, file, start, end, the process's CPU and cycle-collector time so far), to see which
process is busy when and what the build waits for at the end. Run from the project:

    PYTHONPATH=$PWD PLANSITE_CACHE=/tmp/empty .venv/bin/python scripts/bench/timeline.py /tmp/site

A line a phase or job, sorted by start: pid, start and end (seconds since this script began),
what it was. The functions timed are replaced in this process before the build starts, so the
workers forked from it log their jobs too (their own pid).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import resource
import runpy
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

START = time.time()
# one line a phase, appended by whichever process ran it (a worker is forked from this one)
LOG = Path(tempfile.mkstemp(prefix="plansite-timeline-", suffix=".tsv")[1])
COLLECTED = {"seconds": 0.0, "started": 0.0}


def _collector(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        COLLECTED["started"] = time.process_time()
    else:
        COLLECTED["seconds"] += time.process_time() - COLLECTED["started"]


def _log(what: str, started: float) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    line = f"{os.getpid()}\t{started - START:.3f}\t{time.time() - START:.3f}\t{what}"
    with LOG.open("a") as log:
        log.write(f"{line} (cpu {cpu:.2f} s, collector {COLLECTED['seconds']:.2f} s)\n")


def _timed(owner: Any, name: str, label: Callable[..., str]) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.time()
        try:
            return original(*args, **kwargs)
        finally:
            _log(label(*args), started)

    setattr(owner, name, timed)


def main(site: str) -> None:
    from plansite.documents import made_files
    from plansite.engine import build

    _log("imports before the engine's", START)
    _timed(made_files, "_make", lambda *a: f"job {a[2]} {a[4].name}")
    _timed(made_files, "_draw", lambda *a: f"chart {a[0]}")
    _timed(made_files, "_forked", lambda *a: "the workers forked")
    _timed(build.SiteBuild, "_load", lambda *a: "the data loaded")
    _timed(build.SiteBuild, "start_files", lambda *a: "start_files")
    _timed(build.SiteBuild, "finish_files", lambda *a: "finish_files")
    _timed(made_files.Output, "sizes", lambda *a: "waited for every file")
    gc.callbacks.append(_collector)
    sys.argv = ["properdocs", "build", "--strict", "-f", os.path.abspath("mkdocs.yml"), "-d", site]
    with contextlib.suppress(SystemExit):
        runpy.run_module("properdocs", run_name="__main__")
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # waited for when the pool shut down
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    _log(
        f"the end; workers {workers.ru_utime + workers.ru_stime:.2f} s CPU; load {load}",
        time.time(),
    )
    lines = LOG.read_text().splitlines()
    LOG.unlink()
    print("\n".join(sorted(lines, key=lambda line: float(line.split("\t")[1]))))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "site")
