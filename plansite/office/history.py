"""A history table (the export's appendix, or a tracker's updates log): one row per dated
update, matched to its action by priority and ref (or title). It is the full record: it replaces
the updates read from the actions' "latest update" cells."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from plansite.office.cells import ref_and_title
from plansite.office.columns import Header
from plansite.office.document import Cell, Table
from plansite.office.progress import para_markdown, when

StatusOf = Callable[[Cell], "str | None"]


Key = tuple[str, str]  # (priority ref, action ref or title)


def _by_ref(priorities: list[dict[str, Any]]) -> tuple[dict[Key, dict[str, Any]], set[Key]]:
    """Each action by its priority's ref and its own; and the keys two actions share (a
    number the document uses twice), whose history rows name no one action."""
    found: dict[Key, dict[str, Any]] = {}
    shared: set[Key] = set()
    for priority in priorities:
        grouped = [a for issue in priority.get("issues", []) for a in issue["actions"]]
        for action in grouped + priority.get("actions", []):
            key = (priority.get("ref", ""), action.get("ref", action.get("title", "")))
            if key in found:
                shared.add(key)
            found[key] = action
    return {k: a for k, a in found.items() if k not in shared}, shared


def apply_history(
    priorities: list[dict[str, Any]],
    table: Table,
    header: Header,
    status_of: StatusOf,
    as_at: date | None,
) -> tuple[int, list[Cell], list[Cell]]:
    """Rows read; the cells of rows that match no action, and of rows whose ref two actions
    share (to report as not placed: which action they belong to is not guessed)."""
    by_ref, shared = _by_ref(priorities)
    logged: dict[int, tuple[dict[str, Any], list[dict[str, str]]]] = {}
    rows = 0
    unmatched: list[Cell] = []
    ambiguous: list[Cell] = []
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
        if (owner, ref) in shared:
            ambiguous.extend(c for c in cells.values() if c.text)
            continue
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
    return rows, unmatched, ambiguous
