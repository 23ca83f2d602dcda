"""Reporting planner page type: placed by the hand-written docs/planner.md with one macro call,
`{{ plansite_page("planner") }}`. No pages are generated; the subgroup pages and the plan home
include the planner's views themselves (macros.render.planner)."""

from __future__ import annotations

from macros.pages import Renderer
from macros.render import planner

RENDERERS: dict[str, Renderer] = {"planner": planner.planner_page}
