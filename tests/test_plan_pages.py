"""Plan pages built from a small fixture with known cases: tags, attention, changes, downloads,
search, archive, subgroups and the navigation."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup, Tag

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.colours import contrast
from plansite.render.text import plain, rich_inline
from tests.conftest import FIXTURES, page

NAME = "plans-attention"


@pytest.fixture(scope="module")
def built(build_fixture: Callable[[str], Path]) -> Path:
    return build_fixture(NAME)


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(FIXTURES / NAME)


def rows_of(table: Tag) -> list[list[str]]:
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.find("tbody").find_all("tr")
    ]


def section_table(soup: BeautifulSoup, heading_id: str) -> Tag | None:
    heading = soup.find(id=heading_id)
    assert heading is not None, heading_id
    following = heading.find_next(["h2", "table"])
    return following if following is not None and following.name == "table" else None


def test_status_tags_use_each_plans_own_words_and_colours(built: Path, site: BoardData) -> None:
    for plan in site.plans:
        soup = page(built, f"plans/{plan.id}/priority-1")
        tags = soup.select("table.ps-actions tr.ps-action .ps-tag")  # not the histories' tags
        assert len(tags) == len(plan.priorities[0].all_actions)
        by_label = {s.label: s for s in plan.statuses}
        for tag in tags:
            label = tag.get_text(strip=True)
            if label == "No status yet":
                continue
            status = by_label[label]  # the plan's own word, written out
            style = dict(p.split(":") for p in tag["style"].split(";"))
            assert style["background-color"] == status.colour
            assert contrast(style["background-color"], style["color"]) >= 4.5
    labels_now = {t.get_text(strip=True) for t in page(built, "plans/plan-now/").select(".ps-tag")}
    labels_before = {
        t.get_text(strip=True) for t in page(built, "plans/plan-before/").select(".ps-tag")
    }
    assert {"Embedded", "Complete", "On track", "Off track"} <= labels_now
    assert "Not yet completed but off-track" in labels_before
    assert not labels_now & {"Not yet completed but off-track", "Not yet started"}


def test_needs_attention_page_lists_the_known_actions(built: Path) -> None:
    soup = page(built, "plans/plan-now/needs-attention")
    refs = {
        key: [row[0] for row in rows_of(table)] if (table := section_table(soup, key)) else []
        for key in ("overdue", "no-recent-update", "got-worse")
    }
    assert refs == {
        "overdue": ["1.1", "2.3", "2.4"],
        "no-recent-update": ["2.3", "1.3", "2.4"],
        "got-worse": ["1.2", "2.3"],
    }
    assert "5 actions need attention" in soup.get_text(" ", strip=True)
    # each ref links to the action's anchor on its priority page
    link = soup.select_one("#got-worse ~ div table a")
    assert link is not None and link["href"] == "../priority-1/#action-1-2"


def test_no_attention_needed_says_so(built: Path) -> None:
    text = page(built, "plans/plan-before/needs-attention").get_text(" ", strip=True)
    # 1.2 (Dec 24) is the only overdue action on 31 March 2025; nothing got worse.
    assert "No action's status got worse at its latest update." in text


def test_what_changed_page_per_quarter(built: Path) -> None:
    soup = page(built, "plans/plan-now/what-changed")
    headings = [h["id"] for h in soup.select("article h2[id]")]
    assert headings == ["2026-q2", "2026-q1", "2025-q4"]
    q2 = section_table(soup, "2026-q2")
    assert q2 is not None
    assert [(r[0], r[2], r[3], r[4]) for r in rows_of(q2)] == [
        ("1.1", "No status yet", "On track", "First status"),
        ("1.2", "On track", "Off track", "Worse"),
    ]
    intro = soup.find(id="2026-q1").find_next("p").get_text(" ", strip=True)
    assert intro == "5 updates; 4 status changes, 1 of them worse."
    updates = soup.find(id="2026-q2").find_next("details").select("ul.ps-updates > li")
    assert [li.find("a").get_text() for li in updates] == ["1.2", "1.1"]  # newest first


def test_priority_page_history_new_markers_and_links(built: Path) -> None:
    soup = page(built, "plans/plan-now/priority-1")
    row = soup.find(id="action-1-2").find_parent("tr")
    more = row.find_next_sibling("tr")  # the disclosure under the action's row
    assert "ps-action-more" in more["class"]
    items = more.select("details.ps-history ol.ps-history-list > li")
    assert [li.find("time")["datetime"] for li in items] == ["2026-06-10", "2026-02"]
    assert "Status changed from On track to Off track" in items[0].get_text(" ", strip=True)
    # allowed formatting survives: bold, a list and a link
    assert items[0].find("strong", string="delayed") is not None
    assert items[0].find("ul") is not None
    assert items[0].find("a")["href"] == "https://example.org/"
    issue_row = soup.select_one("table.ps-actions tr.ps-issue")
    assert "New since January 2026" in issue_row.get_text(" ", strip=True)
    # a lead written by its full name links to its subgroup page and shows the acronym
    lead = row.find("a", string="Policy, Procedures and Performance Group")
    assert lead is not None and lead["href"] == "../../../subgroups/pppg/"
    # (the acronym is explained: <abbr title="Policy, Procedures and Performance Group">)
    assert "(PPPG)" in " ".join(row.get_text().split())
    assert row.find("abbr", string="PPPG")["title"] == "Policy, Procedures and Performance Group"
    more_1_4 = soup.find(id="action-1-4").find_parent("tr").find_next_sibling("tr")
    related = more_1_4.find("a", string="2.3")
    assert related["href"] == "../priority-2/#action-2-3"


def test_home_page_counts_and_sentence(built: Path, site: BoardData) -> None:
    plan = site.plan_by_id["plan-now"]
    soup = page(built, "plans/plan-now/")
    done = sum(1 for a in plan.actions if a.status in ("blue", "green"))
    red = sum(1 for a in plan.actions if a.status == "red")
    unset = sum(1 for a in plan.actions if a.status is None)
    sentence = f"{done} of {len(plan.actions)} actions complete, {red} off track, {unset}"
    assert soup.select_one(".ps-sentence").get_text(strip=True).startswith(sentence)
    table = soup.select_one("table.ps-counts")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    assert heads == [
        "Priority",
        "Embedded",
        "Complete",
        "On track",
        "Off track",
        "No status yet",
        "Total",
    ]
    for priority, row in zip(plan.priorities, rows_of(table), strict=False):
        keys = [s.key for s in plan.statuses]
        expected = [sum(1 for a in priority.all_actions if a.status == k) for k in keys]
        expected.append(sum(1 for a in priority.all_actions if a.status is None))
        assert row[1:] == [str(n) for n in [*expected, len(priority.all_actions)]]


def shown(cell: openpyxl.cell.Cell) -> str:
    """A workbook cell as Excel shows it, for the two date formats the downloads use."""
    if cell.is_date:
        return cell.value.strftime(
            {"yyyy-mm-dd": "%Y-%m-%d", "yyyy-mm": "%Y-%m"}[cell.number_format]
        )
    return cell.value or ""


def test_all_actions_table_and_downloads_have_the_same_rows(built: Path, site: BoardData) -> None:
    for plan in site.plans:
        soup = page(built, f"plans/{plan.id}/all-actions")
        table = soup.select_one("table#all-actions")
        assert table.has_attr("data-sortable") and table.has_attr("data-search-exclude")
        html_rows = rows_of(table)
        assert [r[0] for r in html_rows] == [a.ref for a in plan.actions]
        text = (built / "data" / f"actions-{plan.id}.csv").read_text(encoding="utf-8-sig")
        csv_rows = list(csv.reader(io.StringIO(text)))[1:]
        assert [r[1] for r in csv_rows] == [a.ref for a in plan.actions]
        labels = [r[7] or "No status yet" for r in csv_rows]
        assert labels == [r[5] for r in html_rows]
        book = openpyxl.load_workbook(built / "data" / f"actions-{plan.id}.xlsx")
        # a date is stored as a date, shown as the CSV writes it (yyyy-mm-dd or yyyy-mm)
        sheet_rows = [[shown(c) for c in row] for row in book.active.iter_rows()]
        assert sheet_rows[1:] == csv_rows
        # filters: choices written from the data, the table complete without JavaScript
        options = [o.get_text() for o in soup.select("select[name=status] option")][1:]
        assert options == [s.label for s in plan.statuses]
        statuses = [json.loads(tr["data-status"]) for tr in table.select("tbody tr")]
        assert statuses == [[a.status] if a.status else [] for a in plan.actions]


def test_lead_filter_matches_subgroups_by_acronym(built: Path) -> None:
    table = page(built, "plans/plan-now/all-actions").select_one("table#all-actions")
    leads = {
        tr.th.get_text(strip=True): json.loads(tr["data-lead"]) for tr in table.select("tbody tr")
    }
    # PPPG, its full name and its alias PPG are one subgroup; free text stays as written
    assert leads["1.1"] == leads["1.2"] == leads["1.4"] == ["PPPG"]
    assert leads["2.3"] == ["CSE Group", "Head of Early Help"]


def test_xlsx_is_stamped_with_the_as_at_date(built: Path, site: BoardData) -> None:
    plan = site.plan_by_id["plan-before"]
    archive = zipfile.ZipFile(built / "data" / "actions-plan-before.xlsx")
    stamp = plan.as_at_date.timetuple()[:6]
    assert {info.date_time for info in archive.infolist()} == {stamp}
    core = archive.read("docProps/core.xml").decode()
    assert core.count("2025-03-31T00:00:00Z") == 2  # created and modified


def test_search_finds_each_action_once_on_its_anchor(built: Path, site: BoardData) -> None:
    docs = json.loads((built / "search" / "search_index.json").read_text())["docs"]
    for plan in site.plans:
        for action in plan.actions:
            title = plain(rich_inline(action.title))
            hits = [d for d in docs if title in d["title"] or title in d["text"]]
            assert len(hits) == 1, (action.ref, [d["location"] for d in hits])
            hit = hits[0]
            page_path = f"plans/{plan.id}/priority-{action.priority.slug}/"
            assert hit["location"] == f"{page_path}#{action.anchor}"
            assert action.ref in hit["title"]
            for update in action.updates:  # the history is indexed once, in the section
                words = plain(rich_inline(update.text)).split("\n")[0]
                assert sum(words in d["text"] for d in docs) == 1, (action.ref, words)
            for lead in action.leads:
                subgroup = site.subgroup_for(lead)
                if subgroup:
                    assert subgroup.acronym in hit["text"]


def test_plans_index_keeps_earlier_plans_and_marks_the_current(built: Path) -> None:
    soup = page(built, "plans/")
    rows = rows_of(soup.select_one("table.ps-table"))
    assert [r[0] for r in rows] == ["Plan Now current plan", "Plan Before earlier plan"]
    note = page(built, "plans/plan-before/").select_one(".ps-archived a")
    assert note.get_text() == "Plan Now" and note["href"] == "../plan-now/"


def test_subgroup_page_counts_actions_it_leads_across_plans(built: Path, site: BoardData) -> None:
    soup = page(built, "subgroups/pppg/")
    pppg = {"pppg", "ppg", "policy, procedures and performance group"}
    for plan in site.plans:
        led = [a for a in plan.actions if any(t.lower() in pppg for t in a.leads)]
        heading = soup.find(id=f"plan-{plan.id}")
        table = heading.find_next("table")
        assert [r[0] for r in rows_of(table)] == [a.ref for a in led]
        done_keys = {s.key for s in plan.statuses if s.done}
        done = sum(1 for a in led if a.status in done_keys)
        assert heading.find_next("p").get_text().startswith(f"{done} of {len(led)} action")
    text = soup.get_text(" ", strip=True)
    assert "Sam Jones" in text and "Keep procedures up to date" in text


def test_navigation_does_not_inline_every_page(built: Path, site: BoardData) -> None:
    """navigation.prune: a page's menu lists its own plan's pages, not every other plan's."""
    soup = page(built, "plans/plan-now/priority-1/")
    nav = soup.select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]")]
    assert any("priority-2" in h for h in hrefs)
    assert not any(
        "plan-before/" in h and h.rstrip("/").split("/")[-1] != "plan-before" for h in hrefs
    )
    sub = page(built, "subgroups/pppg/").select_one("nav.md-nav--primary")
    assert not any("priority-" in a["href"] for a in sub.select("a[href]"))


