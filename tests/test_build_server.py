"""The tests' builds are forked from a process that has imported the engine already
(tests/build_server.py): each is still a process of its own, as `python -m <engine>` or
`python -c <code>` would be."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ENGINE, build_server

pytestmark = pytest.mark.slow  # the server imports the site engine once

REPORTS = """
import os, sys
print(os.environ["PLANSITE_TEST_SETTING"], sys.argv, os.getcwd())
sys.stderr.write("to stderr")
sys.exit(3)
"""


def test_a_forked_build_has_its_own_argv_environment_folder_output_and_status(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "PLANSITE_TEST_SETTING": "its own"}
    result = build_server(ENGINE).run(
        ["first", "second"], env=env, cwd=tmp_path, code=REPORTS, timeout=60
    )
    assert result.returncode == 3
    assert result.stdout == f"its own ['-c', 'first', 'second'] {tmp_path}\n"
    assert result.stderr == "to stderr"
    assert "PLANSITE_TEST_SETTING" not in os.environ  # this process's is left alone


def test_a_module_runs_as_python_dash_m(tmp_path: Path) -> None:
    result = build_server(ENGINE).run(
        ["json.tool", "--help"], env=dict(os.environ), cwd=tmp_path, code=None, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python -m json.tool")


def test_an_exception_is_printed_and_exits_1(tmp_path: Path) -> None:
    result = build_server(ENGINE).run(
        [], env=dict(os.environ), cwd=tmp_path, code="raise ValueError('no')", timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "ValueError: no"


def test_a_build_past_its_time_is_killed_and_the_next_runs(tmp_path: Path) -> None:
    server = build_server(ENGINE)
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        server.run([], env=dict(os.environ), cwd=tmp_path, code="import time; time.sleep(120)",
                   timeout=0.5)  # fmt: skip
    # killed at its time, not waited for to the end (a generous bound for a busy machine)
    assert time.monotonic() - started < 90
    after = server.run([], env=dict(os.environ), cwd=tmp_path, code="print('next')", timeout=60)
    assert (after.returncode, after.stdout) == (0, "next\n")
