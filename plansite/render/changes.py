"""The "what changed" page: per quarter, the updates dated in it and the status changes."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.plan import Plan
from plansite.model.progress import periods
from plansite.render.plans import action_href
from plansite.render.templates import render


def changes_page(site: BoardData, plan: Plan, here: str) -> str:
    return render(
        "plans/changes.html",
        plan=plan,
        periods=periods(plan),
        home_href=links.href(here, links.plan_home(plan.id)),
        action_href=lambda action: action_href(plan, action, here),
        find_status=plan.vocabulary.find,
    )
