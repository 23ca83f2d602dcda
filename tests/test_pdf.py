"""The PDFs of the yearly reports and the plans: complete, tagged, and the same bytes each time."""

from __future__ import annotations

import re
import subprocess
import zlib
from pathlib import Path

import pytest

from plansite.documents import pdf as documents
from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.render import chart_store
from tests.conftest import ROOT, page


@pytest.fixture(scope="module")
def data() -> BoardData:
    site = load_board_data(ROOT / "data")
    site.url = "https://plans.northvale-scp.example.org/"
    return site


def pdftotext(path: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def pages_of(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def objects(content: bytes) -> bytes:
    """The PDF's objects, with compressed object streams opened (the catalog may be inside)."""
    parts = [content]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue  # an image or a font: not an object stream
    return b"\n".join(parts)


def test_each_plan_pdf_has_every_priority_and_action(example_site: Path, data: BoardData) -> None:
    for plan in data.plans:
        path = example_site / documents.plan_path(plan)
        text = pdftotext(path)
        for priority in plan.priorities:
            assert " ".join(priority.title.split()) in text, (plan.id, priority.ref)
        for action in plan.actions:
            assert re.search(rf"(?<![\w.]){re.escape(action.ref)}(?![\w])", text), action.ref
        # a page per priority at least, and nowhere near one page per action
        assert len(plan.priorities) < pages_of(path) < 4 * len(plan.actions) + 10


def test_the_report_pdf_is_complete_tagged_and_linked(example_site: Path, data: BoardData) -> None:
    report = data.reports[-1]
    path = example_site / "downloads" / "annual-report-2025-26.pdf"
    text = pdftotext(path)
    for priority in data.current_plan.priorities:
        assert " ".join(priority.title.split()) in text
    assert "At 31 March 2026, the Business Plan 2025 to 2028 had" in text
    assert "Page 1 of" in text
    assert 5 <= pages_of(path) <= 40
    raw = objects(path.read_bytes())
    assert b"/Lang (en)" in raw
    assert b"/StructTreeRoot" in raw
    assert b"/MarkInfo" in raw
    assert b"/Figure" in raw and b"/Alt (Children subject to a child protection plan" in raw
    assert f"/Title ({report.heading})".encode() in raw
    assert b"/CreationDate (D:20260930120000" in raw
    assert b"/URI (https://plans.northvale-scp.example.org/" in raw  # live links to the site
    # linked from its page with its size, and from the reports index
    link = page(example_site, "annual-report/2025-26/").select_one("p.ps-download a")
    assert link is not None and link["href"] == "../../downloads/annual-report-2025-26.pdf"
    size = path.stat().st_size
    assert link.parent.get_text().endswith(f"({size / 1024:,.1f} KB)")
    plan_link = page(example_site, "plans/business-plan-2025-28/").select_one("p.ps-download a")
    assert plan_link is not None
    assert plan_link["href"] == "../../downloads/business-plan-2025-28.pdf"


@pytest.mark.slow  # WeasyPrint makes the report's PDF twice
def test_pdfs_are_the_same_bytes_made_afresh_and_from_the_cache(
    data: BoardData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = data.reports[-1]
    document = documents.report_document(data, report)
    chart_store.use_folder(None)  # a build with `cache_dir: ""`
    first = documents._cached_or_made(document)
    chart_store.use_folder(tmp_path)  # the build's cache folder, empty: the PDF made afresh
    assert not (tmp_path / "pdf").exists()
    # made a second time, so the same bytes twice also shows that making it is repeatable
    # (no third making without the cache is needed for that)
    kept = documents._cached_or_made(document)
    assert kept == first and len(list((tmp_path / "pdf").glob("*.pdf"))) == 1
    assert documents._cached_or_made(document) == first  # read back, not made


def test_a_preview_makes_no_pdf_and_says_when_it_is_made() -> None:
    site = load_board_data(ROOT / "data")
    site.pdfs = False  # as `mkdocs serve` sets it
    assert documents.files(site) == {}
    path = documents.plan_path(site.current_plan)
    assert documents.size_note(site, path) == "made when the site is built, not in a preview"
