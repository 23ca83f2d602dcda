"""The home page: what the partnership is doing and how it is going, from the current plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.progress import needs_attention, on_track_status, periods, summary
from plansite.model.sections import sections_on
from plansite.render.planner import next_meeting
from plansite.render.plans import Bar, bar, sentence
from plansite.render.templates import render


@dataclass(frozen=True)
class PriorityCard:
    bar: Bar
    latest_update: date | None  # the newest progress update of any of its actions


def home_page(site: BoardData, here: str) -> str:
    plan = site.current_plan
    cards = []
    for priority in plan.priorities:
        days = [a.latest_update.day.value for a in priority.all_actions if a.latest_update]
        href = links.href(here, links.priority(plan.id, priority.slug))
        label = priority.numbered_title
        cards.append(
            PriorityCard(
                bar(label, href, summary(plan, priority.all_actions)), max(days, default=None)
            )
        )
    latest = periods(plan)
    parts = sections_on(site)
    return render(
        "home/page.html",
        board=site.board,
        plan=plan,
        cards=cards,
        whole=sentence(summary(plan, plan.actions)),
        attention=needs_attention(plan),
        on_track=on_track_status(plan),
        latest_period=latest[0] if latest else None,
        next_meeting=Markup(next_meeting(site, plan, here)),
        worried=Markup(worried_block(site)),
        plan_href=links.href(here, links.plan_home(plan.id)),
        page_href=lambda name: links.href(here, links.plan_page(plan.id, name)),
        # a part the board has no data for is not in its site: no link to it
        report_href=links.href(here, links.annual_reports()) if "annual-report" in parts else "",
        guide_href=links.href(here, links.guide_home()) if "guide" in parts else "",
        plans_href=links.href(here, links.plans_index()),
    )


def worried_block(site: BoardData) -> str:
    """ "Worried about a child?": 999, then the board's contact routes (board.yml)."""
    routes = site.board.worried_about_a_child
    return render(
        "home/worried.html",
        routes=routes,
        board=site.board,
    )
