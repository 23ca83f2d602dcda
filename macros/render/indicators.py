"""Indicator catalogue and indicator pages: latest values, comparisons, charts and tables.

Every number passes through the site's Disclosure first, so a suppressed count reaches the
page, the chart and its description only as [c].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from macros.model.comparison import SIMILAR_WITHIN, direction, judgement
from macros.model.disclosure import SUPPRESSED
from macros.model.indicators import AREAS, Indicator, Value
from macros.model.site import Site
from macros.model.slugs import slug
from macros.render import links
from macros.render.chart_store import chart
from macros.render.figures import UNIT_WORDS, percent_text, value_text
from macros.render.tables import Row, Table
from macros.render.templates import render
from macros.render.text import plain

COMPARATORS = {"england": "England", "neighbours": "statistical neighbours", "region": "the region"}


@dataclass(frozen=True)
class Comparison:
    area: str  # e.g. "England"
    words: str  # "better than", "similar to", "worse than", "higher than", ...
    value_text: str


@dataclass(frozen=True)
class Latest:
    period: str
    text: str
    previous_period: str
    previous_text: str
    direction: str  # "up, better", "down", "no change", or "" when it cannot be said
    comparisons: list[Comparison]


@dataclass(frozen=True)
class LinkedAction:
    label: str
    title: str
    href: str


def area_label(site: Site, area: str) -> str:
    return {
        "local": site.board.area,
        "england": "England",
        "neighbours": "Statistical neighbours",
        "region": "Region",
    }[area]


def areas_of(values: list[Value]) -> list[str]:
    present = {v.area for v in values}
    return [a for a in AREAS if a in present]


def periods_of(values: list[Value]) -> list[str]:
    return sorted({v.period for v in values})


def categories_of(values: list[Value]) -> list[str]:
    return list(dict.fromkeys(v.category for v in values))


def find(
    site: Site, ref: str, period: str, area: str = "local", category: str = ""
) -> Value | None:
    for value in site.values_for(ref):
        if (value.period, value.area, value.category) == (period, area, category):
            return value
    return None


def shown(site: Site, value: Value | None) -> float | None:
    return None if value is None else site.disclosure.published(value)


def value_for(site: Site, ref: str, period: str, area: str = "local", category: str = "") -> str:
    """One figure as published: the narrative macro and the pages say the same."""
    indicator = site.indicator_by_ref[ref]
    value = find(site, ref, period, area, category)
    if value is None:
        raise LookupError(f"indicator_values.csv has no {ref} value for {period} {area} {category}")
    return value_text(shown(site, value), indicator.unit)


def compared_with(site: Site, ref: str, area: str = "england") -> str:
    """The catalogue's words for the latest figure, e.g. "better than England" or "[c]"."""
    found = latest(site, site.indicator_by_ref[ref])
    name = COMPARATORS.get(area)
    comparison = next((c for c in found.comparisons if c.area == name), None) if found else None
    if comparison is None:
        raise LookupError(f"{ref} has no {area} value for its latest local period")
    if site.indicator_by_ref[ref].unit == "count":
        raise LookupError(f"{ref} is a count, and counts are not compared in words")
    return f"{comparison.words} {name}" if comparison.words else SUPPRESSED


# --- series -----------------------------------------------------------------------------


def latest(site: Site, indicator: Indicator) -> Latest | None:
    """The latest local value, its change since the period before, and its comparisons."""
    if indicator.kind != "series":
        return None
    local = [v for v in site.values_for(indicator.ref) if v.area == "local"]
    if not local:
        return None
    ordered = sorted(local, key=lambda v: v.period)
    last = ordered[-1]
    last_value = shown(site, last)
    previous = ordered[-2] if len(ordered) > 1 else None
    previous_value = shown(site, previous)
    moved = ""
    if last_value is not None and previous_value is not None:
        moved = direction(last_value, previous_value, indicator.polarity)
    comparisons = []
    for area, name in COMPARATORS.items():
        other = find(site, indicator.ref, last.period, area)
        other_value = shown(site, other)
        if other is None:
            continue
        words = ""
        # A count is not compared in words: England's or neighbours' populations differ in size.
        if last_value is not None and other_value is not None and indicator.unit != "count":
            words = judgement(last_value, other_value, indicator.polarity)
        comparisons.append(Comparison(name, words, value_text(other_value, indicator.unit)))
    return Latest(
        period=last.period,
        text=value_text(last_value, indicator.unit),
        previous_period=previous.period if previous else "",
        previous_text=value_text(previous_value, indicator.unit) if previous else "",
        direction=moved,
        comparisons=comparisons,
    )


