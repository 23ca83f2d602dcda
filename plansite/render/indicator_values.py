"""An indicator's values: which areas, periods and categories it has, one value found, and a
value as published (through the site's Disclosure: a suppressed count is None; a value written
in words is shown as its words, never as a figure)."""

from __future__ import annotations

from typing import get_args

from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED
from plansite.model.indicators import AREAS, Indicator, Unit, Value
from plansite.model.periods import period_id, period_key, period_start
from plansite.render.figures import number, value_text
from plansite.words.wording import word, words

UNITS = set(get_args(Unit))


def area_label(site: BoardData, area: str) -> str:
    """The heading of an area's column: the board's own area, e.g. "England", or a comparator
    as the board names it."""
    if area == "local":
        return site.board.area
    return word("areas", area) if area in AREAS else area


def comparator_name(area: str) -> str:
    """A comparator in running text: "statistical neighbours", or the board's own name."""
    return str(words("comparators").get(area, area))


def areas_of(values: list[Value]) -> list[str]:
    """Local and the national comparators first, then the board's own in the order written."""
    present = list(dict.fromkeys(v.area for v in values))
    return [a for a in AREAS if a in present] + [a for a in present if a not in AREAS]


def periods_of(values: list[Value]) -> list[str]:
    """In order of their start dates (see plansite/model/periods.py); a period written two ways
    is one period, labelled as the board's own figures write it."""
    labels: dict[str, str] = {}
    for value in sorted(values, key=lambda v: v.is_comparator):  # local wording first
        labels.setdefault(period_id(value.period), value.period)
    return sorted(labels.values(), key=period_key)


def categories_of(values: list[Value]) -> list[str]:
    return list(dict.fromkeys(v.category for v in values))


def find(
    site: BoardData,
    ref: str,
    period: str,
    area: str = "local",
    category: str = "",
    dimension: str = "",
) -> Value | None:
    wanted = period_id(period)
    for value in site.values_for(ref):
        if (value.area, value.category, value.dimension) == (area, category, dimension) and (
            value.period == period or period_id(value.period) == wanted
        ):
            return value
    return None


def latest_at(site: BoardData, ref: str, period: str, area: str) -> Value | None:
    """A comparator's figure for `period`, or else its latest one that starts no later: boards
    compare this year's figure with the last national figure published."""
    exact = find(site, ref, period, area)
    if exact is not None or area == "local":
        return exact
    start = period_start(period)
    if start is None:
        return None
    earlier = [
        v
        for v in site.values_for(ref)
        if v.area == area
        and not v.category
        and (found := period_start(v.period)) is not None
        and found <= start
    ]
    return max(earlier, key=lambda v: period_key(v.period)) if earlier else None


def shown(site: BoardData, value: Value | None) -> float | None:
    """The figure as published: None where it is suppressed or written in words."""
    return None if value is None else site.disclosure.published(value)


def second_text(site: BoardData, value: Value, indicator: Indicator) -> str:
    """The second figure, as its unit writes it ("28.7%") or with its words ("4 modifiable");
    [c] when it is a small count."""
    if value.second_value is None:
        return ""
    second = site.disclosure.second_published(value)
    if indicator.second_unit in UNITS:
        return value_text(second, indicator.second_unit)
    figure = SUPPRESSED if second is None else number(second)
    return f"{figure} {indicator.second_unit}".strip()


def cell_text(site: BoardData, indicator: Indicator, value: Value | None) -> str:
    """A value as every table, page and download shows it: the figure in its unit, with its
    second figure in brackets; its words when it is written in words; [c] when suppressed."""
    if value is None:
        return ""
    if value.word:
        return value.word
    published = shown(site, value)
    if published is None:
        return SUPPRESSED  # the second figure goes with it: a share of a hidden count
    text = value_text(published, indicator.unit, value.places)
    second = second_text(site, value, indicator)
    if second:
        text = f"{text} ({second})"
    if value.note:
        text = f"{text} ({value.note})"
    return text
