"""Every case of the bad-input corpus gives exactly its report, and exit status 1 (0 if valid)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from plansite.check.__main__ import main
from tests.bad_inputs.careless import ALL_CASES as CASES
from tests.bad_inputs.careless import ISSUE_CASES, OWN_CASES
from tests.bad_inputs.cases import Case

BASE = Path(__file__).resolve().parent / "fixtures" / "corpus-base"


def test_the_corpus_is_large_and_distinct() -> None:
    broken = [case for case in CASES if case.expected]
    assert len(broken) >= 30
    assert len({case.name for case in CASES}) == len(CASES)
    assert len({tuple(case.expected) for case in broken}) == len(broken)
    assert len(ISSUE_CASES) >= 40 and len(OWN_CASES) >= 30


@pytest.mark.parametrize("case", [c for c in CASES if c.expected], ids=lambda c: c.name)
def test_the_first_line_names_the_cause_with_file_and_line(case: Case) -> None:
    assert re.fullmatch(r"data/[^:]+:\d+: .+", case.expected[0])


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    case.breaks(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    status = main(["data"])
    err = capsys.readouterr().err
    lines, expected_status = report(case.expected)
    assert err.splitlines() == lines
    assert status == expected_status


STRICT = re.compile(
    r"\d+ problems? found in the data; `make build` \(strict\) would stop on (it|them)\."
)


def report(expected: list[str]) -> tuple[list[str], int]:
    """What `make check` prints to stderr, and its exit status, for a case's expected lines.

    Lines ending "(advice)" are advice: printed, never a reason to fail. A case whose data a
    strict build would stop on (warnings) ends with that summary; other problems get theirs."""
    if expected and STRICT.fullmatch(expected[-1]):
        return expected, 1
    problems = [line for line in expected if not line.endswith(" (advice)")]
    if not problems:
        return expected, 0
    noun = "problem" if len(problems) == 1 else "problems"
    return [*expected, f"{len(problems)} {noun} found in the data; nothing was published."], 1
