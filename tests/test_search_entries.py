"""Search answers as before on every generated page, whose entries are cut from the page's own
HTML by plansite/search/entries.py (lxml) instead of Material's search plugin (pure Python), and
hold only words the page shows.

"Before" is made here the way the build made it until issue 18: Material's own `SearchIndex`
reading each generated page's HTML. Both indexes must have the same places (a page, or a section
at its heading's anchor) with the same titles, except the places replaced on purpose (REPLACED,
with the reason), and the same queries (refs, words, leads' acronyms, indicators, subgroups) must
find the same places. A query finds the places whose title or text contains it, where a word
starts, as search does; the old index glued a table cell to the next ("StatusComplete"): a space
after each cell keeps them apart.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED
from plansite.pages import GeneratedPage
from plansite.pages.registry import generated_pages, render_page
from plansite.render import chart_store
from plansite.render.headings import toc_tokens
from tests.conftest import FIXTURES, ROOT

Index = list[dict[str, str]]
WORD = re.compile(r"\w+")
CELL_END = re.compile(r"(</(?:dt|dd|td|th)>)")
# Left out of the new index on purpose: the "Last updated" line at the foot of a page (it would
# be found under whichever section happens to come last, e.g. "2025-26" under "Actions in our
# plans"); the page's own words say the date where it matters ("Progress as at ...").
LAST_UPDATED = re.compile(r'<p class="ps-last-updated">.*?</p>')
# A priority's actions are one table, each action's title a heading in its row. The search
# plugin ends a heading's section where the heading's cell ends; read as a page of sections (as
# the page was before issue 24), the table's row and cell tags are left out, so each action's
# section runs to the next action's heading. (The caption, header and issue rows are marked
# data-search-exclude: not part of any one action.)
TABLE_TAGS = re.compile(r"</?(?:table|tbody|tr|td)\b[^>]*>")

# Places of the old index that the new one replaces on purpose, by page type: the anchors, and why
REPLACED = {
    "priority": (
        re.compile(r"#(focus|outcomes|evidence|children-will-say|actions|each-action|issue-\d+)$"),
        "the priority's words above its actions (focus, outcomes, evidence, what children will "
        "say, its issues' titles) are one entry for the page; the summary table of actions is "
        "left out, each action is found at its own anchor",
    ),
}


@pytest.fixture(scope="module")
def site() -> BoardData:
    site = load_board_data(ROOT / "data")
    site.pdfs = False  # the plan homes link their PDFs without making them: not searched
    return site


def url_of(page: GeneratedPage) -> str:
    """The page's address as MkDocs gives it: "plans/p/index.md" -> "plans/p/"."""
    path = page.path.removesuffix(".md").removesuffix("index")
    return path if path.endswith("/") or not path else path + "/"


def rendered(site: BoardData, page: GeneratedPage) -> str:
    """The page's HTML, as a build renders it: its charts kept in the test run's build cache
    (PLANSITE_CACHE), so a chart a build of the same board drew is read back, not drawn again."""
    folder = os.environ.get(chart_store.CACHE_ENV)
    undo = chart_store.use_folder(Path(folder) if folder else None)
    try:
        return render_page(site, page.path, page.page_type.name, *page.args)
    finally:
        undo()


def old_index(site: BoardData, page: GeneratedPage) -> Index:
    content = LAST_UPDATED.sub("", rendered(site, page))
    if page.page_type.name == "priority":
        content = TABLE_TAGS.sub(" ", content)
    context = SimpleNamespace(
        content=CELL_END.sub(r"\1 ", content),
        toc=get_toc(toc_tokens(content)),  # type: ignore[arg-type]
        url=url_of(page),
        meta={"title": page.nav_title},
        title=page.nav_title,
    )
    index = SearchIndex()
    index.add_entry_from_context(context)
    return list(index.entries)


def new_index(site: BoardData, page: GeneratedPage) -> Index:
    return page.search_entries(rendered(site, page), url_of(page))


@pytest.fixture(scope="module")
def pages(site: BoardData) -> list[GeneratedPage]:
    return generated_pages(site)


@pytest.fixture(scope="module")
def indexes(site: BoardData, pages: list[GeneratedPage]) -> dict[str, tuple[Index, Index]]:
    """Per generated page: the search plugin's entries and ours."""
    return {p.path: (old_index(site, p), new_index(site, p)) for p in pages}


