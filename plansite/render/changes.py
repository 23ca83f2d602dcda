"""The "what changed" page: per quarter, the updates dated in it and the status changes. A plan
listing more than plansite/model/changes_size.py's limit has it a quarter a page: the latest
quarter in full with a list of the earlier ones, each on its own page (`quarter_page`)."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.changes_size import changes_count, quarter_pages
from plansite.model.plan import Plan
from plansite.model.progress import periods
from plansite.render.plans import action_href
from plansite.render.templates import render


def changes_page(site: BoardData, plan: Plan, here: str) -> str:
    earlier = quarter_pages(plan)
    shown = periods(plan)[:1] if earlier else periods(plan)
    return render(
        "plans/changes.html",
        plan=plan,
        periods=shown,
        earlier=[
            (period, links.href(here, quarter_path(plan, period.anchor))) for period in earlier
        ],
        entries=changes_count(plan) if earlier else 0,
        home_href=links.href(here, links.plan_home(plan.id)),
        action_href=lambda action: action_href(plan, action, here),
        find_status=plan.vocabulary.find,
    )


def quarter_page(site: BoardData, plan: Plan, here: str, anchor: str) -> str:
    """One earlier quarter of a plan whose What changed is published a quarter a page."""
    period = next(p for p in quarter_pages(plan) if p.anchor == anchor)
    return render(
        "plans/changes_quarter.html",
        plan=plan,
        period=period,
        every_href=links.href(here, links.plan_page(plan.id, "what-changed")),
        home_href=links.href(here, links.plan_home(plan.id)),
        action_href=lambda action: action_href(plan, action, here),
        find_status=plan.vocabulary.find,
    )


def quarter_path(plan: Plan, anchor: str) -> str:
    return links.what_changed_quarter(plan.id, anchor)
