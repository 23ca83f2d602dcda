"""The loaded model holds what the pages need and little else (issue 26): objects written with
the same fields share one frozen set of their names, where pydantic keeps a set per object."""

from __future__ import annotations

from pathlib import Path

from plansite.load import load_board_data

ROOT = Path(__file__).resolve().parents[1]


def test_updates_written_alike_share_their_fields_set() -> None:
    site = load_board_data(ROOT / "data")
    plan = max(site.plans, key=lambda p: len(p.actions))
    updates = [u for a in plan.actions for u in a.updates]
    alike = [u for u in updates if u.model_fields_set == {"date", "text", "status"}]
    assert len(alike) > 10
    assert len({id(u.model_fields_set) for u in alike}) == 1  # within one file
    assert isinstance(alike[0].model_fields_set, frozenset)
    actions = [a for p in site.plans for a in p.actions]
    assert len({id(a.model_fields_set) for a in actions}) < len(actions) / 3


def test_a_plan_is_still_made_current_after_loading() -> None:
    """The file's own object keeps a set of its own: the loader sets `current` on it later."""
    site = load_board_data(ROOT / "data")
    for plan in site.plans:
        assert isinstance(plan.model_fields_set, set)
    plan = site.plans[0]
    plan.current = True
    assert "current" in plan.model_fields_set