def shown_words(content: str) -> set[str]:
    """The words of a page's HTML a reader sees, read by another parser (BeautifulSoup's):
    neither tags, attributes (`title`, `aria-label`), scripts nor `hidden` elements."""
    soup = BeautifulSoup(content, "html.parser")
    for unseen in soup.find_all(["script", "style", "template"]) + soup.find_all(hidden=True):
        unseen.decompose()
    return set(WORD.findall(soup.get_text(" ").lower()))


def unshown(site: BoardData, page: GeneratedPage, entries: Index) -> list[str]:
    """The words of a page's entries that the page does not show."""
    shown = shown_words(rendered(site, page))
    shown |= set(WORD.findall(html.unescape(page.nav_title).lower()))  # the page entry's title
    found = " ".join(html.unescape(f"{e['title']} {e['text']}") for e in entries)
    return sorted(set(WORD.findall(found.lower())) - shown)


def test_every_entry_holds_only_words_its_page_shows(
    site: BoardData, pages: list[GeneratedPage]
) -> None:
    """What a page says is written once, by its renderer: no entry holds a word the page does not
    show (e.g. a due date as the plan wrote it, "Dec 25", where the page says "December 2025")."""
    assert {"priority", "plan_all_actions", "plan_changes", "indicator", "subgroup"} <= {
        p.page_type.name for p in pages
    }
    found = {p.path: unshown(site, p, new_index(site, p)) for p in pages}
    assert {path: words for path, words in found.items() if words} == {}


def test_a_word_the_page_does_not_show_fails_the_check(
    site: BoardData, pages: list[GeneratedPage]
) -> None:
    page = next(p for p in pages if p.page_type.name == "priority")
    entries = new_index(site, page)
    entries[1] = {**entries[1], "text": entries[1]["text"] + " Dec 25"}
    assert unshown(site, page, entries) == ["dec"]  # "25" is shown, in other dates


def missing_places(
    pages: list[GeneratedPage], indexes: dict[str, tuple[Index, Index]]
) -> dict[str, list[str]]:
    """Places of the old index that the new one lacks and REPLACED does not explain."""
    found = {}
    for page in pages:
        old, new = indexes[page.path]
        replaced = REPLACED.get(page.page_type.name)
        kept = {e["location"] for e in new}
        lost = [
            e["location"]
            for e in old
            if e["location"] not in kept and not (replaced and replaced[0].search(e["location"]))
        ]
        if lost:
            found[page.path] = lost
    return found


@pytest.mark.slow  # the example's search index, made twice (the `indexes` fixture)
def test_the_places_and_titles_are_the_old_ones(
    pages: list[GeneratedPage], indexes: dict[str, tuple[Index, Index]]
) -> None:
    assert missing_places(pages, indexes) == {}
    for page in pages:
        old, new = indexes[page.path]
        old_titles = {e["location"]: e["title"] for e in old}
        replaced = REPLACED.get(page.page_type.name)
        for e in new:  # no new place, and each under its old title
            assert e["location"] in old_titles, e["location"]
            # an action's title loses its "New since March 2026" marker: not part of its name
            assert old_titles[e["location"]].endswith(e["title"]), e["location"]
        if replaced:  # what REPLACED names is really gone, so the list cannot go stale
            assert not [e for e in new if replaced[0].search(e["location"])]
    assert sum(len(new) for _, new in indexes.values()) > 500


# the board of a hundred charts, built by tests/test_indicator_framework.py: its build (made once
# a run) keeps the charts in the run's cache, so its pages here draw none (some 12 CPU-s)
FRAMEWORK = "framework"


@pytest.mark.parametrize(
    "board",
    sorted(
        p.name for p in FIXTURES.iterdir() if (p / "board.yml").is_file() and p.name != FRAMEWORK
    ),
)
def test_every_fixture_board_keeps_its_places_and_titles(board: str) -> None:
    """Boards without a planner, a glossary, reports, purposes, meanings...: the sections a page
    leaves out are left out of its entries too, in the page's order."""
    assert_places_and_titles_kept(board)


def test_the_framework_board_keeps_its_places_and_titles(
    build_fixture: Callable[[str], Path],
) -> None:
    build_fixture(FRAMEWORK)  # its charts, kept
    assert_places_and_titles_kept(FRAMEWORK)


