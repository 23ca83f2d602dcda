"""Needs attention and what changed, judged on a small plan with known cases (no build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.model.plan import Plan
from plansite.model.progress import needs_attention, periods, summary

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "plans-attention"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_board_data(FIXTURE).plan_by_id["plan-now"]


def test_overdue_stale_and_worsened_are_the_known_actions(plan: Plan) -> None:
    attention = needs_attention(plan)
    # 1.1 due Mar-26, 2.3 due 31 March 2026, 2.4 due Apr 26: none done by 30 June 2026.
    # 1.4 (due Jan 26) and 2.2 (due Sep 25) are done, so not overdue.
    assert [o.action.ref for o in attention.overdue] == ["1.1", "2.3", "2.4"]
    # stale_after_months is 3: 1.3 and 2.3 last spoke in Feb and Jan 2026, 2.4 never did;
    # 2.1 is new since May 2026, so it has had no time to report.
    # Longest silence first; an action that never reported comes last.
    assert [s.action.ref for s in attention.stale] == ["2.3", "1.3", "2.4"]
    assert [s.months for s in attention.stale] == [5, 4, 0]
    assert attention.stale[2].last is None
    # 1.2 went On track -> Off track and 2.3 On track -> Off track at the latest update.
    worse = [(w.action.ref, w.before.label, w.after.label) for w in attention.worsened]
    assert worse == [("1.2", "On track", "Off track"), ("2.3", "On track", "Off track")]
    # by anchor: two actions may be written with one ref
    assert attention.actions == {f"action-{r}" for r in ("1-1", "1-2", "1-3", "2-3", "2-4")}


def changed(plan: Plan, **fields: object) -> Plan:
    return Plan.model_validate({**plan.model_dump(), **fields})


def test_attention_follows_the_plans_as_at_date_not_the_clock(plan: Plan) -> None:
    later = changed(plan, as_at="2027-01-31")
    attention = needs_attention(later)
    # By January 2027 1.2 (Dec 26) and 1.3 (End of Nov 26) are overdue too.
    assert [o.action.ref for o in attention.overdue] == ["1.1", "2.3", "2.4", "1.3", "1.2"]
    earlier = changed(plan, as_at="2026-01-15")
    assert [o.action.ref for o in needs_attention(earlier).overdue] == []


def test_stale_threshold_comes_from_the_plan(plan: Plan) -> None:
    patient = changed(plan, stale_after_months=4)
    assert [s.action.ref for s in needs_attention(patient).stale] == ["2.3", "2.4"]


def test_what_changed_per_quarter(plan: Plan) -> None:
    found = periods(plan)
    assert [p.key for p in found] == ["2026 Q2", "2026 Q1", "2025 Q4"]
    assert [len(p.updates) for p in found] == [2, 5, 3]
    changes = [
        [
            (c.action.ref, c.before.key if c.before else None, c.after.key, c.worse)
            for c in p.changes
        ]
        for p in found
    ]
    assert changes[0] == [("1.1", None, "amber", False), ("1.2", "amber", "red", True)]
    assert changes[1] == [
        ("1.2", None, "amber", False),
        ("1.4", "amber", "green", False),
        ("2.2", None, "blue", False),
        ("2.3", "amber", "red", True),
    ]
    # 1.3 stayed On track through Q1: no change to report.
    assert ("1.3", "amber", "amber", False) not in changes[1]
    assert [c.before for c in found[2].changes] == [None, None, None]


def test_summary_counts_and_done(plan: Plan) -> None:
    counts = summary(plan, plan.actions)
    by_key = {c.status.key if c.status else None: c.count for c in counts.counts}
    assert by_key == {"blue": 1, "green": 1, "amber": 3, "red": 2, None: 1}
    assert (counts.done, counts.total, counts.unset) == (2, 8, 1)
    assert counts.worst is not None and counts.worst.count == 2
