"""A plan's What changed sized for people (plansite/model/changes_size.py): past CHANGES_LIMIT
updates and status changes, the page is the latest quarter in full and a list of the earlier
quarters, each on a page of its own, in the plan's menu; under it, the page is as it was.

The split is shown on the plans-attention fixture built with a lower limit (`LIMIT`, set in
the build's own process): plan-now lists 19 updates and status changes over three quarters and
is split, plan-before lists 6 and is not. No PDF is read: stand-ins (tests/without_pdfs.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from plansite.check.advice import data_advice
from plansite.load import load_board_data
from plansite.model import changes_size
from plansite.model.board_data import BoardData
from plansite.model.changes_size import CHANGES_LIMIT, changes_count, entries, quarter_pages
from plansite.model.progress import Period, periods
from plansite.pages.registry import generated_pages, render_page
from tests.conftest import FIXTURES, made_once, page, run_build
from tests.gates.conftest import html_pages
from tests.gates.test_links import broken_links

NAME = "plans-attention"
LIMIT = 10  # plan-now lists 19 (split), plan-before 6 (one page)
BUSIEST = "business-plan-2025-28"  # the example board's plan with most changes


def _build_split(folder: Path) -> None:
    # a cache of its own: a page kept by a build of the same board at the real limit would
    # be the same page (the limit is not among a kept page's inputs, the code's version is)
    # the engine, every PDF a stand-in, with the lower limit set in the build's own process
    first = f"from plansite.model import changes_size; changes_size.CHANGES_LIMIT = {LIMIT}; "
    result = run_build(
        FIXTURES / NAME, folder / "site", pdfs=False, first=first,
        PLANSITE_CACHE=str(folder / "cache"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return made_once(tmp_path_factory, "changes-split", _build_split) / "site"


@pytest.fixture(scope="module")
def lower_limit() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(changes_size, "CHANGES_LIMIT", LIMIT)
        yield


@pytest.fixture(scope="module")
def site(lower_limit: None) -> BoardData:
    """The fixture's data, loaded (and advised on) with the lower limit."""
    return load_board_data(FIXTURES / NAME, pdfs=False)


@pytest.fixture(scope="module")
def whole_site() -> BoardData:
    """The same data at the real limit: every plan on one page (kept on each plan when loaded,
    so whichever test loads it first)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(changes_size, "CHANGES_LIMIT", CHANGES_LIMIT)
        return load_board_data(FIXTURES / NAME, pdfs=False)


def changes_path(plan_id: str) -> str:
    return f"plans/{plan_id}/what-changed.md"


def quarter_url(plan_id: str, period: Period) -> str:
    return f"plans/{plan_id}/what-changed/{period.anchor}/"


def month_range(period: Period) -> str:
    return f"{period.start:%B %Y} to {period.end:%B %Y}"


def counts_sentence(period: Period) -> str:
    """The quarter's counts as the pages word them, from the data."""
    updates, changes = len(period.updates), len(period.changes)
    worse = sum(1 for change in period.changes if change.worse)
    return (
        f"{updates} update{'s' * (updates != 1)}; {changes} status "
        f"change{'s' * (changes != 1)}, {worse} of them worse."
    )


def absolute_links(fragment: Tag | BeautifulSoup, url: str) -> str:
    """The fragment's HTML with every link made absolute from the page's address `url`."""
    for link in fragment.find_all("a", href=True):
        link["href"] = urljoin("/" + url, str(link["href"]))
    return str(fragment)


def test_the_limit_counts_updates_and_status_changes(whole_site: BoardData) -> None:
    plan, before = whole_site.plan_by_id["plan-now"], whole_site.plan_by_id["plan-before"]
    assert changes_count(plan) == 19 == sum(len(p.updates) + len(p.changes) for p in periods(plan))
    split = quarter_pages.__wrapped__  # type: ignore[attr-defined]  # not the one kept on the plan
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(changes_size, "CHANGES_LIMIT", 19)
        assert split(plan) == []  # at the limit: one page
        patch.setattr(changes_size, "CHANGES_LIMIT", 18)  # past it: every quarter but the latest
        assert [q.anchor for q in split(plan)] == [p.anchor for p in periods(plan)[1:]]
        assert [(q.start, q.end) for q in split(plan)] == [
            (p.start, p.end) for p in periods(plan)[1:]
        ]
        patch.setattr(changes_size, "CHANGES_LIMIT", 5)  # plan-before lists 6
        assert [q.anchor for q in split(before)] == [p.anchor for p in periods(before)[1:]]


