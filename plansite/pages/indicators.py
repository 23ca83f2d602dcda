"""Indicator page type: the catalogue, one page per indicator in indicators.yml."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.sections import sections_on
from plansite.pages import GeneratedPage, PageGroup, PageType
from plansite.render import indicators as render
from plansite.render.last_updated import indicator_line
from plansite.words.wording import word


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


CATALOGUE = PageType("indicators_index", _catalogue)
INDICATOR = PageType("indicator", _indicator)
GROUP = PageGroup((CATALOGUE, INDICATOR), pages)
