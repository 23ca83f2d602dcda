"""Planner items whose wording cannot be placed on months: shown as written, in no month, with
advice naming the wording and the fix (real planners say "when the subgroup meets" without ever
saying when that is, and the board still publishes them)."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.model.planner_schedule import schedule
from plansite.read.problems import Problem


def planner_advice(site: BoardData) -> list[Problem]:
    """Items not placed as their wording means, or not placed at all."""
    found = []
    for entry in schedule(site):
        placement, item = entry.placement, entry.item
        if placement.problem:
            field = "months" if item.months else "when"
            unplaced = " It is shown as written, in no month." if not placement.months else ""
            found.append(
                Problem(item.source_file, item.line_of(field), f"{placement.problem}.{unplaced}")
            )
        elif placement.note:
            found.append(Problem(item.source_file, item.line_of("when"), placement.note))
    return found
