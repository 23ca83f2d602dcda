"""How a plan's actions are moving: status counts, what needs attention and what changed.

Everything is judged at the plan's "as at" date, the plan's own "today", never the build
machine's clock, so the same data always gives the same pages.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from plansite.model.dates import calendar_months, months_between, quarter_of
from plansite.model.memo import per_object
from plansite.model.plan import Action, Plan, Update
from plansite.model.status import Status


@dataclass(frozen=True)
class StatusCount:
    status: Status | None  # None: actions with no status yet
    count: int


@dataclass(frozen=True)
class Summary:
    """Counts per status, best first, for a set of actions of one plan."""

    counts: list[StatusCount]
    total: int
    overdue: int = 0  # past the due date at the plan's "as at" date, whatever the status says

    @property
    def done(self) -> int:
        return sum(c.count for c in self.counts if c.status and c.status.done)

    @property
    def closed(self) -> int:
        """Cancelled, superseded or merged: neither done nor outstanding."""
        return sum(c.count for c in self.counts if c.status and c.status.closed)

    @property
    def worst(self) -> StatusCount | None:
        """The plan's worst outstanding status (the last one neither done nor closed)."""
        graded = [c for c in self.counts if c.status is not None and c.status.outstanding]
        return graded[-1] if graded else None

    @property
    def unset(self) -> int:
        return sum(c.count for c in self.counts if c.status is None)


def status_of(plan: Plan, action: Action) -> Status | None:
    status = action.current_status
    return plan.vocabulary.find(status) if status else None


def impact_of(plan: Plan, action: Action) -> Status | None:
    """The rating of the action's measure (`impact:`), apart from its delivery status."""
    return plan.vocabulary.find(action.impact) if action.impact else None


def is_done(plan: Plan, action: Action) -> bool:
    status = status_of(plan, action)
    return bool(status and status.done)


def is_settled(plan: Plan, action: Action) -> bool:
    """Done or closed (cancelled, superseded, merged): never late, never waiting for news."""
    status = status_of(plan, action)
    return bool(status and not status.outstanding)


def summary(plan: Plan, actions: list[Action]) -> Summary:
    counts = {s.key: 0 for s in plan.statuses_shown}
    unset = 0
    for action in actions:
        status = status_of(plan, action)
        if status:
            counts[status.key] += 1
        else:
            unset += 1
    result = [StatusCount(s, counts[s.key]) for s in plan.statuses_shown]
    if unset:
        result.append(StatusCount(None, unset))
    late = sum(1 for a in actions if is_overdue(plan, a)) if plan.progress_recorded else 0
    return Summary(result, len(actions), late)


def status_at(plan: Plan, action: Action, when: date) -> Status | None:
    """The status given by the latest update dated on or before `when`, if any gave one."""
    for update in reversed(action.updates_oldest_first):  # the latest such update wins
        if update.day.value <= when and update.status:
            found = plan.vocabulary.find(update.status)
            if found is not None:
                return found
    return None


# Needs attention ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overdue:
    action: Action
    due: date
    months_late: int


@dataclass(frozen=True)
class Stale:
    action: Action
    last: Update | None  # None: no dated update at all
    months: int  # whole months since the last update (or since it was added)


@dataclass(frozen=True)
class Worsened:
    action: Action
    before: Status
    after: Status
    update: Update


@dataclass(frozen=True)
class Contradiction:
    """Overdue, yet its status still says it is on track: the board's own dates disagree."""

    action: Action
    due: date
    status: Status
    last: Update | None  # the latest update on or before the as-at date (None: none at all)

    @property
    def said_after_due(self) -> bool:
        """The latest update came after the due date and still said on track."""
        return self.last is not None and self.last.day.value > self.due


@dataclass(frozen=True)
class Attention:
    as_at: date
    stale_after_months: int
    overdue: list[Overdue]
    stale: list[Stale]
    worsened: list[Worsened]
    contradicted: list[Contradiction] = field(default_factory=list)

    @property
    def actions(self) -> set[str]:
        """Every action that needs attention for at least one reason, by its anchor (its own
        in the plan: two actions may be written with one ref)."""
        found: list[Overdue | Stale | Worsened | Contradiction] = [
            *self.contradicted, *self.overdue, *self.stale, *self.worsened
        ]  # fmt: skip
        return {item.action.anchor for item in found}


@per_object
def needs_attention(plan: Plan) -> Attention:
    as_at = plan.as_at_date
    overdue: list[Overdue] = []
    stale: list[Stale] = []
    worsened: list[Worsened] = []
    for action in plan.actions if plan.progress_recorded else []:  # no "today" to judge by
        if late := _overdue(plan, action, as_at):
            overdue.append(late)
        if quiet := _stale(plan, action, as_at):
            stale.append(quiet)
        if worse := _worsened(plan, action):
            worsened.append(worse)
    overdue.sort(key=lambda o: o.due)
    stale.sort(key=lambda s: -s.months)
    contradicted = [c for o in overdue if (c := contradiction(plan, o.action))]
    return Attention(as_at, plan.stale_after_months, overdue, stale, worsened, contradicted)


