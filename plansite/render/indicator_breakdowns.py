"""A breakdown's latest figures in words: each group's latest local figure and how it moved
since the period before, as the indicator's own "Latest figure" says it for the whole."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.comparison import direction
from plansite.model.indicators import Indicator
from plansite.model.periods import period_key
from plansite.render.indicator_figures import travel_words
from plansite.render.indicator_values import categories_of, cell_text, shown
from plansite.words.wording import word


@dataclass(frozen=True)
class BreakdownLatest:
    heading: str  # "Latest figures by ethnicity"
    lines: list[str]  # "White: 212 in 2025-26, compared with 230 in 2024-25 (down)."


def breakdown_latest(site: BoardData, indicator: Indicator, dimension: str) -> BreakdownLatest:
    local = [
        v for v in site.values_for(indicator.key) if v.dimension == dimension and v.area == "local"
    ]
    lines = []
    for category in categories_of(local):
        ordered = sorted(
            (v for v in local if v.category == category),
            key=lambda v: period_key(v.period, indicator.period_type),
        )
        last = ordered[-1]
        said = word(
            "indicator_breakdowns",
            "latest",
            group=category,
            figure=cell_text(site, indicator, last),
            period=last.period,
        )
        if len(ordered) > 1:
            before = ordered[-2]
            said += word(
                "indicators_page",
                "compared_with_in",
                previous_text=cell_text(site, indicator, before),
                previous_period=before.period,
            )
            now, then = shown(site, last), shown(site, before)
            if now is not None and then is not None:
                said += f" ({travel_words(direction(now, then, indicator.polarity))})"
        lines.append(f"{said}.")
    return BreakdownLatest(word("indicator_breakdowns", "heading", dimension=dimension), lines)
