"""Each class of data problem gives its exact `file:line: message`, and all are reported at once."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.read.problems import DataError

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
PLAN = "data/plans/plan-a.yml"


def problems_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, old: str, new: str
) -> list[str]:
    """Copy the minimal board to ./data, replace `old` by `new` in `file`, load it."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    target = data / file
    text = target.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {file}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as caught:
        load_board_data(Path("data"))
    return [str(p) for p in caught.value.problems.items]


CASES = [
    (
        "unknown status",
        "plans/plan-a.yml", "status: red\n", "status: amberr\n",
        [f"{PLAN}:31: status `amberr` is not one of this plan's statuses "
         "(green (Complete), amber (On target), red (Off target)); write one of them, as its key "
         "or its label, or add it to `statuses:`"],
    ),
    (
        "unknown key, with a suggestion",
        "plans/plan-a.yml", "    owner: PPPG", "    ownr: PPPG",
        [f"{PLAN}:14: unknown key `ownr`; did you mean `owner`?"],
    ),
    (
        "missing required field",
        "plans/plan-a.yml", "    title: Online safety\n", "",
        [f"{PLAN}:12: `title` is missing; add `title:` here"],
    ),
    (
        "unparseable update date",
        "plans/plan-a.yml", "date: 2026-01,", "date: soon,",
        [f"{PLAN}:36: `soon` is not a date this site can read; write it as 2025-12 (a month) "
         "or 2025-12-14 (a day)"],
    ),
    (
        "impossible date",
        "plans/plan-a.yml", "as_at: 2026-06-30", "as_at: 2026-02-30",
        [f"{PLAN}:6: `2026-02-30` is not a real date (day 30, month 2, year 2026)"],
    ),
    (
        "impossible due date",
        "plans/plan-a.yml", "due: Mar-26", "due: 31 February 2026",
        [f"{PLAN}:30: `31 February 2026` is not a real date (day 31, month 2, year 2026)"],
    ),
    (
        "update after the as-at date",
        "plans/plan-a.yml", "date: 2026-01,", "date: 2026-08,",
        [f"{PLAN}:36: update dated 2026-08 is after the plan's `as_at` date (2026-06-30); "
         "correct the date or move `as_at` forward"],
    ),
    (
        "wrong type: a list where text belongs",
        "plans/plan-a.yml", "title: Train staff", "title: [Train, staff]",
        [f"{PLAN}:39: `title` must be text, not a list"],
    ),
    (
        "yes/no field with another word",
        "plans/plan-a.yml", "current: true", "current: perhaps",
        [f"{PLAN}:4: `current` must be yes or no (true or false), not `perhaps`"],
    ),
    (
        "YAML syntax: tab",
        "plans/plan-a.yml", "    owner: PPPG", "\towner: PPPG",
        [f"{PLAN}:14: a tab is used for indenting; YAML needs spaces: replace the tab with spaces"],
    ),
    (
        "YAML syntax: colon in a value",
        "plans/plan-a.yml", "title: Train staff", "title: Update: train staff",
        [f'{PLAN}:39: a value contains ": " (a colon and a space); put the whole value in '
         'quotes, e.g. text: "Update: report received"'],
    ),
    (
        "indicator value that is not a number",
        "indicator_values.csv", "N19,2024-25,local,,23.4", "N19,2024-25,local,,23.4%",
        ["data/indicator_values.csv:3: value `23.4%` is not a number; write digits only, e.g. "
         "27.4 (no %, £ or words); when there is no figure, write one of: n/a, not available, "
         "not yet published, suppressed at source, no longer reported, <5, or leave the row out"],
    ),
    (
        "CSV header problem",
        "indicator_values.csv", "indicator,period,area,category,value", "indicator,period,area,category,val",
        ["data/indicator_values.csv:1: missing column value; the header row must be: "
         "indicator,period,area,value,category,dimension,second_value,note",
         "data/indicator_values.csv:1: unknown column `val`; the columns are: indicator, period, "
         "area, value, category, dimension, second_value, note"],
    ),
    (
        "unknown month in the planner",
        "planner.yml", "year_start: 2026-04", "year_start: 2026-04\n", [],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [case[1:] for case in CASES if case[4]],
    ids=[case[0] for case in CASES if case[4]],
)
def test_problem_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    file: str,
    old: str,
    new: str,
    expected: list[str],
) -> None:
    assert problems_after(tmp_path, monkeypatch, file, old, new) == expected


def test_yaml_11_surprises_keep_the_words_typed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    subgroups = data / "subgroups.yml"
    subgroups.write_text(
        subgroups.read_text().replace("acronym: PPPG", "acronym: NO"), encoding="utf-8"
    )
    plan = data / "plans" / "plan-a.yml"
    plan.write_text(plan.read_text().replace('ref: "1.2"\n', "ref: 1.10\n"), encoding="utf-8")
    site = load_board_data(data)
    assert site.subgroups[0].acronym == "NO"
    assert site.current_plan.actions[-1].ref == "1.10"
    assert site.current_plan.as_at == "2026-06-30"


def test_every_problem_is_reported_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    plan = data / "plans" / "plan-a.yml"
    plan.write_text(plan.read_text().replace("    owner: PPPG", "    ownr: PPPG"), encoding="utf-8")
    (data / "members.csv").write_text("agency,role\nCouncil,Director\n", encoding="utf-8")
    values = data / "indicator_values.csv"
    values.write_text(values.read_text().replace("28.4", "lots"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as caught:
        load_board_data(Path("data"))
    files = sorted({p.file for p in caught.value.problems.items})
    assert files == ["data/indicator_values.csv", "data/members.csv", PLAN]
    assert len(caught.value.problems) == 3


def test_make_check_fails_on_a_changed_status_naming_file_and_line(tmp_path: Path) -> None:
    """The issue's acceptance check, on the example board itself, through `make check`."""
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    plan_file = sorted((copy / "plans").glob("*.yml"))[0]
    lines = plan_file.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("status: "))
    indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = f"{indent}status: purple\n"
    plan_file.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run(
        ["make", "-s", "check", f"DATA={copy}"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    expected_start = f"{plan_file}:{number + 1}: status `purple` is not one of this plan's statuses"
    assert any(line.startswith(expected_start) for line in result.stderr.splitlines()), (
        result.stderr
    )


def test_check_exit_status(tmp_path: Path) -> None:
    broken = tmp_path / "data"
    shutil.copytree(MINIMAL, broken)
    (broken / "board.yml").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "plansite.check", str(broken)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"{broken}/board.yml:1: file not found" in result.stderr
