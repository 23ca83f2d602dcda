"""Glossary phrases explained where they appear (issue 24, part 8): each glossary term of more
than one word that is not an abbreviation ("early help", "statistical neighbours") links, at its
first use on a page, to its entry on the glossary page, with its meaning as the tooltip; never
inside a heading, a link or an attribute, and with the page's words unchanged."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from plansite.load import load_board_data
from plansite.render.glossary_in_place import NO_LINK_INSIDE, link_phrases, phrases
from tests.conftest import ROOT

# the gates' one browser visit of every page, whose axe results are read below
from tests.gates.conftest import (  # noqa: F401
    BrowserRun,
    browser_run,
    gated_site,
    parsed_pages,
    served_site,
)

TERMS = {
    "Early help": "Support as soon as problems start",
    "Strategy discussion": "A talk about what to do",
    "Working Together": "The government's guide",
    "MASH": "Multi-Agency Safeguarding Hub",
    "Prevent": "The national plan against terrorism",
    "CP plan": "A child protection plan",
}
FOUR = ["early help", "statistical neighbours", "strategy discussion", "Graded Care Profile"]


def test_phrases_are_the_terms_of_more_than_one_word_that_are_not_abbreviations() -> None:
    assert list(phrases(TERMS)) == [
        "Early help",
        "Strategy discussion",
        "Working Together",
        "CP plan",
    ]


def test_the_first_use_is_linked_and_the_words_stay() -> None:
    html = (
        "<h2>Early help</h2>"
        '<p title="early help">Our early help offer and <a href="x/">early help</a> page.</p>'
        "<p>More early help, and two strategy discussions.</p>"
    )
    linked = link_phrases(html, phrases(TERMS), "plans/plan-a/priority-1.md")
    early = '<a class="ps-term" href="../../../glossary/#term-early-help"'
    assert linked == (
        "<h2>Early help</h2>"
        f'<p title="early help">Our {early} title="Support as soon as problems start">early '
        'help</a> offer and <a href="x/">early help</a> page.</p>'
        '<p>More early help, and two <a class="ps-term" href="../../../glossary/'
        '#term-strategy-discussion" title="A talk about what to do">strategy discussions</a>.</p>'
    )
    words = BeautifulSoup(html, "html.parser").get_text()
    assert BeautifulSoup(linked, "html.parser").get_text() == words


def test_a_capital_first_letter_a_line_break_and_only_whole_words() -> None:
    html = "<p>Early\nhelp first. Earlyhelp, working together, Working Together.</p>"
    linked = link_phrases(html, phrases(TERMS), "index.md")
    soup = BeautifulSoup(linked, "html.parser")
    assert [(a.get_text(), a["href"]) for a in soup.find_all("a")] == [
        ("Early\nhelp", "glossary/#term-early-help"),
        ("Working Together", "glossary/#term-working-together"),
    ]


def test_no_link_inside_a_button_a_summary_or_code() -> None:
    html = (
        "<button>early help</button><summary>early help</summary><code>early help</code>"
        "<label>early help</label><p>early help</p>"
    )
    linked = link_phrases(html, phrases(TERMS), "index.md")
    soup = BeautifulSoup(linked, "html.parser")
    [link] = soup.find_all("a")
    assert link.parent.name == "p"


# --- the example site --------------------------------------------------------------------------


@functools.cache
def _term_pattern(term: str) -> re.Pattern[str]:
    first, rest = term[0], r"\s+".join(re.escape(w) for w in term[1:].split(" "))
    return re.compile(
        rf"(?<![\w&-])[{first.upper()}{first.lower()}]{rest}s?(?![\w&-])",
    )


def _may_hold_a_link(text: NavigableString, article: Tag) -> bool:
    parent = text.parent
    while parent is not None and parent is not article:
        if parent.name in NO_LINK_INSIDE:
            return False
        parent = parent.parent
    return True


def _first_use(article: Tag, term: str) -> NavigableString | None:
    """The first text in the article, where a link may be, that uses the term."""
    pattern = _term_pattern(term)
    for text in article.find_all(string=True):
        if isinstance(text, NavigableString) and pattern.search(text):
            inside_term_link = text.parent.name == "a" and "ps-term" in text.parent.get("class", [])
            if inside_term_link or _may_hold_a_link(text, article):
                return text
    return None


@pytest.fixture(scope="module")
def example() -> Any:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def pages(example_site: Path) -> dict[str, BeautifulSoup]:
    """Every page but the 404 page, parsed once for this test process (read only)."""
    return {url: soup for url, soup in parsed_pages(example_site).items() if url != "404.html"}


def test_the_four_phrases_are_explained_on_the_example_site(
    pages: dict[str, BeautifulSoup],
) -> None:
    shown = {
        a.get_text(" ", strip=True).lower()
        for soup in pages.values()
        for a in soup.select("article a.ps-term")
    }
    assert {p.lower() for p in FOUR} <= shown


def test_each_phrase_s_first_use_on_a_page_carries_the_explanation(
    pages: dict[str, BeautifulSoup], example: Any
) -> None:
    terms = phrases(example.glossary_terms)
    checked = 0
    for url, soup in pages.items():
        if url == "glossary/":
            assert soup.select("a.ps-term") == []  # the entries themselves
            continue
        article = soup.find("article")
        if article is None:
            continue
        links = article.select("a.ps-term")
        named = [a["href"].split("#term-")[1] for a in links]
        assert len(named) == len(set(named)), f"{url}: a phrase linked twice"
        for term, meaning in terms.items():
            first = _first_use(article, term)
            if first is None:
                continue
            link = first.parent
            assert link.name == "a" and "ps-term" in link["class"], f"{url}: {term}"
            assert link["href"].endswith(
                "glossary/#term-" + re.sub(r"[^a-z0-9]+", "-", term.lower())
            )
            assert link["title"] == meaning
            checked += 1
    assert checked >= 60  # phrases on the example site's pages, each checked


def test_no_phrase_link_in_a_heading_or_a_link(pages: dict[str, BeautifulSoup]) -> None:
    for url, soup in pages.items():
        for link in soup.select("a.ps-term"):
            holders = {p.name for p in link.parents}
            assert not holders & (NO_LINK_INSIDE - {"a"}), url
            assert link.find_parent("a") is None, url


def test_every_phrase_link_reaches_its_glossary_entry(
    pages: dict[str, BeautifulSoup], example_site: Path
) -> None:
    glossary = pages["glossary/"]
    ids = {dt["id"] for dt in glossary.select("dl.ps-glossary dt")}
    for url, soup in pages.items():
        for link in soup.select("a.ps-term"):
            address, entry = link["href"].split("#")
            assert (example_site / url / address / "index.html").resolve() == (
                example_site / "glossary" / "index.html"
            ), url
            assert entry in ids, (url, entry)


# --- the pages with the phrases stay valid and accessible ---------------------------------------


def _pages_with(pages: dict[str, BeautifulSoup]) -> list[str]:
    """The first page on which each of the four phrases is linked."""
    chosen: list[str] = []
    for phrase in FOUR:
        for url, soup in pages.items():
            texts = [a.get_text(" ", strip=True).lower() for a in soup.select("a.ps-term")]
            if phrase.lower() in texts:
                if url not in chosen:
                    chosen.append(url)
                break
    return chosen


def test_the_pages_with_phrases_are_valid_html(
    pages: dict[str, BeautifulSoup],
    example_site: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Read from the Nu Html Checker's one run on every page of the example site, which the
    valid-HTML gate reads too (`site_checked_once`): Java started once for both."""
    from tests.gates.test_html_validity import checked_file, site_checked_once

    files = [example_site / url / "index.html" for url in pages if pages[url].select("a.ps-term")]
    assert len(files) >= 40
    checked, _, messages = site_checked_once(example_site, tmp_path_factory)
    assert set(files) <= set(checked)
    assert [m for m in messages if checked_file(m) in files] == []


