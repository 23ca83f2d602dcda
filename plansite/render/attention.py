"""The "needs attention" page at the plan's "as at" date: overdue actions still marked on track
(first, under their own heading), then overdue, quiet and worsening actions."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.plan import Plan
from plansite.model.progress import needs_attention, on_track_status, status_of
from plansite.render.contradictions import contradiction_words
from plansite.render.plans import action_href, leads
from plansite.render.templates import render


def attention_page(site: BoardData, plan: Plan, here: str) -> str:
    return render(
        "plans/attention.html",
        plan=plan,
        attention=needs_attention(plan),
        on_track=on_track_status(plan),
        contradiction_words=contradiction_words,
        home_href=links.href(here, links.plan_home(plan.id)),
        action_href=lambda action: action_href(plan, action, here),
        status_of=lambda action: status_of(plan, action),
        leads=lambda action: leads(site, action, here),
    )
