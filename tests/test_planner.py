"""The reporting planner of the example board: the page, the grid, the calendars, the links."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup, Tag
from icalendar import Calendar

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.frequency import month_dates
from plansite.model.planner_schedule import Scheduled, next_meeting_after, schedule, year_start
from plansite.publish import calendar
from plansite.render.planner import next_meeting, planner_page, subgroup_reports
from plansite.render.text import plain
from tests.conftest import FIXTURES, ROOT, page, run_build

ISSUE_WORDINGS = [
    "quarterly",
    "twice a year",
    "annual report every march",
    "bi-monthly",
    "3 monthly progress and annual report",
    "every other meeting",
    "as required",
]


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def entries(site: BoardData) -> list[Scheduled]:
    return schedule(site)


def events(path: Path) -> list[Calendar]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_the_example_planner_uses_every_wording_and_places_them_all(site: BoardData) -> None:
    assert site.planner is not None
    assert len(site.planner.items) >= 10
    written = [item.when.lower() for item in site.planner.items]
    for wording in ISSUE_WORDINGS:
        assert wording in written, wording
    assert site.warnings == []


def test_the_planner_calendar_has_one_event_per_item_per_month(
    example_site: Path, site: BoardData, entries: list[Scheduled]
) -> None:
    found = events(example_site / "reporting-planner.ics")
    assert len(found) == sum(len(e.dates) for e in entries)
    assert len({str(event["UID"]) for event in found}) == len(found)
    stamp = site.current_plan.as_at_date
    for entry in entries:
        what = plain(entry.item.what)
        mine = [e for e in found if str(e["SUMMARY"]).startswith(what + " (")]
        assert sorted(e.decoded("DTSTART") for e in mine) == list(entry.dates), what
        for event in mine:
            assert event.decoded("DTSTAMP").date() == stamp
            assert plain(entry.item.tells_board) in str(event["DESCRIPTION"])
            who = entry.subgroup.name if entry.subgroup else entry.item.who
            assert f"Who reports: {who}" in str(event["DESCRIPTION"])


def test_each_subgroup_has_a_calendar_of_its_own_reports(
    example_site: Path, site: BoardData, entries: list[Scheduled]
) -> None:
    for subgroup in site.subgroups:
        path = example_site / "calendars" / f"{subgroup.id}.ics"
        own = [e for e in entries if e.subgroup is subgroup]
        if not any(e.dates for e in own):  # a calendar with no event is not published
            assert not path.exists(), subgroup.id
            continue
        assert len(events(path)) == sum(len(e.dates) for e in own), subgroup.id
    reported = {e.subgroup.id for e in entries if e.subgroup and e.dates}
    assert len(reported) >= 5  # the example spreads its reports over many subgroups


def test_two_builds_write_the_same_calendars(example_site: Path, example_site_again: Path) -> None:
    again = example_site_again
    first = sorted(p.relative_to(example_site) for p in example_site.rglob("*.ics"))
    second = sorted(p.relative_to(again) for p in again.rglob("*.ics"))
    assert first == second and len(first) > 1
    for relative in first:
        assert (example_site / relative).read_bytes() == (again / relative).read_bytes()


def _grid_rows(soup: BeautifulSoup) -> list[Tag]:
    grid = soup.find("table", id="planner-grid")
    return [row for row in grid.find_all("tr") if "ps-planner-group" not in row.get("class", [])][
        1:
    ]  # after the month headings


def test_the_planner_page_has_the_table_and_the_grid(
    example_site: Path, entries: list[Scheduled]
) -> None:
    soup = page(example_site, "planner/")
    table_rows = soup.find("table", id="planner-table").find("tbody").find_all("tr")
    assert len(table_rows) == len(entries)
    for row, entry in zip(table_rows, entries, strict=True):
        cells = row.find_all(["th", "td"])
        assert cells[0].get_text(" ", strip=True).startswith(plain(entry.item.what))
        assert cells[4].get_text(" ", strip=True).startswith(entry.item.when)
    grid = _grid_rows(soup)
    assert len(grid) == len(entries)
    by_what = {" ".join(row.th.get_text().split()): row for row in grid}
    for entry in entries:
        row = by_what[plain(entry.item.what)]
        due = row.find_all("td", class_="ps-planner-due")
        assert len(due) == len(entry.dates)
        # a symbol for the eye, words for a screen reader: never colour alone
        for cell, day in zip(due, entry.dates, strict=True):
            assert cell.get_text(" ", strip=True) == f"● Due in {day.strftime('%B %Y')}"
        if not entry.dates:
            assert row.find("td").get_text(strip=True) == "As required"


def test_the_grid_can_be_filtered_by_who_reports(
    example_site: Path, entries: list[Scheduled]
) -> None:
    soup = page(example_site, "planner/")
    options = [o["value"] for o in soup.select("form[data-planner-filter] option") if o["value"]]
    groups = [body["data-group"] for body in soup.find("table", id="planner-grid")("tbody")]
    assert options == groups
    subgroup_ids = {e.subgroup.id for e in entries if e.subgroup}
    assert subgroup_ids <= set(groups)
    jump = [a["href"] for a in soup.select(".ps-planner-jump a")]
    assert jump == [f"#grid-{g}" for g in groups]  # without JavaScript: links to each group
    assert (example_site / "javascripts" / "planner.js").is_file()
    assert soup.find("script", src=lambda s: bool(s) and "planner.js" in s) is not None


def _target(site_dir: Path, here: str, href: str) -> tuple[Path, str]:
    address, _, anchor = href.partition("#")
    resolved = (site_dir / here / address).resolve()
    return (resolved / "index.html" if address.endswith("/") else resolved), anchor


def test_items_link_to_their_actions_and_indicators(
    example_site: Path, entries: list[Scheduled]
) -> None:
    soup = page(example_site, "planner/")
    links = soup.select("#planner-table .ps-planner-links a")
    assert len(links) == sum(len(e.item.actions) + len(e.item.indicators) for e in entries)
    for link in links:
        target, anchor = _target(example_site, "planner", link["href"])
        assert target.is_file(), link["href"]
        if anchor:
            assert BeautifulSoup(target.read_text(), "html.parser").find(id=anchor), link["href"]


def test_subgroup_pages_show_what_they_report(
    example_site: Path, site: BoardData, entries: list[Scheduled]
) -> None:
    for subgroup in site.subgroups:
        soup = page(example_site, f"subgroups/{subgroup.id}/")
        heading = soup.find(id="reports-to-the-board")
        assert heading is not None, subgroup.id
        own = [e for e in entries if e.subgroup is subgroup]
        table = heading.find_next_sibling("div", class_="ps-table-wrap")
        rows = table.find("tbody").find_all("tr") if own else []
        assert [" ".join(r.th.a.get_text().split()) for r in rows] == [
            plain(e.item.what) for e in own
        ]
        subscribe = soup.select_one(".ps-subscribe a[download]")
        if not any(e.dates for e in own):  # no calendar offered: it would have no event
            assert subscribe is None, subgroup.id
            continue
        target, _ = _target(example_site, f"subgroups/{subgroup.id}", subscribe["href"])
        assert target == (example_site / "calendars" / f"{subgroup.id}.ics").resolve()


def test_the_plan_home_shows_what_is_due_at_the_next_meeting(
    example_site: Path, site: BoardData, entries: list[Scheduled]
) -> None:
    plan = site.current_plan
    meeting = next_meeting_after(site, plan.as_at_date)
    assert meeting is not None and meeting > plan.as_at_date
    assert meeting.month in site.board.meeting_month_numbers
    soup = page(example_site, f"plans/{plan.id}/")
    section = soup.find(id="next-meeting")
    assert meeting.strftime("%B %Y") in section.find_next_sibling("p").get_text()
    listed = [" ".join(li.a.get_text().split()) for li in soup.select(".ps-next-meeting li")]
    assert listed == [plain(e.item.what) for e in entries if meeting in e.dates]
    assert listed  # the example has reports due at its next meeting


def test_an_archived_plan_home_says_nothing_of_a_meeting_outside_the_planner(
    example_site: Path, site: BoardData
) -> None:
    start = year_start(site)
    assert start is not None
    planner_year = month_dates(start)
    shown = {}
    for plan in site.plans:
        meeting = next_meeting_after(site, plan.as_at_date)
        shown[plan.id] = page(example_site, f"plans/{plan.id}/").find(id="next-meeting") is not None
        assert shown[plan.id] == (meeting in planner_year), plan.id
    assert True in shown.values() and False in shown.values()  # the example has both cases


def test_the_planner_page_links_its_calendar(example_site: Path) -> None:
    soup = page(example_site, "planner/")
    target, _ = _target(
        example_site, "planner", soup.select_one(".ps-subscribe a[download]")["href"]
    )
    assert target == (example_site / "reporting-planner.ics").resolve()


def test_a_wording_that_cannot_be_placed_is_published_as_written(tmp_path: Path) -> None:
    """Advice, not a failure: the strict build publishes it, in no month, and logs why."""
    fixture = FIXTURES / "planner-unplaced"
    result = run_build(fixture, tmp_path / "site", pdfs=False)
    assert result.returncode == 0, result.stderr
    line = (fixture / "planner.yml").read_text().splitlines().index("    when: Now and then") + 1
    assert f"planner-unplaced/planner.yml:{line}: `when: Now and then` does not say when" in (
        result.stderr
    )
    planner = (tmp_path / "site" / "planner" / "index.html").read_text(encoding="utf-8")
    assert "Now and then: no month set" in planner


def test_uids_follow_the_item_not_its_place_in_the_list(site: BoardData) -> None:
    assert site.planner is not None
    reordered = replace(
        site, planner=site.planner.model_copy(update={"items": site.planner.items[::-1]})
    )

    def uids(board: BoardData) -> set[str]:
        ics = calendar.files(board)["reporting-planner.ics"]
        return {str(event["UID"]) for event in Calendar.from_ical(ics).walk("VEVENT")}

    assert uids(reordered) == uids(site)
    host = urlparse(site.board.contact.website).hostname or ""
    assert all(uid.endswith("@" + host.removeprefix("www.")) for uid in uids(site))


def test_a_board_without_a_planner_says_so_and_publishes_no_calendar(site: BoardData) -> None:
    without = replace(site, planner=None)
    assert "has not published a reporting planner" in planner_page(without, "planner.md")
    assert subgroup_reports(without, site.subgroups[0], "subgroups/x.md") == ""
    assert next_meeting(without, site.current_plan, "plans/x/index.md") == ""
    assert calendar.files(without) == {}
