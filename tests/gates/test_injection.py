"""Gate 4, injection: attacks written into any data field never reach a page, a chart, a
download or the search index in a live form, while bold text and links survive.

The attacked board is the example board (data/) with PAYLOAD added to every kind of free-text
field (see injection_board.py); its site is built once with `mkdocs build --strict`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import ROOT, run_build
from tests.gates.injection_board import make_injection_board

FORMULA_STARTS = ("=", "+", "@", "\t", "\r")  # a spreadsheet runs a cell starting with these
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], Path]:
    data = tmp_path_factory.mktemp("injection") / "data"
    fields = make_injection_board(ROOT / "data", data)
    site = data.parent / "site"
    result = run_build(data, site, pdfs=False)  # no test here reads a PDF
    assert result.returncode == 0, result.stderr
    return fields, site


@pytest.fixture(scope="module")
def pages(attacked: tuple[dict[str, int], Path]) -> dict[Path, BeautifulSoup]:
    """Every page of the attacked site, parsed once for the checks that read them all."""
    _, site = attacked
    return {
        page: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for page in sorted(site.rglob("*.html"))
    }


def live_attacks(markup: str, parser: str = "html.parser") -> list[str]:
    """Every piece of markup in `markup` a browser would run or follow into script."""
    return live_attacks_in(BeautifulSoup(markup, parser))


def live_attacks_in(parsed: Tag) -> list[str]:
    """As `live_attacks`, in markup already parsed: the element itself and all inside it."""
    found = []
    for tag in [parsed, *parsed.find_all(True)]:
        if tag.name == "script" and "alert(1)" in tag.get_text():
            found.append(f"<script>{tag.get_text()[:40]}")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}={text[:40]}>")
            if name.lower() in URL_ATTRIBUTES and text.strip().lower().startswith(
                "javascript:alert"
            ):
                found.append(f"<{tag.name} {name}={text[:40]}>")
            if tag.name == "img" and name == "src" and text == "x":
                found.append("<img src=x>")
    return found


def test_every_kind_of_file_was_attacked(attacked: tuple[dict[str, int], Path]) -> None:
    fields, _ = attacked
    assert fields["board.yml"] >= 5
    assert fields["subgroups.yml"] >= 5
    assert fields["members.csv"] >= 3
    assert sum(n for name, n in fields.items() if name.startswith("plans/")) >= 10
    assert sum(n for name, n in fields.items() if name.startswith("reports/")) >= 20


def test_no_page_carries_a_live_attack(
    attacked: tuple[dict[str, int], Path], pages: dict[Path, BeautifulSoup]
) -> None:
    _, site = attacked
    assert len(pages) > 80
    found = [
        f"{page.relative_to(site)}: {attack}"
        for page, parsed in pages.items()
        for attack in live_attacks_in(parsed)
    ]
    assert not found, "\n".join(found)
    # the payload did reach the pages, as harmless text
    assert sum("alert(1)" in page.read_text(encoding="utf-8") for page in pages) >= 3


def test_allowed_formatting_survives(pages: dict[Path, BeautifulSoup]) -> None:
    bold = [
        b
        for soup in pages.values()
        for b in soup.find_all(["b", "strong"])
        if b.get_text() == "kept-bold"
    ]
    links = [
        a for soup in pages.values() for a in soup.find_all("a", href="https://example.org/kept")
    ]
    assert bold and links
    assert all(a.get_text() == "kept-link" for a in links)


def test_no_chart_carries_a_live_attack(
    attacked: tuple[dict[str, int], Path], pages: dict[Path, BeautifulSoup]
) -> None:
    _, site = attacked
    # charts are drawn inline in the indicator pages; image files are the guide's icons
    indicators = site / "indicators"
    charts = [
        (page.relative_to(site), str(svg))
        for page, parsed in pages.items()
        if page.is_relative_to(indicators) and page.name == "index.html"
        for svg in parsed.select("svg.ps-chart")
    ]
    files = [
        (svg.relative_to(site), svg.read_text(encoding="utf-8"))
        for svg in site.rglob("*.svg")
        if "assets" not in svg.parts  # the theme's icons
    ]
    assert charts, "no inline chart found on the indicator pages"
    found = [
        f"{where}: {attack}"
        for where, text in charts + files
        for attack in live_attacks(text, "html.parser")
    ]
    assert not found, "\n".join(found)


def test_search_index_carries_no_live_attack(attacked: tuple[dict[str, int], Path]) -> None:
    # Material's search shows titles and texts from the index as HTML
    _, site = attacked
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = [
        f"{doc['location']}: {attack}"
        for doc in index["docs"]
        for attack in live_attacks(doc["title"]) + live_attacks(doc["text"])
    ]
    assert not found, "\n".join(found)
    assert any("alert(1)" in doc["text"] for doc in index["docs"])


def test_downloads_carry_no_formula(attacked: tuple[dict[str, int], Path]) -> None:
    # in a CSV or XLSX file a tag is only text; what a spreadsheet runs is a formula
    _, site = attacked
    cells = []
    for download in sorted(site.rglob("*.csv")):
        rows = csv.reader(io.StringIO(download.read_text(encoding="utf-8-sig")))
        cells += [(download.relative_to(site).as_posix(), cell) for row in rows for cell in row]
    # in a workbook, a cell of text type is never run, whatever it starts with (and shows no
    # apostrophe): only formula cells are refused
    texts = []
    for download in sorted(site.rglob("*.xlsx")):
        from openpyxl import load_workbook

        for sheet in load_workbook(download).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        cells.append((download.name, "=" + str(cell.value)))
                    elif isinstance(cell.value, str):
                        texts.append(cell.value)
    assert cells
    formulas = [f"{name}: {cell[:50]}" for name, cell in cells if cell.startswith(FORMULA_STARTS)]
    assert not formulas, "cells a spreadsheet would run:\n" + "\n".join(formulas)
    assert any("HYPERLINK" in cell for _, cell in cells)  # the formula was there, made inert
    assert any(text.startswith("=HYPERLINK") for text in texts)  # as typed, in a text cell
