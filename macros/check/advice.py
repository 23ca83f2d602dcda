"""Advice about the data that does not stop publishing: `make check` prints each as advice
with its file and line, and the build logs it as information (a strict build goes on)."""

from __future__ import annotations

from macros.check.contradictions import contradiction_advice
from macros.check.planner import planner_advice
from macros.model.base import Model
from macros.model.board_data import BoardData
from macros.model.dates import calendar_months
from macros.model.plan import Plan
from macros.read.problems import Problem


def data_advice(site: BoardData) -> list[Problem]:
    found = []
    for plan in site.plans:
        if not plan.title_written:
            found.append(
                Problem(plan.source_file, plan.line_of("id"), f"the plan has no `title`, so it "
                        f'is called "{plan.title}"; add `title:` to name it as the document does')
            )  # fmt: skip
        found.extend(unexplained_statuses(plan))
    found.extend(behind for plan in site.plans if (behind := stale_as_at(plan)) is not None)
    found.extend(contradiction_advice(site))
    if site.planner is not None:
        for item in site.planner.items:
            found.extend(renamed(item))
        found.extend(planner_advice(site))
    return found


def unexplained_statuses(plan: Plan) -> list[Problem]:
    """A status the import could not explain is published as written, counted neither done nor
    late, until the board says what it means."""
    return [
        Problem(
            status.source_file or plan.source_file,
            status.line_of("unexplained"),
            f'status `{status.key}` ("{status.label}") is marked `unexplained: true`: '
            "nothing in the document said what it means, so it counts neither done nor late; "
            "write its `meaning:` (and `done: true` if it means finished), then remove "
            "`unexplained: true`",
        )
        for status in plan.statuses
        if status.unexplained
    ]


def renamed(obj: Model) -> list[Problem]:
    """A field written under its old name is still read; say what it is called now."""
    result = []
    for old, new in getattr(obj, "RENAMED", {}).items():
        if old in obj.model_fields_set:
            result.append(
                Problem(obj.source_file, obj.line_of(old), f"`{old}` is now called `{new}`; "
                        f"rename it (it is still read for now)")
            )  # fmt: skip
    return result


AS_AT_BEHIND_MONTHS = 3


def stale_as_at(plan: Plan) -> Problem | None:
    """`as_at:` more than three months before the plan's latest update: every page judges the
    plan at `as_at` (what is overdue, the next meeting), so it says less than the board knows."""
    if plan.as_at is None:
        return None
    days = [u.day.month_end if u.day.precision == "month" else u.day.value
            for a in plan.actions for u in a.updates]  # fmt: skip
    latest = max(days, default=None)
    if latest is None or calendar_months(plan.as_at_date, latest) <= AS_AT_BEHIND_MONTHS:
        return None
    return Problem(
        plan.source_file, plan.line_of("as_at"),
        f"`as_at: {plan.as_at}` is more than {AS_AT_BEHIND_MONTHS} months before the plan's "
        f"latest update ({latest.isoformat()}); every page judges the plan at `as_at` (what is "
        "overdue, the next board meeting), so move it to the date of the latest progress",
    )  # fmt: skip
