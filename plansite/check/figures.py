"""Figures that read as numbers but cannot be right: a percentage of 150, a count of -3, an
update dated 1925. Impossible figures are problems; unlikely ones are warnings."""

from __future__ import annotations

import re

from plansite.model.board_data import BoardData
from plansite.model.indicators import Thresholds
from plansite.model.plan import Plan
from plansite.read.problems import Problems

NEVER_NEGATIVE = {
    "rate_per_10000": "a rate",
    "rate_per_100000": "a rate",
    "count": "a count",
    "ratio": "a ratio",
    "days": "a number of days",
}
YEAR = re.compile(r"\b(19\d\d|20\d\d|21\d\d)\b")
# "2015-18", "2015/16", "2015–2018": a period's end year is often written with two digits
SHORT_END = re.compile(r"\b((?:19|20|21)\d\d)\s*(?:-|–|—|/|to)\s*(\d\d)\b")
MARGIN_YEARS = 1  # updates a year either side of the plan's period are usual (a late report)
DEFAULT_SUPPRESS_BELOW = Thresholds.model_fields["suppress_below"].default


def check_figures(site: BoardData, problems: Problems) -> None:
    for value in site.values:
        indicator = site.indicator_by_ref.get(value.indicator)
        if indicator is None or value.value is None:
            continue  # reported with the other references; a word ("not available") is no figure
        shown = f"{value.value:g}"
        if indicator.unit == "percent" and not 0 <= value.value <= 100:
            problems.add(value.source_file, value.line_of(), f"value {shown} is a percentage "
                         "and must be from 0 to 100; correct the figure")  # fmt: skip
        elif indicator.unit in NEVER_NEGATIVE and value.value < 0:
            problems.add(value.source_file, value.line_of(), f"value {shown} cannot be negative: "
                         f"{value.indicator} is {NEVER_NEGATIVE[indicator.unit]}; correct the "
                         "figure (leave the row out when there is none)")  # fmt: skip
    threshold = site.thresholds
    if threshold.suppress_below < DEFAULT_SUPPRESS_BELOW:
        problems.advise(
            threshold.source_file,
            threshold.line_of("suppress_below"),
            f"`suppress_below: {threshold.suppress_below}` is lower than the usual "
            f"{DEFAULT_SUPPRESS_BELOW}: counts from {threshold.suppress_below} to "
            f"{DEFAULT_SUPPRESS_BELOW - 1} will be published and could identify a child; use "
            f"{DEFAULT_SUPPRESS_BELOW} unless your data protection lead has agreed a lower one",
        )
    for plan in site.plans:
        _update_dates(plan, problems)


def period_years(period: str) -> list[int]:
    """Every year a period names, a two-digit end year read as its century's: "2015-18" gives
    2015 and 2018."""
    years = [int(y) for y in YEAR.findall(period)]
    for start, end in SHORT_END.findall(period):
        full = int(start) - int(start) % 100 + int(end)
        years.append(full if full >= int(start) else full + 100)  # "1999-01" ends in 2001
    return years


def _update_dates(plan: Plan, problems: Problems) -> None:
    """An update far outside the plan's period is usually a mistyped year (1925 for 2025)."""
    years = period_years(plan.period)
    first, last = (min(years), max(years)) if years else (plan.as_at_date.year - 10, 9999)
    for action in plan.actions:
        for update in action.updates:
            year = update.day.value.year
            if not first - MARGIN_YEARS <= year <= last + MARGIN_YEARS:
                problems.warn(
                    update.source_file,
                    update.line_of("date"),
                    f"update dated {update.date} is far outside the plan's period "
                    f"({plan.period or 'not given'}); check the year",
                )
