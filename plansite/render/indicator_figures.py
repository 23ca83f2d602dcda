"""An indicator's latest figure in words: its change since the period before and how it
compares with England, statistical neighbours and the region. The narrative macros and the
pages say the same."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.comparison import Travel, direction, judgement
from plansite.model.disclosure import SUPPRESSED
from plansite.model.indicators import Indicator
from plansite.model.periods import period_key
from plansite.render.indicator_values import (
    areas_of,
    cell_text,
    comparator_name,
    find,
    latest_at,
    shown,
)
from plansite.words.wording import word, words


@dataclass(frozen=True)
class Comparison:
    area: str  # e.g. "England", or a comparator as the board names it
    words: str  # "better than", "similar to", "worse than", "higher than", ...
    value_text: str  # with the comparator's own period when it is not the local figure's


@dataclass(frozen=True)
class Latest:
    period: str
    text: str
    previous_period: str
    previous_text: str
    direction: str  # "up, better", "down", "no change", or "" when it cannot be said
    comparisons: list[Comparison]


def value_for(
    site: BoardData, ref: str, period: str, area: str = "local", category: str = ""
) -> str:
    """One figure as published: the narrative macro and the pages say the same."""
    indicator = site.indicator_by_ref[ref]
    value = find(site, ref, period, area, category)
    if value is None:
        raise LookupError(f"indicator_values.csv has no {ref} value for {period} {area} {category}")
    return cell_text(site, indicator, value)


def compared_with(site: BoardData, ref: str, area: str = "england") -> str:
    """The catalogue's words for the latest figure, e.g. "better than England" or "[c]"."""
    found = latest(site, site.indicator_by_ref[ref])
    name = words("comparators").get(area)
    comparison = next((c for c in found.comparisons if c.area == name), None) if found else None
    if comparison is None:
        raise LookupError(f"{ref} has no {area} value for its latest local period")
    if site.indicator_by_ref[ref].unit == "count":
        raise LookupError(f"{ref} is a count, and counts are not compared in words")
    return f"{comparison.words} {name}" if comparison.words else SUPPRESSED


def latest(site: BoardData, indicator: Indicator) -> Latest | None:
    """The latest local value, its change since the period before, and its comparisons."""
    if indicator.kind != "series":
        return None
    values = site.values_for(indicator.key)
    local = [v for v in values if v.area == "local" and not v.dimension]
    if not local:
        return None
    ordered = sorted(local, key=lambda v: period_key(v.period, indicator.period_type))
    last = ordered[-1]
    last_value = shown(site, last)
    previous = ordered[-2] if len(ordered) > 1 else None
    previous_value = shown(site, previous)
    moved = ""
    if last_value is not None and previous_value is not None:
        moved = travel_words(direction(last_value, previous_value, indicator.polarity))
    comparisons = []
    for area in areas_of([v for v in values if not v.dimension]):
        other = latest_at(site, indicator.key, last.period, area) if area != "local" else None
        if other is None:
            continue
        other_value = shown(site, other)
        said = ""
        # A count is not compared in words: England's or neighbours' populations differ in size.
        if last_value is not None and other_value is not None and indicator.unit != "count":
            said = word("comparison", judgement(last_value, other_value, indicator.polarity))
        text = cell_text(site, indicator, other)
        if other.period != last.period:
            text = f"{text} ({other.period})"
        comparisons.append(Comparison(comparator_name(area), said, text))
    return Latest(
        period=last.period,
        text=cell_text(site, indicator, last),
        previous_period=previous.period if previous else "",
        previous_text=cell_text(site, indicator, previous) if previous else "",
        direction=moved,
        comparisons=comparisons,
    )


def travel_words(travel: Travel) -> str:
    """e.g. "up, better", "down", "no change"."""
    moved = word("direction", travel.moved)
    if not travel.judged:
        return moved
    return word("direction", "judged", moved=moved, judgement=word("direction", travel.judged))
