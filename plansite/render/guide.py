"""The young people's guide: the current plan in plain words, progress said as "done",
"on the way" or "stuck", and how to get help now on every page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.plan import Action, Plan, Priority
from plansite.model.progress import status_of
from plansite.model.sections import guide_priorities
from plansite.render.templates import render
from plansite.render.text import plain, rich
from plansite.words.wording import word

ICONS = "images/guide"
# a sentence ends at . ! or ? followed by a space (not inside "e.g. " or a number like 1.5)
SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"'][.!?])\s+(?=[A-Z0-9\"'])")


@dataclass(frozen=True)
class Progress:
    slug: str  # icon file and CSS class

    @property
    def word(self) -> str:
        """What a young reader sees, from the words file."""
        return word("guide_progress_words", self.slug.replace("-", "_"))


DONE = Progress("done")
ON_THE_WAY = Progress("on-the-way")
STUCK = Progress("stuck")
PROGRESS_ORDER = [DONE, ON_THE_WAY, STUCK]


@dataclass(frozen=True)
class Step:
    """One action in young people's words, with its progress."""

    text: str
    progress: Progress


@dataclass(frozen=True)
class Goal:
    priority: Priority
    href: str
    heading: str


def goal_heading(priority: Priority) -> str:
    """A goal's heading in the guide: the board's short `young_people_title:`, else the first
    sentence of the young people's wording. Never the formal title: it is written for adults."""
    if priority.young_people_title:
        return plain(priority.young_people_title).strip()
    words = " ".join(plain(rich(priority.young_people)).split())
    return SENTENCE_END.split(words, maxsplit=1)[0].rstrip(".")


def progress(plan: Plan, action: Action) -> Progress:
    """A status that counts as done is "done"; the plan's worst outstanding status is "stuck";
    the rest, and an action with no status yet, are "on the way". A closed action (cancelled,
    superseded, merged) is not in the guide's counts: see `progress_counts`."""
    status = status_of(plan, action)
    if status is None:
        return ON_THE_WAY
    if status.done:
        return DONE
    if status is plan.vocabulary.worst:
        return STUCK
    return ON_THE_WAY


def _closed(plan: Plan, action: Action) -> bool:
    status = status_of(plan, action)
    return bool(status and status.closed)


def progress_counts(plan: Plan, actions: list[Action]) -> list[tuple[Progress, int]]:
    found = [progress(plan, a) for a in actions if not _closed(plan, a)]
    return [(p, found.count(p)) for p in PROGRESS_ORDER]


def steps(plan: Plan, priority: Priority) -> list[Step]:
    """The actions the plan put into young people's words (`young_people:`), in plan order."""
    return [
        Step(a.young_people, progress(plan, a))
        for a in priority.all_actions
        if a.young_people and not _closed(plan, a)
    ]


def voice_plans(site: BoardData) -> list[Plan]:
    """The current plan and the newest improvement plan: where "what children will say" is."""
    improvement = [p for p in site.plans if p.kind == "improvement"]
    newest = max(improvement, key=lambda p: p.as_at_date, default=None)
    plans = [site.current_plan]
    if newest is not None and newest is not site.current_plan:
        plans.append(newest)
    return plans


def _common(site: BoardData, here: str) -> dict[str, object]:
    """What every guide page shows: the help box and the progress icons."""
    return {
        "board": site.board,
        "icon": lambda name: links.href(here, f"{ICONS}/{name}.svg"),
        "guide_home": links.href(here, links.guide_home()),
        "leaflet_href": links.href(here, links.guide_leaflet()),
        "private_href": links.href(here, links.guide_private()),
    }


def home_page(site: BoardData, here: str) -> str:
    plan = site.current_plan
    goals = [
        Goal(p, links.href(here, links.guide_priority(p.slug)), goal_heading(p))
        for p in guide_priorities(plan)
    ]
    return render(
        "guide/home.html",
        plan=plan,
        goals=goals,
        voices_href=links.href(here, links.guide_voices()),
        plans_href=links.href(here, links.plan_home(plan.id)),
        **_common(site, here),
    )


def priority_page(site: BoardData, priority: Priority, here: str) -> str:
    plan = site.current_plan
    found = steps(plan, priority)
    return render(
        "guide/priority.html",
        plan=plan,
        priority=priority,
        done=[s for s in found if s.progress is DONE],
        coming=[s for s in found if s.progress is not DONE],
        counts=progress_counts(plan, priority.all_actions),
        total=len(priority.all_actions),
        still_to_do=sum(1 for a in priority.all_actions if progress(plan, a) is not DONE),
        adult_href=links.href(here, links.priority(plan.id, priority.slug)),
        **_common(site, here),
    )


def statements(site: BoardData) -> list[str]:
    """What children will say, from the current and the improvement plan, once each."""
    found = [
        statement
        for plan in voice_plans(site)
        for priority in plan.priorities
        for statement in priority.children_will_say
    ]
    return list(dict.fromkeys(found))


def voices_page(site: BoardData, here: str) -> str:
    return render("guide/voices.html", statements=statements(site), **_common(site, here))


def leaflet_page(site: BoardData, here: str) -> str:
    """The whole guide on one page, for printing as a short leaflet."""
    plan = site.current_plan
    goals = [
        (
            p,
            goal_heading(p),
            steps(plan, p),
            progress_counts(plan, p.all_actions),
            len(p.all_actions),
        )
        for p in guide_priorities(plan)
    ]
    return render(
        "guide/leaflet.html",
        goals=goals,
        statements=statements(site),
        **_common(site, here),
    )


def private_page(site: BoardData, here: str) -> str:
    """How to leave the guide fast and keep a visit private: fixed wording."""
    return render("guide/private.html", **_common(site, here))
