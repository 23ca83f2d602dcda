"""An indicator's chart (drawn by plansite/render/charts.py, kept by chart_store.py) with a
description that says every figure in words. Each chart comes in two layouts, wide and narrow
(for a phone), one after the other; plansite.css shows the one that fits the screen."""

from __future__ import annotations

import math

from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED
from plansite.model.indicators import Indicator, Value
from plansite.model.slugs import slug
from plansite.render.chart_store import chart
from plansite.render.figures import percent_text, unit_words, value_text
from plansite.render.indicator_tables import distribution_cells
from plansite.render.indicator_values import (
    area_label,
    areas_of,
    categories_of,
    cell_text,
    find,
    periods_of,
    shown,
)
from plansite.render.text import plain
from plansite.words.wording import word


def _both_layouts(chart_name: str, ident: str, title: str, description: str, *args: object) -> str:
    wide = chart(chart_name, ident, title, description, *args, False)
    return wide + chart(chart_name, f"{ident}-narrow", title, description, *args, True)


def _with_suppressed_note(description: str, suppressed: bool) -> str:
    """The sentence "[c] is not published." only under a chart that shows a [c]."""
    if not suppressed:
        return description
    return f"{description} {word('indicator_charts', 'suppressed_note', suppressed=SUPPRESSED)}"


def series_chart(site: BoardData, indicator: Indicator, table: str = "") -> str:
    """The indicator's line chart; `table` says where its figures are in a table, when that is
    not the indicator page's table below the chart."""
    values = [v for v in site.values_for(indicator.key) if not v.dimension]
    periods = periods_of(values)
    lines = []
    sentences = []
    in_words = []
    for area in areas_of(values):
        found = [find(site, indicator.key, p, area) for p in periods]
        lines.append((area_label(site, area), _points(site, found)))
        said = "; ".join(
            f"{p}: {cell_text(site, indicator, v)}"
            for p, v in zip(periods, found, strict=True)
            if v
        )
        sentences.append(f"{area_label(site, area)}: {said}.")
        in_words += [
            f"{area_label(site, area)} {v.period}: {v.word}" for v in found if v and v.word
        ]
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
    if not _drawable(lines):
        return ""
    suppressed = any(v is None for _, points in lines for v in points)
    return _both_layouts(
        "series_chart",
        f"chart-{indicator.slug}",
        title,
        _with_words_note(_with_suppressed_note(description, suppressed), in_words),
        periods,
        lines,
        unit_words(indicator.unit),
    )


def _points(site: BoardData, found: list[Value | None]) -> list[float | None]:
    """None is a suppressed value ([c] on the chart); NaN is a period with no figure, or one
    written in words ("not available": left out of the line, never drawn as 0)."""
    return [math.nan if v is None or v.word else shown(site, v) for v in found]


def _drawable(lines: list[tuple[str, list[float | None]]]) -> bool:
    """A chart needs a figure to draw: not one written only in words ("not available")."""
    return any(v is None or not math.isnan(v) for _, points in lines for v in points)


def _with_words_note(description: str, in_words: list[str]) -> str:
    if not in_words:
        return description
    return f"{description} {word('indicator_charts', 'words_note', figures='; '.join(in_words))}"


def _breakdown_values(site: BoardData, indicator: Indicator, dimension: str) -> list[Value]:
    return [
        v for v in site.values_for(indicator.key) if v.dimension == dimension and v.area == "local"
    ]


def has_breakdown_chart(site: BoardData, indicator: Indicator, dimension: str) -> bool:
    """At least two periods, and a figure that is not only words."""
    values = _breakdown_values(site, indicator, dimension)
    return len(periods_of(values)) >= 2 and any(not v.word for v in values)


def breakdown_chart(site: BoardData, indicator: Indicator, dimension: str) -> str:
    """A breakdown over time: a line per group, for the board's own area (comparators are in
    the table); drawn only when the breakdown has at least two periods."""
    if not has_breakdown_chart(site, indicator, dimension):
        return ""
    values = _breakdown_values(site, indicator, dimension)
    periods = periods_of(values)
    lines = []
    sentences = []
    in_words = []
    for category in categories_of(values):
        found = [find(site, indicator.key, p, "local", category, dimension) for p in periods]
        lines.append((category, _points(site, found)))
        said = "; ".join(
            f"{p}: {cell_text(site, indicator, v)}"
            for p, v in zip(periods, found, strict=True)
            if v
        )
        sentences.append(f"{category}: {said}.")
        in_words += [f"{category} {v.period}: {v.word}" for v in found if v and v.word]
    title = word(
        "indicator_charts",
        "breakdown_title",
        title=plain(indicator.title),
        dimension=dimension,
        first=periods[0],
        last=periods[-1],
    )
    description = word(
        "indicator_charts",
        "breakdown_description",
        unit=unit_words(indicator.unit),
        dimension=dimension,
        area=site.board.area,
        figures=" ".join(sentences),
    )
    if not _drawable(lines):
        return ""
    suppressed = any(v is None for _, points in lines for v in points)
    return _both_layouts(
        "series_chart",
        f"chart-{indicator.slug}-{slug(dimension)}",
        title,
        _with_words_note(_with_suppressed_note(description, suppressed), in_words),
        periods,
        lines,
        unit_words(indicator.unit),
    )


def distribution_chart(site: BoardData, indicator: Indicator, period: str) -> str:
    values = [v for v in site.values_for(indicator.key) if v.period == period]
    categories = categories_of(values)
    is_count = indicator.unit == "count"
    bars = []
    sentences = []
    for area in areas_of(values):
        cells, _ = distribution_cells(site, indicator, period, area)
        by_category = {c: (s if is_count else v) for c, v, s, w in cells if not w}
        in_words = {c: w for c, _, _, w in cells if w}
        heights = [math.nan if c in in_words else by_category.get(c) for c in categories]
        texts = [
            in_words.get(c) or (percent_text(h) if is_count else value_text(h, indicator.unit))
            for c, h in zip(categories, heights, strict=True)
        ]
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
