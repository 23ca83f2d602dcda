"""Yearly reports: references to plans, actions and indicators checked, and the sections a
report leaves out listed for `make check` (as information: every section is optional)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from plansite.model.annual_tables import Budget
from plansite.model.board_data import BoardData
from plansite.model.dates import parse_day
from plansite.model.yearly_report import Report
from plansite.read.problems import Problem, Problems

# The statutory guidance's contents, in the report's order: (field, what readers miss without it)
SECTIONS = {
    "foreword": "a foreword by the safeguarding partners",
    "scrutineer_view": "the independent scrutineer's view",
    "effectiveness": "what the partners did and how effective it was",
    "little_progress": "where there was little or no progress, and why",
    "reviews": "child safeguarding practice reviews and what was done on them",
    "training": "training and its evaluation",
    "voices": "how children and families were heard, and what changed (you said, we did)",
    "data_use": "how data was used",
    "funding": "funding: the budget and each partner's contribution",
    "scrutiny": "the independent scrutiny arrangements",
    "next_year": "next year's priorities",
}


def check_report_dates(report: Report, problems: Problems) -> None:
    """The report's dates are one reporting year, and it is published once that year is over
    (its counts are the plans as they stood on `end`)."""
    file, start, end = report.source_file, report.start_date, report.end_date
    if end <= start:
        problems.add(file, report.line_of("end"),
                     "the year ends before it starts; correct `start` or `end`")  # fmt: skip
        return
    if start.year != report.first_year:
        problems.add(file, report.line_of("start"),
                     f"the {report.year} report starts on {start}, which is not in "
                     f"{report.first_year}; correct `start` or `year`")  # fmt: skip
    elif end >= _a_year_after(start):
        problems.add(file, report.line_of("end"),
                     f"the report runs from {start} to {end}, more than a year; a report covers "
                     "one reporting year: correct `start` or `end`")  # fmt: skip
    if report.published_date <= end:
        problems.add(file, report.line_of("published"),
                     f"the report is published on {report.published_date}, before its year ends "
                     f"({end}), so its counts would be for a year not yet over; set `published` "
                     "to a day after `end`")  # fmt: skip


def _a_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28) + dt.timedelta(days=1)


def review_dates_advice(report: Report) -> list[Problem]:
    """A review dated outside the report's year is published as written, with a note: a report
    may tell of an earlier review, but a wrong year is more likely."""
    found = []
    section = report.sections.reviews
    for review in section.reviews if section else []:
        day = parse_day(review.date)
        last = day.month_end if day.precision == "month" else day.value
        if last < report.start_date or day.value > report.end_date:
            found.append(Problem(review.source_file, review.line_of("date"),
                                 f"review `{review.name}` is dated {review.date}, outside the "
                                 f"{report.year} report's year ({report.start_date} to "
                                 f"{report.end_date}); it is published as written: correct the "
                                 "date if it is wrong"))  # fmt: skip
    return found


def check_reports(site: BoardData, problems: Problems, unread: Collection[str] = ()) -> None:
    """`unread`: the ids of plan files that could not be read (their problems are the cause:
    what a report says about them is not checked, nor reported as a plan that does not exist)."""
    for report in site.reports:
        file = report.source_file
        seen: set[str] = set()
        for plan_id in report.plans:
            if plan_id in seen:  # the report's page would show the plan, and its ids, twice
                problems.add(file, report.line_of("plans"),
                             f"plan `{plan_id}` is listed twice; list each plan once")  # fmt: skip
            elif plan_id not in site.plan_by_id and plan_id not in unread:
                problems.add(file, report.line_of("plans"),
                             f"plan `{plan_id}` does not exist; use an id from data/plans/")  # fmt: skip
            seen.add(plan_id)
        if report.plans and report.plans[0] in unread:
            continue  # its recommendations' refs are in a plan that could not be read
        plan = site.report_plans(report)[0]
        reviews = report.sections.reviews
        for review in reviews.reviews if reviews else []:
            for recommendation in review.recommendations:
                for ref in recommendation.actions:
                    found = site.find_actions(ref, plan)
                    if len(found) > 1:  # a ref the plan uses twice: its address says which
                        problems.add(file, recommendation.line_of("actions"),
                                     f"action `{ref}` could mean any of "
                                     f"{', '.join(f'`#{a.anchor}`' for a in found)}; write the "
                                     "one you mean by its address")  # fmt: skip
                    elif not found:
                        problems.add(file, recommendation.line_of("actions"),
                                     f"action `{ref}` is not in plan {plan.id}; write its ref, or "
                                     "plan-id:ref for an action of another plan")  # fmt: skip
        data_use = report.sections.data_use
        for ref in data_use.indicators if data_use else []:
            if data_use and ref not in site.indicator_by_ref:
                problems.add(file, data_use.line_of("indicators"),
                             f"indicator `{ref}` is not in indicators.yml; correct the ref")  # fmt: skip
        following = report.sections.next_year
        if following and following.plan and following.plan not in {*site.plan_by_id, *unread}:
            problems.add(file, following.line_of("plan"),
                         f"plan `{following.plan}` does not exist; use an id from data/plans/")  # fmt: skip


def report_budget(site: BoardData, report: Report) -> Budget | None:
    """The report's own budget, or data/budget.yml when it is for the same year."""
    funding = report.sections.funding
    if funding and funding.budget:
        return funding.budget
    if site.budget and site.budget.year == report.year:
        return site.budget
    return None


def gaps(site: BoardData) -> list[Problem]:
    """Each section a report leaves out, as `file:line: ... (information)` for `make check`."""
    found = []
    for report in site.reports:
        for field, what in SECTIONS.items():
            section = getattr(report.sections, field)
            if section is None:
                found.append(Problem(report.source_file, report.line_of("sections"),
                                     f"the {report.year} report has no `{field}` section: {what}; "
                                     "the statutory guidance expects it"))  # fmt: skip
            elif field == "funding" and report_budget(site, report) is None:
                found.append(Problem(report.source_file, section.line_of(),
                                     f"the {report.year} report's funding section has no budget; "
                                     f"add `budget:` to it, or a budget.yml for {report.year}"))  # fmt: skip
    return found
