"""Plan pages of the example board: every published action on its priority page, dashboard
counts equal to counts from the data, every action findable by search."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.render.text import plain, rich_inline
from tests.conftest import ROOT, page


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")


def test_every_published_action_is_on_its_priority_page(
    example_site: Path, site: BoardData
) -> None:
    with (example_site / "data" / "actions.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == sum(len(p.actions) for p in site.plans)
    pages: dict[str, dict[str, str]] = {}
    for row in rows:
        plan = site.plan_by_id[row["plan_id"]]
        priority = next(p for p in plan.priorities if p.ref == row["priority_ref"])
        url = f"plans/{plan.id}/priority-{priority.slug}/"
        if url not in pages:
            table = page(example_site, url).select_one("table.ps-actions")
            pages[url] = {
                tr.th.get_text(strip=True): tr.get_text(" ", strip=True)
                for tr in table.select("tr.ps-action")
            }
        assert row["action_ref"] in pages[url], (url, row["action_ref"])
        label = row["status_label"] or "No status yet"
        assert label in pages[url][row["action_ref"]]


@pytest.mark.parametrize("plan_id", ["business-plan-2025-28", "improvement-plan-2026"])
def test_dashboard_counts_equal_counts_from_data(
    example_site: Path, site: BoardData, plan_id: str
) -> None:
    plan = site.plan_by_id[plan_id]
    soup = page(example_site, f"plans/{plan_id}/")
    table = soup.select_one("table.ps-counts")
    heads = [th.get_text(strip=True) for th in table.select("thead th")][1:-1]
    labels = {s.label: s.key for s in plan.statuses}
    for tr, priority in zip(table.select("tbody tr"), [*plan.priorities, None], strict=True):
        actions = priority.all_actions if priority else plan.actions
        counts = Counter(a.status for a in actions)
        cells = [td.get_text(strip=True) for td in tr.find_all("td")]
        expected = [counts[labels[h]] if h in labels else counts[None] for h in heads]
        assert cells == [str(n) for n in [*expected, len(actions)]], tr.th.get_text()
    done = sum(1 for a in plan.actions if a.status in {s.key for s in plan.statuses if s.done})
    sentence = soup.select_one(".ps-sentence").get_text(strip=True)
    assert sentence.startswith(f"{done} of {len(plan.actions)} actions complete")


def test_every_action_has_one_search_entry_on_its_anchor(
    example_site: Path, site: BoardData
) -> None:
    docs = json.loads((example_site / "search" / "search_index.json").read_text())["docs"]
    sections = Counter(d["location"] for d in docs if "#action-" in d["location"])
    listings = [
        d for d in docs if d["location"].startswith("subgroups/") and "#plan-" in d["location"]
    ]
    for plan in site.plans:
        own_pages = [
            d
            for d in docs
            if d["location"].startswith(f"plans/{plan.id}/") and "#action-" not in d["location"]
        ]
        for action in plan.actions:
            location = f"plans/{plan.id}/priority-{action.priority.slug}/#{action.anchor}"
            assert sections[location] == 1, location
            title = plain(rich_inline(action.title))
            # the plan's other pages and the subgroup pages that list it do not index it again
            others = [
                d["location"] for d in own_pages + listings if title in d["title"] + d["text"]
            ]
            assert others == [], (action.ref, others)
    assert sum(sections.values()) == sum(len(p.actions) for p in site.plans)


def test_plans_index_lists_every_plan_current_first(example_site: Path, site: BoardData) -> None:
    rows = page(example_site, "plans/").select("table.ps-table tbody tr")
    titles = [tr.th.a.get_text() for tr in rows]
    assert titles[0] == site.current_plan.title
    assert sorted(titles) == sorted(p.title for p in site.plans)
    for tr in rows[1:]:
        plan = next(p for p in site.plans if p.title == tr.th.a.get_text())
        # archived only when its progress stops before the current plan's
        earlier = plan.as_at_date < site.current_plan.as_at_date
        assert (tr.select_one(".ps-earlier") is not None) == earlier, plan.id
