"""The "needs attention" page at the plan's "as at" date: overdue actions still marked on track
(first, under their own heading), then overdue, quiet and worsening actions."""

from __future__ import annotations

from macros.model import links
from macros.model.board_data import BoardData
from macros.model.plan import Plan
from macros.model.progress import needs_attention, on_track_status, status_of
from macros.render.contradictions import contradiction_words
from macros.render.plans import action_href, leads
from macros.render.templates import render


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
