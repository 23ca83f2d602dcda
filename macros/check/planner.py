"""Planner items whose wording cannot be placed on months: they are shown as "as required",
and named in a build warning (a strict build fails on it) so that the editor fixes the wording."""

from __future__ import annotations

from macros.model.board_data import BoardData
from macros.model.planner_schedule import schedule
from macros.read.problems import Problem


def planner_warnings(site: BoardData) -> list[Problem]:
    warnings = []
    for entry in schedule(site):
        problem = entry.placement.problem
        if problem:
            item = entry.item
            field = "months" if item.months else "when"
            until = (
                ' It is shown as "as required" until then.' if entry.placement.as_required else ""
            )
            warnings.append(Problem(item.source_file, item.line_of(field), f"{problem}.{until}"))
    return warnings


def planner_notes(site: BoardData) -> list[Problem]:
    """Items placed, but not quite as their wording means (a subgroup with no months yet)."""
    return [
        Problem(entry.item.source_file, entry.item.line_of("when"), entry.placement.note)
        for entry in schedule(site)
        if entry.placement.note
    ]
