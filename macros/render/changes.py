"""The "what changed" page: per quarter, the updates dated in it and the status changes."""

from __future__ import annotations

from macros.model import links
from macros.model.board_data import BoardData
from macros.model.plan import Plan
from macros.model.progress import periods
from macros.render.plans import action_href
from macros.render.templates import render


def changes_page(site: BoardData, plan: Plan, here: str) -> str:
    return render(
        "plans/changes.html",
        plan=plan,
        periods=periods(plan),
        home_href=links.href(here, links.plan_home(plan.id)),
        action_href=lambda action: action_href(plan, action, here),
        find_status=plan.vocabulary.find,
    )
