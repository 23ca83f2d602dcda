"""Every page type, in one place: each module's group of page types, in menu order."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from plansite.model.board_data import BoardData
from plansite.pages import GeneratedPage, PageGroup, PageType
from plansite.pages import annual_reports as report_pages
from plansite.pages import glossary as glossary_pages
from plansite.pages import guide as guide_pages
from plansite.pages import indicators as indicator_pages
from plansite.pages import planner as planner_pages
from plansite.pages import plans as plan_pages
from plansite.pages import subgroups as subgroup_pages

# The order pages are listed in (and so read in by the build)
GROUPS: list[PageGroup] = [
    plan_pages.GROUP,
    guide_pages.GROUP,
    indicator_pages.GROUP,
    subgroup_pages.GROUP,
    glossary_pages.GROUP,
    report_pages.GROUP,
    planner_pages.GROUP,
]


def _by_name(groups: list[PageGroup]) -> dict[str, PageType]:
    found: dict[str, PageType] = {}
    for page_type in (t for group in groups for t in group.types):
        # a maintainer's slip, caught when the package is imported, not by a board
        assert page_type.name not in found, f"two page types are named {page_type.name!r}"
        found[page_type.name] = page_type
    return found


PAGE_TYPES: dict[str, PageType] = _by_name(GROUPS)


def generated_pages(site: BoardData) -> list[GeneratedPage]:
    return [page for group in GROUPS for page in group.list_pages(site)]


def render_page(
    site: BoardData,
    here: str,
    page_type: str,
    *args: str,
    published: Callable[[], Mapping[str, int]] | None = None,
) -> str:
    """`page_type`: its name, as a macro call gives it. `published`: the sizes of the build's
    published files, for the pages that list them (Downloads)."""
    found = PAGE_TYPES[page_type]
    if found.with_published_files:
        assert published is not None, f"the {page_type} page needs the build's published files"
        return found.render(site, here, published())
    return found.render(site, here, *args)
