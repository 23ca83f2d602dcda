"""How long a plan's PDF may run before the site says what it leaves out.

Every plan PDF gives each action's status and latest update and leaves the full histories to
the site (plansite/documents/pdf.py). Past LONG_PLAN actions even that is a document of
hundreds of pages, so the plan's page says so beside the PDF's link, and `make check` advises.
"""

from __future__ import annotations

from plansite.model.plan import Plan

# about 100 A4 pages of actions at 7 actions a page, plus the summary: the most a board could
# table at one meeting
LONG_PLAN = 150


def is_long(plan: Plan) -> bool:
    return len(plan.actions) > LONG_PLAN
