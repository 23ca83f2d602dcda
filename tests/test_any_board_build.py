"""A board whose plans use each status preset, document labels, refs restarting under each
priority, rows with no ref or title, and no as_at or title: built strictly, page by page."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from tests.conftest import FIXTURES, page


@pytest.fixture(scope="module")
def built(build_fixture: Callable[..., Path]) -> Path:
    """Built strictly, every PDF a stand-in: none is read here (its four plans' PDFs were most
    of the build's time); the PDFs' HTML is still rendered, as the build renders it."""
    return build_fixture("any-board", pdfs=False)


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(FIXTURES / "any-board")


def tags(built: Path, url: str) -> list[str]:
    return [
        t.get_text(strip=True)
        for t in page(built, url).select("table.ps-actions tr.ps-action .ps-tag")
    ]


def test_each_preset_shows_its_own_labels_for_the_words_the_document_used(built: Path) -> None:
    assert tags(built, "plans/amber-plan/priority-1/") == ["On target", "Complete", "Off target"]
    assert tags(built, "plans/brag-plan/priority-1/") == ["Complete and embedded", "Cancelled"]
    assert tags(built, "plans/phrases-plan/priority-1/") == [
        "Not yet completed but on-track", "Not yet started", "Not yet completed and off-track",
        "Completed",
    ]  # fmt: skip
    # standard RAG when a plan names none: G is On track; Complete is a status of its own
    assert tags(built, "plans/rag-plan/priority-1/") == ["On track", "Off track", "On track"]


def test_the_status_key_lists_closed_statuses_only_when_used(built: Path) -> None:
    def key(url: str) -> list[str]:
        return [t.get_text(strip=True) for t in page(built, url).select(".ps-statuses dt")]

    assert key("plans/brag-plan/") == [
        "Complete and embedded", "Complete", "On track", "Off track", "Cancelled",
    ]  # fmt: skip
    assert key("plans/amber-plan/") == ["Complete", "On target", "Off target"]


def test_a_cancelled_action_is_not_late_and_not_still_to_do(built: Path) -> None:
    soup = page(built, "plans/brag-plan/needs-attention/")
    late = [a.get_text(strip=True) for a in soup.select("#overdue ~ div table th a")]
    # 1b (cancelled, due Oct-16) is past its due date at 31 March 2017 but is never late
    assert "1b" not in late and "2b" in late
    sentence = page(built, "plans/brag-plan/").select_one(".ps-sentence").get_text(strip=True)
    assert sentence.startswith("2 of 3 actions complete, 0 off track, 1 overdue; 1 cancelled")


def test_pages_anchors_and_downloads_use_qualified_refs(built: Path, site: BoardData) -> None:
    rag = site.plan_by_id["rag-plan"]
    # refs restarting in each priority are joined to it; an action with no ref shows none, and
    # is addressed by its place ("1-3": the third of priority 1)
    expected = ["1a", "1b", "", "2.1a", "", "2a"]
    assert [a.ref for a in rag.actions] == expected
    ids = [
        h["id"]
        for n in (1, 2)
        for h in page(built, f"plans/rag-plan/priority-{n}/").select(".ps-action-title")
    ]
    assert ids == [f"action-{r}" for r in ("1a", "1b", "1-3", "2-1a", "2-1-2", "2a")]
    with (built / "data" / "actions-rag-plan.csv").open(encoding="utf-8-sig") as file:
        assert [row["Ref"] for row in csv.DictReader(file)] == expected
    all_actions = page(built, "plans/rag-plan/all-actions/")
    links = [a.get_text(strip=True) for a in all_actions.select("table th[scope=row] a")]
    assert links == [ref or "—Open this action" for ref in expected]


def test_a_cross_reference_links_to_the_qualified_anchor(built: Path) -> None:
    soup = page(built, "plans/rag-plan/priority-1/")
    see_also = soup.find(id="action-1b").find_next("dl").find("dt", string="See also")
    found = [(a.get_text(strip=True), a["href"]) for a in see_also.find_next("dd").select("a")]
    assert found == [
        ("1a", "./#action-1a"),
        ("brag-plan:2a", "../../brag-plan/priority-2/#action-2a"),
    ]


def test_a_row_with_no_title_shows_under_its_issues_title(built: Path) -> None:
    soup = page(built, "plans/rag-plan/priority-2/")
    issue = soup.select_one("table.ps-actions tr.ps-issue").get_text(" ", strip=True)
    assert issue == "1. Finish the early help strategy"
    rows = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])][:3]
        for tr in soup.select("table.ps-actions tr.ps-action")
    ]
    assert rows[1] == ["—", "Finish the early help strategy", "CSE Group"]


def test_a_plan_with_no_progress_says_so_and_judges_nothing(built: Path) -> None:
    home = page(built, "plans/phrases-plan/").select_one(".ps-asat").get_text(" ", strip=True)
    assert home.startswith("No progress recorded yet")
    attention = page(built, "plans/phrases-plan/needs-attention/")
    assert "no progress recorded yet, so no action is judged overdue" in attention.get_text(" ")
    assert attention.select("#overdue ~ div table") == []
    priority = page(built, "plans/phrases-plan/priority-1/").select_one(".ps-asat")
    assert "no progress recorded yet" in priority.get_text(" ")


def test_a_plan_with_no_title_is_named_from_its_kind_and_period(built: Path) -> None:
    index = page(built, "plans/")
    names = [a.get_text(strip=True) for a in index.select("table.ps-table th[scope=row] a")]
    assert names[0] == "Business plan 2015 to 2018"  # the current plan comes first
    home = page(built, "plans/rag-plan/").select_one(".ps-asat").get_text(" ", strip=True)
    assert home.startswith("Progress as at 31 December 2017")


def test_the_planner_follows_subgroup_meetings_without_a_year_start(built: Path) -> None:
    soup = page(built, "planner/")
    assert "April 2017 to March 2018" in soup.select_one("caption").get_text()
    with (built / "data" / "planner.csv").open(encoding="utf-8-sig") as file:
        rows = {row["what"]: row for row in csv.DictReader(file)}
    assert rows["Multi-agency audit findings"]["meeting"] == "PPPG; Board"
    assert rows["Lay members' report"]["who"] == ""
    package = json.loads((built / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in package["resources"]} >= {"actions", "planner"}
