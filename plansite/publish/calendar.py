"""The reporting planner as RFC 5545 calendars: site/reporting-planner.ics and one per subgroup.

One event per item per reporting month of the planner's year. The planner gives months, not the
days of meetings, so each event is an all-day event spanning its whole month (and says so), never
a made-up first of the month. A calendar with no event is not published. Every build of the same
data writes the same bytes: UIDs come from the item and the month, DTSTAMP from the current
plan's "as at" date, never from the clock, so calendar apps update events instead of
duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time
from urllib.parse import urlparse

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.planner_schedule import Scheduled, dated, schedule
from plansite.model.slugs import slug
from plansite.render.text import plain
from plansite.words.wording import month_year, word

PRODID = "-//Plansite//Reporting planner//EN"


def files(site: BoardData) -> dict[str, bytes]:
    if site.planner is None:
        return {}
    entries = schedule(site)
    board = site.board.short_name or site.board.name
    result = {}
    if dated(entries):
        name = word("calendar", "name", board=board)
        result[links.planner_calendar()] = _calendar(site, entries, name)
    for subgroup in site.subgroups:
        own = [entry for entry in entries if entry.subgroup is subgroup]
        if dated(own):
            name = word("calendar", "subgroup_name", board=board, subgroup=subgroup.name)
            result[links.subgroup_calendar(subgroup.id)] = _calendar(site, own, name)
    return result


def _calendar(site: BoardData, entries: list[Scheduled], name: str) -> bytes:
    from icalendar import Calendar, Event  # only the process that publishes needs it

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = datetime.combine(site.current_plan.as_at_date, time(), tzinfo=UTC)
    domain = _domain(site)
    for entry, key in zip(entries, _keys(entries), strict=True):
        for day in entry.dates:
            event = Event()
            event.add("uid", f"{_digest(key, day.strftime('%Y-%m'))}@{domain}")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)  # the whole month: the planner gives no day
            event.add("dtend", _next_month(day))
            summary = word(
                "calendar", "summary", what=plain(entry.item.what), who=_short_who(entry)
            )
            event.add("summary", summary)
            event.add("description", _description(entry, day))
            event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
            calendar.add_component(event)
    return bytes(calendar.to_ical())


def _who(entry: Scheduled) -> str:
    return entry.subgroup.name if entry.subgroup else plain(entry.item.who)


def _short_who(entry: Scheduled) -> str:
    if entry.subgroup:
        return entry.subgroup.acronym or entry.subgroup.name
    return plain(entry.item.who)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _description(entry: Scheduled, day: date) -> str:
    item = entry.item
    lines = [word("calendar", "month", month=month_year(day))]
    lines.append(word("calendar", "who", who=_who(entry)))
    if item.tells_board:
        lines.append(word("calendar", "tells_board", text=plain(item.tells_board)))
    if item.activity:
        lines.append(word("calendar", "activity", text=plain(item.activity)))
    lines.append(word("calendar", "when", text=plain(item.when)))
    return "\n".join(lines)


def _keys(entries: list[Scheduled]) -> list[str]:
    """What identifies an item across builds: what and who; a repeated pair is numbered."""
    seen: dict[str, int] = {}
    keys = []
    for entry in entries:
        key = f"{entry.item.what}\n{entry.item.who}"
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}\n{seen[key]}")
    return keys


def _digest(key: str, month: str) -> str:
    return hashlib.sha256(f"{key}\n{month}".encode()).hexdigest()[:24]


def _domain(site: BoardData) -> str:
    """The board's web address for UIDs, else a name made from its short name."""
    host = urlparse(site.board.contact.website).hostname
    if host:
        return host.removeprefix("www.")
    short = site.board.short_name or site.board.name
    return (slug(short) or "board") + ".plansite"
