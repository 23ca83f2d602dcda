"""How long a plan's What changed page may run, and how a longer one is published: a quarter a
page.

The page lists, for every reporting quarter, each update dated in it and each status change
(`periods`, plansite/model/progress.py): about 600 bytes of HTML an entry. Past CHANGES_LIMIT
entries the plan's What changed page is its latest quarter in full and a list of the earlier
quarters, each published on a page of its own (plansite/pages/plans.py); the page says so, and
`make check` advises (plansite/check/advice.py).
"""

from __future__ import annotations

from plansite.model.plan import Plan
from plansite.model.progress import Period, periods

# Updates and status changes on one What changed page, at most: about 1.2 MB of HTML (60 KB
# sent compressed), as much as a phone opens without a wait. A plan of 150 actions (LONG_PLAN,
# the longest printed whole) updated every quarter for ten quarters, a third of the updates
# changing its status, stays on one page (1,500 + 500); the example board's busiest plan has
# 430. The 12,000-action bench's largest plan has 47,695 (29 MB on one page).
CHANGES_LIMIT = 2000


def entries(period: Period) -> int:
    """What a quarter lists: its updates and its status changes."""
    return len(period.updates) + len(period.changes)


def changes_count(plan: Plan) -> int:
    """What the plan's What changed page would list whole: every quarter's entries."""
    return sum(entries(period) for period in periods(plan))


def quarter_pages(plan: Plan) -> list[Period]:
    """The quarters published on pages of their own, newest first: every quarter but the
    latest, when the plan lists more than CHANGES_LIMIT entries; none when it is one page."""
    found = periods(plan)
    if len(found) < 2 or changes_count(plan) <= CHANGES_LIMIT:
        return []
    return found[1:]