def on_track_status(plan: Plan) -> Status | None:
    """The status that says "going to plan": the best outstanding one, when the plan has
    another outstanding status for "behind" (with one only, it just means "not done yet")."""
    outstanding = [s for s in plan.vocabulary.statuses if s.outstanding]
    return outstanding[0] if len(outstanding) > 1 else None


def contradiction(plan: Plan, action: Action) -> Contradiction | None:
    """An overdue action whose status still says on track at the plan's "as at" date."""
    late = _overdue(plan, action, plan.as_at_date) if plan.progress_recorded else None
    status = status_of(plan, action)
    if late is None or status is None or status is not on_track_status(plan):
        return None
    said = [u for u in action.updates_newest_first if u.day.value <= plan.as_at_date]
    return Contradiction(action, late.due, status, said[0] if said else None)


def is_overdue(plan: Plan, action: Action) -> bool:
    """Past its due date at the plan's "as at" date and not complete, whatever its status says:
    the rule of the "needs attention" page, so every page tells the same story."""
    if not plan.progress_recorded:  # no "today" to judge by: the latest due date is not one
        return False
    return _overdue(plan, action, plan.as_at_date) is not None


def _overdue(plan: Plan, action: Action, as_at: date) -> Overdue | None:
    due = action.due_date
    if due is None or due.date is None or due.date >= as_at or is_settled(plan, action):
        return None
    # counted in calendar months from the due month, as readers count: due in August and still
    # open at the end of September is a month late (0 only when due earlier in the as-at month)
    return Overdue(action, due.date, calendar_months(due.date, as_at))


def _stale(plan: Plan, action: Action, as_at: date) -> Stale | None:
    """Outstanding, and nothing said for more than the plan's `stale_after_months`."""
    if is_settled(plan, action):
        return None
    last = action.latest_update
    if last is not None:
        since = last.day.value  # "2026-01" counts from January: 5 months before 30 June
    elif action.new_since is not None:
        since = action.new_since.value  # a new action has had no time to report yet
    else:
        return Stale(action, None, 0) if not action.progress else None
    months = months_between(since, as_at)
    return Stale(action, last, months) if months > plan.stale_after_months else None


def _worsened(plan: Plan, action: Action) -> Worsened | None:
    """The latest update gave a worse status than the update before it that gave one."""
    graded = [u for u in action.updates_oldest_first if u.status]
    latest = action.latest_update
    if len(graded) < 2 or latest is None or graded[-1] is not latest:
        return None
    before, after = (plan.vocabulary.find(u.status or "") for u in graded[-2:])
    if before and after and plan.vocabulary.worse(before.key, after.key):
        return Worsened(action, before, after, latest)
    return None


# What changed, per reporting period (calendar quarter) -----------------------------------------


@dataclass(frozen=True)
class StatusChange:
    action: Action
    before: Status | None  # None: the action had no status before
    after: Status
    worse: bool


@dataclass(frozen=True)
class Period:
    key: str  # "2026 Q3"
    start: date
    end: date
    updates: list[tuple[Action, Update]]  # newest first
    changes: list[StatusChange]

    @property
    def anchor(self) -> str:
        return self.key.lower().replace(" ", "-")


def quarter_bounds(day: date) -> tuple[date, date]:
    first_month = (day.month - 1) // 3 * 3 + 1
    last_month = first_month + 2
    return (
        date(day.year, first_month, 1),
        date(day.year, last_month, calendar.monthrange(day.year, last_month)[1]),
    )


def updates_to_date(plan: Plan) -> Iterator[tuple[Action, Update]]:
    """Each update dated on or before the plan's "as at" date, with its action: what the
    plan's What changed lists."""
    as_at = plan.as_at_date
    for action in plan.actions:
        for update in action.updates:
            if update.day.value <= as_at:
                yield action, update


@per_object
def periods(plan: Plan) -> list[Period]:
    """Every quarter with an update, newest first, up to the plan's "as at" date."""
    by_quarter: dict[str, list[tuple[Action, Update]]] = {}
    for action, update in updates_to_date(plan):
        by_quarter.setdefault(quarter_of(update.day.value), []).append((action, update))
    result = []
    for key, updates in by_quarter.items():
        start, end = quarter_bounds(updates[0][1].day.value)
        updates.sort(key=lambda item: (-item[1].day.value.toordinal(), item[0].ref))
        result.append(Period(key, start, end, updates, _changes(plan, start, end)))
    return sorted(result, key=lambda p: p.start, reverse=True)


def _changes(plan: Plan, start: date, end: date) -> list[StatusChange]:
    """Actions whose status at the end of the quarter differs from the one it started with."""
    before_day = date.fromordinal(start.toordinal() - 1)
    changes = []
    for action in plan.actions:
        before, after = status_at(plan, action, before_day), status_at(plan, action, end)
        if after is not None and (before is None or before.key != after.key):
            worse = before is not None and plan.vocabulary.worse(before.key, after.key)
            changes.append(StatusChange(action, before, after, worse))
    return changes
