"""Words people know: every abbreviation the board's glossary or its subgroups explain is shown
as <abbr title="..."> wherever it appears, and the glossary page lists every term."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from plansite.load import load_board_data
from plansite.pages import glossary as glossary_pages
from plansite.render.abbreviations import LEAVE_ALONE, expand_abbreviations
from tests.conftest import FIXTURES, ROOT, page
from tests.gates.conftest import parsed_pages

TERMS = {"LADO": "Local Authority Designated Officer", "GP": "Family doctor", "A&E": "Casualty"}


def test_text_is_expanded_and_markup_is_left_alone() -> None:
    html = (
        '<p title="LADO">Ask the LADO, or GPs. SMASH LADOS</p>'
        "<select><option>LADO</option></select><code>LADO</code>"
        '<abbr title="x">LADO</abbr><p>A&amp;E GP-led</p>'
    )
    assert expand_abbreviations(html, TERMS) == (
        '<p title="LADO">Ask the <abbr title="Local Authority Designated Officer">LADO</abbr>, '
        'or <abbr title="Family doctor">GPs</abbr>. SMASH LADOS</p>'
        "<select><option>LADO</option></select><code>LADO</code>"
        '<abbr title="x">LADO</abbr><p>A&amp;E GP-led</p>'
    )


def test_meanings_are_escaped() -> None:
    out = expand_abbreviations("<p>GP</p>", {"GP": 'Doctor "<b>"'})
    assert out == '<p><abbr title="Doctor &#34;&lt;b&gt;&#34;">GP</abbr></p>'


def example_terms() -> dict[str, str]:
    """The national terms, then the subgroups' acronyms, then the board's glossary."""
    words = ROOT / "plansite" / "words" / "glossary-en.yml"
    terms = yaml.safe_load(words.read_text(encoding="utf-8"))["terms"]
    subgroups = yaml.safe_load((ROOT / "data" / "subgroups.yml").read_text(encoding="utf-8"))
    for subgroup in subgroups["subgroups"]:
        if subgroup.get("acronym") and subgroup["acronym"] != subgroup["name"]:
            terms[subgroup["acronym"]] = subgroup["name"]
    board = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    return terms | board


def test_every_abbreviation_on_every_page_is_explained(example_site: Path) -> None:
    abbreviations = [t for t in example_terms() if re.fullmatch(r"[A-Z&]{2,}", t)]
    assert len(abbreviations) == 28
    pattern = re.compile(rf"(?<![\w&-])({'|'.join(abbreviations)})s?(?![\w&-])")
    bare, explained = [], 0
    for url, soup in parsed_pages(example_site).items():
        article = soup.article
        assert article is not None, url
        explained += len(article.find_all("abbr", title=True))
        for text in article.find_all(string=pattern):
            if not any(parent.name in LEAVE_ALONE for parent in text.parents):
                bare.append(f"/{url}: {text.strip()[:60]!r}")
    assert not bare, "\n".join(bare)
    assert explained > 100


def test_the_glossary_page_lists_every_term(example_site: Path) -> None:
    terms = example_terms()
    listed = page(example_site, "glossary/").select(".ps-glossary dt")
    assert [dt.get_text(strip=True) for dt in listed] == sorted(terms, key=str.lower)
    assert [dt.find_next_sibling("dd").get_text(strip=True) for dt in listed] == [
        terms[t] for t in sorted(terms, key=str.lower)
    ]
    footer = page(example_site, "").select_one("footer")
    assert footer.find("a", string="Words we use")["href"] == "glossary/"


def test_no_glossary_page_when_there_is_nothing_to_explain() -> None:
    site = load_board_data(FIXTURES / "minimal")
    assert (
        glossary_pages.pages(
            dataclasses.replace(site, subgroups=[], glossary={}, national_glossary={})
        )
        == []
    )
