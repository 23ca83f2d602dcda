"""What `make check` tells an editor without failing: which optional parts of the site are off
(and the file that turns each on), and which priorities the young people's guide leaves out."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.model.sections import guide_priorities, sections_off
from plansite.read.problems import Problem


def sections_report(site: BoardData) -> str:
    """One paragraph, or "" when every part of the site is on."""
    off = sections_off(site)
    if not off:
        return ""
    lines = ["These parts of the site are off, because their data is not there (information):"]
    lines += [f"  - {s.title}: add {s.turned_on_by} to turn it on" for s in off]
    return "\n".join(lines)


def guide_advice(site: BoardData) -> list[Problem]:
    """A priority of the current plan with no young people's wording is left out of the guide."""
    plan = site.current_plan
    written = guide_priorities(plan)
    advice = []
    for priority in plan.priorities:
        if priority not in written:
            advice.append(
                Problem(
                    priority.source_file,
                    priority.line_of("title"),
                    f"priority {priority.ref or f'`{priority.title}`'} is left out of the young "
                    "people's guide: it has no `young_people:` wording. To add it, write under its title "
                    "`young_people: <two or three short sentences a 10-year-old can read>`",
                )
            )
    return advice
