"""One build, then where its CPU went: the build's own process (its critical path: the pages)
and its worker processes (PDFs, Word files, spreadsheets, charts). Run from the project:

    PYTHONPATH=$PWD PLANSITE_CACHE=/tmp/empty .venv/bin/python scripts/bench/cpu_split.py /tmp/site
"""

from __future__ import annotations

import atexit
import os
import resource
import runpy
import sys
import time
from pathlib import Path

START = time.perf_counter()


def report() -> None:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # waited for when the pool shut down
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(
        f"wall {time.perf_counter() - START:.1f} s; build's process "
        f"{own.ru_utime + own.ru_stime:.2f} s CPU; workers {workers.ru_utime + workers.ru_stime:.2f}"
        f" s CPU; load average {load}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    atexit.register(report)
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    sys.argv = ["properdocs", "build", "--strict", "-f", os.path.abspath("mkdocs.yml"), "-d", site]
    runpy.run_module("properdocs", run_name="__main__")
