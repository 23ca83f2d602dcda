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


def test_a_field_set_once_loaded_is_the_object_s_own() -> None:
    """The loader makes a plan current once loaded; tests and imports change actions."""
    site = load_board_data(ROOT / "data")
    plan = max(site.plans, key=lambda p: len(p.actions))
    first, *others = [a for a in plan.actions if a.impact is None]
    assert first.model_fields_set is others[0].model_fields_set
    first.impact = "green"
    assert "impact" in first.model_fields_set
    assert all("impact" not in a.model_fields_set for a in others)


def test_a_copy_of_a_loaded_object_takes_new_values() -> None:
    """`model_copy(update=...)` adds the names it updates to the copy's set (the planner's
    calendars copy their events): the copy gets a set of its own, the original keeps its share."""
    site = load_board_data(ROOT / "data")
    plan = max(site.plans, key=lambda p: len(p.actions))
    first, second = [a for a in plan.actions if a.impact is None][:2]
    for deep in (False, True):
        copy = first.model_copy(update={"impact": "green"}, deep=deep)
        assert copy.impact == "green" and "impact" in copy.model_fields_set
        assert "impact" not in first.model_fields_set
        assert first.model_fields_set is second.model_fields_set
