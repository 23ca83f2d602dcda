"""Word files, PDFs and spreadsheets kept between builds (plansite/documents/kept_files.py): a warm
build reads them back without making them, and a changed plan makes new ones, the same bytes a
build without the cache makes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from plansite.documents import kept_files
from plansite.documents import pdf as documents
from plansite.documents.pdf import Document
from plansite.load import load_board_data
from plansite.publish import plan_docx, plan_downloads, spreadsheet
from plansite.render import chart_store
from tests.conftest import ROOT

# an action's title: in the Word file and the PDF (which gives each action's latest update only)
CHANGED = "Train all team managers in reflective supervision"
PLAN = "improvement-plan-2026"


def never(*args: object) -> bytes:
    raise AssertionError("a warm build reads the file from the cache: it must not make it")


def fake_pdf(document: Document, css: str) -> bytes:
    """Stands in for WeasyPrint (seconds a plan): different HTML, different bytes."""
    return b"%PDF " + hashlib.sha256(document.html.encode("utf-8")).hexdigest().encode()


def changed_plan(data_copy: Callable[[str], Path]) -> Path:
    """A copy of the example board where one action of one plan is called something else."""
    folder = data_copy("data")
    path = folder / "plans" / f"{PLAN}.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(CHANGED) == 1
    path.write_text(
        text.replace(CHANGED, "Train every team manager in reflective supervision"),
        encoding="utf-8",
    )
    return folder


def test_a_warm_build_reads_the_word_files_and_a_changed_plan_makes_a_new_one(
    data_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    chart_store.use_folder(cache)
    first = plan_docx.files(load_board_data(ROOT / "data"))
    assert len(list((cache / "docx").glob("*.docx"))) == 3  # one a plan

    with monkeypatch.context() as warm:  # a second build, of a freshly loaded board
        warm.setattr(plan_docx, "_document", never)
        assert plan_docx.files(load_board_data(ROOT / "data")) == first

    changed = load_board_data(changed_plan(data_copy))
    again = plan_docx.files(changed)
    assert len(list((cache / "docx").glob("*.docx"))) == 4  # the changed plan's, made afresh
    word = plan_docx.path(changed.plan_by_id[PLAN])
    assert {path for path in first if again[path] != first[path]} == {word}
    # what a build without the cache makes: not the file kept for the plan before the change
    chart_store.use_folder(None)
    assert again[word] == plan_docx.plan_docx(changed.plan_by_id[PLAN], changed.board.name)


def test_a_warm_build_reads_the_pdfs_and_a_changed_plan_makes_a_new_one(
    data_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart_store.use_folder(tmp_path / "cache")
    monkeypatch.setattr(documents, "_weasyprint", fake_pdf)
    rendered: list[str] = []
    plan_document = documents.plan_document

    def counted(site: object, plan: object) -> Document:
        document = plan_document(site, plan)  # type: ignore[arg-type]
        rendered.append(document.path)
        return document

    monkeypatch.setattr(documents, "plan_document", counted)
    site = load_board_data(ROOT / "data")
    pdf = documents.plan_path(site.plan_by_id[PLAN])
    first = documents.files(site)
    assert rendered.count(pdf) == 1  # its HTML rendered once
    assert (
        len(list((tmp_path / "cache" / "pdf").glob("*.pdf")))
        == len(first)
        == len(site.plans) + len(site.reports)
    )

    with monkeypatch.context() as warm:
        warm.setattr(documents, "_weasyprint", never)
        assert documents.files(load_board_data(ROOT / "data")) == first

    changed = load_board_data(changed_plan(data_copy))
    again = documents.files(changed)
    assert {path for path in first if again[path] != first[path]} == {pdf}
    assert again[pdf] == fake_pdf(documents.plan_document(changed, changed.plan_by_id[PLAN]), "")


def test_a_warm_build_reads_the_spreadsheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart_store.use_folder(tmp_path / "cache")
    site = load_board_data(ROOT / "data")
    first = plan_downloads.files(site)
    with monkeypatch.context() as warm:
        warm.setattr(spreadsheet, "_workbook", never)
        assert plan_downloads.files(load_board_data(ROOT / "data")) == first
    chart_store.use_folder(None)
    assert plan_downloads.files(site) == first  # the same bytes made afresh


@pytest.mark.parametrize(
    "made_from",
    [
        ("plain words " * 40, ("title", "2026-09-30"), "1.0"),
        ("it's 'quoted' and \"double\" \\ back\nslash\t\x00\x7f é \u2019 \U0001f600",),
        ("only 'single' quotes, \u00a0 and \x85 " * 9, None, 3),
        ('only "double" quotes ' * 9, [1, "x"], b"bytes"),
        ((), ((),), ("nested", ("deeper " * 9,))),
    ],
)
def test_a_key_is_the_hash_of_the_whole_repr_taken_in_pieces(
    made_from: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file's key is hashed a piece at a time (a large plan's Word body is 30 MB) and must
    stay the hash of its repr, or every kept file would be made again."""
    monkeypatch.setattr(kept_files, "LONG", 5)  # many pieces, each boundary crossed
    expected = hashlib.sha256(repr(made_from).encode("utf-8")).hexdigest()
    assert kept_files.key_of(made_from) == expected
