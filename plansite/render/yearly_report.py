"""A yearly report as HTML: the page on the site and the body of its PDF are the same fragment.

Every count is the plan as it stood at the year's end (plansite/model/year_end.py); a sentence
that states a figure is built from the same numbers as the table beside it, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from plansite.check.yearly_reports import report_budget
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.comparison import direction, judgement
from plansite.model.indicators import Indicator
from plansite.model.plan import Action, Plan
from plansite.model.progress import Summary
from plansite.model.status import Status
from plansite.model.year_end import ActionAtYearEnd, YearEnd, year_end
from plansite.model.yearly_report import Report, Review
from plansite.render import annual_tables as report_tables
from plansite.render.figures import money, number, value_text
from plansite.render.indicator_charts import series_chart
from plansite.render.indicator_figures import travel_words
from plansite.render.indicator_groups import largest_findings
from plansite.render.indicator_targets import target_words
from plansite.render.indicator_values import (
    areas_of,
    cell_text,
    comparator_name,
    find,
    latest_at,
    shown,
)
from plansite.render.plans import action_href
from plansite.render.tables import Row, Table
from plansite.render.templates import render
from plansite.render.text import plain
from plansite.words.wording import month_year, plural, word


@dataclass(frozen=True)
class PlanYear:
    plan: Plan
    at_end: YearEnd
    sentence: str
    since: str
    href: str


@dataclass(frozen=True)
class LinkedAction:
    ref: str
    title: str
    href: str
    status: Status | None  # at the year end
    now: Status | None


@dataclass(frozen=True)
class ReviewView:
    review: Review
    recommendations: list[tuple[str, list[LinkedAction]]]

    @property
    def kind(self) -> str:
        """The kind of review in words, e.g. "rapid review"."""
        return word("review_kinds", self.review.kind)


@dataclass(frozen=True)
class Stuck:
    row: ActionAtYearEnd
    href: str
    why: str  # the last update on or before the year end


def long_date(value: date) -> str:
    return f"{value.day} {month_year(value)}"


def status_words(counts: Summary) -> str:
    """ "12 complete, 20 on target and 3 off target": every status, in the plan's order."""
    parts = [
        word("yearly", "status_count", count=number(c.count), status=c.status.label.lower())
        for c in counts.counts
        if c.status
    ]
    if counts.unset:
        parts.append(word("yearly", "unset_count", count=number(counts.unset)))
    if len(parts) == 1:
        return parts[0]
    return word("yearly", "list", first=word("yearly", "comma").join(parts[:-1]), last=parts[-1])


def year_end_sentence(at_end: YearEnd) -> str:
    return plural(
        "yearly",
        "year_end",
        count=at_end.summary.total,
        day=long_date(at_end.end),
        plan=plain(at_end.plan.title),
        number=number(at_end.summary.total),
        statuses=status_words(at_end.summary),
    )


def since_sentence(at_end: YearEnd) -> str:
    """What changed after the year end; a count of none is worded, never "0 actions"."""
    done, added = len(at_end.done_since), len(at_end.added_since)
    key = "since" if done and added else "since_done" if done else "since_added" if added else ""
    return word(
        "yearly",
        key or "since_none",
        day=long_date(at_end.plan.as_at_date),
        done=plural("yearly", "completed", count=done, number=number(done)),
        added=plural("yearly", "added", count=added, number=number(added)),
    )


def plan_years(site: BoardData, report: Report, here: str) -> list[PlanYear]:
    result = []
    for plan in site.report_plans(report):
        at_end = year_end(plan, report.end_date)
        href = links.href(here, links.plan_home(plan.id))
        result.append(
            PlanYear(plan, at_end, year_end_sentence(at_end), since_sentence(at_end), href)
        )
    return result


def last_year_sentence(site: BoardData, report: Report) -> str:
    before = site.report_before(report)
    if before is None:
        return ""
    plan = site.report_plans(before)[0]
    at_end = year_end(plan, before.end_date)
    return word("yearly", "a_year_earlier", sentence=year_end_sentence(at_end))


def _linked(site: BoardData, plan: Plan, reference: str, end: date, here: str) -> LinkedAction:
    from plansite.model.progress import status_at, status_of

    action = site.find_action(reference, plan)
    assert action is not None, "checked when the data was loaded"
    owner = site.plan_by_id[reference.split(":")[0]] if ":" in reference else plan
    return LinkedAction(
        action.ref,
        action.title,
        action_href(owner, action, here),
        status_at(owner, action, end),
        status_of(owner, action),
    )


