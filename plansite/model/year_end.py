"""A plan as it stood at a reporting year's end, worked out from the update histories.

An action added after the year end (its `new:` month is later) is left out; every other action
counts with the status its latest update on or before the year end gave it, however it stands
today. What moved between the year end and the plan's "as at" date is kept apart ("since then").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.model.plan import Action, Plan, Priority
from plansite.model.progress import StatusCount, Summary, status_at, status_of
from plansite.model.status import Status


@dataclass(frozen=True)
class ActionAtYearEnd:
    action: Action
    status: Status | None  # as it stood at the year end
    now: Status | None  # at the plan's "as at" date


@dataclass(frozen=True)
class PriorityAtYearEnd:
    priority: Priority
    actions: list[ActionAtYearEnd]
    summary: Summary


@dataclass(frozen=True)
class YearEnd:
    plan: Plan
    end: date
    priorities: list[PriorityAtYearEnd]
    summary: Summary
    added_since: list[Action]  # added after the year end: not counted above
    done_since: list[ActionAtYearEnd]  # not done at the year end, done now
    stuck: list[ActionAtYearEnd]  # in the plan's worst status, or with none, at the year end

    @property
    def actions(self) -> list[ActionAtYearEnd]:
        return [a for p in self.priorities for a in p.actions]


def existed_at(action: Action, end: date) -> bool:
    """False for an action whose `new:` month starts after the year end."""
    return action.new_since is None or action.new_since.value <= end


def counts(plan: Plan, statuses: list[Status | None]) -> Summary:
    """Counts per status, best first, of statuses already worked out (see progress.summary)."""
    by_key = {s.key: 0 for s in plan.statuses}
    unset = 0
    for status in statuses:
        if status is None:
            unset += 1
        else:
            by_key[status.key] += 1
    result = [StatusCount(s, by_key[s.key]) for s in plan.statuses]
    if unset:
        result.append(StatusCount(None, unset))
    return Summary(result, len(statuses))


def year_end(plan: Plan, end: date) -> YearEnd:
    worst = plan.statuses[-1]
    priorities = []
    for priority in plan.priorities:
        rows = [
            ActionAtYearEnd(a, status_at(plan, a, end), status_of(plan, a))
            for a in priority.all_actions
            if existed_at(a, end)
        ]
        priorities.append(PriorityAtYearEnd(priority, rows, counts(plan, [r.status for r in rows])))
    every = [row for p in priorities for row in p.actions]
    return YearEnd(
        plan=plan,
        end=end,
        priorities=priorities,
        summary=counts(plan, [row.status for row in every]),
        added_since=[a for a in plan.actions if not existed_at(a, end)],
        done_since=[
            r
            for r in every
            if r.now is not None and r.now.done and not (r.status and r.status.done)
        ],
        stuck=[r for r in every if r.status is None or r.status.key == worst.key],
    )
