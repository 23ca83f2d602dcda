"""A history table (the export's appendix, or a tracker's updates log): one row per dated
update, matched to its action by priority and ref (or title). It is the full record: it replaces
the updates read from the actions' "latest update" cells."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from macros.read.office.cells import ref_and_title
from macros.read.office.columns import Header
from macros.read.office.document import Cell, Table
from macros.read.office.progress import para_markdown, when

StatusOf = Callable[[Cell], "str | None"]


def _by_ref(priorities: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for priority in priorities:
        grouped = [a for issue in priority.get("issues", []) for a in issue["actions"]]
        for action in grouped + priority.get("actions", []):
            found[(priority.get("ref", ""), action.get("ref", action.get("title", "")))] = action
    return found


def apply_history(
    priorities: list[dict[str, Any]],
    table: Table,
    header: Header,
    status_of: StatusOf,
    as_at: date | None,
) -> tuple[int, list[Cell]]:
    """Rows read, and the cells of rows that match no action (to report as not placed)."""
    by_ref = _by_ref(priorities)
    logged: dict[int, tuple[dict[str, Any], list[dict[str, str]]]] = {}
    rows = 0
    unmatched: list[Cell] = []
    for row in table.rows:
        if not row or row[0].row in header.rows:
            continue
        cells: dict[str | None, Cell] = {
            header.field_of(c): c for c in row if (c.text or c.fill) and not c.continues
        }
        if not any(c.text for c in cells.values()):
            continue
        rows += 1
        written = cells["priority"].text if "priority" in cells else ""
        owner = ref_and_title(written)[0] or written
        ref = cells["ref"].text if "ref" in cells else ""
        action = by_ref.get((owner, ref))
        if action is None and "title" in cells:
            action = by_ref.get((owner, cells["title"].text))
        day = when(cells["update_date"].text, as_at) if "update_date" in cells else None
        if action is None or day is None or "progress" not in cells:
            unmatched.extend(c for c in cells.values() if c.text)
            continue
        update: dict[str, str] = {"date": day}
        status = status_of(cells["status"]) if "status" in cells else None
        if status:
            update["status"] = status
        update["text"] = para_markdown(cells["progress"].paras)
        logged.setdefault(id(action), (action, []))[1].append(update)
    for action, updates in logged.values():
        action["updates"] = sorted(updates, key=lambda u: u["date"])
    return rows, unmatched