def reviews(site: BoardData, report: Report, here: str) -> list[ReviewView]:
    section = report.sections.reviews
    plan = site.report_plans(report)[0]
    return [
        ReviewView(
            review,
            [
                (r.text, [_linked(site, plan, ref, report.end_date, here) for ref in r.actions])
                for r in review.recommendations
            ],
        )
        for review in (section.reviews if section else [])
    ]


def _why(action: Action, end: date) -> str:
    said = [u for u in action.updates_oldest_first if u.day.value <= end and u.text.strip()]
    return said[-1].text if said else word("yearly", "no_update", day=long_date(end))


def stuck(plan_years: list[PlanYear], here: str) -> list[tuple[Plan, list[Stuck]]]:
    """Each plan's actions off target or not started, in a table of their own: a table shows
    one plan's status words, never two plans' words side by side."""
    tables = [
        (item.plan, [
            Stuck(row, action_href(item.plan, row.action, here), _why(row.action, item.at_end.end))
            for row in item.at_end.stuck
        ])
        for item in plan_years
    ]  # fmt: skip
    return [(plan, rows) for plan, rows in tables if rows]


def previous_year(year: str) -> str:
    first = int(year[:4]) - 1
    return f"{first}-{str(first + 1)[-2:]}"


def indicator_table(site: BoardData, refs: list[str], year: str) -> Table | None:
    """Each indicator this year and last, and this year's comparison with England."""
    rows = []
    before = previous_year(year)
    for ref in refs:
        indicator = site.indicator_by_ref[ref]
        if indicator.kind != "series":
            continue
        now = shown(site, find(site, ref, year))
        then = shown(site, find(site, ref, before))
        england = shown(site, find(site, ref, year, "england"))
        moved = (
            word("yearly", "change_needs_both_years")
            if now is None or then is None
            else travel_words(direction(now, then, indicator.polarity))
        )
        if indicator.unit == "count":
            compared = word("yearly", "count_not_compared")
        elif now is None or england is None:
            compared = word("yearly", "no_england_figure")
        else:
            said = word("comparison", judgement(now, england, indicator.polarity))
            compared = f"{said} {word('comparators', 'england')}"
        none = word("yearly", "no_figure")  # no empty cell: say what is missing
        rows.append(Row(f"{ref}: {plain(indicator.title)}", [
            value_text(then, indicator.unit) if find(site, ref, before) else none,
            value_text(now, indicator.unit) if find(site, ref, year) else none,
            moved, compared,
        ]))  # fmt: skip
    if not rows:
        return None
    columns = [
        word("yearly", "indicator"),
        before,
        year,
        word("yearly", "change"),
        word("yearly", "compared_with_england"),
    ]
    series = [site.indicator_by_ref[r] for r in refs if site.indicator_by_ref[r].kind == "series"]
    # the impact: against the target and every other comparator, when an indicator has them
    if any(i.target for i in series):
        columns.append(word("yearly", "against_target"))
        for row, indicator in zip(rows, series, strict=True):
            row.cells.append(target_cell(site, indicator, year))
    if any(other_comparators(site, i, year) for i in series):
        columns.append(word("yearly", "other_comparators"))
        for row, indicator in zip(rows, series, strict=True):
            row.cells.append(other_comparators(site, indicator, year) or "–")
    return Table(
        caption=word("yearly", "indicators_caption", before=before, year=year),
        columns=columns,
        rows=rows,
    )


def target_cell(site: BoardData, indicator: Indicator, year: str) -> str:
    """e.g. "Target: 20.0% or less by 2026-03-31. The 2025-26 figure (19.8%) meets it.": judged
    from the report year's figure (or the latest before it, saying which)."""
    said = target_words(site, indicator, year)
    if said is None:
        return word("yearly", "no_target")
    return f"{said.target} {said.judged}"


def other_comparators(site: BoardData, indicator: Indicator, year: str) -> str:
    """How this year's figure compares with each comparator other than England."""
    now = find(site, indicator.key, year)
    figure = shown(site, now)
    said = []
    for area in areas_of(site.values_for(indicator.key)):
        if area in ("local", "england"):
            continue
        other = latest_at(site, indicator.key, year, area)
        if other is None:
            continue
        text = cell_text(site, indicator, other)
        if other.period != year:
            text = f"{text}, {other.period}"
        value = shown(site, other)
        if figure is not None and value is not None and indicator.unit != "count":
            judged = word("comparison", judgement(figure, value, indicator.polarity))
            said.append(f"{judged} {comparator_name(area)} ({text})")
        else:
            said.append(f"{comparator_name(area)}: {text}")
    return "; ".join(said)


