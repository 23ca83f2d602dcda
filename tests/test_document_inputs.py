"""Issue 26: a build finds each published document kept under the key of its inputs
(plansite/documents/inputs.py) before rendering it, so a warm build renders no document it does
not make; and an edit of anything a document shows changes that key and the published file,
which is then what a build without any cache makes (never the file kept before the edit)."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from plansite.documents import inputs as document_inputs
from plansite.documents import pdf as documents
from plansite.documents.inputs import document_key
from plansite.engine import build as site_build
from plansite.engine.build import Options, SiteBuild
from plansite.publish import feeds, opendata, plan_docx, plan_downloads
from plansite.render import templates
from plansite.words import wording
from tests.conftest import FIXTURES, ROOT

PLAN = "plan-a"
PDF, WORD = "downloads/plan-a.pdf", "downloads/plan-a.docx"
SHEET, EVERY_PLAN = "data/actions-plan-a.xlsx", "data/actions.xlsx"  # the plan's, every plan's
ACTION = "Review the strategy"  # an action's title in tests/fixtures/minimal's plan
STATUS = "label: 'On target'"  # the preset status the board's amber actions show (words file)


def fake_pdf(document: documents.Document, css: str) -> bytes:
    """Stands in for WeasyPrint (seconds a PDF): its HTML and CSS decide its bytes, as they
    decide a real PDF's."""
    return b"%PDF " + hashlib.sha256((document.html + css).encode("utf-8")).hexdigest().encode()


@dataclass
class Board:
    """A board to edit: its data folder, its words file, its fragments."""

    data: Path
    words: Path
    fragments: Path
    site_url: str = "https://testshire.example.org/plans/"


def board_in(folder: Path) -> Board:
    """tests/fixtures/minimal with a preset status list (its labels are in the words file)
    and a glossary, its words file (as `en.yml`: the file's name is the language) and the
    fragments, copied to `folder` to be edited."""
    data = folder / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    plan = data / "plans" / f"{PLAN}.yml"
    text = plan.read_text("utf-8")
    start, end = text.index("statuses:\n"), text.index("priorities:\n")
    plan.write_text(text[:start] + "statuses: rag-amber-on-target\n" + text[end:], "utf-8")
    # an abbreviation the plan uses (a lead): explained on the pages that show it
    (data / "glossary.yml").write_text("terms:\n  PPG: Policy and Practice Group\n", "utf-8")
    words = folder / "words" / "en.yml"
    words.parent.mkdir()
    shutil.copyfile(wording.WORDS / "en.yml", words)
    fragments = folder / "fragments"
    shutil.copytree(templates.FRAGMENTS, fragments)
    return Board(data, words, fragments)


@dataclass
class Built:
    files: dict[str, bytes]  # the published documents
    keys: dict[str, str]  # each document's key of its inputs
    inputs: str


DOCUMENTS = (".pdf", ".docx", ".xlsx")
# the files made in the build's process, together: the feeds, the open data, the plans' CSVs
MADE_TOGETHER = (".xml", ".csv", ".json")


def build(
    board: Board, cache: Path | None, site: Path, kinds: tuple[str, ...] = DOCUMENTS
) -> Built:
    """The board's published files of `kinds`, through the engine's API (no pages: they are
    not the point), made in this process, with the fragments of `board`."""
    options = Options(words=board.words, cache=cache, site_url=board.site_url, workers=1)
    made = SiteBuild(board.data, options)
    made.start_files(site)
    made.finish_files(site)
    files = {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.suffix in kinds
    }
    inputs = made.inputs.key if made.inputs is not None else ""
    keys = {path: document_key(inputs, path.rsplit(".", 1)[1], path) for path in files}
    return Built(files, keys, inputs)


@pytest.fixture
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Built]:
    """Builds in this test: WeasyPrint stood in for, the board's own fragments rendered."""
    monkeypatch.setattr(documents, "_weasyprint", fake_pdf)
    sites = iter(range(1000))

    def environment(cache: Path | None, fragments: Path = templates.FRAGMENTS) -> Any:
        return new_environment(cache, current.get("fragments", fragments))

    new_environment = templates.new_environment
    current: dict[str, Path] = {}
    monkeypatch.setattr(site_build.templates, "new_environment", environment)

    def run(board: Board, cache: Path | None, kinds: tuple[str, ...] = DOCUMENTS) -> Built:
        current["fragments"] = board.fragments
        return build(board, cache, tmp_path / f"site-{next(sites)}", kinds)

    return run


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) >= 1, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


