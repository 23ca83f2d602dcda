"""Dates people can read: due dates shown in GOV.UK style ("December 2025", "31 March 2026"),
the plan's own wording beside them only when it says more, and one rule for lateness on every
page (past the due month and not complete is overdue, whatever the status says)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.model.dates import calendar_months, parse_due
from plansite.model.progress import is_overdue, needs_attention, status_of
from tests.conftest import ROOT, page

GOVUK_DATE = re.compile(
    r"^(\d{1,2} )?(January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{4}$"
)


@pytest.mark.parametrize(
    ("wording", "day", "precision", "says_more"),
    [
        ("Dec 25", date(2025, 12, 31), "month", False),  # not Christmas Day
        ("Mar-26", date(2026, 3, 31), "month", False),
        ("Sept 26", date(2026, 9, 30), "month", False),
        ("End of Nov 25", date(2025, 11, 30), "month", False),
        ("31 March 2026", date(2026, 3, 31), "day", False),
        ("By 31/03/2026", date(2026, 3, 31), "day", False),
        ("Mar 27 - timetabled for June 27 agenda", date(2027, 3, 31), "month", True),
        ("Jun-26 to Jun 27", date(2027, 6, 30), "month", True),
        ("Dec 25 (first draft)", date(2025, 12, 31), "month", True),
    ],
)
def test_due_dates_are_derived_with_their_precision(
    wording: str, day: date, precision: str, says_more: bool
) -> None:
    due = parse_due(wording)
    assert (due.date, due.precision, due.says_more) == (day, precision, says_more)


def test_wording_without_a_date_is_kept_as_it_is() -> None:
    due = parse_due("Ongoing")
    assert (due.date, due.precision, due.reason) == (None, "", "ongoing")


def test_lateness_counts_calendar_months_from_the_due_month() -> None:
    # due in August, still open at the end of September: a month late, never "0 months"
    assert calendar_months(date(2026, 8, 31), date(2026, 9, 30)) == 1
    assert calendar_months(date(2025, 9, 30), date(2026, 9, 30)) == 12
    assert calendar_months(date(2026, 9, 15), date(2026, 9, 30)) == 0


def due_cells(soup: object, table: str, column: int) -> list[object]:
    return [tr.find_all("td")[column] for tr in soup.select(f"{table} tbody tr")]  # type: ignore[attr-defined]


def test_all_actions_shows_every_due_date_in_govuk_style(example_site: Path) -> None:
    site = load_board_data(ROOT / "data")
    for plan in site.plans:
        soup = page(example_site, f"plans/{plan.id}/all-actions/")
        cells = due_cells(soup, "#all-actions", 3)
        assert len(cells) == len(plan.actions)
        by_ref = {a.ref: a for a in plan.actions}
        for tr, cell in zip(soup.select("#all-actions tbody tr"), cells, strict=True):
            action = by_ref[tr.th.get_text(strip=True)]
            due = action.due_date
            shown = cell.find("time")
            if due is None or due.date is None:
                assert shown is None and cell.get_text(strip=True) == (action.due or "")
                continue
            assert GOVUK_DATE.match(shown.get_text()), shown
            words = cell.select_one(".ps-due-words")
            # the plan's wording is beside the date exactly when it says more than the date
            assert (words is not None) == due.says_more, action.ref
            if words is not None:
                assert action.due in words.get_text()
            marker = cell.select_one(".ps-late")
            assert (marker is not None) == is_overdue(plan, action), action.ref


def test_overdue_is_the_same_on_every_page(example_site: Path) -> None:
    site = load_board_data(ROOT / "data")
    plan = site.current_plan
    attention = needs_attention(plan)
    overdue = {o.action.ref for o in attention.overdue}
    soup = page(example_site, f"plans/{plan.id}/all-actions/")
    marked = {
        tr.th.get_text(strip=True)
        for tr in soup.select("#all-actions tbody tr")
        if tr.select_one(".ps-late")
    }
    assert marked == overdue and len(overdue) == 17
    # an action still "on target" long after its due month is overdue all the same
    year_late = [
        o
        for o in attention.overdue
        if o.months_late >= 12
        and (status := status_of(plan, o.action))
        and status.label == "On target"
    ]
    assert len(year_late) == 1
    action = year_late[0].action
    section = page(example_site, f"plans/{plan.id}/priority-{action.priority.slug}/").find(
        id=action.anchor
    )
    row = section.find_parent("tr")  # the action's row in the priority's table
    assert "Overdue" in row.get_text(" ") and "On target" in row.get_text(" ")
    late_page = page(example_site, f"plans/{plan.id}/needs-attention/")
    months = [tr.find_all("td")[3].get_text(strip=True) for tr in late_page.select("tr.ps-overdue")]
    assert len(months) == len(overdue) and "0" not in months
