"""An indicator's chart (drawn by macros/render/charts.py, kept by chart_store.py) with a
description that says every figure in words. Each chart comes in two layouts, wide and narrow
(for a phone), one after the other; plansite.css shows the one that fits the screen."""

from __future__ import annotations

import math

from macros.model.board_data import BoardData
from macros.model.disclosure import SUPPRESSED
from macros.model.indicators import Indicator
from macros.render.chart_store import chart
from macros.render.figures import percent_text, unit_words, value_text
from macros.render.indicator_tables import distribution_cells
from macros.render.indicator_values import (
    area_label,
    areas_of,
    categories_of,
    find,
    periods_of,
    shown,
)
from macros.render.text import plain
from macros.render.wording import word


def _both_layouts(chart_name: str, ident: str, *args: object) -> str:
    wide = chart(chart_name, ident, *args, False)
    return wide + chart(chart_name, f"{ident}-narrow", *args, True)


def _with_suppressed_note(description: str, suppressed: bool) -> str:
    """The sentence "[c] is not published." only under a chart that shows a [c]."""
    if not suppressed:
        return description
    return f"{description} {word('indicator_charts', 'suppressed_note', suppressed=SUPPRESSED)}"


def series_chart(site: BoardData, indicator: Indicator, table: str = "") -> str:
    """The indicator's line chart; `table` says where its figures are in a table, when that is
    not the indicator page's table below the chart."""
    values = site.values_for(indicator.ref)
    periods = periods_of(values)
    lines = []
    sentences = []
    for area in areas_of(values):
        found = [find(site, indicator.ref, p, area) for p in periods]
        # None is a suppressed value ([c] on the chart); NaN is a period with no figure
        points = [shown(site, v) if v else math.nan for v in found]
        lines.append((area_label(site, area), points))
        said = "; ".join(
            f"{p}: {value_text(shown(site, v), indicator.unit)}"
            for p, v in zip(periods, found, strict=True)
            if v
        )
        sentences.append(f"{area_label(site, area)}: {said}.")
    title = word(
        "indicator_charts",
        "series_title",
        title=plain(indicator.title),
        first=periods[0],
        last=periods[-1],
    )
    description = word(
        "indicator_charts",
        "series_description",
        unit=unit_words(indicator.unit),
        figures=" ".join(sentences),
        table=table or word("indicator_charts", "table_below"),
    )
    suppressed = any(v is None for _, points in lines for v in points)
    return _both_layouts(
        "series_chart",
        f"chart-{indicator.slug}",
        title,
        _with_suppressed_note(description, suppressed),
        periods,
        lines,
        unit_words(indicator.unit),
    )


def distribution_chart(site: BoardData, indicator: Indicator, period: str) -> str:
    values = [v for v in site.values_for(indicator.ref) if v.period == period]
    categories = categories_of(values)
    is_count = indicator.unit == "count"
    bars = []
    sentences = []
    for area in areas_of(values):
        cells, _ = distribution_cells(site, indicator, period, area)
        by_category = {c: (s if is_count else v) for c, v, s in cells}
        heights = [by_category.get(c) for c in categories]
        texts = [percent_text(h) if is_count else value_text(h, indicator.unit) for h in heights]
        bars.append((area_label(site, area), heights, texts))
        said = "; ".join(f"{c}: {t}" for c, t in zip(categories, texts, strict=True))
        sentences.append(f"{area_label(site, area)}: {said}.")
    axis = word("indicator_charts", "share_axis") if is_count else unit_words(indicator.unit)
    description = word(
        "indicator_charts", "bar_description", axis=axis, figures=" ".join(sentences)
    )
    suppressed = any(text == SUPPRESSED for _, _, texts in bars for text in texts)
    return _both_layouts(
        "bar_chart",
        f"chart-{indicator.slug}",
        f"{plain(indicator.title)}, {period}",
        _with_suppressed_note(description, suppressed),
        categories,
        bars,
        axis,
    )
