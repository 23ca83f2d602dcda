"""The glossary page: the board's glossary and its subgroups' acronyms, in alphabetical order."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.model.slugs import slug
from plansite.render.templates import render


def anchor(term: str) -> str:
    """The entry's id: made as the glossary's check makes it (one term, one id)."""
    return "term-" + (slug(term) or "x")


def glossary_page(site: BoardData, here: str) -> str:
    return render("glossary/page.html", terms=site.glossary_terms, anchor=anchor)
