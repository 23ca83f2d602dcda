"""Macros for narrative pages in docs/: figures pulled from data, so prose never disagrees."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from macros.model.site import Site
from macros.render import indicators as indicator_figures
from macros.render import report as report_figures
from macros.render.figures import money, number

log = logging.getLogger("mkdocs.plugins.plansite")


class NarrativeError(ValueError):
    """A figure a narrative page asks for that the data does not have."""


def narrative_macros(
    site: Site, here: Callable[[], str], strict: bool = True
) -> dict[str, Callable[..., Any]]:
    """`strict`: the pages in docs/ were written for this data, so a missing figure fails the
    build. Building another board's data with them (a test fixture) shows a placeholder."""

    def missing(what: str, fix: str) -> str:
        message = f"docs/{here()}: {what}; {fix}"
        if strict:
            raise NarrativeError(message)
        log.info(message)
        return f"[not in this data: {what}]"

    def indicator_value(ref: str, period: str = "", area: str = "local", category: str = "") -> str:
        """An indicator's value as published (a small count is [c]); latest period by default."""
        if ref not in site.indicator_by_ref:
            return missing(f"indicator `{ref}` is not in indicators.yml", "correct the ref")
        said = ""
        if not period:
            local = [v.period for v in site.values_for(ref) if v.area == "local"]
            period = max(local, default="")
            # the latest period has no local figure yet: say which period this one is for
            newest = max((v.period for v in site.values_for(ref)), default=period)
            said = f" (in {period})" if period and period != newest else ""
        try:
            return indicator_figures.value_for(site, ref, period, area, category) + said
        except LookupError:
            return missing(
                f"indicator_values.csv has no {ref} value for {period or 'any period'} {area}",
                "add the row or correct the period",
            )

    def indicator_compared(ref: str, area: str = "england") -> str:
        """How the latest local figure compares, e.g. "better than England" (words as on pages)."""
        if ref not in site.indicator_by_ref:
            return missing(f"indicator `{ref}` is not in indicators.yml", "correct the ref")
        try:
            return indicator_figures.compared_with(site, ref, area)
        except LookupError as error:
            return missing(str(error), "add the row, or compare a rate or percentage instead")

    def latest_period(ref: str) -> str:
        """The latest period with a local value, e.g. 2025-26."""
        local = [v.period for v in site.values_for(ref) if v.area == "local"]
        if not local:
            return missing(f"indicator `{ref}` has no local values", "correct the ref")
        return max(local)

    def actions_in_status(status: str, plan_id: str = "") -> str:
        """How many actions of a plan (the current one by default) are in one status (key)."""
        plan = site.plan_by_id.get(plan_id) if plan_id else site.current_plan
        if plan is None:
            return missing(f"plan `{plan_id}` does not exist", "use a plan id from data/plans/")
        if plan.vocabulary.find(status) is None:
            keys = ", ".join(plan.vocabulary.keys())
            return missing(f"status `{status}` is not one of {plan.id}'s", f"use one of {keys}")
        found = plan.vocabulary.find(status)
        return number(
            sum(1 for a in plan.actions if a.status and plan.vocabulary.find(a.status) == found)
        )

    def budget_total(section: str, column: str = "actual") -> str:
        """A budget total in pounds: expenditure or income (budget or actual), or contributions."""
        if site.budget is None:
            return missing("there is no budget.yml", "add it or remove the figure")
        return money(
            report_figures.budget_total(site.budget, section, column), site.budget.currency
        )

    def training_delegates(course: str = "") -> str:
        """Delegates on all training courses, or on one course."""
        courses = [c for c in site.training if not course or c.course == course]
        if not courses:
            return missing(f"training.csv has no course `{course}`", "copy the course name exactly")
        return number(sum(c.delegates for c in courses))

    def training_courses() -> str:
        return number(len(site.training))

    def action_count(plan_id: str = "", status: str = "") -> str:
        """How many actions a plan (the current one by default) has, optionally in one status."""
        if status:
            return actions_in_status(status, plan_id)
        plan = site.plan_by_id.get(plan_id) if plan_id else site.current_plan
        if plan is None:
            return missing(f"plan `{plan_id}` does not exist", "use a plan id from data/plans/")
        return number(len(plan.actions))

    return {
        "action_count": action_count,
        "indicator_value": indicator_value,
        "latest_period": latest_period,
        "indicator_compared": indicator_compared,
        "actions_in_status": actions_in_status,
        "budget_total": budget_total,
        "training_delegates": training_delegates,
        "training_courses": training_courses,
    }
