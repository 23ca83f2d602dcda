"""`make import` (`python -m plansite.office`) in a process of its own, held to limits of memory
and processor time, forked from a server that has imported the Office import once: a new Python
for each file spent about a CPU-second importing it (numpy, openpyxl, python-docx, the model)
before it read a byte (tests/test_hostile_office.py runs fifteen).

The forked process is as the command's own: its output goes to files, not the test's; the limits
are set in it before the import reads the file, and its processor time counts from the fork; a
limit that does not hold kills it (an exit code below 0) or shows as a memory error in stderr."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]


class Done(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def fork_server() -> Iterator[None]:
    """The fork server for `run_limited`, stopped and waited for at the end: its processor time
    and its processes' are then counted as the test run's own (`time`, the suite's profile)."""
    _server()
    try:
        yield
    finally:
        multiprocessing.forkserver._forkserver._stop()  # type: ignore[attr-defined]  # as CPython's tests stop it


def run_limited(argv: list[str], folder: Path, memory: int, seconds: int, timeout: float) -> Done:
    """The import of `argv`, as `python -m plansite.office <argv>` with no build cache (within
    `fork_server()`)."""
    context = _server()
    out, err = folder / "import.out", folder / "import.err"
    process = context.Process(target=_import, args=(argv, out, err, memory, seconds))
    process.start()
    process.join(timeout)
    if process.exitcode is None:  # the clock ran out first: stopped, and the test fails
        process.kill()
        process.join()
    code = process.exitcode
    assert code is not None
    return Done(code, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"))


def _server() -> multiprocessing.context.ForkServerContext:
    """The fork server, started once a test process, with the import loaded; OpenBLAS (loaded
    by numpy, which openpyxl imports) on one thread, as the command is run."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, "plansite.office.__main__"])
    before = os.environ.get("OPENBLAS_NUM_THREADS")
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # for the server only: put back below
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["OPENBLAS_NUM_THREADS"]
        else:
            os.environ["OPENBLAS_NUM_THREADS"] = before
    return context


def _import(argv: list[str], out: Path, err: Path, memory: int, seconds: int) -> None:
    """In the forked process: the limits, the command's output to files, then the command."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))  # past it: killed, and it shows
    for stream, path in ((sys.stdout, out), (sys.stderr, err)):
        stream.flush()
        file = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(file, stream.fileno())
        os.close(file)
    os.chdir(ROOT)
    os.environ["PLANSITE_CACHE"] = ""
    from plansite.office.__main__ import main

    code = main(argv)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
