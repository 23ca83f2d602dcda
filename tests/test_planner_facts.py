"""Planner facts that were stale or wrong (issue 24, part 7): reports placed on the board's
meeting months, events that span their month (the planner gives no day), `webcal:`
subscriptions beside the download, no calendar without events, months said once, the as-at
date beside the next meeting, and advice when a plan's `as_at` lags its updates."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar

from plansite.check.advice import data_advice, stale_as_at
from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.frequency import place
from plansite.model.plan import Plan
from plansite.model.planner_schedule import next_meeting_after, schedule
from plansite.pages.registry import render_page
from plansite.publish import calendar
from plansite.render.planner import next_meeting
from tests.conftest import ROOT

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
APRIL = 4


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def board_yaml() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "data" / "board.yml").read_text("utf-8"))
    return loaded


def meeting_months(board_yaml: dict[str, Any]) -> set[int]:
    return {MONTHS.index(m[:3].title()) + 1 for m in board_yaml["meeting_months"]}


def vevents(ics: bytes) -> list[Any]:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_ics_months_are_the_boards_meeting_months(
    site: BoardData, board_yaml: dict[str, Any]
) -> None:
    found = vevents(calendar.files(site)["reporting-planner.ics"])
    assert {event.decoded("DTSTART").month for event in found} == meeting_months(board_yaml)
    # the quarterly items too: four reports a year, each at one of the board's meetings
    quarterly = [e for e in schedule(site) if e.item.when == "Quarterly"]
    assert quarterly
    for entry in quarterly:
        assert len(entry.dates) == 4
        assert {d.month for d in entry.dates} <= meeting_months(board_yaml)


def test_a_regular_report_goes_to_the_meetings_the_board_has() -> None:
    bi_monthly = [1, 3, 5, 7, 9, 11]
    assert place("Quarterly", [], bi_monthly, APRIL).months == (5, 7, 11, 1)
    assert place("Monthly", [], bi_monthly, APRIL).months == (5, 7, 9, 11, 1, 3)
    twice = place("Quarterly", [], [4, 10], 1)  # the board meets less often than asked
    assert twice.months == (4, 10)
    assert twice.note == (
        "`when: Quarterly` means 4 times a year, but the board meets in only 2 months, so it is "
        "placed on those meetings; add `months: [...]` to this item to say otherwise"
    )
    # with no meeting months known, the cycle starts with the planner's year, evenly spaced
    assert place("Quarterly", [], [], APRIL).months == (4, 7, 10, 1)


def test_each_event_spans_its_month_and_says_why(site: BoardData) -> None:
    found = vevents(calendar.files(site)["reporting-planner.ics"])
    assert len(found) == sum(len(e.dates) for e in schedule(site))
    for event in found:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.day == 1 and end.day == 1
        assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == 1
        month = start.strftime("%B %Y")
        assert str(event["DESCRIPTION"]).startswith(
            f"Due in {month} (the planner gives the month, not the day, so this event spans "
            "the month)"
        )


def test_subscribe_is_webcal_with_the_download_beside_it(
    site: BoardData, board_yaml: dict[str, Any]
) -> None:
    soup = BeautifulSoup(render_page(site, "planner.md", "planner"), "html.parser")
    links = soup.select(".ps-subscribe a")
    host_and_path = board_yaml["site_url"].split("://", 1)[1].rstrip("/")
    assert links[0]["href"] == f"webcal://{host_and_path}/reporting-planner.ics"
    assert not links[0].has_attr("download")
    assert links[1]["href"] == "../reporting-planner.ics" and links[1].has_attr("download")
    assert links[0].get_text() == "Subscribe to the whole reporting planner"
    # a board with no site_url: no address to subscribe to, so the download only, called so
    board = site.board.model_copy(update={"site_url": ""})
    plain = dataclasses.replace(site, board=board)
    only = BeautifulSoup(render_page(plain, "planner.md", "planner"), "html.parser")
    links = only.select(".ps-subscribe a")
    assert [a["href"] for a in links] == ["../reporting-planner.ics"]
    assert links[0].get_text() == "Download the whole reporting planner (.ics calendar)"


def test_a_calendar_with_no_event_is_neither_published_nor_offered(site: BoardData) -> None:
    published = calendar.files(site)
    entries = schedule(site)
    empty = [s for s in site.subgroups if not any(e.dates for e in entries if e.subgroup is s)]
    assert empty  # the example has a subgroup that reports nothing on fixed months
    for subgroup in site.subgroups:
        here = f"subgroups/{subgroup.id}.md"
        soup = BeautifulSoup(render_page(site, here, "subgroup", subgroup.id), "html.parser")
        offered = soup.select_one(".ps-subscribe") is not None
        exists = f"calendars/{subgroup.id}.ics" in published
        assert offered == exists == (subgroup not in empty), subgroup.id
    # a planner whose every item comes "as required": no calendar at all
    assert site.planner is not None
    items = [i.model_copy(update={"when": "As required", "months": []}) for i in site.planner.items]
    none = dataclasses.replace(site, planner=site.planner.model_copy(update={"items": items}))
    assert calendar.files(none) == {}
    soup = BeautifulSoup(render_page(none, "planner.md", "planner"), "html.parser")
    assert soup.select_one(".ps-subscribe") is None


def test_months_the_wording_names_are_not_said_twice(site: BoardData) -> None:
    soup = BeautifulSoup(render_page(site, "planner.md", "planner"), "html.parser")
    rows = soup.find("table", id="planner-table").find("tbody").find_all("tr")
    when = {
        " ".join(row.th.get_text().split()).split(" Action")[0]: list(
            row.find_all("td")[-1].stripped_strings
        )
        for row in rows
    }
    assert when["Child Death Overview Panel annual report"] == ["Annually (July)"]
    assert when["Section 11 audit findings"] == ["Annual report every March"]
    # a wording that names no month still gets its months
    assert when["Multi-agency performance dataset"][:2] == [
        "Quarterly",
        "May, July, November and January",
    ]


def test_the_next_meeting_says_the_as_at_date_and_is_after_it(site: BoardData) -> None:
    for plan in site.plans:
        meeting = next_meeting_after(site, plan.as_at_date)
        assert meeting is not None and (meeting.year, meeting.month) > (
            plan.as_at_date.year,
            plan.as_at_date.month,
        )
    plan = site.current_plan
    soup = BeautifulSoup(next_meeting(site, plan, f"plans/{plan.id}/index.md"), "html.parser")
    as_at = f"{plan.as_at_date.day} {plan.as_at_date.strftime('%B %Y')}"
    assert soup.h2.get_text() == f"Due at the next board meeting, as at {as_at}"
    assert f"The next board meeting after {as_at} is in" in soup.p.get_text()


def month_end_before(day: date, months: int) -> date:
    """The last day of the month `months` before `day`'s."""
    first = date(day.year, day.month, 1)
    for _ in range(months - 1):
        first = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    return first - timedelta(days=1)


def behind(plan: Plan, as_at: str) -> Plan:
    return Plan.model_validate({**plan.model_dump(), "as_at": as_at})


def test_make_check_advises_when_as_at_lags_the_latest_update(site: BoardData) -> None:
    plan = site.current_plan
    latest = max((u.day for a in plan.actions for u in a.updates), key=lambda d: d.value)
    assert latest.precision == "month"  # the example's updates are months: counted to the end
    three, four = (month_end_before(latest.month_end, n) for n in (3, 4))
    assert stale_as_at(behind(plan, three.isoformat())) is None  # three months: fine
    found = stale_as_at(behind(plan, four.isoformat()))
    assert found is not None
    assert found.message == (
        f"`as_at: {four.isoformat()}` is more than 3 months before the plan's latest update "
        f"({latest.month_end.isoformat()}); every page judges the plan at `as_at` (what is "
        "overdue, the next board meeting), so move it to the date of the latest progress"
    )
    assert not [a for a in data_advice(site) if "`as_at:" in a.message]  # the example is fine
