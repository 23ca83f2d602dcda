"""Subgroup pages: purpose, chair, responsibilities, and every action the subgroup leads."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from plansite.model import links
from plansite.model.board import Subgroup
from plansite.model.board_data import BoardData
from plansite.model.plan import Action, Plan
from plansite.model.progress import Summary, is_overdue, status_of, summary
from plansite.render.contradictions import contradiction_note
from plansite.render.planner import subgroup_reports
from plansite.render.plans import action_href, sentence
from plansite.render.templates import render


@dataclass(frozen=True)
class PlanActions:
    plan: Plan
    href: str
    actions: list[Action]
    summary: Summary
    sentence: str


def led_by(site: BoardData, subgroup: Subgroup, plan: Plan) -> list[Action]:
    """Actions of `plan` that name `subgroup` among their leads (by id, acronym, name or alias)."""
    return [
        action
        for action in plan.actions
        if any(site.subgroup_for(text) is subgroup for text in action.leads)
    ]


def plans_led(site: BoardData, subgroup: Subgroup, here: str) -> list[PlanActions]:
    """Per plan, the current plan first, then earlier plans newest first; plans with none left out."""
    result = []
    for plan in site.plans_in_order:
        actions = led_by(site, subgroup, plan)
        if actions:
            counts = summary(plan, actions)
            href = links.href(here, links.plan_home(plan.id))
            result.append(PlanActions(plan, href, actions, counts, sentence(counts)))
    return result


def subgroups_index(site: BoardData, here: str) -> str:
    rows = [
        (s, links.href(here, links.subgroup(s.id)), len(led_by(site, s, site.current_plan)))
        for s in site.subgroups
    ]
    return render("subgroups/index.html", rows=rows, current=site.current_plan)


def subgroup_page(site: BoardData, subgroup: Subgroup, here: str) -> str:
    return render(
        "subgroups/page.html",
        subgroup=subgroup,
        plans=plans_led(site, subgroup, here),
        index_href=links.href(here, links.subgroups_index()),
        action_href=lambda plan, action: action_href(plan, action, here),
        status_of=status_of,
        is_overdue=is_overdue,
        contradiction=contradiction_note,
        reports=Markup(subgroup_reports(site, subgroup, here)),
    )
