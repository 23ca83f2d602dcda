"""The words for an action whose status says "on track" while its own due date has passed:
published as the board wrote it, and said plainly beside it (macros/model/progress.py)."""

from __future__ import annotations

from macros.model.dates import Due
from macros.model.plan import Action, Plan
from macros.model.progress import Contradiction, contradiction
from macros.render.wording import month_year, word


def due_words(due: Due) -> str:
    """A due date as the pages word it: "September 2025" or "31 March 2026"."""
    if due.date is None:
        return due.text
    if due.precision == "month":
        return month_year(due.date)
    return f"{due.date.day} {month_year(due.date)}"


def contradiction_words(found: Contradiction) -> str:
    """e.g. "Due December 2025, still marked on target: not updated since June 2025"."""
    due = found.action.due_date
    values = {
        "due": due_words(due) if due is not None else month_year(found.due),
        "status": found.status.label.lower(),
    }
    if found.last is None:
        return word("contradiction", "never_updated", **values)
    last = month_year(found.last.day.value)
    kind = "said_after_due" if found.said_after_due else "not_updated"
    return word("contradiction", kind, last=last, **values)


def contradiction_note(plan: Plan, action: Action) -> str:
    """The words for `action`, or "" when its status and dates agree."""
    found = contradiction(plan, action)
    return contradiction_words(found) if found is not None else ""