# each input a document shows, how to change it, and the documents that show it
EDITS: dict[str, tuple[Callable[[Board], None], set[str]]] = {
    "an action's text": (
        lambda b: edit(b.data / "plans" / f"{PLAN}.yml", ACTION, "Rewrite the strategy"),
        {PDF, WORD, SHEET, EVERY_PLAN},
    ),
    "a status word in the words file": (
        lambda b: edit(b.words, STATUS, "label: 'Going to plan'"),
        {PDF, WORD, SHEET, EVERY_PLAN},
    ),
    "the board's name": (
        lambda b: edit(b.data / "board.yml", "name: Testshire", "name: Testshire and Borough"),
        {PDF, WORD},
    ),
    "a fragment": (
        lambda b: edit(b.fragments / "print" / "document.html", "</body>", "<p>Draft</p></body>"),
        {PDF},
    ),
    "the as-at date": (
        lambda b: edit(b.data / "plans" / f"{PLAN}.yml", "as_at: 2026-06-30", "as_at: 2026-07-31"),
        {PDF, WORD, SHEET, EVERY_PLAN},
    ),
    "the site's address": (
        lambda b: setattr(b, "site_url", "https://safeguarding.testshire.example.org/"),
        {PDF},
    ),
}


@pytest.mark.parametrize("what", list(EDITS))
def test_an_edit_changes_the_key_and_the_published_document(
    what: str, builds: Callable[..., Built], tmp_path: Path
) -> None:
    change, shown_in = EDITS[what]
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    before = builds(board, cache)
    assert set(before.files) >= {PDF, WORD, SHEET}
    change(board)
    after = builds(board, cache)
    assert after.inputs != before.inputs
    # every document's key changes (one hash of every input: rendered again, never stale) ...
    assert all(after.keys[path] != before.keys[path] for path in before.files)
    # ... and each document that shows what changed is published changed, as a build with no
    # cache at all makes it
    assert {path for path in before.files if after.files[path] != before.files[path]} == shown_in
    assert after.files == builds(board, None).files


UPDATE = "Survey delayed."  # the latest update of an action of tests/fixtures/minimal's plan


def test_an_edit_of_an_update_publishes_the_feeds_and_open_data_a_build_with_no_cache_makes(
    builds: Callable[..., Built], tmp_path: Path
) -> None:
    """The feeds, the open data and the plans' CSVs are made in the build's process, kept under
    the key of its inputs: an edit of an update's words publishes each file that shows it, as a
    build with no cache makes it (datapackage.json too: it gives the CSVs' sizes)."""
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    before = builds(board, cache, MADE_TOGETHER)
    assert builds(board, cache, MADE_TOGETHER).files == before.files  # read from the cache
    edit(board.data / "plans" / f"{PLAN}.yml", UPDATE, "Survey delayed until the spring term.")
    after = builds(board, cache, MADE_TOGETHER)
    changed = {path for path in before.files if after.files[path] != before.files[path]}
    assert changed == {
        f"plans/{PLAN}/updates.xml",
        "updates.xml",
        "data/updates.csv",
        f"data/actions-{PLAN}.csv",  # its latest update (data/actions.csv has only its date)
        "data/datapackage.json",
    }
    assert b"spring term" in after.files["updates.xml"]
    assert after.files == builds(board, None, MADE_TOGETHER).files


def test_a_glossary_entry_changes_the_key_and_no_document_shows_it(
    builds: Callable[..., Built], tmp_path: Path
) -> None:
    """The glossary is on the pages, not in the PDFs, Word files or spreadsheets: an edit of it
    renders every document again, finds each kept under its own key and publishes it as before."""
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    before = builds(board, cache)
    edit(board.data / "glossary.yml", "Practice Group", "Procedures Group")
    after = builds(board, cache)
    assert all(after.keys[path] != before.keys[path] for path in before.files)
    assert after.files == before.files == builds(board, None).files


