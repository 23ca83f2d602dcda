"""Indicator page type: the catalogue, one page per indicator in indicators.yml."""

from __future__ import annotations

from macros.model import links
from macros.model.board_data import BoardData
from macros.model.sections import sections_on
from macros.pages import GeneratedPage, PageGroup, PageType
from macros.render import indicators as render
from macros.render import search_board_pages as search
from macros.render.last_updated import indicator_line
from macros.render.wording import word


def pages(site: BoardData) -> list[GeneratedPage]:
    if "indicators" not in sections_on(site):
        return []
    index = links.indicators_index()
    result = [GeneratedPage(index, word("titles", "indicators"), CATALOGUE, nav_section=index)]
    for indicator in site.indicators:
        result.append(
            GeneratedPage(
                links.indicator(indicator.slug),
                word("titles", "indicator", ref=indicator.ref, title=indicator.title),
                INDICATOR,
                (indicator.key,),
                index,
                indicator.theme,
            )
        )
    return result


def _catalogue(site: BoardData, here: str) -> str:
    return render.catalogue(site, here)


def _indicator(site: BoardData, here: str, ref: str) -> str:
    indicator = site.indicator_by_ref[ref]
    return render.indicator_page(site, indicator, here) + indicator_line(site, indicator)


CATALOGUE = PageType("indicators_index", _catalogue, search=search.indicators_index)
INDICATOR = PageType("indicator", _indicator, search=search.indicator)
GROUP = PageGroup((CATALOGUE, INDICATOR), pages)
