"""Checks of a performance framework's shape: indicators under a parent, periods whose start
cannot be worked out, breakdown rows."""

from __future__ import annotations

from collections.abc import Callable

from macros.model.base import Model
from macros.model.board_data import BoardData
from macros.model.periods import period_start, unclear_period

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
        if indicator.parent == indicator.key and indicator.key:
            add(indicator, "parent", "an indicator cannot be its own parent")
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
