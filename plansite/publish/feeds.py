"""Atom feeds (RFC 4287) of progress updates: one per plan (plans/<id>/updates.xml) and one for
the whole site (updates.xml), so practitioners can follow progress in a feed reader, or by email
through one.

Every build of the same data writes the same bytes: dates come from the updates and the plan's
"as at" date, never from the clock, and each entry's id is a tag: URI made from the plan, the
action's anchor and the update's date, so a feed reader never shows an update twice. Entry text
is plain text: the update's Markdown with every tag removed.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.plan import Action, Plan, Update
from plansite.model.slugs import slug
from plansite.render.text import plain, rich
from plansite.words.wording import word

ATOM = "http://www.w3.org/2005/Atom"
DECLARATION = b"<?xml version='1.0' encoding='utf-8'?>\n"  # as ElementTree writes it
SITE_FEED = links.site_feed()
SITE_FEED_LIMIT = links.SITE_FEED_LIMIT
# characters XML 1.0 cannot hold, even escaped
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    plan: Plan
    action: Action
    update: Update
    key: str  # plan id, action anchor and date; numbered when an action has two that day


def plan_feed(plan: Plan) -> str:
    """The plan's feed, a path inside site/."""
    return links.plan_feed(plan.id)


def paths(site: BoardData) -> tuple[str, ...]:
    """The feeds `files` makes, in its order, without making them."""
    return (*(plan_feed(plan) for plan in site.plans_in_order), SITE_FEED)


def files(site: BoardData) -> dict[str, bytes]:
    result = {}
    every: list[Entry] = []
    for plan in site.plans_in_order:
        found = entries(plan)
        every.extend(found)
        result[plan_feed(plan)] = _feed(
            site, plan_feed(plan), word("feeds", "feed_title", name=plan.title), plan.as_at_date, found,
            links.plan_home(plan.id), _start(plan),
        )  # fmt: skip
    newest = _newest_first(every)[:SITE_FEED_LIMIT]
    board = site.board.short_name or site.board.name
    latest = max((p.as_at_date for p in site.plans), default=site.current_plan.as_at_date)
    result[SITE_FEED] = _feed(
        site, SITE_FEED, word("feeds", "feed_title", name=board), latest, newest, links.plans_index(),
        min(_start(p) for p in site.plans), with_plan=True,
    )  # fmt: skip
    return result


def entries(plan: Plan) -> list[Entry]:
    """Every dated update of the plan, newest first (plan order within a date)."""
    found: list[Entry] = []
    seen: dict[str, int] = {}
    for action in plan.actions:
        for update in action.updates_oldest_first:
            key = f"{plan.id}/{action.anchor}/{update.date.strip()}"
            seen[key] = seen.get(key, 0) + 1
            numbered = key if seen[key] == 1 else f"{key}/{seen[key]}"
            found.append(Entry(plan, action, update, numbered))
    return _newest_first(found)


def _start(plan: Plan) -> date:
    """A date that never moves, for a feed's tag: URI: 1 January of the first year the plan's
    period (or id) names."""
    year = re.search(r"\b(19|20)\d\d\b", f"{plan.period} {plan.id}")
    return date(int(year.group()) if year else 2000, 1, 1)


def _newest_first(found: list[Entry]) -> list[Entry]:
    # stable: equal dates keep the plans' order and each plan's own order
    return sorted(found, key=lambda e: e.update.day.value, reverse=True)


def _feed(
    site: BoardData,
    path: str,
    title: str,
    updated: date,
    found: list[Entry],
    page: str,
    since: date,
    with_plan: bool = False,
) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": word("language_tag")})
    _text(feed, "title", title)
    _text(feed, "id", _url(site, path) or _tag(site, since, path))
    _link(feed, "self", _url(site, path) or _relative(path, path), "application/atom+xml")
    _link(feed, "alternate", _url(site, page) or _relative(path, page), "text/html")
    _text(feed, "updated", _stamp(updated))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site.board.name)
    for entry in found:
        feed.append(_entry(site, path, entry, with_plan))
    ET.indent(feed)
    # written as text, then encoded: ElementTree's own UTF-8 writer is several times slower,
    # with one encoder call per piece of markup (the same bytes: it also writes a character
    # UTF-8 cannot hold as a character reference)
    written = ET.tostring(feed, encoding="unicode").encode("utf-8", "xmlcharrefreplace")
    return DECLARATION + written + b"\n"


def _entry(site: BoardData, path: str, entry: Entry, with_plan: bool) -> ET.Element:
    action, update, plan = entry.action, entry.update, entry.plan
    element = ET.Element(f"{{{ATOM}}}entry")
    status = plan.vocabulary.find(update.status) if update.status else None
    title = word("feeds", "entry", ref=action.ref, title=plain(action.title))
    if status is not None:
        title = word("feeds", "entry_status", entry=title, status=status.label)
    if with_plan:
        title = word("feeds", "entry_plan", plan=plan.title, entry=title)
    _text(element, "title", title)
    _text(element, "id", _tag(site, update.day.value, entry.key))
    page = links.priority(plan.id, action.priority.slug)
    target = _url(site, page, action.anchor) or _relative(path, page, action.anchor)
    _link(element, "alternate", target, "text/html")
    _text(element, "updated", _stamp(update.day.value))
    _text(element, "content", " ".join(plain(rich(update.text)).split()), {"type": "text"})
    return element


def _text(parent: ET.Element, name: str, text: str, attrs: dict[str, str] | None = None) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs or {}).text = NOT_XML.sub("", text)


def _link(parent: ET.Element, rel: str, href: str, kind: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": kind, "href": href})


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _url(site: BoardData, target: str, anchor: str = "") -> str:
    """The absolute address of a page or file, when the board has a `site_url:`."""
    if not site.board.site_url:
        return ""
    where = links.served_dir(target) if target.endswith(".md") else target
    return site.board.site_url + where + (f"#{anchor}" if anchor else "")


def _relative(feed: str, target: str, anchor: str = "") -> str:
    """A link relative to the feed's own address (RFC 4287 resolves it against the feed)."""
    folder = feed.rpartition("/")[0]
    return links.href(f"{folder}/index.md" if folder else "index.md", target, anchor)


def _tag(site: BoardData, day: date, specific: str) -> str:
    """A tag: URI (RFC 4151): the board's domain, a date, then what the entry is."""
    return f"tag:{_domain(site)},{day.isoformat()}:{specific}"


def _domain(site: BoardData) -> str:
    board = site.board
    return _domain_of(board.site_url, board.contact.website, board.short_name or board.name)


@functools.cache  # asked for every entry's id: parsed once per address
def _domain_of(site_url: str, website: str, short_name: str) -> str:
    for address in (site_url, website):
        host = urlparse(address).hostname
        if host:
            return host.removeprefix("www.")
    return (slug(short_name) or "board") + ".plansite"
