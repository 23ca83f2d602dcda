"""An indicator's values: which areas, periods and categories it has, one value found, and a
value as published (through the site's Disclosure: a suppressed count is None)."""

from __future__ import annotations

from macros.model.board_data import BoardData
from macros.model.indicators import AREAS, Value
from macros.render.wording import word


def area_label(site: BoardData, area: str) -> str:
    """The heading of an area's column: the board's own area, or e.g. "England"."""
    return site.board.area if area == "local" else word("areas", area)


def areas_of(values: list[Value]) -> list[str]:
    present = {v.area for v in values}
    return [a for a in AREAS if a in present]


def periods_of(values: list[Value]) -> list[str]:
    return sorted({v.period for v in values})


def categories_of(values: list[Value]) -> list[str]:
    return list(dict.fromkeys(v.category for v in values))


def find(
    site: BoardData, ref: str, period: str, area: str = "local", category: str = ""
) -> Value | None:
    for value in site.values_for(ref):
        if (value.period, value.area, value.category) == (period, area, category):
            return value
    return None


def shown(site: BoardData, value: Value | None) -> float | None:
    return None if value is None else site.disclosure.published(value)
