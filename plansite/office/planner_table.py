"""A reporting planner in a plan document: a table headed "What / Subgroup activity / What the
report will tell the board / When reported". Its rows are the board's planner items
(data/planner.yml, plansite/model/planner.py), never a priority's actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plansite.office.cells import leads_of
from plansite.office.columns import HEADER_SEARCH_ROWS, best_field
from plansite.office.document import Cell, Table
from plansite.office.words import PLANNER_HEADINGS, PLANNER_SIGNS


@dataclass
class PlannerTable:
    header_rows: list[int]
    fields: dict[int, str]  # grid column -> planner item field
    headings: set[str]  # the heading row's words, to know that row again further down


def find_planner(table: Table) -> PlannerTable | None:
    """The planner's heading row: the report's name and its timing, with a column only a
    planner has (subgroup activity, what the report tells the board, board meeting)."""
    for row in table.rows[:HEADER_SEARCH_ROWS]:
        fields: dict[int, str] = {}
        for cell in row:
            if cell.continues or not cell.text or len(cell.text) > 80:
                continue
            name = best_field(cell.text, PLANNER_HEADINGS)
            if name is not None and name not in fields.values():
                for offset in range(cell.width):
                    fields[cell.column + offset] = name
        found = set(fields.values())
        if "what" in found and found & PLANNER_SIGNS and found & {"when", "reports_to"}:
            headings = {c.text for c in row if c.text}
            return PlannerTable([row[0].row] if row else [], fields, headings)
    return None


def planner_items(table: Table, planner: PlannerTable) -> tuple[list[dict[str, Any]], list[Cell]]:
    """The items, in the order of the planner's fields, and the cells no item took (a
    heading row across the table, text in a column with no planner heading)."""
    items: list[dict[str, Any]] = []
    left: list[Cell] = []
    for row in table.rows:
        if not row or row[0].row <= max(planner.header_rows, default=0):
            continue
        cells = [c for c in row if c.text and not c.continues]
        if cells and all(c.text in planner.headings for c in cells):
            continue  # the heading row again: tables joined together, or a page's repeat
        item: dict[str, Any] = {}
        for cell in cells:
            name = planner.fields.get(cell.column)
            if name is None:
                left.append(cell)
            elif name == "reports_to":
                item.setdefault(name, []).extend(leads_of(cell))
            else:
                text = " ".join(" ".join(p.plain.split()) for p in cell.paras).strip()
                item[name] = f"{item[name]} {text}".strip() if name in item else text
        if "what" in item:
            item.setdefault("when", "")  # left empty: `make check` asks for it, with the line
            items.append({k: item[k] for k in PLANNER_HEADINGS if k in item})
        else:
            left.extend(c for c in cells if c not in left)
    return items, left
