"""The reporting planner placed on the calendar: what the planner page, the subgroup pages,
the plan home and the .ics calendars all read, so they always agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.model.board import Subgroup
from macros.model.dates import parse_day
from macros.model.frequency import Placement, month_dates, place
from macros.model.memo import per_object
from macros.model.planner import PlannerItem
from macros.model.site import Site


@dataclass(frozen=True)
class Scheduled:
    item: PlannerItem
    placement: Placement
    subgroup: Subgroup | None  # the subgroup that reports, or None for an agency or a person
    dates: tuple[date, ...]  # the first day of each reporting month, in the planner's year


def year_start(site: Site) -> date | None:
    return parse_day(site.planner.year_start).value.replace(day=1) if site.planner else None


@per_object
def schedule(site: Site) -> list[Scheduled]:
    """Every planner item with the months it reports in, in the order the planner lists them."""
    start = year_start(site)
    if site.planner is None or start is None:
        return []
    year = month_dates(start)
    meetings = site.board.meeting_month_numbers
    result = []
    for item in site.planner.items:
        placement = place(item.when, item.months, meetings, start.month)
        dates = tuple(day for day in year if day.month in placement.months)
        result.append(Scheduled(item, placement, site.subgroup_for(item.who), dates))
    return result


def next_meeting_after(site: Site, day: date) -> date | None:
    """The first day of the first board meeting month after the month of `day`."""
    meetings = set(site.board.meeting_month_numbers)
    month = day.year * 12 + day.month - 1
    for step in range(1, 13):
        candidate = date((month + step) // 12, (month + step) % 12 + 1, 1)
        if candidate.month in meetings:
            return candidate
    return None
