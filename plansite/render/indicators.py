"""Indicator catalogue and indicator pages: latest values, comparisons, charts and tables.

Every number passes through the site's Disclosure first, so a suppressed count reaches the
page, the chart and its description only as [c]. The parts: indicator_values.py (finding
values), indicator_figures.py (the latest figure in words), indicator_tables.py and
indicator_charts.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.comparison import SIMILAR_WITHIN
from plansite.model.disclosure import SUPPRESSED
from plansite.model.indicators import Indicator, theme_ids
from plansite.render.indicator_breakdowns import BreakdownLatest, breakdown_latest
from plansite.render.indicator_charts import (
    breakdown_chart,
    distribution_chart,
    series_chart,
)
from plansite.render.indicator_figures import Latest, latest
from plansite.render.indicator_groups import GroupWords, group_words
from plansite.render.indicator_tables import (
    breakdown_table,
    dimensions_of,
    distribution_table,
    indicator_name,
    rows_under_table,
    series_table,
)
from plansite.render.indicator_targets import TargetWords, target_words
from plansite.render.indicator_values import areas_of, comparator_name, periods_of
from plansite.render.tables import Table
from plansite.render.templates import render
from plansite.words.wording import word


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
    for plan, action in site.actions_naming(indicator.key):
        target = links.priority(plan.id, action.priority.slug)
        found.append(
            LinkedAction(
                f"{plan.title}, action {action.ref}" if action.ref else plan.title,
                action.title,
                links.href(here, target, action.anchor),
            )
        )
    return found


def no_latest_note(site: BoardData, indicator: Indicator) -> str:
    """The catalogue's words for an indicator with no latest figure of its own."""
    if indicator.kind == "distribution":
        return word("indicators_catalogue", "figures_by_category_see_the")
    if rows_under(site, indicator) or any(v.dimension for v in site.values_for(indicator.key)):
        return word("indicators_catalogue", "figures_by_row_or_group")
    return word("indicators_catalogue", "no_figures_yet")


@dataclass(frozen=True)
class CatalogueColumn:
    """A comparator's column in the catalogue: its name as comparisons say it, and its heading."""

    name: str  # "England", "the region", "Westbridge (closest neighbour)"
    heading: str  # "Compared with England"


def comparator_columns(site: BoardData, indicators: list[Indicator]) -> list[CatalogueColumn]:
    """Every comparator these indicators have figures for: the national ones first, then the
    board's own in the order written, as on each indicator's page."""
    values = [v for i in indicators for v in site.values_for(i.key) if not v.dimension]
    headings = {"england": "compared_with_england", "neighbours": "compared_with_neighbours"}
    return [
        CatalogueColumn(
            comparator_name(area),
            word("indicators_catalogue", headings[area])
            if area in headings
            else word("indicators_catalogue", "compared_with", name=comparator_name(area)),
        )
        for area in areas_of(values)
        if area != "local"
    ]


def comparators_in_words(columns: list[CatalogueColumn]) -> str:
    """e.g. "England, statistical neighbours (the councils most like ours) and the region"."""
    names = [
        word("indicators_catalogue", "neighbours_explained") if c.name == comparator_name(
            "neighbours") else c.name
        for c in columns
    ]  # fmt: skip
    if len(names) < 2:
        return "".join(names)
    return word("indicators_catalogue", "and_list", first=", ".join(names[:-1]), last=names[-1])


def catalogue(site: BoardData, here: str) -> str:
    themes: dict[str, list[tuple[Indicator, str, Latest | None, str]]] = {}
    for indicator in site.indicators:
        href = links.href(here, links.indicator(indicator.slug))
        found = latest(site, indicator)
        note = "" if found else no_latest_note(site, indicator)
        themes.setdefault(indicator.theme, []).append((indicator, href, found, note))
    return render(
        "indicators/catalogue.html",
        themes=[
            (theme, anchor, rows, comparator_columns(site, [row[0] for row in rows]))
            for (theme, rows), anchor in zip(
                themes.items(), theme_ids(site.indicators), strict=True
            )
        ],
        similar_percent=round(SIMILAR_WITHIN * 100),
        explanation=suppressed_note(site),
        area=site.board.area,
        comparators=comparators_in_words(comparator_columns(site, site.indicators)),
    )


@dataclass(frozen=True)
class RowLink:
    name: str
    href: str


def rows_under(site: BoardData, indicator: Indicator) -> list[Indicator]:
    return [i for i in site.indicators if i.parent and i.parent == indicator.key]


@dataclass(frozen=True)
class PageParts:
    """What an indicator's page shows, in its order (its search entries are cut from the page)."""

    latest: Latest | None
    target: TargetWords | None
    parent: Indicator | None
    children: list[Indicator]  # the rows under it
    charts: list[str]  # SVG; the chart of a breakdown follows the indicator's own
    groups: list[GroupWords]  # each group's rate against all children's, per breakdown
    tables: list[Table]
    breakdowns: list[BreakdownLatest]  # each group's latest figure, per breakdown


def page_parts(site: BoardData, indicator: Indicator) -> PageParts:
    whole = [v for v in site.values_for(indicator.key) if not v.dimension]
    periods = periods_of(whole)
    tables: list[Table] = []
    charts: list[str] = []
    if periods and indicator.kind == "series":
        tables = [series_table(site, indicator)]
        charts = [series_chart(site, indicator)]
    elif periods:
        charts = [distribution_chart(site, indicator, periods[-1])]
        tables = [distribution_table(site, indicator, p) for p in reversed(periods)]
    groups = []
    breakdowns = []
    for dimension in dimensions_of(site, indicator):
        breakdowns.append(breakdown_latest(site, indicator, dimension))
        tables.append(breakdown_table(site, indicator, dimension))
        charts.append(breakdown_chart(site, indicator, dimension))
        said = group_words(site, indicator, dimension)
        if said is not None:
            groups.append(said)
    children = rows_under(site, indicator)
    if children:
        tables.insert(0, rows_under_table(site, indicator, children))
    return PageParts(
        latest(site, indicator),
        target_words(site, indicator),
        site.indicator_by_ref.get(indicator.parent) if indicator.parent else None,
        children,
        [c for c in charts if c],
        groups,
        tables,
        breakdowns,
    )


def indicator_page(site: BoardData, indicator: Indicator, here: str) -> str:
    parts = page_parts(site, indicator)
    tables, parent = parts.tables, parts.parent
    has_hidden = any(SUPPRESSED in cell for t in tables for r in t.rows for cell in r.cells)
    return render(
        "indicators/page.html",
        indicator=indicator,
        latest=parts.latest,
        target=parts.target,
        groups=parts.groups,
        breakdowns=parts.breakdowns,
        # made by matplotlib; every text node escaped by ElementTree
        charts=[Markup(c) for c in parts.charts],
        children=[
            RowLink(indicator_name(c), links.href(here, links.indicator(c.slug)))
            for c in parts.children
        ],
        parent=RowLink(indicator_name(parent), links.href(here, links.indicator(parent.slug)))
        if parent
        else None,
        tables=tables,
        commentary=sorted(indicator.commentary, key=lambda c: c.period, reverse=True),
        actions=linked_actions(site, indicator, here),
        csv_href=links.href(here, links.indicator_csv(indicator.slug)),
        catalogue_href=links.href(here, links.indicators_index()),
        explanation=suppressed_note(site) if has_hidden else "",
        similar_percent=round(SIMILAR_WITHIN * 100),
        area=site.board.area,
    )
