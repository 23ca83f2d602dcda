"""Glossary page type: one page of the words the plans use, left out when there are none. It is
linked from every page's footer, not from the menu."""

from __future__ import annotations

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.pages import GeneratedPage, PageGroup, PageType
from plansite.render import glossary as render
from plansite.words.wording import word


def pages(site: BoardData) -> list[GeneratedPage]:
    if not site.glossary_terms:
        return []
    return [GeneratedPage(links.glossary(), word("titles", "glossary"), GLOSSARY)]


def _glossary(site: BoardData, here: str) -> str:
    return render.glossary_page(site, here)


GLOSSARY = PageType("glossary", _glossary)
GROUP = PageGroup((GLOSSARY,), pages)
