"""The site engine with every PDF replaced by a few bytes that name it, for the builds whose
tests read no PDF: WeasyPrint takes seconds a PDF, most of a first build's time.

`run_build(..., pdfs=False)` (tests/conftest.py) runs `python -c "...; main()" <engine> build ...`.
Everything else is built as usual: the pages still link each PDF, with its (stand-in's) size.
A stand-in is never kept in the build cache (its job has nothing to be kept under), so a later
build never reads one as a real PDF.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Iterator

from plansite.documents import pdf
from plansite.documents.kept_files import Job
from plansite.model.board_data import BoardData


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


def main() -> None:
    pdf.pdf_job = stand_in_job  # what every PDF of a build is made by (plansite/documents/pdf.py)
    pdf.jobs = stand_in_jobs
    engine, *arguments = sys.argv[1:]
    sys.argv = [engine, *arguments]
    runpy.run_module(engine, run_name="__main__", alter_sys=True)
