"""Yearly reports: references to plans, actions and indicators checked, and the sections a
report leaves out listed for `make check` (as information: every section is optional)."""

from __future__ import annotations

from macros.model.annual_tables import Budget
from macros.model.board_data import BoardData
from macros.model.yearly_report import Report
from macros.read.problems import Problem, Problems

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


def check_reports(site: BoardData, problems: Problems) -> None:
    for report in site.reports:
        file = report.source_file
        for plan_id in report.plans:
            if plan_id not in site.plan_by_id:
                problems.add(file, report.line_of("plans"),
                             f"plan `{plan_id}` does not exist; use an id from data/plans/")  # fmt: skip
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
        if following and following.plan and following.plan not in site.plan_by_id:
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
