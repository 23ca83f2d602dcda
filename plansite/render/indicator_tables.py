"""An indicator's figures as tables: a series by period and area, a distribution by category
(with each count's share of the total)."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED
from plansite.model.indicators import Indicator
from plansite.render.figures import percent_text, unit_words, value_text
from plansite.render.indicator_values import (
    area_label,
    areas_of,
    categories_of,
    cell_text,
    find,
    periods_of,
    shown,
)
from plansite.render.tables import Row, Table
from plansite.render.text import plain
from plansite.words.wording import word


def series_table(site: BoardData, indicator: Indicator) -> Table:
    values = [v for v in site.values_for(indicator.key) if not v.dimension]
    areas = areas_of(values)
    rows = []
    for period in periods_of(values):
        cells = [cell_text(site, indicator, find(site, indicator.key, period, a)) for a in areas]
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
) -> tuple[list[tuple[str, float | None, float | None, str]], float | None]:
    """(category, published value, published share of the total, words) per category, and the
    total; `words` is a value written in words ("not available"), shown instead of a figure.

    Shares are only worked out for counts; a share hides with its count, all hide with the total.
    """
    rows = [v for v in site.values_for(indicator.key) if (v.period, v.area) == (period, area)]
    total_hidden = site.disclosure.total_hidden(indicator.key, period, area)
    total = sum(v.value for v in rows if v.value is not None)
    cells = []
    for value in rows:
        published = shown(site, value)
        share = None
        if indicator.unit == "count" and published is not None and not total_hidden:
            share = 100 * published / total if total else 0.0
        cells.append((value.category, published, share, value.word))
    return cells, (None if total_hidden else total)


def distribution_table(site: BoardData, indicator: Indicator, period: str) -> Table:
    values = [v for v in site.values_for(indicator.key) if v.period == period]
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
        by_category = {c: (v, s, w) for c, v, s, w in cells}
        for category in categories:
            if category not in by_category:
                grid[category] += ["", ""] if is_count else [""]
                continue
            published, share, in_words = by_category[category]
            grid[category].append(in_words or value_text(published, indicator.unit))
            if is_count:
                grid[category].append("" if in_words else percent_text(share))
        if is_count:
            totals += [value_text(total, "count"), "100.0%" if total is not None else SUPPRESSED]
    return Table(
        caption=f"{plain(indicator.title)}, {period}",
        columns=columns,
        rows=[Row(c, grid[c]) for c in categories],
        total=Row(word("indicator_tables", "total"), totals) if is_count else None,
    )


def dimensions_of(site: BoardData, indicator: Indicator) -> list[str]:
    """The breakdowns of a series (age band, cohort), in the order the data first has them."""
    return list(dict.fromkeys(v.dimension for v in site.values_for(indicator.key) if v.dimension))


def breakdown_table(site: BoardData, indicator: Indicator, dimension: str) -> Table:
    """One breakdown over time: a row per group and period, a column per area."""
    values = [v for v in site.values_for(indicator.key) if v.dimension == dimension]
    areas = areas_of(values)
    rows = []
    for category in categories_of(values):
        for period in periods_of([v for v in values if v.category == category]):
            cells = [
                cell_text(
                    site, indicator, find(site, indicator.key, period, a, category, dimension)
                )
                for a in areas
            ]
            rows.append(Row(f"{category}, {period}", cells))
    return Table(
        caption=word(
            "indicator_tables",
            "by_group",
            title=plain(indicator.title),
            dimension=dimension,
            unit=unit_words(indicator.unit),
        ),
        columns=[word("indicator_tables", "group_period"), *(area_label(site, a) for a in areas)],
        rows=rows,
    )


def indicator_name(indicator: Indicator) -> str:
    """ "N12 a: Physical", or the title alone for a row the document gives no ref."""
    title = plain(indicator.title)
    return f"{indicator.ref}: {title}" if indicator.ref else title


def rows_under_table(site: BoardData, indicator: Indicator, rows: list[Indicator]) -> Table:
    """The rows under an indicator (N12 a to N12 d under N12), the board's own figures by
    period, as the document lays them out."""
    local = [
        v
        for row in rows
        for v in site.values_for(row.key)
        if v.area == "local" and not v.dimension and not v.category
    ]
    periods = periods_of(local)
    return Table(
        caption=word("indicator_tables", "rows_under", title=plain(indicator.title)),
        columns=[word("indicator_tables", "indicator"), *periods],
        rows=[
            Row(
                indicator_name(row),
                [cell_text(site, row, find(site, row.key, p)) for p in periods],
            )
            for row in rows
        ],
    )
