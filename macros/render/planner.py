"""Reporting planner views. Stubs made by the plan pages engineer: the planner engineer owns them.

The plan and subgroup pages call these two functions and include what they return.
"""

from __future__ import annotations

from macros.model.board import Subgroup
from macros.model.plan import Plan
from macros.model.site import Site


def subgroup_reports(site: Site, subgroup: Subgroup, here: str) -> str:
    """HTML: what `subgroup` reports to the board and when, with a calendar subscribe link."""
    return ""


def next_meeting(site: Site, plan: Plan, here: str) -> str:
    """HTML: what is due at the next board meeting after the plan's "as at" date."""
    return ""
