"""How long a plan's PDF may run, and how a long plan is printed instead: in pieces a board can
table.

Every plan PDF gives each action's status and latest update and leaves the full histories to
the site (plansite/documents/pdf.py). Past LONG_PLAN actions even that is a document of
hundreds of pages, so a long plan's PDF is its progress at a glance, naming one PDF per
priority (`printed_parts`); the plan's page says so, and `make check` advises.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model import links
from plansite.model.plan import Action, Plan, Priority

# about 100 A4 pages of actions at 7 actions a page, plus the summary: the most a board could
# table at one meeting
LONG_PLAN = 150

# The most actions one PDF of a long plan holds: a priority with more is printed in numbered
# parts of near-equal size. WeasyPrint lays a whole document out in memory (a 1,552-page plan
# took 3.9 GB in one worker), so capping each document's actions caps the largest job a build
# runs, whatever the size of the plan: about 110 pages, some hundreds of megabytes.
PART_ACTIONS = 500


@dataclass(frozen=True)
class PrintedPart:
    """One PDF of a long plan: a priority's printed page, or a numbered part of it."""

    priority: Priority
    actions: tuple[Action, ...]  # in the priority's order
    number: int  # 1, 2, ... of `parts`; 0 when the priority is printed whole
    parts: int
    path: str  # inside site/

    @property
    def first(self) -> str:
        return self.actions[0].ref if self.actions else ""

    @property
    def last(self) -> str:
        return self.actions[-1].ref if self.actions else ""


def is_long(plan: Plan) -> bool:
    return len(plan.actions) > LONG_PLAN


def printed_parts(plan: Plan) -> list[PrintedPart]:
    """A long plan's PDFs beside its at-a-glance one, in the plan's order (none for a plan
    printed whole): one per priority, or per part of a priority of more than PART_ACTIONS."""
    return [part for priority in plan.priorities for part in priority_parts(plan, priority)]


def priority_parts(plan: Plan, priority: Priority) -> list[PrintedPart]:
    """The PDFs of one priority of a long plan (none for a plan printed whole)."""
    if not is_long(plan):
        return []
    limit = PART_ACTIONS  # read when asked: a test prints a small plan in parts
    actions = priority.all_actions
    parts = max(1, -(-len(actions) // limit))  # the fewest parts within the limit
    result = []
    for index in range(parts):
        # near-equal parts, in the priority's order
        start, stop = index * len(actions) // parts, (index + 1) * len(actions) // parts
        number = index + 1 if parts > 1 else 0
        path = links.priority_pdf(plan.id, priority.slug, number)
        result.append(PrintedPart(priority, tuple(actions[start:stop]), number, parts, path))
    return result
