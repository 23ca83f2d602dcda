"""Subgroup page type: the subgroups index and one page per subgroup in subgroups.yml."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.sections import sections_on
from plansite.pages import GeneratedPage, PageGroup, PageType
from plansite.render import subgroups as render
from plansite.words.wording import word


def pages(site: BoardData) -> list[GeneratedPage]:
    if "subgroups" not in sections_on(site):
        return []
    index = links.subgroups_index()
    result = [GeneratedPage(index, word("titles", "subgroups"), INDEX, nav_section=index)]
    for subgroup in site.subgroups:
        result.append(
            GeneratedPage(
                links.subgroup(subgroup.id), subgroup.name, SUBGROUP, (subgroup.id,), index
            )
        )
    return result


def _index(site: BoardData, here: str) -> str:
    return render.subgroups_index(site, here)


def _subgroup(site: BoardData, here: str, subgroup_id: str) -> str:
    subgroup = next(s for s in site.subgroups if s.id == subgroup_id)
    return render.subgroup_page(site, subgroup, here)


INDEX = PageType("subgroups_index", _index)
SUBGROUP = PageType("subgroup", _subgroup)
GROUP = PageGroup((INDEX, SUBGROUP), pages)
