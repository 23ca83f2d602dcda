"""Reporting planner page type: placed by the hand-written docs/planner.md with one macro call,
`{{ plansite_page("planner") }}`. No pages are generated; the subgroup pages and the plan home
include the planner's views themselves (plansite.render.planner)."""

from __future__ import annotations

from plansite.pages import PageGroup, PageType
from plansite.render import planner

GROUP = PageGroup((PageType("planner", planner.planner_page),))