def series_table(site: Site, indicator: Indicator) -> Table:
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
        caption=f"{plain(indicator.title)}: {UNIT_WORDS[indicator.unit]} by period",
        columns=["Period", *(area_label(site, a) for a in areas)],
        rows=rows,
    )


def series_chart(site: Site, indicator: Indicator) -> str:
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
    title = f"{plain(indicator.title)}, {periods[0]} to {periods[-1]}"
    description = (
        f"Line chart of the {UNIT_WORDS[indicator.unit]} for each period. "
        + " ".join(sentences)
        + f" The same figures are in the table below the chart. {SUPPRESSED} is not published."
    )
    return chart(
        "series_chart",
        f"chart-{indicator.slug}",
        title,
        description,
        periods,
        lines,
        UNIT_WORDS[indicator.unit],
    )


# --- distributions ----------------------------------------------------------------------


def distribution_cells(
    site: Site, indicator: Indicator, period: str, area: str
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


def distribution_table(site: Site, indicator: Indicator, period: str) -> Table:
    values = [v for v in site.values_for(indicator.ref) if v.period == period]
    areas = areas_of(values)
    categories = categories_of(values)
    is_count = indicator.unit == "count"
    columns = ["Category"]
    for area in areas:
        name = area_label(site, area)
        columns += [f"{name}: number", f"{name}: %"] if is_count else [name]
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
        total=Row("Total", totals) if is_count else None,
    )


def distribution_chart(site: Site, indicator: Indicator, period: str) -> str:
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
    axis = "percentage of the total" if is_count else UNIT_WORDS[indicator.unit]
    return chart(
        "bar_chart",
        f"chart-{indicator.slug}",
        f"{plain(indicator.title)}, {period}",
        f"Bar chart of the {axis} in each category. "
        + " ".join(sentences)
        + f" The same figures are in the table below the chart. {SUPPRESSED} is not published.",
        categories,
        bars,
        axis,
    )


# --- pages ------------------------------------------------------------------------------


def linked_actions(site: Site, indicator: Indicator, here: str) -> list[LinkedAction]:
    found = []
    for plan, action in site.actions_naming(indicator.ref):
        target = links.priority(plan.id, action.priority.slug)
        found.append(
            LinkedAction(
                f"{plan.title}, action {action.ref}",
                action.title,
                links.href(here, target, action.anchor),
            )
        )
    return found


def catalogue(site: Site, here: str) -> str:
    themes: dict[str, list[tuple[Indicator, str, Latest | None]]] = {}
    for indicator in site.indicators:
        href = links.href(here, links.indicator(indicator.slug))
        themes.setdefault(indicator.theme, []).append((indicator, href, latest(site, indicator)))
    return render(
        "indicators/catalogue.html",
        themes=[(theme, slug(theme), rows) for theme, rows in themes.items()],
        similar_percent=round(SIMILAR_WITHIN * 100),
        explanation=site.disclosure.explanation,
        area=site.board.area,
    )


def indicator_page(site: Site, indicator: Indicator, here: str) -> str:
    values = site.values_for(indicator.ref)
    periods = periods_of(values)
    tables: list[Table] = []
    chart = ""
    if periods and indicator.kind == "series":
        tables = [series_table(site, indicator)]
        chart = series_chart(site, indicator)
    elif periods:
        chart = distribution_chart(site, indicator, periods[-1])
        tables = [distribution_table(site, indicator, p) for p in reversed(periods)]
    has_hidden = any(SUPPRESSED in cell for t in tables for r in t.rows for cell in r.cells)
    return render(
        "indicators/page.html",
        indicator=indicator,
        latest=latest(site, indicator),
        chart=Markup(chart),  # made by matplotlib; every text node escaped by ElementTree
        tables=tables,
        commentary=sorted(indicator.commentary, key=lambda c: c.period, reverse=True),
        actions=linked_actions(site, indicator, here),
        csv_href=links.href(here, links.indicator_csv(indicator.slug)),
        catalogue_href=links.href(here, links.indicators_index()),
        explanation=site.disclosure.explanation if has_hidden else "",
        similar_percent=round(SIMILAR_WITHIN * 100),
        area=site.board.area,
    )
