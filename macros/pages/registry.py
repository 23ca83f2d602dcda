"""Every page type, in one place: what pages it makes and the function that renders each."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from macros.model.site import Site
from macros.pages import GeneratedPage, PageLister, Renderer
from macros.pages import glossary as glossary_pages
from macros.pages import guide as guide_pages
from macros.pages import indicators as indicator_pages
from macros.pages import planner as planner_pages
from macros.pages import plans as plan_pages
from macros.pages import report as report_pages
from macros.pages import subgroups as subgroup_pages

PAGE_LISTERS: list[PageLister] = [
    plan_pages.pages,
    guide_pages.pages,
    indicator_pages.pages,
    subgroup_pages.pages,
    glossary_pages.pages,
    report_pages.pages,
]
RENDERERS: dict[str, Renderer] = {
    **plan_pages.RENDERERS,
    **guide_pages.RENDERERS,
    **indicator_pages.RENDERERS,
    **report_pages.RENDERERS,
    **subgroup_pages.RENDERERS,
    **planner_pages.RENDERERS,
    **glossary_pages.RENDERERS,
}


def generated_pages(site: Site) -> list[GeneratedPage]:
    return [page for lister in PAGE_LISTERS for page in lister(site)]


def render_page(
    site: Site,
    here: str,
    kind: str,
    *args: str,
    published: Callable[[], Mapping[str, bytes]] | None = None,
) -> str:
    """`published`: the build's published files, for the pages that list them (Downloads)."""
    if kind in report_pages.WITH_FILES:
        assert published is not None, f"the {kind} page is rendered by the build, not the worker"
        return report_pages.WITH_FILES[kind](site, here, published())
    return RENDERERS[kind](site, here, *args)
