"""Search entries of the subgroup, indicator and glossary pages (plansite/search/entries.py
says why and how): the same places and titles as the search plugin cut from their HTML, with the
words those places show. The tables of actions a subgroup leads, the lists of actions naming an
indicator and the charts were already kept out of search (`data-search-exclude`): each action is
found at its own section of its priority page, each figure in the tables, after disclosure
control (a suppressed count is [c]).
"""

from __future__ import annotations

import html

from markupsafe import Markup

from plansite.model import links
from plansite.model.board import Subgroup
from plansite.model.board_data import BoardData
from plansite.model.comparison import SIMILAR_WITHIN
from plansite.model.frequency import month_dates
from plansite.model.indicators import Indicator
from plansite.model.planner_schedule import schedule, year_start
from plansite.model.slugs import slug
from plansite.render.indicator_figures import Latest, latest
from plansite.render.indicator_tables import indicator_name
from plansite.render.indicators import (
    comparator_columns,
    comparators_in_words,
    no_latest_note,
    page_parts,
)
from plansite.render.planner import CalendarLinks, offered
from plansite.render.subgroups import led_by, plans_led
from plansite.render.text import plain
from plansite.search.entries import Entry, IndexedPage, entry, inline, md, said, table_words
from plansite.words.wording import month_year, t
from plansite.words.wording import words as words_of

# -- subgroups --------------------------------------------------------------------------------


