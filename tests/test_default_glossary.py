"""The default glossary of national safeguarding terms (issue 24, part 8): its abbreviations
are explained wherever they appear, every term is on the glossary page, a board's own
glossary has the last word, and a board's short name that means something else nationally is
advice in `make check`, with its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.render.abbreviations import expand_abbreviations
from tests.conftest import ROOT, page

NATIONAL = yaml.safe_load(
    (ROOT / "plansite" / "words" / "glossary-en.yml").read_text(encoding="utf-8")
)["terms"]


@pytest.fixture(scope="module")
def example() -> BoardData:
    return load_board_data(ROOT / "data")


def test_the_default_glossary_has_the_national_terms() -> None:
    wanted = [
        "LADO", "MASH", "CSE", "CCE", "CIN", "CP plan", "CLA", "LAC", "Early help", "Section 11",
        "Section 47", "Strategy discussion", "Child protection conference", "Core group", "PLO",
        "Ofsted", "JTAI", "SCR", "CSPR", "LCSPR", "Working Together", "Prevent", "Channel",
        "MARAC", "MAPPA", "FGM", "NRM", "Operation Encompass", "Graded Care Profile",
        "Signs of Safety", "Statistical neighbours", "Rapid review", "DSL",
    ]  # fmt: skip
    assert [t for t in wanted if t not in NATIONAL] == []
    assert 30 <= len(NATIONAL) <= 50
    assert NATIONAL["SCR"].startswith("Serious Case Review,")


def test_national_abbreviations_are_explained_in_text(example: BoardData) -> None:
    html = expand_abbreviations("<p>Referred to the NRM and the LADO.</p>", example.abbreviations)
    assert html == (
        f'<p>Referred to the <abbr title="{NATIONAL["NRM"]}">NRM</abbr> and the '
        '<abbr title="Local Authority Designated Officer, who looks into concerns about adults '
        'who work with children">LADO</abbr>.</p>'
    )  # LADO in the board's own words: its glossary.yml has the last word


def test_the_board_overrides_a_national_term(example: BoardData) -> None:
    board = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    overridden = sorted(t for t in board if t in NATIONAL)
    assert overridden == ["CSE", "LADO", "MARAC", "MASH", "Section 11"]
    for term in overridden:
        assert example.glossary_terms[term] == board[term] != NATIONAL[term]
    # the subgroup's short name wins over the national term too (with advice, below)
    assert example.glossary_terms["SCR"] == "Case Review Group"
    assert example.glossary_terms["Statistical neighbours"] == NATIONAL["Statistical neighbours"]


def test_the_glossary_page_explains_the_national_phrases(example_site: Path) -> None:
    listed = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
        for dt in page(example_site, "glossary/").select(".ps-glossary dt")
    }
    for term in ("Statistical neighbours", "Early help", "Strategy discussion",
                 "Graded Care Profile", "Rapid review", "Operation Encompass", "NRM"):  # fmt: skip
        assert listed[term] == NATIONAL[term]


def test_a_short_name_that_means_something_else_nationally_is_advice(
    example: BoardData,
) -> None:
    clashes = [str(a) for a in example.advice if "nationally" in a.message]
    assert clashes == [
        'data/subgroups.yml:48: SCR here means "Case Review Group", but nationally SCR means '
        '"Serious Case Review"; pages explain SCR as written here. To avoid confusing partners, '
        "change this subgroup's `acronym` to another short name, or start its meaning with "
        '"Serious Case Review" if that is what it is'
    ]


def test_a_glossary_term_that_clashes_is_advice_with_its_line(
    data_copy: Callable[[str], Path],
) -> None:
    folder = data_copy("data")
    path = folder / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "  CIN: Community Information Network, the partners' shared records\n",
                    encoding="utf-8")  # fmt: skip
    line = len(text.splitlines()) + 1
    site = load_board_data(folder)
    clashes = [a for a in site.advice if "nationally" in a.message]
    assert [(a.line, a.message.split(";")[0]) for a in clashes] == [
        (line, "CIN here means \"Community Information Network, the partners' shared records\", "
               'but nationally CIN means "Child in need"'),
        (48, 'SCR here means "Case Review Group", but nationally SCR means "Serious Case Review"'),
    ]  # fmt: skip
    assert clashes[0].file.endswith("glossary.yml")
    # the board's meaning is published all the same
    assert site.abbreviations["CIN"].startswith("Community Information Network")
