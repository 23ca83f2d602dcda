"""Published files do not feed back into the pages (issue 25, part 6): a page that shows a PDF's
size is rendered with a placeholder, never making or waiting for the PDF, and the build fills
the size in once the file is made (plansite/documents/sizes.py). The whole build's sizes are
checked against its files in tests/test_parallel_build.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plansite.documents import pdf as documents
from plansite.documents import sizes
from plansite.load import load_board_data
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.pages.registry import render_page
from plansite.render.abbreviations import expand_abbreviations
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")  # `pdfs` on: as `make build` loads it


def no_pdf(*args: object) -> object:
    raise AssertionError("a page must not make a PDF, nor render its HTML")


def test_pages_that_show_a_pdfs_size_make_no_pdf_and_carry_a_placeholder(
    site: BoardData, monkeypatch: pytest.MonkeyPatch
) -> None:
    for making in ("plan_document", "report_document", "_weasyprint", "_cached_or_made"):
        monkeypatch.setattr(documents, making, no_pdf)
    plan, report = site.current_plan, site.reports[-1]
    home = render_page(site, links.plan_home(plan.id), "plan_home", plan.id)
    assert home.count(sizes.MARK) == 1
    assert sizes.placeholder(documents.plan_path(plan)) in home
    yearly = render_page(site, links.annual_report(report.year), "yearly_report", report.year)
    assert sizes.placeholder(documents.report_path(report)) in yearly
    index = render_page(site, links.annual_reports(), "reports_index")
    assert index.count(sizes.MARK) == len(site.reports)
    panel = render_page(site, "maintainers/annual-report.md", "panel_checklist")
    assert panel.count(sizes.MARK) == len(site.reports)


def test_fill_writes_each_size_as_the_page_words_it() -> None:
    html = f"<p>PDF ({sizes.placeholder('downloads/a.pdf')}), {sizes.placeholder('b.pdf')}</p>"
    filled = sizes.fill(html, {"downloads/a.pdf": 154_419, "b.pdf": 1000})
    assert filled == "<p>PDF (150.8 KB), 1,000 bytes</p>"
    assert sizes.fill("<p>no size</p>", {}) == "<p>no size</p>"


def test_a_size_the_build_did_not_make_names_the_page_and_the_file() -> None:
    html = f"({sizes.placeholder('downloads/gone.pdf')})"
    with pytest.raises(sizes.MissingSize, match=r"plans/p/index\.html .* downloads/gone\.pdf"):
        sizes.fill(html, {"downloads/other.pdf": 1}, "plans/p/index.html")


def test_the_placeholder_is_left_alone_by_what_reads_a_pages_text() -> None:
    """A comment: abbreviations (and glossary links, which edit text the same way) skip it."""
    mark = sizes.placeholder("downloads/plan-size-KB.pdf")
    html = f"<p>KB {mark}</p>"
    expanded = expand_abbreviations(html, {"KB": "kilobytes"})
    assert expanded.count("<abbr") == 1 and mark in expanded
    assert sizes.fill(expanded, {"downloads/plan-size-KB.pdf": 2048}).endswith("2.0 KB</p>")


def test_the_search_entries_hold_each_pdfs_size_as_its_page_shows_it(example_site: Path) -> None:
    """The entries are cut from a page before its PDF is made: the build fills the size in
    before the search index is written, so a search result reads as the page does."""
    from plansite.render.figures import size_text

    index = json.loads((example_site / "search" / "search_index.json").read_text("utf-8"))
    texts = {entry["location"]: entry["text"] for entry in index["docs"]}
    assert not [location for location, text in texts.items() if "\ue000" in text]
    plans = sorted(p.name for p in (example_site / "plans").iterdir() if p.is_dir())
    for plan in plans:
        size = size_text((example_site / "downloads" / f"{plan}.pdf").stat().st_size)
        assert f"to print ({size})" in texts[f"plans/{plan}/"], plan
