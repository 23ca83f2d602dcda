"""The glossary page: the board's glossary and its subgroups' acronyms, in alphabetical order."""

from __future__ import annotations

import re

from macros.model.board_data import BoardData
from macros.render.templates import render


def anchor(term: str) -> str:
    return "term-" + (re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-") or "x")


def glossary_page(site: BoardData, here: str) -> str:
    return render("glossary/page.html", terms=site.glossary_terms, anchor=anchor)
