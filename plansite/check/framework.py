"""Checks of a performance framework's shape: indicators under a parent, periods whose start
cannot be worked out, breakdown rows."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from plansite.model.base import Model
from plansite.model.board_data import BoardData
from plansite.model.disproportionality import all_group_rates
from plansite.model.indicators import AREA_NAMES, AREAS
from plansite.model.periods import period_start, unclear_period

Add = Callable[[Model, str | None, str], None]


def check_framework(site: BoardData, add: Add, advise: Add) -> None:
    keys = {i.key for i in site.indicators}
    for indicator in site.indicators:
        if not indicator.key:
            add(indicator, "title", "this indicator has no ref; give it an `id:` (a short name "
                "used in indicator_values.csv) and leave `ref:` empty if the document has none")  # fmt: skip
        if indicator.parent and indicator.parent not in keys:
            add(indicator, "parent", f"parent `{indicator.parent}` is not an indicator in "
                "indicators.yml; write the ref (or id) of the indicator this row is under")  # fmt: skip
        if indicator.target is not None and not indicator.target.aim(indicator.polarity):
            add(indicator, "target", f"indicator {indicator.ref or indicator.key}'s target has no "
                "direction and the indicator no polarity: write `direction: at_least` (reach it "
                "or go above) or `direction: at_most` under `target:`")  # fmt: skip
        if indicator.parent == indicator.key and indicator.key:
            add(indicator, "parent", "an indicator cannot be its own parent")
    _group_rates(site, advise)
    _named_comparators(site, advise)
    unclear: set[tuple[str, str]] = set()
    for value in site.values:
        found = site.indicator_by_ref.get(value.indicator)
        if found is None:
            continue  # reported with the other references
        if period_start(value.period, found.period_type) is None:
            if (value.indicator, value.period) not in unclear:
                advise(value, None, unclear_period(value.period))
            unclear.add((value.indicator, value.period))
        if value.dimension and not value.category:
            add(value, None, f"{value.indicator}: a breakdown row names its `dimension` "
                f"({value.dimension}) and its group in `category` (e.g. Under 5); fill in "
                "`category`")  # fmt: skip


def _group_rates(site: BoardData, advise: Add) -> None:
    """What is missing to compare each group's rate with all children's."""
    for rates in all_group_rates(site):
        if not rates.missing:
            continue
        indicator = rates.indicator
        advise(indicator, "ref", f"indicator {indicator.ref or indicator.key}'s breakdown by "
               f"{rates.dimension} ({rates.period}) cannot show each group's rate against all "
               "children's: indicator_population.csv has no population for "
               f"{', '.join(rates.missing)} (area local, period {rates.period}, dimension "
               f"{rates.dimension}); add a row for each (area,period,dimension,category,"
               "population), and `All children` for the whole area")  # fmt: skip


def _named_comparators(site: BoardData, advise: Add) -> None:
    """A comparator the board names itself ("Westbridge", "South West") is published as a
    column of its own, as written; one that looks like a mistyped "England" or "neighbours" is
    advised on once, with its line, so the typo does not pass unseen."""
    seen: set[str] = set()
    for value in site.values:
        if value.area in AREAS or value.area in seen:
            continue
        seen.add(value.area)
        close = difflib.get_close_matches(value.area.lower(), list(AREA_NAMES), n=1, cutoff=0.75)
        if close:
            advise(value, None, f"`{value.area}` is published as a comparator of its own, named "
                   f"as written; if you meant `{close[0]}`, correct it")  # fmt: skip
