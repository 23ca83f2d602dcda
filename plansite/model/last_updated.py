"""When a page's data was last updated, read from the data itself (never the machine's clock,
so a rebuild of the same data says the same): a plan's progress date, an indicator's latest
period."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.dates import Day, parse_day
from plansite.model.indicators import Indicator, Value
from plansite.model.periods import period_key, period_start
from plansite.model.plan import Plan


@dataclass(frozen=True)
class IndicatorUpdate:
    """The latest period an indicator has figures for; `day` when that period is a date."""

    period: str
    period_type: str
    day: Day | None


def plan_updated(plan: Plan) -> Day | None:
    """The plan's `as_at:` date, else its latest dated update, at the precision written (a
    month stays a month); None when the plan records no progress."""
    if plan.as_at is not None:
        return parse_day(plan.as_at)
    days = [u.day for a in plan.actions for u in a.updates]
    # a month counts to its last day, so "2025-12" is later than 15 December 2025
    return max(days, key=lambda d: d.month_end if d.precision == "month" else d.value, default=None)


def indicator_updated(indicator: Indicator, values: list[Value]) -> IndicatorUpdate | None:
    """The latest period with a figure, in any area, by its start date (see periods.py)."""
    latest = max(
        (v.period for v in values), default=None, key=lambda p: period_key(p, indicator.period_type)
    )
    if latest is None:
        return None
    start = period_start(latest, indicator.period_type)
    day = Day(start, "day") if indicator.period_type == "as_at" and start else None
    return IndicatorUpdate(latest, indicator.period_type, day)
