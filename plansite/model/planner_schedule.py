"""The reporting planner placed on the calendar: what the planner page, the subgroup pages,
the plan home and the .ics calendars all read, so they always agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.model.board import Subgroup
from plansite.model.board_data import BoardData
from plansite.model.dates import parse_day
from plansite.model.frequency import Body, Placement, month_dates, place
from plansite.model.memo import per_object
from plansite.model.planner import PlannerItem


@dataclass(frozen=True)
class Scheduled:
    item: PlannerItem
    placement: Placement
    subgroup: Subgroup | None  # the subgroup that reports, or None for an agency or a person
    dates: tuple[date, ...]  # the first day of each reporting month, in the planner's year


FINANCIAL_YEAR_START = 4  # April


def year_start(site: BoardData) -> date | None:
    """The planner's first month: as written, else the April that starts the financial year
    holding the current plan's as-at date."""
    if site.planner is None:
        return None
    if site.planner.year_start is not None:
        return parse_day(site.planner.year_start).value.replace(day=1)
    as_at = site.current_plan.as_at_date
    year = as_at.year if as_at.month >= FINANCIAL_YEAR_START else as_at.year - 1
    return date(year, FINANCIAL_YEAR_START, 1)


def meeting_bodies(site: BoardData) -> dict[str, Body]:
    """Every subgroup by each name planner wording may use for it ("every other PMQAG
    meeting" follows PMQAG's own months)."""
    bodies = {}
    for subgroup in site.subgroups:
        body = Body(
            subgroup.acronym or subgroup.name, tuple(subgroup.meeting_month_numbers),
            "subgroups.yml",
        )  # fmt: skip
        for name in subgroup.names:
            bodies[name.lower()] = body
    return bodies


def _default_body(site: BoardData, item: PlannerItem, bodies: dict[str, Body]) -> Body:
    """Whose meetings "every meeting" means: the board, unless the item goes only to
    subgroups and the first of them has meeting months of its own."""
    board = Body("the board", tuple(site.board.meeting_month_numbers), "board.yml")
    found = [bodies.get(name.strip().lower()) for name in item.reports_to]
    subgroups = [body for body in found if body is not None]
    if item.reports_to and len(subgroups) == len(found) and subgroups[0].months:
        return subgroups[0]
    return board


@per_object
def schedule(site: BoardData) -> list[Scheduled]:
    """Every planner item with the months it reports in, in the order the planner lists them."""
    start = year_start(site)
    if site.planner is None or start is None:
        return []
    year = month_dates(start)
    meetings = site.board.meeting_month_numbers
    bodies = meeting_bodies(site)
    result = []
    for item in site.planner.items:
        default = _default_body(site, item, bodies)
        placement = place(item.when, item.months, meetings, start.month, bodies, default)
        dates = tuple(day for day in year if day.month in placement.months)
        result.append(Scheduled(item, placement, site.subgroup_for(item.who), dates))
    return result


def dated(entries: list[Scheduled]) -> bool:
    """Whether the items have at least one reporting month: a calendar with no event is
    neither published nor offered."""
    return any(entry.dates for entry in entries)


def next_meeting_after(site: BoardData, day: date) -> date | None:
    """The first day of the first board meeting month after the month of `day`."""
    meetings = set(site.board.meeting_month_numbers)
    month = day.year * 12 + day.month - 1
    for step in range(1, 13):
        candidate = date((month + step) // 12, (month + step) % 12 + 1, 1)
        if candidate.month in meetings:
            return candidate
    return None
