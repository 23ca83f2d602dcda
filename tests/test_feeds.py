"""Atom feeds of progress updates: one per plan and one for the whole site, each entry linking to
its action's anchor, ids stable, dates from the data, text sanitised."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import yaml

from plansite.load import load_board_data
from plansite.publish import feeds
from tests.conftest import ROOT, page

ATOM = "{http://www.w3.org/2005/Atom}"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dated_updates(plan: dict[str, Any]) -> list[str]:
    """Every update's date in the plan's YAML, read without the site's code."""
    found = []
    for priority in plan["priorities"]:
        grouped = [a for issue in priority.get("issues", []) for a in issue["actions"]]
        for action in grouped + priority.get("actions", []):
            found.extend(str(u["date"]) for u in action.get("updates", []))
    return found


def parse(site: Path, path: str) -> ET.Element:
    root = ET.fromstring((site / path).read_bytes())
    assert root.tag == f"{ATOM}feed", path
    return root


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{ATOM}entry")


def link_of(element: ET.Element, rel: str = "alternate") -> str:
    found = [li.get("href", "") for li in element.findall(f"{ATOM}link") if li.get("rel") == rel]
    assert len(found) == 1, rel
    return found[0]


def assert_anchor_exists(site: Path, address: str, page_ids: dict[str, set[str]]) -> None:
    """`address`, relative to the site's root, names a page whose element with that id exists.
    `page_ids` keeps each page's ids once read: a feed links one page from many entries, and
    parsing a plan's page again for each of them cost most of the test's time."""
    path, _, anchor = address.partition("#")
    assert anchor, address
    url = path.strip("/")
    if url not in page_ids:
        page_ids[url] = {str(tag["id"]) for tag in page(site, url).find_all(id=True)}
    assert anchor in page_ids[url], address


def test_each_plan_has_a_feed_with_every_dated_update(example_site: Path) -> None:
    board = load(ROOT / "data" / "board.yml")
    base = board["site_url"]
    plans = [load(p) for p in sorted((ROOT / "data" / "plans").glob("*.yml"))]
    every: dict[str, ET.Element] = {}
    page_ids: dict[str, set[str]] = {}
    for plan in plans:
        feed = parse(example_site, f"plans/{plan['id']}/updates.xml")
        found = entries(feed)
        dates = dated_updates(plan)
        assert len(found) == len(dates), plan["id"]
        assert feed.findtext(f"{ATOM}id") == f"{base}plans/{plan['id']}/updates.xml"
        assert feed.findtext(f"{ATOM}updated") == f"{plan['as_at']}T00:00:00Z"
        ids = [e.findtext(f"{ATOM}id") for e in found]
        assert len(set(ids)) == len(ids), plan["id"]
        # newest first, each dated as written: "2025-06" is 1 June 2025
        stamps = [e.findtext(f"{ATOM}updated") or "" for e in found]
        assert stamps == sorted(stamps, reverse=True)
        written = sorted((d if len(d) == 10 else f"{d}-01" for d in dates), reverse=True)
        assert [s.removesuffix("T00:00:00Z") for s in stamps] == written
        for entry in found:
            assert (entry.findtext(f"{ATOM}id") or "").startswith("tag:plans.northvale-scp.")
            href = link_of(entry)
            assert href.startswith(base), href
            assert_anchor_exists(example_site, href.removeprefix(base), page_ids)
            every[entry.findtext(f"{ATOM}id") or ""] = entry
    site_feed = parse(example_site, "updates.xml")
    found = entries(site_feed)
    total = sum(len(dated_updates(p)) for p in plans)
    assert len(found) == min(total, feeds.SITE_FEED_LIMIT) == 100
    # the same update has the same id and link in the site's feed and its plan's feed
    for entry in found:
        same = every[entry.findtext(f"{ATOM}id") or ""]
        assert link_of(entry) == link_of(same)


def test_plan_pages_and_downloads_link_the_feeds(example_site: Path) -> None:
    plans = [load(p) for p in sorted((ROOT / "data" / "plans").glob("*.yml"))]
    for plan in plans:
        folder = example_site / "plans" / plan["id"]
        pages = sorted(
            p.parent.relative_to(example_site).as_posix() for p in folder.rglob("index.html")
        )
        assert len(pages) == 1 + len(plan["priorities"]) + 3
        for url in pages:
            links = page(example_site, url).select('head link[type="application/atom+xml"]')
            assert len(links) == 1, url
            target = posixpath.normpath(posixpath.join(url, links[0]["href"]))
            assert target == f"plans/{plan['id']}/updates.xml", url
            assert links[0]["rel"] == ["alternate", "feed"] and plan["title"] in links[0]["title"]
    downloads = page(example_site, "downloads/")
    hrefs = [
        posixpath.normpath(posixpath.join("downloads", a["href"]))
        for a in downloads.select('.ps-feeds a[type="application/atom+xml"]')
    ]
    # the whole site's feed first, then each plan's
    assert hrefs[0] == "updates.xml"
    assert sorted(hrefs[1:]) == sorted(f"plans/{p['id']}/updates.xml" for p in plans)


def test_without_a_site_url_links_are_relative_to_the_feed_and_text_is_plain(
    data_copy: Callable[[str], Path],
) -> None:
    data = data_copy("minimal")
    plan_file = data / "plans" / "plan-a.yml"
    hostile = '"<script>alert(1)</script><b>Approved</b> &amp; **done**"'
    text = plan_file.read_text(encoding="utf-8").replace('"<b>Approved</b> by the board."', hostile)
    plan_file.write_text(text, encoding="utf-8")
    site = load_board_data(data)
    made = feeds.files(site)
    assert sorted(made) == ["plans/plan-a/updates.xml", "updates.xml"]
    feed = ET.fromstring(made["plans/plan-a/updates.xml"])
    contents = [e.findtext(f"{ATOM}content") for e in entries(feed)]
    assert "Approved & done" in contents
    assert not any("<" in (c or "") or "alert" in (c or "") for c in contents)
    assert all(e.find(f"{ATOM}content").get("type") == "text" for e in entries(feed))
    feed_address = "https://example.invalid/plans/plan-a/updates.xml"
    for entry in entries(feed):
        resolved = urljoin(feed_address, link_of(entry))
        assert urlparse(resolved).path.startswith("/plans/plan-a/priority-"), resolved
        assert urlparse(resolved).fragment.startswith("action-"), resolved
    assert link_of(feed, "self") == "updates.xml"
    # the same data gives the same bytes
    assert feeds.files(load_board_data(data)) == made
