"""The stand-in PDFs of the test builds that read none (tests/without_pdfs.py) are never kept in
the build cache, where a later build would read one as the real PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite.documents import pdf
from plansite.documents.kept_files import Job
from plansite.load import load_board_data
from plansite.render import chart_store
from tests import without_pdfs
from tests.conftest import FIXTURES


def test_a_stand_in_is_made_at_once_and_never_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    chart_store.use_folder(cache)
    document = pdf.Document("downloads/plan-a.pdf", "<h1>Plan A</h1>")
    job = without_pdfs.stand_in_job(document)
    assert job.content() == b"%PDF-1.7 stand-in for downloads/plan-a.pdf"
    assert job.found(cache) is None
    assert not cache.exists()  # nothing written: a real build's PDF is never replaced


def test_the_engine_makes_each_pdf_by_the_function_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`main()` replaces `pdf.pdf_job` and `pdf.jobs`: every PDF of a build is a stand-in's
    job, never looked for under the key of its inputs (where the same board built for real
    keeps its real PDF)."""
    monkeypatch.setattr(pdf, "pdf_job", without_pdfs.stand_in_job)
    made = dict(without_pdfs.stand_in_jobs(load_board_data(FIXTURES / "minimal")))
    assert made  # the board has a plan, so a PDF
    for path, job in made.items():
        assert isinstance(job, Job)  # not a `Later`: the build makes it as it is
        assert job.made_from is None  # never kept
        assert job.content() == without_pdfs.stand_in(path)