def test_an_actions_impact_rating_beside_its_measure_and_in_the_downloads(site: BoardData) -> None:
    """`impact: On track` on 1.2 (its measure's own rating), apart from its status (Off track);
    actions without `impact:` show no Impact line."""
    from plansite.publish.plan_downloads import COLUMNS, headings, rows
    from plansite.render.plans import priority_page

    plan = site.plan_by_id["plan-now"]
    soup = BeautifulSoup(
        priority_page(site, plan, plan.priorities[0], "plans/plan-now/priority-1/"), "html.parser"
    )
    row = soup.find(id="action-1-2").find_parent("tr")
    assert row.select_one(".ps-tag").get_text(strip=True) == "Off track"  # its status, in the row
    facts = row.find_next_sibling("tr").select_one("dl.ps-facts")  # the rest, under it
    terms = [dt.get_text(strip=True) for dt in facts.find_all("dt")]
    assert terms == ["Measure", "Impact"]
    impact = facts.find_all("dd")[terms.index("Impact")].select_one(".ps-tag")
    assert (impact.get_text(strip=True), impact["title"]) == ("On track", "Going to plan.")
    assert "background-color:#ffdd00" in impact["style"]
    assert [dt.get_text() for dt in soup.select("dl.ps-facts dt")].count("Impact") == 1
    column = COLUMNS.index("impact_label")
    assert headings()[column - 1 : column + 1] == ["Status", "Impact"]
    assert [(r[1], r[column]) for r in rows(plan) if r[column]] == [("1.2", "On track")]
