"""The "Last updated" line at the foot of each plan and indicator page, from the data."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.model.indicators import Indicator
from plansite.model.last_updated import indicator_updated, plan_updated
from plansite.model.plan import Plan
from plansite.render.templates import render
from plansite.words.wording import word


def plan_line(plan: Plan) -> str:
    return render("shared/last_updated.html", day=plan_updated(plan), indicator_update=None)


def indicator_line(site: BoardData, indicator: Indicator) -> str:
    found = indicator_updated(indicator, site.values_for(indicator.key))
    period_type = word("shared_last_updated", "period_types", found.period_type) if found else ""
    return render(
        "shared/last_updated.html", day=None, indicator_update=found, period_type=period_type
    )
