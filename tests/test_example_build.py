"""The example board builds strictly, and its pages and open data agree with its data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.model import links
from plansite.model.board_data import BoardData
from tests.conftest import ROOT, page


@pytest.fixture(scope="module")
def data() -> BoardData:
    return load_board_data(ROOT / "data")


def url(src: str) -> str:
    return links.served_dir(src)


def test_example_board_is_big_enough(data: BoardData) -> None:
    current = data.current_plan
    assert len(data.plans) >= 2
    assert len(current.priorities) >= 5
    assert len(current.actions) >= 60
    updates = [u for a in current.actions for u in a.updates]
    assert len(updates) >= 250
    assert len({(u.day.value.year, (u.day.value.month - 1) // 3) for u in updates}) >= 8
    assert any(p.issues and len(p.issues[0].actions) > 1 for p in current.priorities)
    assert any(a.related for a in current.actions)
    assert any(a.is_new for a in current.actions)
    assert any(a.due_date and a.due_date.date is None for a in current.actions)
    improvement = next(p for p in data.plans if p.kind == "improvement")
    assert any(s.key == "blue" for s in improvement.statuses)
    assert all(p.evidence and p.children_will_say for p in improvement.priorities)
    assert len(data.subgroups) >= 8
    assert len(data.members) >= 15
    assert len(data.indicators) >= 20
    assert data.planner is not None and len(data.planner.items) >= 10
    assert data.budget is not None and data.training


def test_every_plan_and_priority_has_a_page(example_site: Path, data: BoardData) -> None:
    for plan in data.plans:
        home = page(example_site, url(links.plan_home(plan.id)))
        assert plan.title in home.title.text
        for priority in plan.priorities:
            html = page(example_site, url(links.priority(plan.id, priority.slug)))
            refs = {h.text.strip() for h in html.select(".ps-ref")}
            assert {a.ref for a in priority.all_actions} <= refs


def test_actions_csv_has_one_row_per_action(example_site: Path, data: BoardData) -> None:
    raw = (example_site / "data" / "actions.csv").read_bytes()
    assert raw.endswith(b"\r\n")  # RFC 4180 line ends
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == sum(len(p.actions) for p in data.plans)
    expected = {(p.id, a.ref, a.status or "") for p in data.plans for a in p.actions}
    assert {(r["plan_id"], r["action_ref"], r["status_key"]) for r in rows} == expected


def test_home_page_figures_come_from_the_data(example_site: Path, data: BoardData) -> None:
    home = page(example_site, "").get_text(" ")
    assert f"{len(data.current_plan.actions)} actions" in home
