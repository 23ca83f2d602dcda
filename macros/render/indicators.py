"""Indicator catalogue and indicator pages: latest values, comparisons, charts and tables.

Every number passes through the site's Disclosure first, so a suppressed count reaches the
page, the chart and its description only as [c]. The parts: indicator_values.py (finding
values), indicator_figures.py (the latest figure in words), indicator_tables.py and
indicator_charts.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from macros.model import links
from macros.model.board_data import BoardData
from macros.model.comparison import SIMILAR_WITHIN
from macros.model.disclosure import SUPPRESSED
from macros.model.indicators import Indicator, theme_ids
from macros.render.indicator_charts import distribution_chart, series_chart
from macros.render.indicator_figures import Latest, latest
from macros.render.indicator_tables import distribution_table, series_table
from macros.render.indicator_values import periods_of
from macros.render.tables import Table
from macros.render.templates import render
from macros.render.wording import word


def suppressed_note(site: BoardData) -> str:
    """What [c] means, below a table that shows it."""
    below = str(site.disclosure.suppress_below)
    return word("indicator_tables", "suppressed", mark=SUPPRESSED, below=below)


@dataclass(frozen=True)
class LinkedAction:
    label: str
    title: str
    href: str


def linked_actions(site: BoardData, indicator: Indicator, here: str) -> list[LinkedAction]:
    found = []
    for plan, action in site.actions_naming(indicator.ref):
        target = links.priority(plan.id, action.priority.slug)
        found.append(
            LinkedAction(
                f"{plan.title}, action {action.ref}" if action.ref else plan.title,
                action.title,
                links.href(here, target, action.anchor),
            )
        )
    return found


def catalogue(site: BoardData, here: str) -> str:
    themes: dict[str, list[tuple[Indicator, str, Latest | None]]] = {}
    for indicator in site.indicators:
        href = links.href(here, links.indicator(indicator.slug))
        themes.setdefault(indicator.theme, []).append((indicator, href, latest(site, indicator)))
    return render(
        "indicators/catalogue.html",
        themes=[
            (theme, anchor, rows)
            for (theme, rows), anchor in zip(
                themes.items(), theme_ids(site.indicators), strict=True
            )
        ],
        similar_percent=round(SIMILAR_WITHIN * 100),
        explanation=suppressed_note(site),
        area=site.board.area,
    )


def indicator_page(site: BoardData, indicator: Indicator, here: str) -> str:
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
        explanation=suppressed_note(site) if has_hidden else "",
        similar_percent=round(SIMILAR_WITHIN * 100),
        area=site.board.area,
    )