def test_a_warm_build_renders_no_document_and_publishes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example board (its yearly reports' PDFs too): a build whose inputs did not change
    renders no PDF's HTML, no Word file's body and no spreadsheet's cells, and publishes what a
    first build published."""
    monkeypatch.setattr(documents, "_weasyprint", fake_pdf)
    rendered: list[str] = []
    for module, name in (
        (documents, "plan_document"),
        (documents, "priority_document"),
        (documents, "report_document"),
        (plan_docx, "docx_job"),
        (plan_downloads, "workbook_job"),
        # and the files made in the build's process: feeds, open data, the plans' CSVs
        (feeds, "files"),
        (opendata, "files"),
        (plan_downloads, "_csv"),
    ):
        monkeypatch.setattr(module, name, counted(getattr(module, name), name, rendered))
    cache = tmp_path / "cache"
    board = Board(ROOT / "data", wording.WORDS / "en.yml", templates.FRAGMENTS, "")
    every_kind = DOCUMENTS + MADE_TOGETHER
    first = build(board, cache, tmp_path / "first", every_kind)
    made = {"plan_document", "report_document", "docx_job", "workbook_job", "files", "_csv"}
    assert made <= set(rendered)
    rendered.clear()
    warm = build(board, cache, tmp_path / "warm", every_kind)
    assert rendered == []
    assert warm.files == first.files
    assert len([p for p in first.files if p.endswith(".pdf")]) == 5  # 3 plans, 2 reports
    assert {"updates.xml", "data/actions.csv", "data/datapackage.json"} <= set(first.files)


def counted(function: Callable[..., Any], name: str, calls: list[str]) -> Callable[..., Any]:
    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return function(*args, **kwargs)

    return call


def test_a_file_edited_during_the_build_keeps_no_key_of_its_inputs(
    builds: Callable[..., Built], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan saved while the build runs (after its key was taken, before the build ended):
    the documents made are not kept under the key of the plan as it was, so the next build with
    that plan renders them again."""
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    plan = board.data / "plans" / f"{PLAN}.yml"
    unchanged = document_inputs.Inputs.unchanged
    saved: list[bool] = []

    def saved_meanwhile(self: document_inputs.Inputs) -> bool:
        plan.write_text(plan.read_text("utf-8"), "utf-8")  # the same words, saved again
        saved.append(True)
        return unchanged(self)

    with monkeypatch.context() as during:
        during.setattr(document_inputs.Inputs, "unchanged", saved_meanwhile)
        builds(board, cache)
    assert saved == [True]
    assert not list(cache.rglob("*.made"))
    built = builds(board, cache, MADE_TOGETHER)  # nothing saved meanwhile: kept under its key
    documents_made = [p for kind in ("pdf", "docx", "xlsx") for p in (cache / kind).glob("*.made")]
    assert len(documents_made) == 4  # the plan's PDF, Word file, 2 spreadsheets
    # and each feed, open data file and CSV
    made_together = [p for kind in ("xml", "csv", "json") for p in (cache / kind).glob("*.made")]
    assert len(made_together) == len(built.files) > 5


@pytest.mark.parametrize("odd", ["a broken link", "a pipe"])
def test_a_file_that_cannot_be_read_leaves_the_documents_under_their_own_keys(
    odd: str, tmp_path: Path
) -> None:
    """No key of the inputs (the build renders each document and finds it under its own key),
    and no traceback: the check names what is wrong with the folder."""
    board = board_in(tmp_path / "board")
    readable = document_inputs.inputs_of(board.data, board.words, [], "")
    assert readable is not None
    odd_file = board.data / "plans" / "plan-b.yml"
    if odd == "a broken link":
        odd_file.symlink_to(tmp_path / "gone.yml")
    else:
        os.mkfifo(odd_file)  # read whole, it would wait for a writer for ever
    assert document_inputs.inputs_of(board.data, board.words, [], "") is None


def test_compiled_python_written_during_a_build_is_in_no_key(tmp_path: Path) -> None:
    """A fresh clone writes `__pycache__/*.pyc` beside the package's modules as a build first
    imports them: a second build of the same code must find the first one's documents (this
    made a clean-clone run keep every document twice, under two keys)."""
    package = tmp_path / "package"
    (package / "documents").mkdir(parents=True)
    (package / "documents" / "pdf.py").write_text("X = 1\n")
    before = document_inputs._walk(package, "package")
    for folder in (package, package / "documents"):
        (folder / "__pycache__").mkdir()
        (folder / "__pycache__" / "pdf.cpython-311.pyc").write_bytes(b"compiled")
    assert (
        document_inputs._walk(package, "package")
        == before
        == [("package/documents/pdf.py", str(package / "documents" / "pdf.py"))]
    )
