"""The "what changed" page: per quarter, the updates dated in it and the status changes. A plan
listing more than plansite/model/changes_size.py's limit has it a quarter a page: the latest
quarter in full with a list of the earlier ones, each on its own page (`quarter_page`)."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.changes_size import QuarterPage, changes_count, quarter_pages
from plansite.model.plan import Plan
from plansite.model.progress import Period, periods
from plansite.render.plans import action_href
from plansite.render.templates import render


def changes_page(site: BoardData, plan: Plan, here: str) -> str:
    found = periods(plan)
    earlier = [(period, links.href(here, page.path)) for period, page in _paged(plan)]
    return render(
        "plans/changes.html",
        plan=plan,
        periods=found[:1] if earlier else found,
        earlier=earlier,
        entries=changes_count(plan) if earlier else 0,
        home_href=links.href(here, links.plan_home(plan.id)),
        action_href=lambda action: action_href(plan, action, here),
        find_status=plan.vocabulary.find,
    )


def quarter_page(site: BoardData, plan: Plan, here: str, anchor: str) -> str:
    """One earlier quarter of a plan whose What changed is published a quarter a page."""
    period = next(period for period, page in _paged(plan) if page.anchor == anchor)
    return render(
        "plans/changes_quarter.html",
        plan=plan,
        period=period,
        every_href=links.href(here, links.plan_page(plan.id, "what-changed")),
        home_href=links.href(here, links.plan_home(plan.id)),
        action_href=lambda action: action_href(plan, action, here),
        find_status=plan.vocabulary.find,
    )


def _paged(plan: Plan) -> list[tuple[Period, QuarterPage]]:
    """The earlier quarters that have pages of their own, each with its period: the same
    quarters, newest first, found from the updates' dates alone."""
    pages = quarter_pages(plan)
    return list(zip(periods(plan)[1:], pages, strict=True)) if pages else []
