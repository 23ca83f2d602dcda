"""Due dates and update dates as people write them in real plans."""

from __future__ import annotations

from datetime import date

import pytest

from plansite.model.dates import DateError, months_between, parse_day, parse_due, quarter_of


@pytest.mark.parametrize(
    ("text", "expected", "reason"),
    [
        ("Mar-16", date(2016, 3, 31), ""),
        ("End of Nov 15", date(2015, 11, 30), ""),
        ("31 March 2016", date(2016, 3, 31), ""),
        ("Dec 16", date(2016, 12, 31), ""),
        ("Sept 16", date(2016, 9, 30), ""),
        ("Jun-17 to Jun 18", date(2018, 6, 30), ""),
        ("Mar 18 - timetabled for June 18 agenda", date(2018, 3, 31), ""),
        ("Reviewed annually – March 2016", date(2016, 3, 31), ""),
        ("2026-03-31", date(2026, 3, 31), ""),
        ("Feb 2024", date(2024, 2, 29), ""),
        ("Ongoing – following a review", None, "ongoing"),
        ("Moved to new Strategic Plan", None, "moved to another plan"),
        ("Following each Annual Report", None, "follows an event"),
        ("As required", None, "as required"),
        ("When the review is published", None, "follows an event"),
        ("Soon", None, "no date in the wording"),
    ],
)
def test_due_dates_as_written(text: str, expected: date | None, reason: str) -> None:
    due = parse_due(text)
    assert (due.text, due.date, due.reason) == (text, expected, reason)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2025-12", date(2025, 12, 1), "month"),
        ("2025-12-14", date(2025, 12, 14), "day"),
        ("Dec 25", date(2025, 12, 1), "month"),
        ("December 2025", date(2025, 12, 1), "month"),
        ("June 16", date(2016, 6, 1), "month"),
        ("14 March 2026", date(2026, 3, 14), "day"),
    ],
)
def test_update_dates(text: str, expected: date, precision: str) -> None:
    day = parse_day(text)
    assert (day.value, day.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "`2026-02-30` is not a real date (day 30, month 2, year 2026)"),
        ("2026-13", "`2026-13` has no month 13; months go from 01 to 12"),
        ("next spring", "`next spring` is not a date this site can read"),
    ],
)
def test_impossible_update_dates(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_day(text)


def test_impossible_due_date_is_an_error_not_a_missing_date() -> None:
    with pytest.raises(DateError):
        parse_due("31 February 2026")


def test_quarters_and_months() -> None:
    assert quarter_of(date(2025, 11, 30)) == "2025 Q4"
    assert quarter_of(date(2026, 1, 1)) == "2026 Q1"
    assert months_between(date(2026, 1, 31), date(2026, 5, 30)) == 3
    assert months_between(date(2026, 1, 31), date(2026, 5, 31)) == 4
