"""The reporting planner as HTML: the planner page (table and twelve-month grid), what each
subgroup reports, and what is due at the next board meeting on a plan's home page.

Every view reads the same schedule (plansite.model.planner_schedule), so the page, the grid, the
subgroup pages and the .ics calendars always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.model import links
from plansite.model.board import Subgroup
from plansite.model.board_data import BoardData
from plansite.model.frequency import month_dates, named_months
from plansite.model.plan import Plan
from plansite.model.planner_schedule import (
    Scheduled,
    dated,
    next_meeting_after,
    schedule,
    year_start,
)
from plansite.model.slugs import slug
from plansite.render.templates import render
from plansite.render.text import plain
from plansite.words.wording import month_name, word

OTHER_REPORTERS = "other"


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    title: str


@dataclass(frozen=True)
class Row:
    """One planner item, ready for the table, the grid and the lists."""

    entry: Scheduled
    anchor: str  # its id on the planner page
    href: str  # a link to it on the planner page, from the page being rendered
    who_href: str  # the reporting subgroup's page, or "" for an agency or a person
    group: str  # the filter key: subgroup id, or a slug of who reports
    months: str  # "April, July, October and January", or "" when as required
    months_said: bool  # the wording names those months itself ("Annually (July)"): not repeated
    marks: list[bool]  # one per month of the planner's year
    actions: list[Link]
    indicators: list[Link]


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    href: str
    rows: list[Row]


def _slug(text: str) -> str:
    return slug(plain(text))


def _anchors(entries: list[Scheduled]) -> list[str]:
    """A stable id per item from its title; a repeated title gets -2, -3."""
    seen: dict[str, int] = {}
    result = []
    for entry in entries:
        base = "report-" + (_slug(entry.item.what) or "item")
        seen[base] = seen.get(base, 0) + 1
        result.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return result


def month_list(days: tuple[date, ...]) -> str:
    names = [month_name(day) for day in days]
    if len(names) == 1:
        return names[0]
    return word("lists", "and", first=word("lists", "comma").join(names[:-1]), last=names[-1])


def _who(entry: Scheduled) -> str:
    if entry.subgroup is not None:
        return entry.subgroup.acronym or entry.subgroup.name
    return entry.item.who


def _action_links(site: BoardData, entry: Scheduled, here: str) -> list[Link]:
    result = []
    for reference in entry.item.actions:
        action = site.find_action(reference)
        if action is None:  # a ref its plan uses twice: shown as written (make check advises)
            result.append(Link(reference, "", ""))
        else:
            plan_id = reference.split(":", 1)[0].strip()
            target = links.priority(plan_id, action.priority.slug)
            result.append(
                Link(action.ref, links.href(here, target, action.anchor), plain(action.title))
            )
    return result


def _indicator_links(site: BoardData, entry: Scheduled, here: str) -> list[Link]:
    result = []
    for ref in entry.item.indicators:
        indicator = site.indicator_by_ref.get(ref)
        if indicator is not None:
            target = links.href(here, links.indicator(indicator.slug))
            result.append(Link(indicator.ref, target, plain(indicator.title)))
    return result


def rows(site: BoardData, here: str) -> list[Row]:
    entries = schedule(site)
    start = year_start(site)
    year = month_dates(start) if start else []
    planner_href = links.href(here, links.planner())
    result = []
    for entry, anchor in zip(entries, _anchors(entries), strict=True):
        subgroup = entry.subgroup
        result.append(
            Row(
                entry=entry,
                anchor=anchor,
                href=f"{planner_href}#{anchor}" if here != links.planner() else f"#{anchor}",
                who_href=links.href(here, links.subgroup(subgroup.id)) if subgroup else "",
                group=subgroup.id if subgroup else (_slug(entry.item.who) or OTHER_REPORTERS),
                months=month_list(entry.dates) if entry.dates else "",
                months_said=named_months(entry.item.when) == {d.month for d in entry.dates},
                marks=[day in entry.dates for day in year],
                actions=_action_links(site, entry, here),
                indicators=_indicator_links(site, entry, here),
            )
        )
    return result


def groups(site: BoardData, all_rows: list[Row]) -> list[Group]:
    """Rows by who reports: subgroups in subgroups.yml order, then others as first listed."""
    order = {s.id: n for n, s in enumerate(site.subgroups)}
    grouped: dict[str, list[Row]] = {}
    for row in all_rows:
        grouped.setdefault(row.group, []).append(row)
    keys = sorted(grouped, key=lambda k: (k not in order, order.get(k, 0)))
    return [
        Group(key, _who(grouped[key][0].entry), grouped[key][0].who_href, grouped[key])
        for key in keys
    ]


def planner_page(site: BoardData, here: str) -> str:
    start = year_start(site)
    if site.planner is None or start is None:
        return render("planner/none.html")
    all_rows = rows(site, here)
    return render(
        "planner/page.html",
        year=month_dates(start),
        rows=all_rows,
        groups=groups(site, all_rows),
        who=lambda row: _who(row.entry),
        meetings=[day for day in month_dates(start) if day.month in _meetings(site)],
        calendar=offered(site, links.planner_calendar(), schedule(site), here),
    )


@dataclass(frozen=True)
class CalendarLinks:
    href: str  # the .ics file, relative; "" when it has no event (then it is not published)
    webcal: str  # webcal://<site_url>/<file>, a subscription; "" without a `site_url:`


def offered(site: BoardData, target: str, entries: list[Scheduled], here: str) -> CalendarLinks:
    """How a page offers a calendar (plansite/publish/calendar.py publishes the same ones)."""
    if not dated(entries):
        return CalendarLinks("", "")
    url = site.board.site_url  # ends with "/" (model/board.py)
    webcal = "webcal://" + url.split("://", 1)[1] + target if url else ""
    return CalendarLinks(links.href(here, target), webcal)


def _meetings(site: BoardData) -> set[int]:
    return set(site.board.meeting_month_numbers)


def subgroup_reports(site: BoardData, subgroup: Subgroup, here: str) -> str:
    """HTML: what `subgroup` reports to the board and when, with a calendar subscribe link."""
    start = year_start(site)
    if site.planner is None or start is None:
        return ""
    own = [row for row in rows(site, here) if row.entry.subgroup is subgroup]
    own_entries = [row.entry for row in own]
    return render(
        "planner/subgroup.html",
        subgroup=subgroup,
        rows=own,
        year=month_dates(start),
        planner_href=links.href(here, links.planner()),
        calendar=offered(site, links.subgroup_calendar(subgroup.id), own_entries, here),
    )


def next_meeting(site: BoardData, plan: Plan, here: str) -> str:
    """HTML: what is due at the next board meeting after the plan's "as at" date.

    Shown only when that meeting falls in the planner's twelve months: the planner says
    nothing about the meetings of other years (an archived plan's, for instance).
    """
    start = year_start(site)
    meeting = next_meeting_after(site, plan.as_at_date)
    if start is None or meeting is None or meeting not in month_dates(start):
        return ""
    due = [row for row in rows(site, here) if meeting in row.entry.dates]
    return render(
        "planner/next_meeting.html",
        plan=plan,
        meeting=meeting,
        rows=due,
        who=lambda row: _who(row.entry),
        planner_href=links.href(here, links.planner()),
    )
