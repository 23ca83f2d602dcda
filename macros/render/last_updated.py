"""The "Last updated" line at the foot of each plan and indicator page, from the data."""

from __future__ import annotations

from macros.model.board_data import BoardData
from macros.model.indicators import Indicator
from macros.model.last_updated import indicator_updated, plan_updated
from macros.model.plan import Plan
from macros.render.templates import render
from macros.render.wording import word


def plan_line(plan: Plan) -> str:
    return render("shared/last_updated.html", day=plan_updated(plan), indicator_update=None)


def indicator_line(site: BoardData, indicator: Indicator) -> str:
    found = indicator_updated(indicator, site.values_for(indicator.key))
    period_type = word("shared_last_updated", "period_types", found.period_type) if found else ""
    return render(
        "shared/last_updated.html", day=None, indicator_update=found, period_type=period_type
    )
