"""The site engine with every PDF replaced by a few bytes that name it, for the builds whose
tests read no PDF: WeasyPrint takes seconds a PDF, most of a first build's time.

`run_build(..., pdfs=False)` (tests/conftest.py) runs `python -c "...; main()" <engine> build ...`.
Everything else is built as usual: the pages still link each PDF, with its (stand-in's) size.
A stand-in is never kept in the build cache (its job has nothing to be kept under), so a later
build never reads one as a real PDF.
"""

from __future__ import annotations

import hashlib
import os
import runpy
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from plansite.documents import pdf
from plansite.documents.kept_files import Job
from plansite.model.board_data import BoardData

if TYPE_CHECKING:  # not imported by the stand-in builds' processes (`main`)
    import pytest


# on PYTHONPATH, every Python process started makes kept stand-ins (the bench's tests)
STAND_IN_PDFS = Path(__file__).with_name("stand_in_pdfs")


def with_stand_in_pdfs(env: Mapping[str, str]) -> dict[str, str]:
    """`env` for a process in which every Python process makes each PDF a stand-in kept as a
    real PDF is (tests/stand_in_pdfs/sitecustomize.py)."""
    paths = [str(STAND_IN_PDFS), *filter(None, [env.get("PYTHONPATH")])]
    return {**env, "PYTHONPATH": os.pathsep.join(paths)}


def stand_in(path: str) -> bytes:
    return b"%PDF-1.7 stand-in for " + path.encode("utf-8")


def stand_in_job(document: pdf.Document) -> Job:
    return Job("pdf", None, stand_in, (document.path,))


def stand_in_jobs(site: BoardData) -> Iterator[tuple[str, Job]]:
    """Every PDF of a build as a stand-in's job, rendered at each build: a stand-in build never
    reads a real PDF kept under the key of its inputs (the same board built for real), so its
    bytes do not hang on which build ran first."""
    for path, later in real_jobs(site):
        yield path, later.job()


real_jobs = pdf.jobs


def kept_stand_in_job(document: pdf.Document) -> Job:
    """A stand-in kept in the build cache under the key of what the real PDF is made from, as
    the real one is: a later build reads it back (the bench's warm builds, in its tests:
    tests/stand_in_pdfs/)."""
    css = pdf.PRINT_CSS.read_text(encoding="utf-8")
    return Job("pdf", ("stand-in", document.html, css), stand_in, (document.path,))


def fingerprint(path: str, html: str, css: str) -> bytes:
    """A stand-in that names a hash of all WeasyPrint would be given (the PDF's HTML and the
    print CSS): two builds' stand-ins are equal exactly when their real PDFs' inputs are."""
    digest = hashlib.sha256(f"{html}\0{css}".encode()).hexdigest()
    return stand_in(path) + f" made from {digest}".encode()


def fingerprint_job(document: pdf.Document) -> Job:
    """For a test that compares two builds' PDFs without making them (never kept either)."""
    css = pdf.PRINT_CSS.read_text(encoding="utf-8")
    return Job("pdf", None, fingerprint, (document.path, document.html, css))


def fingerprint_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every PDF of this process's builds a fingerprint stand-in (`fingerprint_job`), for a test
    that compares builds' files and reads no PDF: a PDF made from other inputs still differs.
    `pdf.jobs` too, as `main()` replaces it: never a real PDF read under its inputs' key from a
    cache another build shares."""
    monkeypatch.setattr(pdf, "pdf_job", fingerprint_job)
    monkeypatch.setattr(pdf, "jobs", stand_in_jobs)


def main() -> None:
    pdf.pdf_job = stand_in_job  # what every PDF of a build is made by (plansite/documents/pdf.py)
    pdf.jobs = stand_in_jobs
    engine, *arguments = sys.argv[1:]
    sys.argv = [engine, *arguments]
    runpy.run_module(engine, run_name="__main__", alter_sys=True)
