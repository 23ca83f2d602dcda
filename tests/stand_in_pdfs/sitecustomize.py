"""Put on PYTHONPATH by the bench's tests (tests/test_bench.py, tests/test_parallel_build.py):
in every Python process they start, the bench and each build it times, every PDF is a stand-in,
kept in the build cache as a real one is (`kept_stand_in_job`, tests/without_pdfs.py). Those
tests check that the bench builds, measures and prints what it says; WeasyPrint's seconds a PDF
were a third of their time, and a PDF's bytes are tests/test_pdf.py's and the gates'. The
bench's builds keep their files in cache folders of its own, which no other build reads.

Python imports `sitecustomize` as it starts. This one waits for plansite/documents/pdf.py to
be imported, then replaces its `pdf_job`, as tests/without_pdfs.py's `main()` does.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

MODULE = "plansite.documents.pdf"
ROOT = Path(__file__).resolve().parents[2]  # where `tests` is imported from


class StandInPdfs(importlib.abc.MetaPathFinder):
    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            if str(ROOT) not in sys.path:
                sys.path.append(str(ROOT))
            from tests.without_pdfs import kept_stand_in_job

            module.pdf_job = kept_stand_in_job  # type: ignore[attr-defined]

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


sys.meta_path.insert(0, StandInPdfs())
