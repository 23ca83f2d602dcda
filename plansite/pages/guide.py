"""Young people's guide page type: a home page, one page per goal of the current plan, and
what children and young people told us."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.sections import guide_priorities, sections_on
from plansite.pages import GeneratedPage, PageGroup, PageType
from plansite.render import guide as render
from plansite.words.wording import word

# The guide's own simple frame (plansite/theme/guide.html): no adult menu, an "Exit this page" button
FRAME = "guide.html"


def pages(site: BoardData) -> list[GeneratedPage]:
    if "guide" not in sections_on(site):
        return []
    index = links.guide_home()
    result = [
        GeneratedPage(index, word("titles", "guide"), HOME, nav_section=index, template=FRAME)
    ]
    for priority in guide_priorities(site.current_plan):
        result.append(
            GeneratedPage(
                links.guide_priority(priority.slug),
                goal_title(priority.ref, render.goal_heading(priority)),
                PRIORITY,
                (priority.slug,),
                index,
                template=FRAME,
            )
        )
    for path, title, page_type in [
        (links.guide_voices(), "guide_voices", VOICES),
        (links.guide_private(), "guide_private", PRIVATE),
        (links.guide_leaflet(), "guide_leaflet", LEAFLET),
    ]:
        result.append(
            GeneratedPage(path, word("titles", title), page_type, (), index, template=FRAME)
        )
    return result


def goal_title(ref: str, title: str) -> str:
    return word("titles", "guide_goal", ref=ref, title=title)


def _home(site: BoardData, here: str) -> str:
    return render.home_page(site, here)


def _priority(site: BoardData, here: str, ref: str) -> str:
    priority = next(p for p in site.current_plan.priorities if p.slug == ref)
    return render.priority_page(site, priority, here)


def _voices(site: BoardData, here: str) -> str:
    return render.voices_page(site, here)


def _leaflet(site: BoardData, here: str) -> str:
    return render.leaflet_page(site, here)


def _private(site: BoardData, here: str) -> str:
    return render.private_page(site, here)


HOME = PageType("guide_home", _home)
PRIORITY = PageType("guide_priority", _priority)
VOICES = PageType("guide_voices", _voices)
LEAFLET = PageType("guide_leaflet", _leaflet)
PRIVATE = PageType("guide_private", _private)
GROUP = PageGroup((HOME, PRIORITY, VOICES, LEAFLET, PRIVATE), pages)
