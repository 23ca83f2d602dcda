"""Run prepared corpus folders through `make check` and, when the check lets them through, the
build's own steps; print what each printed. Used by tests/test_no_traceback.py.

One process for every case: `python -m plansite.check` is run through runpy (exactly what the
command does, without a second of start-up per case), then the build's work in-process: load,
render every generated page and make every published file. Anything that escapes is printed as
a traceback, which the test refuses.

Every chart, PDF, Word file and workbook is kept for the run in a cache folder of its own, under
a hash of all it is made from, as a build keeps them: a case that changes what one is made from
(a value, a label, a plan's text) draws or makes its own afresh; a case that leaves it as the
corpus base has it would only make the same bytes again. (Making every case's PDFs again was
70% of this run.)

    python -m tests.bad_inputs.run <folder of case folders, each with data/>
"""

from __future__ import annotations

import contextlib
import io
import os
import runpy
import sys
import tempfile
import traceback
from pathlib import Path

from plansite.load import load_board_data
from plansite.pages.registry import generated_pages, render_page
from plansite.publish import make_files
from plansite.render import chart_store

SEPARATOR = "=== case "


def check(data: Path) -> tuple[int, str]:
    err = io.StringIO()
    argv = sys.argv
    sys.argv = ["plansite.check", str(data)]
    status = 0
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            runpy.run_module("plansite.check", run_name="__main__", alter_sys=True)
    except SystemExit as done:
        status = int(done.code or 0)
    except BaseException:  # a traceback is what the test looks for
        err.write(traceback.format_exc())
        status = 100
    finally:
        sys.argv = argv
    return status, err.getvalue()


def build(data: Path) -> str:
    """The build's work for data `make check` passed or only warned about; "" or a traceback."""
    try:
        site = load_board_data(data)
        for page in generated_pages(site):
            render_page(site, page.path, page.page_type.name, *page.args)
        make_files(site)
    except BaseException:
        return traceback.format_exc()
    return ""


def main(root: Path) -> None:
    with tempfile.TemporaryDirectory() as kept:
        chart_store.use_folder(Path(kept))
        for case in sorted(p for p in root.iterdir() if p.is_dir()):
            os.chdir(case)
            status, report = check(Path("data"))
            built = build(Path("data")) if status == 0 or "problem" not in report else ""
            print(f"{SEPARATOR}{case.name} {status}\n{report}{built}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