def subgroups_index(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    words = [said(t("subgroups_index.the_board_s_subgroups_lead"))]
    for subgroup in site.subgroups:
        count = len(led_by(site, subgroup, site.current_plan))
        words += [subgroup.name, subgroup.acronym, subgroup.chair, str(count)]
    return [entry(url, plain(page.title), words)]


def subgroup(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    found = next(s for s in site.subgroups if s.id == page.args[0])
    top = [said(t("subgroups_page.all_subgroups"))]
    if found.acronym:
        top += [said(t("subgroups_page.known_in_plans_as")), found.acronym]
    if found.aliases:
        top.append(said(t("subgroups_page.also", aliases=", ".join(found.aliases))))
    chair = [said(t("subgroups_page.chair")), found.chair] if found.chair else []
    result = [entry(url, plain(page.title), top if found.purpose else [*top, *chair])]
    if found.purpose:
        purpose = said(t("subgroups_page.purpose"))
        result.append(entry(f"{url}#purpose", purpose, [md(found.purpose), *chair]))
    if found.responsibilities:
        title = said(t("subgroups_page.responsibilities"))
        result.append(entry(f"{url}#responsibilities", title, map(inline, found.responsibilities)))
    plans = plans_led(site, found, url)
    none = [] if plans else [said(t("subgroups_page.this_subgroup_leads_no_actions"))]
    result.append(entry(f"{url}#actions", said(t("subgroups_page.actions_it_leads")), none))
    for item in plans:
        earlier = "" if item.plan.current else f" {said(t('subgroups_page.earlier_plan'))}"
        counts = [
            f"{c.status.label} {c.count}" for c in item.summary.counts if c.count and c.status
        ]
        result.append(
            entry(
                f"{url}#plan-{item.plan.id}",
                item.plan.title + earlier,
                [f"{item.sentence}.", *counts],
            )
        )
    return result + _reports(site, found, url)


def subscribe_words(calendar: CalendarLinks, what: str) -> list[Markup]:
    """As the planner's `subscribe` fragment: a subscription and a download, a download only,
    or nothing for a calendar with no event."""
    if not calendar.href:
        return []
    if calendar.webcal:
        return [
            t("planner_parts.subscribe_to", what=what), t("planner_parts.subscribe_explained"),
            t("planner_parts.download_ics"), t("planner_parts.download_explained"),
        ]  # fmt: skip
    return [t("planner_parts.download_only", what=what), t("planner_parts.download_only_explained")]


def _reports(site: BoardData, subgroup: Subgroup, url: str) -> list[Entry]:
    """As plansite.render.planner.subgroup_reports. Its reports are listed in a table kept out of
    search (the planner page has them): the section says which planner year it reads."""
    start = year_start(site)
    if site.planner is None or start is None:
        return []
    year = month_dates(start)
    first, last = month_year(year[0]), month_year(year[-1])
    if any(item.subgroup is subgroup for item in schedule(site)):
        words = [t("planner_subgroup.from_the"), t("planner_subgroup.reporting_planner")]
        words.append(t("planner_subgroup.for_to", start=first, end=last))
    else:
        words = [t("planner_subgroup.the"), t("planner_subgroup.reporting_planner")]
        words.append(t("planner_subgroup.for_to_has_no_reports", start=first, end=last))
    what = str(words_of("planner_subgroup", "this_subgroup_s_reports"))
    own = [item for item in schedule(site) if item.subgroup is subgroup]
    words += subscribe_words(offered(site, links.subgroup_calendar(subgroup.id), own, url), what)
    title = said(t("planner_subgroup.what_it_reports_to_the"))
    return [entry(f"{url}#reports-to-the-board", title, map(said, words))]


# -- glossary ---------------------------------------------------------------------------------


def glossary(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    words = [said(t("glossary_page.the_words_and_abbreviations_used"))]
    for term, meaning in site.glossary_terms.items():
        words += [term, meaning]
    return [entry(url, plain(page.title), words)]


# -- indicators -------------------------------------------------------------------------------


def indicators_index(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    area = site.board.area
    comparators = comparators_in_words(comparator_columns(site, site.indicators))
    intro = [
        said(t("indicators_catalogue.each_indicator_shows_the_latest", area=area,
               comparators=comparators)),
        said(t("indicators_catalogue.similar")),
        said(
            t(
                "indicators_catalogue.when_it_is_within_of",
                similar_percent=round(SIMILAR_WITHIN * 100),
            )
        ),
    ] if comparators else [said(t("indicators_catalogue.each_indicator_shows_no_comparators",
                                  area=area))]  # fmt: skip
    themes: dict[str, list[str]] = {}
    for indicator in site.indicators:
        row = [indicator_name(indicator)]
        found = latest(site, indicator)
        if found:  # the catalogue's columns: the comparators of the indicator's theme
            same_theme = [i for i in site.indicators if i.theme == indicator.theme]
            names = {column.name for column in comparator_columns(site, same_theme)}
            shown = [c for c in found.comparisons if c.area in names]
            row += [found.period, found.text, found.direction or "–"]
            row += [
                f"{c.words} {c.area} ({c.value_text})" if c.words else c.value_text for c in shown
            ]
        else:
            row.append(no_latest_note(site, indicator))
        themes.setdefault(indicator.theme, []).extend(row)
    result = [entry(url, plain(page.title), intro)]
    for theme, words in themes.items():
        caption = said(t("indicators_catalogue.latest_figures", theme=theme))
        result.append(entry(f"{url}#{slug(theme)}", theme, [caption, *words]))
    return result


def indicator(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    found = site.indicator_by_ref[page.args[0]]
    top = [said(t("indicators_page.indicator", ref=found.ref, theme=found.theme))]
    top.append(md(found.description))
    result = [entry(url, plain(page.title), top)]
    if found.meaning:
        meaning = said(t("indicators_page.what_does_this_indicator_mean"))
        result.append(entry(f"{url}#meaning", meaning, [md(found.meaning), *_polarity(found)]))
    else:  # the polarity and source follow the description, above the first heading
        result[0] = entry(url, plain(page.title), [*top, *_polarity(found)])
    figure = latest(site, found)
    if figure:
        words = [
            said(
                t(
                    "indicators_page.in_the_figure_for_was",
                    period=figure.period,
                    area=site.board.area,
                )
            ),
            figure.text,
        ]
        if figure.previous_period:
            words += [figure.previous_text, figure.previous_period, figure.direction]
        words += _comparisons(figure)
        result.append(entry(f"{url}#latest", said(t("indicators_page.latest_figure")), words))
    parts = page_parts(site, found, draw=False)
    for number, breakdown in enumerate(parts.breakdowns, 1):
        result.append(entry(f"{url}#latest-{number}", breakdown.heading, breakdown.lines))
    if parts.target:
        target = parts.target
        words = [target.target, target.judged, target.status, target.contradiction]
        result.append(entry(f"{url}#target", said(t("indicator_targets.heading")), words))
    if parts.parent:  # a sentence under the section before
        last = result.pop()
        under = f"{said(t('indicators_page.row_of'))} {indicator_name(parts.parent)}."
        result.append(
            entry(
                last["location"], html.unescape(last["title"]), [html.unescape(last["text"]), under]
            )
        )
    if parts.children:
        title = said(t("indicators_page.rows_under"))
        names = [indicator_name(c) for c in parts.children]
        result.append(entry(f"{url}#rows-under", title, names))
    if parts.charts:  # the chart is kept out of search: its figures are in the tables
        result.append(entry(f"{url}#chart", said(t("indicators_page.chart")), []))
    for number, group in enumerate(parts.groups, 1):
        words = [group.intro, *group.lines]
        result.append(entry(f"{url}#groups-{number}", group.heading, words))
    tables = parts.tables
    words = table_words(*tables)
    if not tables:
        words = [said(t("indicators_page.no_figures_have_been_published"))]
    words.append(said(t("indicators_page.download_the_figures_for_csv", ref=found.ref)))
    result.append(entry(f"{url}#figures", said(t("indicators_page.figures")), words))
    notes = sorted(found.commentary, key=lambda c: c.period, reverse=True)
    if notes:
        result.append(entry(f"{url}#commentary", said(t("indicators_page.commentary")), []))
    for note in notes:
        words = [md(note.comment)]
        if note.actions:
            words += [said(t("indicators_page.actions_to_improve")), md(note.actions)]
        anchor = "commentary-" + note.period.replace(" ", "-").lower()
        result.append(entry(f"{url}#{anchor}", note.period, words))
    if site.actions_naming(found.ref):  # the list itself is kept out of search
        title = said(t("indicators_page.actions_in_our_plans"))
        result.append(entry(f"{url}#plan-actions", title, []))
    return result


def _polarity(indicator: Indicator) -> list[str]:
    key = {"lower_is_better": "lower_is_better", "higher_is_better": "higher_is_better"}
    words = [said(t("indicators_page." + key.get(indicator.polarity, "higher_is_not_better_or")))]
    if indicator.source:
        words.append(said(t("indicators_page.source", source=indicator.source)))
    return words


def _comparisons(figure: Latest) -> list[str]:
    return [f"{c.words} {c.area} {c.value_text}" for c in figure.comparisons]
