"""How long a plan's What changed page may run, and how a longer one is published: a quarter a
page.

The page lists, for every reporting quarter, each update dated in it and each status change
(`periods`, plansite/model/progress.py): about 600 bytes of HTML an entry. Past CHANGES_LIMIT
entries the plan's What changed page is its latest quarter in full and a list of the earlier
quarters, each published on a page of its own (plansite/pages/plans.py); the page says so, and
`make check` advises (plansite/check/advice.py).

Every build lists its pages, kept ones too, so whether a plan is split and into which quarters
is found from its updates' dates alone: working out every quarter's status changes takes
seconds on a plan of thousands of actions, and only a page being rendered needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.model import links
from plansite.model.dates import quarter_of
from plansite.model.memo import per_object
from plansite.model.plan import Plan
from plansite.model.progress import Period, periods, quarter_bounds, updates_to_date

# Updates and status changes on one What changed page, at most: about 1.2 MB of HTML (60 KB
# sent compressed), as much as a phone opens without a wait. A plan of 150 actions (LONG_PLAN,
# the longest printed whole) updated every quarter for ten quarters, a third of the updates
# changing its status, stays on one page (1,500 + 500); the example board's busiest plan has
# 430. The 12,000-action bench's largest plan has 47,695 (29 MB on one page).
CHANGES_LIMIT = 2000


@dataclass(frozen=True)
class QuarterPage:
    """An earlier quarter's own page, as the site lists it (its changes are `period`'s)."""

    plan_id: str
    start: date
    end: date

    @property
    def anchor(self) -> str:
        """The quarter's address on the whole page (`Period.anchor`), e.g. `2026-q2`."""
        return quarter_of(self.start).lower().replace(" ", "-")

    @property
    def path(self) -> str:
        return links.what_changed_quarter(self.plan_id, self.anchor)


def entries(period: Period) -> int:
    """What a quarter lists: its updates and its status changes."""
    return len(period.updates) + len(period.changes)


def changes_count(plan: Plan) -> int:
    """What the plan's What changed page lists whole: every quarter's entries."""
    return sum(entries(period) for period in periods(plan))


def dated_updates(plan: Plan) -> int:
    """The updates the page lists: those dated on or before the plan's "as at" date."""
    return sum(1 for _ in updates_to_date(plan))


@per_object
def quarter_pages(plan: Plan) -> list[QuarterPage]:
    """The quarters published on pages of their own, newest first: every quarter but the
    latest, when the plan lists more than CHANGES_LIMIT entries; none when it is one page."""
    days = {update.day.value for _, update in updates_to_date(plan)}
    starts = sorted({quarter_bounds(day)[0] for day in days}, reverse=True)
    if len(starts) < 2 or not _past_limit(plan):
        return []
    return [QuarterPage(plan.id, *quarter_bounds(start)) for start in starts[1:]]


def _past_limit(plan: Plan) -> bool:
    dated = dated_updates(plan)
    every = sum(len(action.updates) for action in plan.actions)
    # a status change is made by an update dated in its quarter, so the page lists between
    # `dated` and `dated + every` entries: its quarters' changes are worked out only between
    if dated > CHANGES_LIMIT or dated + every <= CHANGES_LIMIT:
        return dated > CHANGES_LIMIT
    return changes_count(plan) > CHANGES_LIMIT
