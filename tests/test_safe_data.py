"""Issue 28's data cases: what would publish something wrong without a word is an error or
advice with its file and line (yearly reports, published paths, duplicate ids, leftovers)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.check.__main__ import main
from tests.bad_inputs.careless import SECOND_PLAN
from tests.bad_inputs.cases import REPORT, YEAR, Case, both, write_text
from tests.test_bad_inputs import BASE, report

BROKEN_PLAN_B = SECOND_PLAN.decode().replace("as_at: 2025-03-31", "as_at: 2025-02-30")
REVIEW = "sections:\n  reviews:\n    reviews:\n      - name: Child A\n        date: {date}\n"

CASES = [
    Case("report-dated-outside-its-year",  # a review of an earlier year may be told of: advice
         write_text(REPORT, YEAR + REVIEW.format(date="2024-11")),
         ["data/reports/2025-26.yml:9: review `Child A` is dated 2024-11, outside the 2025-26 report's year (2025-04-01 to 2026-03-31); it is published as written: correct the date if it is wrong (advice)"]),
    Case("report-review-in-its-last-month-is-fine",
         write_text(REPORT, YEAR + REVIEW.format(date="2026-03")),
         []),
    Case("report-published-before-its-year-ends",
         write_text(REPORT, YEAR.replace("published: 2026-09-30", "published: 2026-01-15")),
         ["data/reports/2025-26.yml:4: the report is published on 2026-01-15, before its year ends (2026-03-31), so its counts would be for a year not yet over; set `published` to a day after `end`"]),
    Case("report-published-on-its-last-day",
         write_text(REPORT, YEAR.replace("published: 2026-09-30", "published: 2026-03-31")),
         ["data/reports/2025-26.yml:4: the report is published on 2026-03-31, before its year ends (2026-03-31), so its counts would be for a year not yet over; set `published` to a day after `end`"]),
    Case("report-year-as-yml-and-yaml",
         both(write_text(REPORT, YEAR), write_text("reports/2025-26.yaml", YEAR)),
         ["data/reports/2025-26.yml:1: `2025-26.yaml` is a report for the same year; keep one of the two files and delete the other"]),
    Case("report-year-spanning-two-years",
         write_text("reports/2025-27.yml", YEAR.replace("year: 2025-26", "year: 2025-27")),
         ['data/reports/2025-27.yml:1: year `2025-27` spans more than one year; a report covers one reporting year, written like "2025-26"']),
    Case("report-year-written-in-full",
         write_text("reports/2024-2026.yml", YEAR.replace("year: 2025-26", "year: 2024-2026")),
         ['data/reports/2024-2026.yml:1: year `2024-2026` must be written like "2025-26"']),
    Case("report-dates-spanning-two-years",
         write_text(REPORT, YEAR.replace("end: 2026-03-31", "end: 2027-03-31").replace("2026-09-30", "2027-09-30")),
         ["data/reports/2025-26.yml:3: the report runs from 2025-04-01 to 2027-03-31, more than a year; a report covers one reporting year: correct `start` or `end`"]),
    Case("report-starting-in-another-year",
         write_text(REPORT, YEAR.replace("start: 2025-04-01", "start: 2024-04-01")),
         ["data/reports/2025-26.yml:2: the 2025-26 report starts on 2024-04-01, which is not in 2025; correct `start` or `year`"]),
    Case("report-on-a-plan-that-could-not-be-read",  # only the cause: never "does not exist"
         both(write_text("plans/plan-b.yml", BROKEN_PLAN_B),
              write_text(REPORT, YEAR + "plans: [plan-b]\nsections:\n  next_year: {plan: plan-b}\n"
                         + REVIEW.format(date="2025-11")[len("sections:\n"):]
                         + '        recommendations:\n          - {text: Share learning, actions: ["1.1"]}\n')),
         ["data/plans/plan-b.yml:4: `2025-02-30` is not a real date (day 30, month 2, year 2025)"]),
    Case("report-lists-a-plan-twice",
         write_text(REPORT, YEAR + "plans: [plan-a, plan-a]\n"),
         ["data/reports/2025-26.yml:5: plan `plan-a` is listed twice; list each plan once"]),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_safe_data(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    case.breaks(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    status = main(["data"])
    lines, expected_status = report(case.expected)
    assert capsys.readouterr().err.splitlines() == lines
    assert status == expected_status
