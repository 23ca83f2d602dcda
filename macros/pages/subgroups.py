"""Subgroup page type: the subgroups index and one page per subgroup in subgroups.yml."""

from __future__ import annotations

from macros.model.sections import sections_on
from macros.model.site import Site
from macros.pages import GeneratedPage, Renderer
from macros.render import links
from macros.render import subgroups as render
from macros.render.wording import word


def pages(site: Site) -> list[GeneratedPage]:
    if "subgroups" not in sections_on(site):
        return []
    index = links.subgroups_index()
    result = [
        GeneratedPage(index, word("titles", "subgroups"), "subgroups_index", nav_section=index)
    ]
    for subgroup in site.subgroups:
        result.append(
            GeneratedPage(
                links.subgroup(subgroup.id), subgroup.name, "subgroup", (subgroup.id,), index
            )
        )
    return result


def _index(site: Site, here: str) -> str:
    return render.subgroups_index(site, here)


def _subgroup(site: Site, here: str, subgroup_id: str) -> str:
    subgroup = next(s for s in site.subgroups if s.id == subgroup_id)
    return render.subgroup_page(site, subgroup, here)


RENDERERS: dict[str, Renderer] = {"subgroups_index": _index, "subgroup": _subgroup}
