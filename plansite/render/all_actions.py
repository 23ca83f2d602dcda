"""A plan's "All actions" page: every action in one table, to sort and filter in the browser.

Without JavaScript it is a complete plain table; docs/javascripts/tables.js adds sorting and
the filters, whose choices are written here from the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.plan import Action, Plan
from plansite.model.progress import is_overdue, status_of
from plansite.model.status import Status
from plansite.render.contradictions import contradiction_note
from plansite.render.plans import Lead, action_href, leads
from plansite.render.templates import render


@dataclass(frozen=True)
class Row:
    action: Action
    href: str
    status: Status | None
    leads: list[Lead]
    lead_keys: list[str]  # what the lead filter matches: a subgroup's acronym, or the text
    ref_sort: str  # "1.10" after "1.9"
    due_sort: str  # an ISO date, or "~" so that undated actions sort last


def ref_sort_key(ref: str) -> str:
    return re.sub(r"\d+", lambda m: m.group(0).zfill(5), ref.lower())


def lead_key(site: BoardData, text: str) -> str:
    subgroup = site.subgroup_for(text)
    return (subgroup.acronym or subgroup.name) if subgroup else text


def rows(site: BoardData, plan: Plan, here: str) -> list[Row]:
    result = []
    for action in plan.actions:
        due = action.due_date
        result.append(
            Row(
                action=action,
                href=action_href(plan, action, here),
                status=status_of(plan, action),
                leads=leads(site, action, here),
                lead_keys=[lead_key(site, text) for text in action.leads],
                ref_sort=ref_sort_key(action.ref),
                due_sort=due.date.isoformat() if due and due.date else "~",
            )
        )
    return result


def all_actions_page(site: BoardData, plan: Plan, here: str) -> str:
    table = rows(site, plan, here)
    lead_choices = sorted({key for row in table for key in row.lead_keys}, key=str.lower)
    return render(
        "plans/all_actions.html",
        plan=plan,
        rows=table,
        lead_choices=lead_choices,
        home_href=links.href(here, links.plan_home(plan.id)),
        csv_href=links.href(here, links.plan_actions_csv(plan.id)),
        xlsx_href=links.href(here, links.plan_actions_xlsx(plan.id)),
        docx_href=links.href(here, links.plan_actions_docx(plan.id)),
        is_overdue=lambda action: is_overdue(plan, action),
        contradiction=lambda action: contradiction_note(plan, action),
    )