def assert_places_and_titles_kept(board: str) -> None:
    site = load_board_data(FIXTURES / board)
    site.pdfs = False
    for page in generated_pages(site):
        replaced = REPLACED.get(page.page_type.name)
        old = [
            (e["location"], e["title"])
            for e in old_index(site, page)
            if not (replaced and replaced[0].search(e["location"]))
        ]
        new = [(e["location"], e["title"]) for e in new_index(site, page)]
        assert [place for place, _ in new] == [place for place, _ in old], page.path
        assert all(was.endswith(now) for (_, was), (_, now) in zip(old, new, strict=True))


@pytest.mark.slow  # the example's search index, made twice (the `indexes` fixture)
def test_dropping_an_entry_fails_the_comparison(
    pages: list[GeneratedPage], indexes: dict[str, tuple[Index, Index]]
) -> None:
    path = "plans/business-plan-2025-28/what-changed.md"
    old, new = indexes[path]
    dropped = {**indexes, path: (old, new[:-1])}
    assert missing_places(pages, dropped) == {path: [new[-1]["location"]]}


def _words(entry: dict[str, str]) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", entry["title"] + " " + entry["text"]))
    return " ".join(text.lower().split())


def _places(
    pages: list[GeneratedPage], indexes: dict[str, tuple[Index, Index]], which: int, query: str
) -> set[str]:
    """The places a query finds; a replaced section counts as its page."""
    pattern = re.compile(r"(?<!\w)" + re.escape(query.lower()))
    found = set()
    for page in pages:
        replaced = REPLACED.get(page.page_type.name)
        for entry in indexes[page.path][which]:
            if pattern.search(_words(entry)):
                location = entry["location"]
                if replaced and replaced[0].search(location):
                    location = location.partition("#")[0]
                found.add(location)
    return found


def _queries(site: BoardData) -> list[str]:
    refs = [a.ref for plan in site.plans for a in plan.actions]
    acronyms = [s.acronym for s in site.subgroups if s.acronym]
    subgroups = [s.name for s in site.subgroups]
    leads = sorted({lead for plan in site.plans for a in plan.actions for lead in a.leads})
    indicators = [i.ref for i in site.indicators] + [i.title for i in site.indicators]
    words = ["neglect", "exploitation", "return home interview", "MACE", "domestic abuse"]
    words += ["Off target", "Complete", "January 2026", "school", "audit", "health visitor"]
    words += ["Goal 1", "Childline", "LADO", "2025-26", "Section 11", "Words we use"]
    return refs + acronyms + subgroups + leads + indicators + words


@pytest.mark.slow  # the example's search index, made twice (the `indexes` fixture)
def test_the_same_queries_find_the_same_places(
    site: BoardData, pages: list[GeneratedPage], indexes: dict[str, tuple[Index, Index]]
) -> None:
    queries = _queries(site)
    assert len(queries) > 220  # every ref, acronym, lead and indicator of the example board
    differ = {}
    for query in queries:
        old, new = (_places(pages, indexes, which, query) for which in (0, 1))
        if old != new:
            differ[query] = (sorted(old - new), sorted(new - old))
    assert differ == {}
    assert "plans/business-plan-2025-28/priority-1/#action-1-1a" in _places(
        pages, indexes, 1, "1.1a"
    )
    assert len(_places(pages, indexes, 1, "neglect")) > 3
    assert _places(pages, indexes, 1, "N12a") >= {
        "indicators/#child-protection",
        "indicators/n12a/",
    }


@pytest.mark.slow  # the example's search index, made twice (the `indexes` fixture)
def test_no_suppressed_count_reaches_the_index(
    site: BoardData, indexes: dict[str, tuple[Index, Index]]
) -> None:
    """Each count that disclosure control hides is [c] in the index, never its number."""
    hidden = [
        (indicator, value)
        for indicator in site.indicators
        for value in site.values_for(indicator.ref)
        if site.disclosure.is_hidden(value)
    ]
    assert len(hidden) >= 2  # the example board hides some small counts
    every = " ".join(_words(e) for _, new in indexes.values() for e in new)
    for indicator, value in hidden:
        label = value.category or value.period  # its row in the table of figures
        count = f"{value.value:g}"
        assert 0 < value.value < site.disclosure.suppress_below
        page = f"indicators/{indicator.slug}.md"
        figures = next(e for e in indexes[page][1] if e["location"].endswith("#figures"))
        assert f"{label} {SUPPRESSED}".lower() in _words(figures)
        assert not re.search(rf"{re.escape(label.lower())} {count}\b", every), (label, count)
