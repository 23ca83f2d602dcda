"""The tests' builds, each in a process forked from one that has already imported the site engine
and Plansite (`run_build`, tests/conftest.py).

A build is still a process of its own: its own environment, working folder, modules' state,
output and exit status, as `python -m <engine> build` gives it. What it no longer pays for is a
new interpreter importing the engine, Material, the macros plugin and Plansite: about 0.6 s of
CPU a build, and the suite makes some 140 builds on two cores.

`python -m tests.build_server <engine>` is the parent: it imports once, then reads one request
a line (JSON) on its standard input and forks a child for each, answering a line when the child
has ended (its exit status) or was killed at its time limit. It ends when its standard input
closes (the test process ended).
Forked children share the parent's hash seed: the determinism gate's two builds
(`example_site`, `example_site_again`) are new processes, each with its own.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _preload(engine: str) -> None:
    """What every build imports, once. Anything left out is imported by the build itself."""
    if engine == "properdocs":  # redirects `mkdocs.*` imports, as `python -m properdocs` does
        import properdocs.replacement  # noqa: F401
    import click  # noqa: F401
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build
    import mkdocs.config  # noqa: F401
    import mkdocs_macros.plugin  # noqa: F401
    import pymdownx  # noqa: F401

    import plansite.engine.plugin  # noqa: F401
    import tests.without_pdfs  # noqa: F401


def _child(request: dict[str, Any]) -> None:
    """In the forked child: become `python -m <engine> ...` (or `python -c <code> ...`); never
    return."""
    status = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            opened = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(opened, fd)
            os.close(opened)
        sys.argv = list(request["argv"])
        if request["code"] is not None:  # as `python -c <code> <argv...>`
            sys.argv.insert(0, "-c")
            exec(compile(request["code"], "<string>", "exec"), {"__name__": "__main__"})
        else:
            import runpy

            runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
        status = 0
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            status = stop.code or 0
        else:  # sys.exit("message"), as Python prints it
            print(stop.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def serve(engine: str) -> None:
    """The parent: import once, then fork a child per request."""
    _preload(engine)
    gc.freeze()  # what was imported stays shared with the children: no collection touches it
    answers = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # nothing imported writes into the answers
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        timed_out = not _ends_within(pid, request["timeout"])
        if timed_out:  # as `subprocess.run(timeout=...)`: the child is killed
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        exit_code = os.waitstatus_to_exitcode(status)
        answers.write(json.dumps({"status": exit_code, "timed_out": timed_out}) + "\n")


def _ends_within(pid: int, seconds: float) -> bool:
    """Whether the child `pid` ends within `seconds` (it is left to be waited for)."""
    ended = os.pidfd_open(pid)  # readable once the process has ended
    try:
        ready, _, _ = select.select([ended], [], [], seconds)
    finally:
        os.close(ended)
    return bool(ready)


class BuildServer:
    """A test process's parent of builds for one engine, started at its first build."""

    def __init__(self, engine: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.build_server", engine],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lock = threading.Lock()

    def close(self) -> None:
        """End the parent and wait for it: its builds' processor time then counts as the test
        run's own (`time`, the suite's profile)."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)

    def run(
        self,
        argv: list[str],
        *,
        env: dict[str, str],
        cwd: Path,
        code: str | None,
        timeout: float,
    ) -> subprocess.CompletedProcess[str]:
        """As `subprocess.run([python, -m|-c ..., *argv], capture_output=True, text=True)`."""
        with self.lock, tempfile.TemporaryDirectory(prefix="build-output-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {"argv": argv, "env": env, "cwd": str(cwd), "code": code,
                       "stdout": str(out), "stderr": str(err), "timeout": timeout}  # fmt: skip
            assert self.process.stdin is not None and self.process.stdout is not None
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()  # the parent answers when the build has ended
            if not line:
                raise RuntimeError(f"the build server ended with status {self.process.wait()}")
            answer = json.loads(line)
            if answer["timed_out"]:
                raise subprocess.TimeoutExpired(argv, timeout)
            status = answer["status"]
            # read as `text=True` would: the locale's encoding, universal newlines
            return subprocess.CompletedProcess(
                argv, status, out.read_text(errors="strict"), err.read_text(errors="strict")
            )


if __name__ == "__main__":
    serve(sys.argv[1])
