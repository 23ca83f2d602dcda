"""Two boards built in one process, their steps interleaved through the SiteBuild API
(plansite/engine/build.py): the example board in English and a copy of it in Welsh (a `cy`
words file), each with its own cache folder. Each build's pages (HTML, headings, anchors,
search entries), the engine's words and the published files (PDFs, Word and Excel files
included) are byte-for-byte what a fresh process makes of the same board alone: no setting,
word or cached file of one build reaches the other.

Each PDF is a stand-in naming a hash of the HTML and print CSS WeasyPrint would be given
(tests/without_pdfs.py, `fingerprint_job`), in every build here: WeasyPrint makes the same bytes
of the same input (tests/test_pdf.py, the determinism gate), so two PDFs differ exactly when
their inputs do, and a word of one build that reached the other's PDF still shows. Making the
ten PDFs of the four builds was most of this test's time."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.documents import pdf
from plansite.engine.build import Options, SiteBuild
from plansite.words import wording
from tests.conftest import ROOT
from tests.without_pdfs import fingerprint_job

pytestmark = pytest.mark.slow
# what marks a Welsh word (no character a spreadsheet refuses in a sheet's name)
WELSH = "Yn Gymraeg"


def welsh_words(folder: Path) -> Path:
    """A `cy` words file: every English word marked as the Welsh one, placeholders kept."""

    def marked(words: Any) -> Any:
        if isinstance(words, dict):
            return {key: marked(value) for key, value in words.items()}
        if isinstance(words, list):
            return [marked(value) for value in words]
        return f"{WELSH} {words}"

    english = yaml.safe_load((wording.WORDS / "en.yml").read_text("utf-8"))
    path = folder / "cy.yml"
    path.write_text(yaml.safe_dump(marked(english), allow_unicode=True), "utf-8")
    return path


def build_steps(
    board: Path, options: Options, site_dir: Path, out: dict[str, Any]
) -> Iterator[str]:
    """A whole build through the SiteBuild API, one step at a time: what it made goes in `out`."""
    build = SiteBuild(board, options)
    yield "loaded"
    build.start_files(site_dir)
    yield "files started"
    pages = out.setdefault("pages", {})
    for page in build.pages_to_add(lambda path: False):
        url = page.path.removesuffix(".md").removesuffix("index") + "/"
        rendered = build.render(page.path, url)
        assert rendered is not None
        entries = None if rendered.entries is None else [repr(e) for e in rendered.entries]
        finished = build.finish_page(page.path, f"<article>{rendered.html}</article>")
        pages[page.path] = (finished, json.dumps(rendered.headings, default=str),
                            sorted(rendered.anchors), entries)  # fmt: skip
        yield page.path
    out["theme"] = str(build.t("theme.site_description", name=build.site.board.name))
    out["date"] = build.date.isoformat()
    build.finish_files(site_dir)
    out["files"] = {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }
    yield "files written"


def built(board: Path, options: Options, site_dir: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for _ in build_steps(board, options, site_dir, out):
        pass
    return out


KEPT_FROM_INPUTS = ("docx", "xlsx", "charts")  # the cache folders a build alone starts with


def drawing_settings() -> str:
    """matplotlib's process-wide settings, as a chart is drawn with them (charts.py imported,
    as a build imports it to draw): the one input of a drawing its key does not hold."""
    import matplotlib

    import plansite.render.charts  # noqa: F401  (sets the backend, as in a build)

    return repr(sorted(matplotlib.rcParams.items()))


ALONE = """
import pickle, sys
from pathlib import Path
from plansite.documents import pdf
from plansite.engine.build import Options
from tests.test_interleaved_builds import built, drawing_settings
from tests.without_pdfs import fingerprint_job
pdf.pdf_job = fingerprint_job  # as in the interleaved builds
board, options, site_dir, result = pickle.loads(Path(sys.argv[1]).read_bytes())
made = built(board, options, site_dir)
made["drawing settings"] = drawing_settings()
Path(result).write_bytes(pickle.dumps(made))
"""


def built_in_fresh_processes(boards: dict[str, tuple[Path, Options]], work: Path) -> dict[str, Any]:
    """Each board built alone, each in a fresh process of its own (run side by side), with a
    cache folder holding only the Word files, workbooks and chart drawings its interleaved build
    kept (the PDFs are stand-ins, never kept: see above). Each result also holds the fresh
    process's matplotlib settings (`drawing_settings`).

    Why these may be reused: each is kept under the hash of everything its maker is given (a
    Word file's body and properties, a workbook's cells, a chart's figures, words and layout,
    and the libraries' versions: publish/plan_docx.py, publish/spreadsheet.py,
    render/chart_store.py), and the build alone renders each again to find it (the files naming
    the file a build's inputs made are left out). So a build alone reads a kept file only when
    what it would make it from is byte for byte the interleaved build's; a word or setting of
    the other board that reached such a file changed its input, and the build alone, missing it,
    makes the right file afresh, which then differs. A drawing has one input its key does not
    hold, matplotlib's process-wide settings: the test compares them instead, after every step
    of the interleaved builds and with the fresh processes'. Making the files again would prove
    no more; that a kept file or chart is the bytes made afresh is tests/test_kept_files.py's
    and tests/test_parallel_build.py's. (Drawing the charts again was half of this test's
    time.)"""
    running = {}
    for name, (board, options) in boards.items():
        folder = work / f"alone-{name}"
        (folder / "cache").mkdir(parents=True)
        assert options.cache is not None
        for kind in KEPT_FROM_INPUTS:
            # not the files naming what a set of inputs made (plansite/documents/inputs.py): the
            # build alone would read the interleaved build's file without rendering it
            shutil.copytree(
                options.cache / kind,
                folder / "cache" / kind,
                ignore=shutil.ignore_patterns("*.made"),
            )
        alone = Options(**{**options.__dict__, "cache": folder / "cache"})
        job = folder / "job.pickle"
        job.write_bytes(pickle.dumps((board, alone, folder / "site", folder / "result.pickle")))
        running[name] = subprocess.Popen([sys.executable, "-c", ALONE, str(job)], cwd=ROOT)
    results = {}
    for name, process in running.items():
        assert process.wait(timeout=1200) == 0
        results[name] = pickle.loads((work / f"alone-{name}" / "result.pickle").read_bytes())
    return results


def test_two_boards_built_interleaved_are_each_as_built_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "pdf_job", fingerprint_job)
    english_board = ROOT / "data"
    welsh_board = tmp_path / "welsh-board"
    shutil.copytree(ROOT / "data", welsh_board)
    words = welsh_words(tmp_path)
    english = Options(cache=tmp_path / "cache-en", workers=1)
    welsh = Options(language="cy", words=words, cache=tmp_path / "cache-cy", workers=1)
    for options in (english, welsh):
        assert options.cache is not None
        options.cache.mkdir()

    made: dict[str, dict[str, Any]] = {"en": {}, "cy": {}}
    steps = [
        build_steps(english_board, english, tmp_path / "site-en", made["en"]),
        build_steps(welsh_board, welsh, tmp_path / "site-cy", made["cy"]),
    ]
    settings = drawing_settings()
    while steps:  # A's step, B's step, A's, ...
        for step in list(steps):
            if next(step, None) is None:
                steps.remove(step)
            assert drawing_settings() == settings  # no step left matplotlib set otherwise

    alone = built_in_fresh_processes(
        {"en": (english_board, english), "cy": (welsh_board, welsh)}, tmp_path
    )
    for language in ("en", "cy"):
        together, by_itself = made[language], alone[language]
        assert sorted(together["pages"]) == sorted(by_itself["pages"])
        assert [p for p in together["pages"] if together["pages"][p] != by_itself["pages"][p]] == []
        assert sorted(together["files"]) == sorted(by_itself["files"])
        assert [f for f in together["files"] if together["files"][f] != by_itself["files"][f]] == []
        assert (together["theme"], together["date"]) == (by_itself["theme"], by_itself["date"])
        assert by_itself["drawing settings"] == settings  # the kept charts were drawn as here
    # and the two builds did differ: each kept its own words, and its own cache folder
    assert made["cy"]["theme"].startswith(WELSH) and WELSH not in made["en"]["theme"]
    welsh_plans = made["cy"]["pages"]["plans/index.md"][0]
    assert WELSH in welsh_plans and WELSH not in made["en"]["pages"]["plans/index.md"][0]
    assert any(name.endswith(".pdf") for name in made["en"]["files"])
    assert list((tmp_path / "cache-en" / "docx").iterdir())
    assert list((tmp_path / "cache-cy" / "docx").iterdir())