def test_an_ordinary_board_keeps_one_page(example_site: Path) -> None:
    """The example board: every plan's What changed whole, every quarter on it, as before."""
    assert not list(example_site.glob("plans/*/what-changed/*/index.html"))
    soup = page(example_site, f"plans/{BUSIEST}/what-changed")
    quarters = soup.select("article h2[id]")
    assert len(quarters) == 10 and soup.find(id="earlier-quarters") is None
    assert soup.select_one(".ps-quarter-a-page") is None
    listed = sum(
        int(n)
        for h in quarters
        for n in re.findall(r"\d+(?= (?:update|status))", h.find_next("p").text)
    )
    assert listed == 430 <= CHANGES_LIMIT  # the busiest plan of the example, well under


def test_the_page_past_the_limit_is_the_latest_quarter_and_a_list(
    split_site: Path, site: BoardData
) -> None:
    plan = site.plan_by_id["plan-now"]
    latest, *earlier = periods(plan)
    soup = page(split_site, "plans/plan-now/what-changed")
    note = soup.select_one("p.ps-quarter-a-page").get_text(" ", strip=True)
    assert note == (
        "This plan has 19 updates and status changes, too many for one page, so they are "
        "published a quarter a page: the latest quarter is below, and each earlier quarter has "
        "a page of its own, listed after it."
    )
    assert [h["id"] for h in soup.select("article h2[id]")] == [latest.anchor, "earlier-quarters"]
    # the latest quarter in full: its updates and its status changes, and no other quarter's
    updates = soup.select("ul.ps-updates > li")
    assert [li.find("a").get_text() for li in updates] == [a.ref for a, _ in latest.updates]
    assert len(soup.select("table.ps-refs tbody tr")) == len(latest.changes)
    # then each earlier quarter, newest first, linked to its page with its counts; its old
    # address on this page (#2026-q1) is the list item
    items = soup.select("ul.ps-quarters > li")
    assert [li["id"] for li in items] == [p.anchor for p in earlier]
    assert [li.get_text(" ", strip=True) for li in items] == [
        f"{month_range(p)} : {counts_sentence(p)}" for p in earlier
    ]
    assert [urljoin("/plans/plan-now/what-changed/", li.a["href"]) for li in items] == [
        "/" + quarter_url("plan-now", p) for p in earlier
    ]


def test_each_earlier_quarter_has_a_page_with_exactly_its_changes(
    split_site: Path, site: BoardData
) -> None:
    plan = site.plan_by_id["plan-now"]
    for period in periods(plan)[1:]:
        soup = page(split_site, quarter_url("plan-now", period))
        title = f"What changed: {month_range(period)}"
        assert soup.find("h1").get_text(strip=True) == title
        assert soup.title.get_text().startswith(title)
        article = soup.find("article")
        assert article.find("h2") is None  # the title names the quarter
        assert article.find("p", string=counts_sentence(period)) is not None
        rows = article.select("table.ps-refs tbody tr")
        assert [r.th.get_text(strip=True) for r in rows] == [c.action.ref for c in period.changes]
        updates = article.select("ul.ps-updates > li")
        assert [li.find("a").get_text() for li in updates] == [a.ref for a, _ in period.updates]
        assert [li.find("time")["datetime"] for li in updates] == [
            u.day.value.isoformat()[: 7 if u.day.precision == "month" else 10]
            for _, u in period.updates
        ]
        summary = f"The {len(period.updates)} updates dated in this period"
        assert article.find("summary").get_text(strip=True) == summary
        back = article.select_one("p.ps-quarter-a-page a")
        assert urljoin("/" + quarter_url("plan-now", period), back["href"]) == (
            "/plans/plan-now/what-changed/"
        )
    # a plan under the limit keeps its one page
    assert not (split_site / "plans" / "plan-before" / "what-changed" / "2025-q1").exists()
    whole = page(split_site, "plans/plan-before/what-changed")
    assert len(whole.select("article h2[id]")) == len(periods(site.plan_by_id["plan-before"]))


