"""An indicator's figures as tables: a series by period and area, a distribution by category
(with each count's share of the total)."""

from __future__ import annotations

from macros.model.board_data import BoardData
from macros.model.disclosure import SUPPRESSED
from macros.model.indicators import Indicator
from macros.render.figures import percent_text, unit_words, value_text
from macros.render.indicator_values import (
    area_label,
    areas_of,
    categories_of,
    find,
    periods_of,
    shown,
)
from macros.render.tables import Row, Table
from macros.render.text import plain
from macros.render.wording import word


def series_table(site: BoardData, indicator: Indicator) -> Table:
    values = site.values_for(indicator.ref)
    areas = areas_of(values)
    rows = []
    for period in periods_of(values):
        cells = []
        for area in areas:
            value = find(site, indicator.ref, period, area)
            cells.append(value_text(shown(site, value), indicator.unit) if value else "")
        rows.append(Row(period, cells))
    return Table(
        caption=word(
            "indicator_tables",
            "by_period",
            title=plain(indicator.title),
            unit=unit_words(indicator.unit),
        ),
        columns=[word("indicator_tables", "period"), *(area_label(site, a) for a in areas)],
        rows=rows,
    )


def distribution_cells(
    site: BoardData, indicator: Indicator, period: str, area: str
) -> tuple[list[tuple[str, float | None, float | None]], float | None]:
    """(category, published value, published share of the total) per category, and the total.

    Shares are only worked out for counts; a share hides with its count, all hide with the total.
    """
    rows = [v for v in site.values_for(indicator.ref) if (v.period, v.area) == (period, area)]
    total_hidden = site.disclosure.total_hidden(indicator.ref, period, area)
    total = sum(v.value for v in rows)
    cells = []
    for value in rows:
        published = shown(site, value)
        share = None
        if indicator.unit == "count" and published is not None and not total_hidden:
            share = 100 * value.value / total if total else 0.0
        cells.append((value.category, published, share))
    return cells, (None if total_hidden else total)


def distribution_table(site: BoardData, indicator: Indicator, period: str) -> Table:
    values = [v for v in site.values_for(indicator.ref) if v.period == period]
    areas = areas_of(values)
    categories = categories_of(values)
    is_count = indicator.unit == "count"
    columns = [word("indicator_tables", "category")]
    for area in areas:
        name = area_label(site, area)
        count_columns = [word("indicator_tables", c, area=name) for c in ("number", "share")]
        columns += count_columns if is_count else [name]
    grid: dict[str, list[str]] = {c: [] for c in categories}
    totals: list[str] = []
    for area in areas:
        cells, total = distribution_cells(site, indicator, period, area)
        by_category = {c: (v, s) for c, v, s in cells}
        for category in categories:
            if category not in by_category:
                grid[category] += ["", ""] if is_count else [""]
                continue
            published, share = by_category[category]
            grid[category].append(value_text(published, indicator.unit))
            if is_count:
                grid[category].append(percent_text(share))
        if is_count:
            totals += [value_text(total, "count"), "100.0%" if total is not None else SUPPRESSED]
    return Table(
        caption=f"{plain(indicator.title)}, {period}",
        columns=columns,
        rows=[Row(c, grid[c]) for c in categories],
        total=Row(word("indicator_tables", "total"), totals) if is_count else None,
    )
