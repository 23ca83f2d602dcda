"""No traceback from any bad input: every corpus case through `make check` (python -m
plansite.check) and, where the check lets the data through, through the build's work.

Cost: one process runs every case (see tests/bad_inputs/run.py). One real `mkdocs build --strict`
takes every case the check finds valid at once, on a single data folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from plansite.load import load_board_data
from plansite.read.problems import DataError
from tests.bad_inputs.careless import ALL_CASES
from tests.bad_inputs.run import SEPARATOR
from tests.test_bad_inputs import report

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "corpus-base"


def test_no_case_gives_a_traceback_in_check_or_build(tmp_path: Path) -> None:
    for case in ALL_CASES:
        shutil.copytree(BASE, tmp_path / case.name / "data")
        case.breaks(tmp_path / case.name / "data")
    result = subprocess.run(
        [sys.executable, "-m", "tests.bad_inputs.run", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert "Exception ignored" not in result.stderr
    outputs = {}
    for block in result.stdout.split(SEPARATOR)[1:]:
        head, _, printed = block.partition("\n")
        name, status = head.split(" ")
        outputs[name] = (int(status), printed.rstrip("\n"))
    for case in ALL_CASES:
        lines, status = report(case.expected)
        assert outputs[case.name] == (status, "\n".join(lines)), case.name


def test_every_valid_case_at_once_builds_strict(tmp_path: Path) -> None:
    """The odd but valid inputs (markup, `$` in a category, a formula, entities, BOM, UTF-16,
    emoji, lock files) together in one data folder: a real strict build, no noise."""
    data, before = tmp_path / "data", tmp_path / "before"
    shutil.copytree(BASE, data)
    applied = []
    for case in ALL_CASES:
        if case.expected:  # advice too: `make check` would print it
            continue
        shutil.copytree(data, before, symlinks=True)
        try:
            case.breaks(data)
            load_board_data(data)  # still valid together with the cases before it
            applied.append(case.name)
        except (AssertionError, FileExistsError, DataError):  # an earlier case changed the same
            shutil.rmtree(data)
            before.rename(data)
        shutil.rmtree(before, ignore_errors=True)
    assert len(applied) >= 15, applied
    env = {
        **os.environ,
        "PLANSITE_DATA": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        "PLANSITE_CACHE": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr
    page = (tmp_path / "site" / "plans" / "plan-a" / "all-actions" / "index.html").read_text()
    assert "Police | Council" in page
