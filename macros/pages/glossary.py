"""Glossary page type: one page of the words the plans use, left out when there are none. It is
linked from every page's footer, not from the menu."""

from __future__ import annotations

from macros.model import links
from macros.model.board_data import BoardData
from macros.pages import GeneratedPage, PageGroup, PageType
from macros.render import glossary as render
from macros.render import search_board_pages as search
from macros.render.wording import word


def pages(site: BoardData) -> list[GeneratedPage]:
    if not site.glossary_terms:
        return []
    return [GeneratedPage(links.glossary(), word("titles", "glossary"), GLOSSARY)]


def _glossary(site: BoardData, here: str) -> str:
    return render.glossary_page(site, here)


GLOSSARY = PageType("glossary", _glossary, search=search.glossary)
GROUP = PageGroup((GLOSSARY,), pages)