def priority_indicators(plan: Plan) -> dict[str, list[str]]:
    """The indicators each priority's actions aim at, by priority ref."""
    return {
        p.slug: list(dict.fromkeys(ref for a in p.all_actions for ref in a.indicators))
        for p in plan.priorities
    }


def funding(site: BoardData, report: Report) -> tuple[list[Table], str]:
    budget = report_budget(site, report)
    if budget is None:
        return [], ""
    tables = report_tables.tables_for(budget)
    given = report_tables.budget_total(budget, "contributions")
    has_budget = any(c.budget is not None for c in budget.contributions)
    asked = report_tables.contributions_total(budget, "budget") if has_budget else 0
    spent = report_tables.budget_total(budget, "expenditure")
    planned = report_tables.budget_total(budget, "expenditure", "budget")
    agreed = word("yearly", "agreed", asked=money(asked, budget.currency)) if asked else ""
    words = word(
        "yearly",
        "funding",
        given=money(given, budget.currency),
        agreed=agreed,
        spent=money(spent, budget.currency),
        planned=money(planned, budget.currency),
    )
    return tables, words


def training(site: BoardData, report: Report) -> tuple[Table | None, Table | None, str]:
    """The training table (for the latest report: training.csv is this year's) and evaluation."""
    section = report.sections.training
    courses = site.training if report is site.latest_report else []
    table = report_tables.training_figures(site) if courses else None
    words = ""
    if courses:
        delegates = sum(c.delegates for c in courses)
        words = word(
            "yearly", "training", courses=number(len(courses)), delegates=number(delegates)
        )
    evaluation = None
    if section and section.evaluation:
        evaluation = Table(
            caption=word(
                "yearly", "evaluation_caption", before=previous_year(report.year), year=report.year
            ),
            columns=[word("yearly", "measure"), previous_year(report.year), report.year],
            rows=[
                Row(e.measure, [_evaluation(e.last_year, e.unit), _evaluation(e.value, e.unit)])
                for e in section.evaluation
            ],
        )
    return table, evaluation, words


def _evaluation(value: float | None, unit: str) -> str:
    return word("yearly", "no_figure") if value is None else value_text(value, unit)


def next_plan(site: BoardData, report: Report) -> Plan | None:
    section = report.sections.next_year
    if section is None:
        return None
    if section.plan:
        return site.plan_by_id[section.plan]
    return site.report_plans(report)[0]


def body(site: BoardData, report: Report, here: str, pdf: tuple[str, str] | None = None) -> str:
    """The report's HTML: on its page (with the PDF link) and in the PDF (without)."""
    years = plan_years(site, report, here)
    data_use = report.sections.data_use
    training_table, evaluation, training_words = training(site, report)
    funding_tables, funding_words = funding(site, report)
    first = years[0]
    wanted = priority_indicators(first.plan)
    return render(
        "report/yearly.html",
        report=report,
        board=site.board,
        pdf=pdf,
        chapter=lambda section: Markup(_chapter(report, section)),
        years=years,
        last_year=last_year_sentence(site, report),
        evidence_status=first.plan.vocabulary.find,
        priority_tables={
            ref: indicator_table(site, refs, report.year) for ref, refs in wanted.items()
        },
        priority_findings={ref: largest_findings(site, set(refs)) for ref, refs in wanted.items()},
        stuck=stuck(years, here),
        reviews=reviews(site, report, here),
        training_table=training_table,
        evaluation=evaluation,
        training_words=training_words,
        data_table=indicator_table(site, data_use.indicators, report.year) if data_use else None,
        data_charts=_charts(site, data_use.indicators if data_use else [], report.year),
        funding_tables=funding_tables,
        funding_words=funding_words,
        next_plan=next_plan(site, report),
        next_href=lambda plan: links.href(here, links.plan_home(plan.id)),
        **report_tables.settings(site),
    )


def _charts(site: BoardData, refs: list[str], year: str) -> list[tuple[str, Markup]]:
    """Each series indicator's caption and chart: vector SVG with its title and description,
    which says the table is above the charts (the report's table comes first)."""
    found = [site.indicator_by_ref[ref] for ref in refs]
    table = word("yearly", "chart_table", before=previous_year(year), year=year)
    return [
        (f"{i.ref}: {plain(i.title)}", Markup(series_chart(site, i, table)))
        for i in found
        if i.kind == "series" and site.values_for(i.ref)
    ]


def _chapter(report: Report, section: object) -> str:
    from plansite.model.yearly_report import Section
    from plansite.render.text import rich

    return rich(report.chapter(section)) if isinstance(section, Section) else ""
