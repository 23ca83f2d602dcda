"""The optional parts of a board's site: each is on when the board has its data, else it is left
out of the menu, the pages, the downloads, datapackage.json and search.

Only board.yml and one plan are required. A page in docs/ names the parts it needs in its front
matter (`needs: [budget]`); a generated page belongs to its part by its page type.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.memo import per_object
from plansite.model.plan import Plan, Priority


@dataclass(frozen=True)
class Section:
    key: str  # what `needs:` names in a page's front matter
    title: str  # as a maintainer reads it in `make check`
    turned_on_by: str  # the data file that turns it on
    on: Callable[[BoardData], bool]


def guide_priorities(plan: Plan) -> list[Priority]:
    """The priorities written for young people (`young_people:`): the only ones in the guide."""
    return [p for p in plan.priorities if p.young_people]


SECTIONS = [
    Section("indicators", "Indicators", "indicators.yml", lambda s: bool(s.indicators)),
    Section("planner", "Reporting planner and calendars", "planner.yml", lambda s: bool(s.planner)),
    # the budget and training tables: open data, and the funding and training of a yearly report
    Section("budget", "Budget statement", "budget.yml", lambda s: s.budget is not None),
    Section("training", "Training table", "training.csv", lambda s: bool(s.training)),
    Section("membership", "Membership", "members.csv", lambda s: bool(s.members)),
    Section("subgroups", "Subgroups and structure", "subgroups.yml", lambda s: bool(s.subgroups)),
    Section(
        "guide",
        "Young people's guide",
        "`young_people:` wording on a priority of the current plan",
        lambda s: bool(guide_priorities(s.current_plan)),
    ),
    Section("annual-report", "Annual report", "reports/<year>.yml", lambda s: bool(s.reports)),
]
SECTION_KEYS = frozenset(s.key for s in SECTIONS)


@per_object
def sections_on(site: BoardData) -> frozenset[str]:
    return frozenset(s.key for s in SECTIONS if s.on(site))


def sections_off(site: BoardData) -> list[Section]:
    on = sections_on(site)
    return [s for s in SECTIONS if s.key not in on]
