"""Reporting frequencies as people write them, placed on months; and the planner's checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from plansite.check.planner import planner_advice
from plansite.load import load_board_data
from plansite.model.frequency import month_dates, place
from plansite.read.problems import DataError

BI_MONTHLY_BOARD = [1, 3, 5, 7, 9, 11]  # Jan, Mar, May, Jul, Sep, Nov
MONTHLY_BOARD = list(range(1, 13))  # a board that meets every month: any cycle fits
APRIL = 4


def gaps(months: tuple[int, ...]) -> set[int]:
    """Months from each reporting month to the next, round the year."""
    return {(months[(n + 1) % len(months)] - m) % 12 or 12 for n, m in enumerate(months)}


def in_planner_order(months: tuple[int, ...], first: int) -> bool:
    offsets = [(m - first) % 12 for m in months]
    return offsets == sorted(offsets)


@pytest.mark.parametrize(
    ("wording", "count", "gap"),
    [
        ("Quarterly", 4, 3),
        ("quarterly to the board", 4, 3),
        ("Twice a year", 2, 6),
        ("Bi-annual report to the LSCB", 2, 6),
        ("Bi-monthly", 6, 2),
        ("Every two months", 6, 2),
        ("3 monthly progress and annual report", 4, 3),
        ("Three times a year", 3, 4),
        ("Monthly", 12, 1),
    ],
)
def test_regular_wordings_are_evenly_spaced(wording: str, count: int, gap: int) -> None:
    # (on a board that meets less often, each report moves to a meeting: test_planner_facts.py)
    placed = place(wording, [], MONTHLY_BOARD, APRIL)
    assert len(placed.months) == count
    assert gaps(placed.months) == {gap}
    assert in_planner_order(placed.months, APRIL)
    assert not placed.as_required and placed.problem == ""


def test_a_regular_wording_meets_the_board_where_it_can() -> None:
    # every two months fits the board's own bi-monthly meetings exactly
    assert set(place("Bi-monthly", [], BI_MONTHLY_BOARD, APRIL).months) == set(BI_MONTHLY_BOARD)
    # twice a year on a board meeting in April and October lands on those meetings
    assert set(place("Twice a year", [], [4, 10], 1).months) == {4, 10}
    # with no meetings to meet, the first month of the planner's year starts the cycle
    assert place("Quarterly", [], [], APRIL).months[0] == APRIL


@pytest.mark.parametrize(
    ("wording", "month"),
    [
        ("Annual report every March", 3),
        ("Annual report every May", 5),
        ("Annually (July)", 7),
        ("Annual full report in November", 11),
        ("Annual report to LSCB - Sept", 9),
    ],
)
def test_a_named_month_places_an_annual_report(wording: str, month: int) -> None:
    assert place(wording, [], BI_MONTHLY_BOARD, APRIL).months == (month,)


def test_may_the_verb_is_not_a_month() -> None:
    placed = place("Reports may come quarterly", [], MONTHLY_BOARD, APRIL)
    assert len(placed.months) == 4 and 5 not in placed.months


def test_meeting_wordings_follow_the_board_meetings() -> None:
    every = place("Every board meeting", [], BI_MONTHLY_BOARD, APRIL)
    assert every.months == (5, 7, 9, 11, 1, 3)  # the meetings, from April
    other = place("Every other meeting", [], BI_MONTHLY_BOARD, APRIL)
    assert other.months == every.months[::2]


def test_meeting_wordings_need_meeting_months() -> None:
    placed = place("Every other meeting", [], [], APRIL)
    assert placed.as_required and placed.months == ()
    assert "board.yml has no `meeting_months`" in placed.problem


def test_as_required_is_placed_as_required_without_a_problem() -> None:
    for wording in ("As required", "as and when required", "Ad hoc", "By exception"):
        placed = place(wording, [], BI_MONTHLY_BOARD, APRIL)
        assert placed.as_required and placed.months == () and placed.problem == "", wording


def test_a_wording_that_cannot_be_placed_says_why_and_how_to_fix_it() -> None:
    placed = place("Now and then", [], BI_MONTHLY_BOARD, APRIL)
    assert placed.as_required and placed.months == ()
    assert placed.problem.startswith("`when: Now and then` does not say when")
    assert "months: [Mar, Sep]" in placed.problem
    annual = place("Annual report", [], BI_MONTHLY_BOARD, APRIL)
    assert annual.as_required
    assert "does not say which month" in annual.problem and "months: [Mar]" in annual.problem


def test_explicit_months_win_and_must_agree_with_the_wording() -> None:
    placed = place("Twice a year", ["Jan", "July"], BI_MONTHLY_BOARD, APRIL)
    assert placed.months == (7, 1) and placed.problem == ""
    wrong = place("Twice a year", ["Jan", "Mar", "Jul"], BI_MONTHLY_BOARD, APRIL)
    assert wrong.months == (7, 1, 3)
    assert wrong.problem == (
        "`when: Twice a year` means twice a year but `months` lists 3 months; make them agree"
    )
    # an unreadable wording is fine when the months say it all
    assert place("Now and then", ["Sep"], [], APRIL).months == (9,)


def test_month_dates_cross_the_new_year() -> None:
    days = month_dates(date(2026, 4, 1))
    assert len(days) == 12
    assert days[0] == date(2026, 4, 1) and days[-1] == date(2027, 3, 1)
    assert [d.month for d in days] == [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]


def test_an_unknown_month_name_is_a_validation_error_with_its_line(
    data_copy: Callable[[str], Path],
) -> None:
    folder = data_copy("minimal")
    text = (
        "year_start: 2026-04\n"
        "items:\n"
        "  - what: Section 11 audit\n"
        "    who: PPPG\n"
        "    when: Annual report every March\n"
        "    months: [Mar, Marhc]\n"
    )
    (folder / "planner.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_board_data(folder)
    line = text.splitlines().index("    months: [Mar, Marhc]") + 1
    [problem] = error.value.problems.items
    assert problem.file.endswith("planner.yml") and problem.line == line
    assert problem.message == "`Marhc` is not a month; write Jan, Feb, Mar, ... or the full name"


def test_an_item_that_cannot_be_placed_is_advice_with_its_line(
    data_copy: Callable[[str], Path],
) -> None:
    """Published as written, in no month: advice, never a reason for a strict build to stop."""
    folder = data_copy("planner-unplaced")
    text = (folder / "planner.yml").read_text(encoding="utf-8")
    site = load_board_data(folder)
    assert site.warnings == []
    [advice] = [a for a in site.advice if "Now and then" in a.message]
    assert advice == next(a for a in planner_advice(site) if "Now and then" in a.message)
    assert advice.file.endswith("planner.yml")
    assert advice.line == text.splitlines().index("    when: Now and then") + 1
    assert advice.message.startswith("`when: Now and then` does not say when")
    assert advice.message.endswith("It is shown as written, in no month.")