def test_each_quarter_shows_what_it_showed_on_the_whole_page(
    site: BoardData, whole_site: BoardData
) -> None:
    """Rendered at both limits (no build): a quarter's counts, table and updates on its own page
    are those of its section of the whole page, every link leading to the same place."""
    here = changes_path("plan-now")
    whole = BeautifulSoup(render_page(whole_site, here, "plan_changes", "plan-now"), "html.parser")
    for period in periods(site.plan_by_id["plan-now"])[1:]:
        path = f"plans/plan-now/what-changed/{period.anchor}.md"
        own = render_page(site, path, "plan_changes_quarter", "plan-now", period.anchor)
        mine = BeautifulSoup(own, "html.parser")
        counts = mine.find("p", string=counts_sentence(period))
        shown = [counts, *counts.find_next_siblings(["div", "details"])]
        section = whole.find(id=period.anchor).find_next_siblings()
        # up to the next quarter's heading, or the page's "Last updated" line
        ends = [
            i
            for i, tag in enumerate(section)
            if tag.name == "h2" or tag.get("class") == ["ps-last-updated"]
        ]
        until = ends[0]
        assert len(shown) == until == (3 if period.changes else 2)
        for tag, before in zip(shown, section[:until], strict=True):
            url = quarter_url("plan-now", period)
            assert absolute_links(tag, url) == absolute_links(
                before, "plans/plan-now/what-changed/"
            )


def test_every_link_of_the_split_site_resolves(split_site: Path) -> None:
    """The links gate's check (tests/gates/test_links.py), on every page of the split site."""
    pages = html_pages(split_site)
    assert split_site / "plans/plan-now/what-changed/2026-q1/index.html" in pages
    failures = [
        f"{f.relative_to(split_site)}: {p}" for f in pages for p in broken_links(split_site, f)
    ]
    assert not failures, "\n".join(failures)


def test_quarter_pages_are_in_the_plans_menu_and_search(split_site: Path, site: BoardData) -> None:
    earlier = periods(site.plan_by_id["plan-now"])[1:]
    soup = page(split_site, quarter_url("plan-now", earlier[0]))
    nav = soup.select("nav.md-nav--primary a.md-nav__link[href]")
    listed = [urljoin("/" + quarter_url("plan-now", earlier[0]), str(a["href"])) for a in nav]
    wanted = ["/plans/plan-now/what-changed/", *("/" + quarter_url("plan-now", p) for p in earlier)]
    start = listed.index(wanted[0])
    assert listed[start : start + len(wanted)] == wanted  # after What changed, newest first
    index = json.loads((split_site / "search" / "search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {quarter_url("plan-now", p) for p in earlier} <= locations
    # an earlier quarter is found on its own page, not as a section of the plan's What changed
    assert not {f"plans/plan-now/what-changed/#{p.anchor}" for p in earlier} & locations


def test_make_check_says_the_plan_is_published_a_quarter_a_page(site: BoardData) -> None:
    advice = [str(a) for a in data_advice(site) if "a quarter a page" in a.message]
    plan = site.plan_by_id["plan-now"]
    assert advice == [
        f"{plan.source_file}:{plan.line_of('id')}: the plan's What changed lists more than 10 "
        "updates and status changes (10 updates), too many for one page: it is published a "
        "quarter a page, the latest quarter in full on `plans/plan-now/what-changed/` with a "
        "link to each of the 2 earlier quarters' own pages "
        "(`plans/plan-now/what-changed/<quarter>/`), and the page says so; nothing is left out"
    ]


def test_pages_listed_match_the_quarters(site: BoardData) -> None:
    listed = [p.path for p in generated_pages(site) if "/what-changed/" in p.path]
    plan = site.plan_by_id["plan-now"]
    assert listed == [f"plans/plan-now/what-changed/{p.anchor}.md" for p in periods(plan)[1:]]
    assert all(entries(p) > 0 for p in periods(plan))


def test_the_split_page_weighs_its_latest_quarter_not_the_earlier_ones(
    site: BoardData, whole_site: BoardData
) -> None:
    """Rendered at both limits: the split page is the whole page less every earlier quarter's
    section, plus the note and a line per earlier quarter (a few hundred bytes each)."""
    here = changes_path("plan-now")
    whole = render_page(whole_site, here, "plan_changes", "plan-now")
    split = render_page(site, here, "plan_changes", "plan-now")
    earlier = periods(site.plan_by_id["plan-now"])[1:]
    sections = (
        whole.index(f'<h2 id="{earlier[0].anchor}">'),
        whole.index('<p class="ps-last-updated">'),
    )
    left_out = sections[1] - sections[0]
    assert left_out > 0.6 * len(whole)  # on this plan the earlier quarters are most of the page
    assert len(whole) - left_out < len(split) < len(whole) - left_out + 400 * (len(earlier) + 1)
