"""Plan pages: the plans index, a plan's home page and its priority pages."""

from __future__ import annotations

from dataclasses import dataclass

from macros.model.plan import Action, Plan, Priority, Update
from macros.model.site import Site
from macros.model.status import Status
from macros.render import links
from macros.render.templates import render


@dataclass(frozen=True)
class Lead:
    text: str
    href: str  # empty for free text (a person or an agency)


@dataclass(frozen=True)
class HistoryEntry:
    update: Update
    status: Status | None
    changed_from: Status | None  # the status before, when this update changed it


def leads(site: Site, action: Action, here: str) -> list[Lead]:
    result = []
    for text in action.leads:
        subgroup = site.subgroup_for(text)
        target = links.href(here, links.subgroup(subgroup.id)) if subgroup else ""
        result.append(Lead(text, target))
    return result


def history(plan: Plan, action: Action) -> list[HistoryEntry]:
    """Updates newest first; a status change is marked where the status differs from before."""
    entries: list[HistoryEntry] = []
    previous: Status | None = None
    for update in sorted(action.updates, key=lambda u: u.day.value):
        status = plan.vocabulary.find(update.status) if update.status else None
        changed = previous if status and previous and status.key != previous.key else None
        entries.append(HistoryEntry(update, status, changed))
        previous = status or previous
    return entries[::-1]


def status_counts(plan: Plan, actions: list[Action]) -> list[tuple[Status, int]]:
    counts = {s.key: 0 for s in plan.statuses}
    for action in actions:
        status = plan.vocabulary.find(action.status) if action.status else None
        if status:
            counts[status.key] += 1
    return [(s, counts[s.key]) for s in plan.statuses]


def plans_index(site: Site, here: str) -> str:
    ordered = sorted(site.plans, key=lambda p: (not p.current, p.as_at_date), reverse=False)
    rows = [(plan, links.href(here, links.plan_home(plan.id))) for plan in ordered]
    return render("plans/index.html", rows=rows)


def plan_home(site: Site, plan: Plan, here: str) -> str:
    priorities = [
        (p, links.href(here, links.priority(plan.id, p.slug)), status_counts(plan, p.all_actions))
        for p in plan.priorities
    ]
    return render(
        "plans/home.html",
        plan=plan,
        priorities=priorities,
        totals=status_counts(plan, plan.actions),
        total=len(plan.actions),
    )


def priority_page(site: Site, plan: Plan, priority: Priority, here: str) -> str:
    def related(reference: str) -> tuple[str, str]:
        action = site.find_action(reference, plan)
        assert action is not None, "checked when the data was loaded"
        target_plan = plan if ":" not in reference else site.plan_by_id[reference.split(":")[0]]
        page = links.priority(target_plan.id, action.priority.slug)
        return reference, links.href(here, page, action.anchor)

    groups: list[tuple[str, str, list[Action]]] = [
        (issue.ref, issue.title, issue.actions) for issue in priority.issues
    ]
    if priority.actions:
        groups.append(("", "", priority.actions))
    owner = site.subgroup_for(priority.owner) if priority.owner else None
    return render(
        "plans/priority.html",
        plan=plan,
        priority=priority,
        groups=groups,
        owner_href=links.href(here, links.subgroup(owner.id)) if owner else "",
        find_status=plan.vocabulary.find,
        leads=lambda action: leads(site, action, here),
        history=lambda action: history(plan, action),
        related=related,
    )