def test_the_pages_with_phrases_have_no_axe_violations(
    pages: dict[str, BeautifulSoup], example_site: Path, request: pytest.FixtureRequest
) -> None:
    """Read from the gates' one visit of every page (`browser_run`: axe with the gates' tags on
    each page at 1280 px, in Chromium), which visits the example site unless the gates are told
    to check another (PLANSITE_GATES_SITE, PLANSITE_GATES_DATA): then these pages alone."""
    chosen = _pages_with(pages)
    assert len(chosen) >= 2
    if request.getfixturevalue("gated_site").resolve() == example_site.resolve():
        run: BrowserRun = request.getfixturevalue("browser_run")
        found = {url: [v["id"] for v in run.at(url).violations] for url in chosen}
    else:
        found = axe_violations(request.getfixturevalue("chromium"), example_site, chosen)
    assert found == {url: [] for url in chosen}


def axe_violations(chromium: Any, site: Path, urls: list[str]) -> dict[str, list[str]]:
    """The ids of axe's violations on each page, each loaded in Chromium at 1280 px."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.gates.conftest import AXE_TAGS, serving

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    found = {}
    with serving(site) as address:
        tab = chromium.new_page()  # in a context of its own, closed with it
        for url in urls:
            tab.goto(f"{address}{url}")
            violations = Axe().run(tab, options=options).response["violations"]
            found[url] = [v["id"] for v in violations]
        tab.close()
    return found
