"""Search answers as before on the priority pages, whose entries now come from the model
(macros/render/search_entries.py) instead of Material's search plugin parsing their HTML.

"Before" is made here the way the build made it until issue 18: Material's own `SearchIndex`
reading each priority page's HTML. A query finds the places whose title or text contains it; both
indexes must give the same places for refs, words and leads' acronyms. A place is an action's
anchor, or else the page (the old index cut a page into sections by heading: focus, outcomes...;
the new one has one entry for them all). A query matches where a word starts, as search does; the
old index glued a term to its value ("StatusComplete"): a space after each cell keeps them apart.
"""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from macros.load import load_board_data
from macros.model.board_data import BoardData
from macros.pages.registry import render_page
from macros.render import links
from macros.render.headings import toc_tokens
from macros.render.search_entries import priority_entries
from tests.conftest import ROOT

Index = list[dict[str, str]]
CELL_END = re.compile(r"(</(?:dt|dd|td|th)>)")


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def indexes(site: BoardData) -> tuple[Index, Index]:
    old, new = SearchIndex(), []
    for plan in site.plans:
        for priority in plan.priorities:
            path = links.priority(plan.id, priority.slug)
            url = path.removesuffix(".md") + "/"
            content = render_page(site, path, "priority", plan.id, priority.ref)
            page = SimpleNamespace(
                content=CELL_END.sub(r"\1 ", content),
                toc=get_toc(toc_tokens(content)),  # type: ignore[arg-type]
                url=url,
                meta={"title": f"{priority.ref}. {priority.title}"},
                title=f"{priority.ref}. {priority.title}",
            )
            old.add_entry_from_context(page)
            new += priority_entries(site, plan, priority, url)
    return old.entries, new


def _words(entry: dict[str, str]) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", entry["title"] + " " + entry["text"]))
    return " ".join(text.lower().split())


def _places(index: Index, query: str) -> set[str]:
    found = set()
    for entry in index:
        if re.search(r"(?<!\w)" + re.escape(query.lower()), _words(entry)):
            page, _, anchor = entry["location"].partition("#")
            found.add(f"{page}#{anchor}" if anchor.startswith("action-") else page)
    return found


def _queries(site: BoardData) -> list[str]:
    refs = [a.ref for plan in site.plans for a in plan.actions]
    acronyms = [s.acronym for s in site.subgroups if s.acronym]
    leads = sorted({lead for plan in site.plans for a in plan.actions for lead in a.leads})
    words = ["neglect", "exploitation", "return home interview", "MACE", "domestic abuse"]
    words += ["Off target", "Complete", "January 2026", "school", "audit", "health visitor"]
    return refs + acronyms + leads + words


def test_the_same_queries_find_the_same_places(
    site: BoardData, indexes: tuple[Index, Index]
) -> None:
    old, new = indexes
    queries = _queries(site)
    assert len(queries) > 150  # every ref, acronym and lead of the example board
    differ = {q: (_places(old, q), _places(new, q)) for q in queries}
    differ = {q: (o - n, n - o) for q, (o, n) in differ.items() if o != n}
    assert differ == {}
    assert "plans/business-plan-2025-28/priority-1/#action-1-1a" in _places(new, "1.1a")
    assert len(_places(new, "neglect")) > 3


def test_one_entry_per_priority_and_per_action_titled_with_its_ref(
    site: BoardData, indexes: tuple[Index, Index]
) -> None:
    _, new = indexes
    actions = [a for plan in site.plans for a in plan.actions]
    priorities = [p for plan in site.plans for p in plan.priorities]
    assert len(new) == len(actions) + len(priorities)
    by_location = {e["location"]: e for e in new}
    for plan in site.plans:
        for action in plan.actions:
            page = links.priority(plan.id, action.priority.slug).removesuffix(".md")
            entry = by_location[f"{page}/#{action.anchor}"]
            assert entry["title"].startswith(f"{action.ref} ")
