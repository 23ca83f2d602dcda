"""Macros for narrative pages in docs/: figures pulled from data, so prose never disagrees.

Every page in docs/ works on any board's data: a page whose data is absent is left out of the
site (its front matter `needs:` a part, plansite.model.sections), and what it prints adapts to the
board (the current plan's own status words; the board's own prose from data/pages/).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from plansite.model.board_data import BoardData
from plansite.model.periods import period_key
from plansite.model.plan import Plan
from plansite.model.progress import is_done, status_of, summary
from plansite.model.sections import SECTION_KEYS, sections_on
from plansite.read.board_pages import BOARD_PAGES
from plansite.render import annual_tables as report_figures
from plansite.render import indicator_figures
from plansite.render.data_view import DataText
from plansite.render.figures import money, number
from plansite.render.templates import BLANK_LINES
from plansite.render.text import rich_page
from plansite.words.wording import word


class NarrativeError(ValueError):
    """A figure a narrative page asks for that the data does not have."""


def narrative_macros(
    data: Callable[[], BoardData], here: Callable[[], str]
) -> dict[str, Callable[..., Any]]:
    """A figure the data does not have fails the build, naming the page: a page that needs an
    optional part of the data says so in its front matter, and is left out without it. Each
    macro looks the data up (`data()`) when called, never holding it: the build lets go of it
    once its pages are written."""

    def missing(what: str, fix: str) -> str:
        raise NarrativeError(f"docs/{here()}: {what}; {fix}")

    def indicator_value(ref: str, period: str = "", area: str = "local", category: str = "") -> str:
        """An indicator's value as published (a small count is [c]); latest period by default."""
        site = data()
        if ref not in site.indicator_by_ref:
            return missing(f"indicator `{ref}` is not in indicators.yml", "correct the ref")
        said = ""
        if not period:
            local = [v.period for v in site.values_for(ref) if v.area == "local"]
            period = max(local, default="", key=period_key)
            # the latest period has no local figure yet: say which period this one is for
            newest = max((v.period for v in site.values_for(ref)), default=period, key=period_key)
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
        site = data()
        if ref not in site.indicator_by_ref:
            return missing(f"indicator `{ref}` is not in indicators.yml", "correct the ref")
        try:
            return indicator_figures.compared_with(site, ref, area)
        except LookupError as error:
            return missing(str(error), "add the row, or compare a rate or percentage instead")

    def latest_period(ref: str) -> str:
        """The latest period with a local value, e.g. 2025-26."""
        site = data()
        local = [v.period for v in site.values_for(ref) if v.area == "local"]
        if not local:
            return missing(f"indicator `{ref}` has no local values", "correct the ref")
        return max(local, key=period_key)

    def actions_in_status(status: str, plan_id: str = "") -> str:
        """How many actions of a plan (the current one by default) are in one status (key)."""
        site = data()
        plan = site.plan_by_id.get(plan_id) if plan_id else site.current_plan
        if plan is None:
            return missing(f"plan `{plan_id}` does not exist", "use a plan id from data/plans/")
        if plan.vocabulary.find(status) is None:
            keys = ", ".join(plan.vocabulary.keys())
            return missing(f"status `{status}` is not one of {plan.id}'s", f"use one of {keys}")
        found = plan.vocabulary.find(status)
        return number(sum(1 for a in plan.actions if status_of(plan, a) is found))

    def budget_total(section: str, column: str = "actual") -> str:
        """A budget total in pounds: expenditure or income (budget or actual), or contributions."""
        site = data()
        if site.budget is None:
            return missing("there is no budget.yml", "add it or remove the figure")
        return money(
            report_figures.budget_total(site.budget, section, column), site.budget.currency
        )

    def training_delegates(course: str = "") -> str:
        """Delegates on all training courses, or on one course."""
        site = data()
        courses = [c for c in site.training if not course or c.course == course]
        if not courses:
            return missing(f"training.csv has no course `{course}`", "copy the course name exactly")
        return number(sum(c.delegates for c in courses))

    def training_courses() -> str:
        site = data()
        return number(len(site.training))

    def action_count(plan_id: str = "", status: str = "") -> str:
        """How many actions a plan (the current one by default) has, optionally in one status."""
        site = data()
        if status:
            return actions_in_status(status, plan_id)
        plan = site.plan_by_id.get(plan_id) if plan_id else site.current_plan
        if plan is None:
            return missing(f"plan `{plan_id}` does not exist", "use a plan id from data/plans/")
        return number(len(plan.actions))

    def done_count(plan_id: str = "") -> str:
        """How many actions of a plan (the current one by default) are in a status that the
        plan counts as done, whatever its words for it."""
        plan = _plan(plan_id)
        return number(sum(1 for a in plan.actions if is_done(plan, a)))

    def status_summary(plan_id: str = "") -> str:
        """Each of the plan's statuses with its count, in its own words, best first: "39 were
        complete, 22 on target and 11 off target; 17 were past their due date"; statuses no
        action has are left out. Overdue actions are never left out, whatever their status."""
        plan = _plan(plan_id)
        whole = summary(plan, plan.actions)
        late = word("narrative", "overdue", count=number(whole.overdue)) if whole.overdue else ""
        counts = [c for c in whole.counts if c.count]
        parts = [
            f"**{number(c.count)}** "
            + (_inert(c.status.label) if c.status else word("narrative", "had_no_status"))
            for c in counts
        ]
        if not parts:
            return word("narrative", "no_status")
        sentence = parts[0]
        if len(parts) > 1:
            first = word("lists", "comma").join(parts[:-1])
            sentence = word("lists", "and", first=first, last=parts[-1])
        were = word("narrative", "were")  # "39 were complete, 22 on target…"
        sentence = sentence.replace("** ", f"** {were} ", 1) if counts[0].status else sentence
        return sentence + late

    def _plan(plan_id: str) -> Plan:
        site = data()
        plan = site.plan_by_id.get(plan_id) if plan_id else site.current_plan
        if plan is None:
            missing(f"plan `{plan_id}` does not exist", "use a plan id from data/plans/")
            raise AssertionError  # missing() raised
        return plan

    def board_text(name: str) -> Markup:
        """The board's own prose, data/pages/<name>.md (nothing when the board has none)."""
        site = data()
        if name not in BOARD_PAGES:
            missing(f"there is no board page `{name}`", f"use one of {', '.join(BOARD_PAGES)}")
        # one HTML block, no blank line: Markdown then passes it through as it is
        return Markup(BLANK_LINES.sub("\n", rich_page(site.pages.get(name, ""))).strip())

    def has(section: str) -> bool:
        """Whether the board has the data for an optional part, e.g. `has("budget")`."""
        site = data()
        if section not in SECTION_KEYS:
            missing(
                f"there is no part `{section}`", f"use one of {', '.join(sorted(SECTION_KEYS))}"
            )
        return section in sections_on(site)

    return {
        "done_count": done_count,
        "status_summary": status_summary,
        "board_text": board_text,
        "has": has,
        "action_count": action_count,
        "indicator_value": indicator_value,
        "latest_period": latest_period,
        "indicator_compared": indicator_compared,
        "actions_in_status": actions_in_status,
        "budget_total": budget_total,
        "training_delegates": training_delegates,
        "training_courses": training_courses,
    }


def _inert(label: str) -> str:
    """A status word inside a sentence, as text (never markup): "On target" reads "on target",
    "RAG" stays."""
    lowered = label[:1].lower() + label[1:] if label[1:2].islower() else label
    return str(DataText(lowered))
