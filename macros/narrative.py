"""Macros for narrative pages in docs/: figures pulled from data, so prose never disagrees."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.model.site import Site


def narrative_macros(site: Site, here: Callable[[], str]) -> dict[str, Callable[..., Any]]:
    def action_count(plan_id: str = "", status: str = "") -> int:
        """How many actions a plan (the current one by default) has, optionally in one status."""
        plan = site.plan_by_id[plan_id] if plan_id else site.current_plan
        if not status:
            return len(plan.actions)
        return sum(1 for a in plan.actions if a.status and a.status.lower() == status.lower())

    return {"action_count": action_count}
