"""Advice, never an error: an overdue action whose status still says it is on track. The site
publishes the status as written, with a note that the board's own dates say it is late."""

from __future__ import annotations

from macros.model.board_data import BoardData
from macros.model.progress import needs_attention
from macros.read.problems import Problem


def contradiction_advice(site: BoardData) -> list[Problem]:
    found = []
    for plan in site.plans:
        for item in needs_attention(plan).contradicted:
            action = item.action
            due = action.due or item.due.isoformat()
            latest = (
                f"its latest update ({item.last.date}) still says so"
                if item.said_after_due and item.last is not None
                else f"it has not been updated since {item.last.date}"
                if item.last is not None
                else "it has no dated update"
            )
            found.append(
                Problem(
                    plan.source_file,
                    action.line_of("status" if action.status else "due"),
                    f'action {action.ref} was due "{due}", before the plan\'s as-at date '
                    f'{plan.as_at_date.isoformat()}, but is still marked "{item.status.label}" '
                    f"and {latest}. It is published as written, with a note that its dates say "
                    "it is late; give it the status the board agrees, or a new `due:` (moving "
                    "the old one to `due_was:`)",
                )
            )
    return found
