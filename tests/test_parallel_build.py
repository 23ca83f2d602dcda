"""Issue 26: the published files made on the machine's cores and written as they are made
(plansite/documents/made_files.py), the cache pruned (plansite/render/cache_files.py)."""

from __future__ import annotations

import contextvars
import gc
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from plansite.documents import made_files, sizes
from plansite.documents import pdf as documents
from plansite.documents.kept_files import Job
from plansite.documents.made_files import Output
from plansite.engine import kept_pages
from plansite.engine.build import SiteBuild
from plansite.render import chart_store
from plansite.render.cache_files import KEPT_FOLDERS, UNUSED_DAYS, prune, read_kept, write_kept
from plansite.render.figures import size_text
from tests.conftest import ROOT, run_build
from tests.test_guide import FIXTURE as GUIDE_FIXTURE
from tests.test_guide import HARD_SUMMARY, current_plan
from tests.without_pdfs import fingerprint_pdfs, stand_in, with_stand_in_pdfs

DAY = 86400


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def made_by(*text: str) -> bytes:
    """A job's file that says which process made it."""
    return f"{' '.join(text)} by {os.getpid()}".encode()


def fake_pdf(document: documents.Document, css: str) -> bytes:
    """Stands in for WeasyPrint (seconds a PDF) where the PDF's content is not the point."""
    return b"%PDF " + document.path.encode()


# --- the whole build: the same bytes from one process as from several --------------------------

# A small board with every kind of published file: a plan (its PDF, Word file and workbook), two
# yearly reports (their PDFs, charts in their HTML), an indicator (its charts, drawn by the
# workers), the open data. The example board's five PDFs made in one process took most of this
# module's time; the same code makes a file whichever board it is from, and the example is
# built with three workers and with the default number (conftest's `example_site_again` and
# `example_site`), whose files the determinism gate and tests/test_engines.py compare.
BOARD = ROOT / "tests" / "fixtures" / "report-year-end"
PDFS = 3  # a plan's and two reports'


@dataclass
class SerialBuild:
    """The small board built in one process from a cache holding only a stale file."""

    site: Path
    result: subprocess.CompletedProcess[str]
    cache: Path
    stale: Path


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> SerialBuild:
    """Every PDF, Word file and spreadsheet made in the build's own process, with nothing kept
    but a file no build has used for the limit (the build prunes it: see below). Built with
    MkDocs, as the parallel build is."""
    out = tmp_path_factory.mktemp("workers")
    cache = tmp_path_factory.mktemp("serial-cache")
    stale = kept_file(cache, "pdf", "a-plan-as-it-was-in-the-spring", UNUSED_DAYS + 1)
    site = out / "site-1"
    result = run_build(BOARD, site, "mkdocs", PLANSITE_CACHE=str(cache), PLANSITE_WORKERS="1")
    assert result.returncode == 0, result.stderr
    return SerialBuild(site, result, cache, stale)


@pytest.fixture(scope="module")
def parallel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same board, its files made by three worker processes (even on fewer cores), from an
    empty cache folder: the workers make every file and draw the pages' charts (with no cache
    folder at all, as in conftest's `example_site_again`, the charts are drawn in the build's
    process)."""
    out = tmp_path_factory.mktemp("workers-3")
    cache = out / "cache"
    cache.mkdir()
    site = out / "site"
    result = run_build(BOARD, site, "mkdocs", PLANSITE_CACHE=str(cache), PLANSITE_WORKERS="3")
    assert result.returncode == 0, result.stderr
    return site


def test_a_build_with_workers_publishes_the_same_bytes_as_one_without(
    serial: SerialBuild, parallel: Path
) -> None:
    one, several = files_of(serial.site), files_of(parallel)
    assert sorted(one) == sorted(several)
    assert [path for path in one if one[path] != several[path]] == []
    made_by_workers = [p for p in one if p.endswith((".pdf", ".docx", ".xlsx"))]
    assert len([p for p in made_by_workers if p.endswith(".pdf")]) == PDFS
    assert (
        len(made_by_workers) == PDFS + 1 + 2
    )  # the plan's Word file, its and every action's workbook
    # the indicator's charts, drawn in place by one and by the workers for the other
    assert "ps-chart" in (serial.site / "indicators" / "n19" / "index.html").read_text("utf-8")


# a PDF's link on a page, and the words after it up to its size: "..., to print (150.8 KB)"
PDF_LINK = re.compile(r'href="([^"]+\.pdf)" download>[^<]*</a>[^()]*[(,] ?([^()]*)\)')


def test_each_page_shows_the_size_of_the_pdf_the_build_published(
    serial: SerialBuild, parallel: Path, example_site_again: Path
) -> None:
    """Pages are rendered while the PDFs are made: each size is filled in after both."""
    for site, links in ((serial.site, 5), (parallel, 5), (example_site_again, 7)):
        shown: list[tuple[str, str]] = []
        for page in sorted(site.rglob("*.html")):
            html = page.read_text(encoding="utf-8")
            # every placeholder filled: sizes, and the charts the workers drew
            assert sizes.MARK not in html and chart_store.MARK not in html, page
            for href, size in PDF_LINK.findall(html):
                pdf = (page.parent / href).resolve()
                shown.append((pdf.name, size))
                assert size == size_text(pdf.stat().st_size), (page, href)
        # the plans' homes, the reports' pages, the reports index: each PDF at least once
        assert {name for name, _ in shown} == {p.name for p in site.glob("downloads/*.pdf")}
        assert len(shown) == links, site


def test_no_folder_of_published_files_is_left_beside_the_site(
    serial: SerialBuild, parallel: Path, example_site_again: Path
) -> None:
    assert sorted(p.name for p in serial.site.parent.iterdir()) == ["site-1"]
    assert sorted(p.name for p in parallel.parent.iterdir()) == ["cache", "site"]
    assert sorted(p.name for p in example_site_again.parent.iterdir()) == ["site"]


# --- the output: files written as they are made, by worker processes ------------------------


def test_workers_make_the_jobs_and_write_them_as_they_are_made(tmp_path: Path) -> None:
    output = Output(tmp_path / ".site.part", processes=2)
    try:
        output.make("downloads/a.pdf", Job("pdf", None, made_by, ("plan a",)))
        output.make("downloads/b.pdf", Job("pdf", None, made_by, ("plan b",)))
        output.write("data/actions.csv", b"ref,title\n")
        sizes = output.sizes()
        written = files_of(tmp_path / ".site.part")  # before the build moves them into site/
    finally:
        output.discard()
    assert sorted(written) == ["data/actions.csv", "downloads/a.pdf", "downloads/b.pdf"]
    assert sizes == {path: len(content) for path, content in written.items()}
    # made in worker processes, not this one
    makers = {
        written[p].decode().rsplit(" by ", 1)[1] for p in ("downloads/a.pdf", "downloads/b.pdf")
    }
    assert str(os.getpid()) not in makers
    assert written["downloads/a.pdf"].decode().startswith("plan a by ")
    assert not (tmp_path / ".site.part").exists()  # discarded: nothing left behind


def frozen_objects() -> bytes:
    """In a worker: how many objects its cycle collector leaves alone."""
    return str(gc.get_freeze_count()).encode()


def test_a_workers_collector_leaves_what_it_inherited_alone(tmp_path: Path) -> None:
    """What the build holds when its workers are forked (the loaded board, the engine) is
    frozen: a worker's cycle collector never scans it (about a fifth of the workers' time on
    a first build, and every page it touched copied), nor the build's own until its files are
    made; then it does again."""
    held = [[index] for index in range(20_000)]  # as the loaded board
    output = Output(tmp_path / ".site.part", processes=2)
    try:
        output.make("frozen.txt", Job("txt", None, frozen_objects, ()))
        frozen_here = gc.get_freeze_count()
        output.sizes()
        in_worker = int((tmp_path / ".site.part" / "frozen.txt").read_text())
    finally:
        output.discard()
    assert in_worker > len(held)
    assert frozen_here > len(held)
    assert gc.get_freeze_count() == 0  # scanned again once the build's files are made


def test_one_process_makes_the_jobs_itself(tmp_path: Path) -> None:
    output = Output(tmp_path / ".site.part", processes=1)
    output.make("a.pdf", Job("pdf", None, made_by, ("plan a",)))
    assert (tmp_path / ".site.part" / "a.pdf").read_bytes() == made_by("plan a")
    site = tmp_path / "site"
    output.move_into(site)
    assert files_of(site) == {"a.pdf": made_by("plan a")}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_pages_charts_are_drawn_by_the_workers_and_filled_in_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the pages render, a chart is a placeholder; a worker draws and keeps it."""
    chart_store.use_folder(tmp_path / "cache")
    args = ("w", "Workers", "Drawn by a worker", ("2024-25",), (("Here", (2.0,)),), "%", False)
    output = Output(tmp_path / ".site.part", processes=2)
    try:
        chart_store.draw_ahead(output.chart)
        page = f"<p>{chart_store.chart('series_chart', *args)}</p>"
        assert chart_store.carries_charts(page) and "<svg" not in page
        filled = chart_store.fill_charts(page, output.chart_svg)
    finally:
        chart_store.draw_ahead(None)
        output.discard()
    drawn = chart_store.draw("series_chart", args)  # in this process
    assert filled == f"<p>{drawn}</p>"
    assert [p.suffix for p in (tmp_path / "cache" / "charts").iterdir()] == [".svg"]  # kept
    assert chart_store.chart("series_chart", *args) == drawn  # a later build reads it


def failing_job() -> bytes:
    raise RuntimeError("the PDF could not be made")


def test_a_workers_error_reaches_the_build(tmp_path: Path) -> None:
    output = Output(tmp_path / ".site.part", processes=2)
    output.make("a.pdf", Job("pdf", None, failing_job, ()))
    with pytest.raises(RuntimeError, match="the PDF could not be made"):
        output.sizes()
    output.discard()
    assert not (tmp_path / ".site.part").exists()


def test_a_kept_file_is_read_here_and_a_made_one_kept_by_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    # as inside a build: its cache folder is set in its own context
    contextvars.copy_context().run(_kept_and_made, tmp_path, cache)


def _kept_and_made(tmp_path: Path, cache: Path) -> None:
    chart_store.use_folder(cache)
    job = Job("pdf", ("plan a", "version 1"), made_by, ("plan a",))
    output = Output(tmp_path / ".one.part", processes=2)
    output.make("a.pdf", job)
    first = output.sizes()
    made = (tmp_path / ".one.part" / "a.pdf").read_bytes()
    output.discard()
    assert read_kept(cache / "pdf", job.key(), ".pdf") == made  # kept by the worker that made it
    again = Output(tmp_path / ".two.part", processes=2)
    again.make("a.pdf", job)
    assert again.sizes() == first
    assert (tmp_path / ".two.part" / "a.pdf").read_bytes() == made  # read back, not made anew
    again.discard()


# --- a failed build writes none of its files ------------------------------------------------


def test_a_build_that_fails_after_its_files_were_started_writes_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANSITE_DATA", str(BOARD))
    monkeypatch.setenv("PLANSITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANSITE_WORKERS", "2")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(documents, "_weasyprint", fake_pdf)

    def breaks(self: SiteBuild, here: str, page_type: str, *args: str) -> str:
        raise RuntimeError("a page could not be made")

    monkeypatch.setattr(SiteBuild, "page", breaks)  # the pages come after the files are started
    site = tmp_path / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with pytest.raises(RuntimeError, match="a page could not be made"):
            build(config)
    finally:
        config.plugins.on_shutdown()
    assert list((tmp_path / "cache" / "pdf").glob("*.pdf"))  # the workers had made the PDFs
    assert not (site / "downloads").exists()
    assert not (site / "data").exists()
    # nothing beside it: no folder of files made for it
    assert [p.name for p in tmp_path.iterdir() if p.name != "site"] == ["cache"]


def test_a_strict_build_stopped_by_a_warning_writes_none_of_its_files(
    data_copy: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs stops a strict build with warnings after its last event: the pages are written
    by then, the published files are not. Built in this process, as `mkdocs build --strict`
    runs `build` (mkdocs.yml says `strict: true`): a new process was most of this test's time.
    (Its PDFs are stand-ins: they are made, staged and held back as the real ones are; only
    their maker differs.)"""
    data = data_copy(GUIDE_FIXTURE)
    plan_file = data / "plans" / "plan-a.yml"
    easy = current_plan(data)["priorities"][0]["young_people"]
    plan_file.write_text(plan_file.read_text().replace(easy, HARD_SUMMARY), encoding="utf-8")
    monkeypatch.setenv("PLANSITE_DATA", str(data))
    monkeypatch.setenv("PLANSITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANSITE_WORKERS", "2")  # made and staged by workers, then held back
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fingerprint_pdfs(monkeypatch)
    site = tmp_path / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    assert config.strict
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with pytest.raises(Abort, match=r"^Aborted with \d+ warnings in strict mode!$"):
            build(config)
    finally:
        config.plugins.on_shutdown()
    assert (site / "index.html").exists()  # MkDocs' own pages
    published = [p for p in site.rglob("*") if p.suffix in (".pdf", ".docx", ".xlsx", ".csv")]
    assert published == []
    assert [p.name for p in (site / "downloads").iterdir()] == ["index.html"]  # the page alone
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "data", "site"]


# --- the cache pruned ------------------------------------------------------------------------


def aged(path: Path, days: float) -> Path:
    then = time.time() - days * DAY
    os.utime(path, (then, then))
    return path


def kept_file(cache: Path, kind: str, key: str, days: float) -> Path:
    write_kept(cache / kind, key, f".{kind}", key.encode())
    (path,) = (cache / kind).glob(f"{key}-*")
    return aged(path, days)


def test_prune_removes_the_files_no_build_used_for_the_limit(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    old = [kept_file(cache, kind, f"old-{kind}", UNUSED_DAYS + 1) for kind in KEPT_FOLDERS]
    recent = kept_file(cache, "pdf", "recent", UNUSED_DAYS - 1)
    read_back = kept_file(cache, "docx", "read", UNUSED_DAYS + 5)
    assert read_kept(cache / "docx", "read", ".docx") == b"read"  # used by this build
    piece = cache / "xlsx" / "left-by-a-stopped-build.xlsx.123.part"
    piece.write_bytes(b"half")
    aged(piece, UNUSED_DAYS + 1)
    template = cache / "templates" / "__jinja2_page.cache"
    template.parent.mkdir(parents=True)
    template.write_bytes(b"compiled")
    aged(template, UNUSED_DAYS + 1)

    removed = prune(cache)

    assert sorted(removed) == sorted([*old, piece])
    assert all(not p.exists() for p in removed)
    assert recent.exists() and read_back.exists()
    assert template.exists()  # rewritten in place by Jinja: never grows, not pruned


def test_a_build_prunes_its_cache_and_says_so(serial: SerialBuild, tmp_path: Path) -> None:
    cache = serial.cache
    assert not serial.stale.exists()
    assert (
        f"removed 1 files from the cache folder {cache} that no build has used for "
        f"{UNUSED_DAYS} days" in serial.result.stderr
    )
    kept = {p.name for kind in KEPT_FOLDERS for p in (cache / kind).glob("*")}
    assert len([name for name in kept if name.endswith(".pdf")]) == PDFS
    # the next build uses every file it kept: it removes none
    again = run_build(BOARD, tmp_path / "site", PLANSITE_CACHE=str(cache))
    assert again.returncode == 0, again.stderr
    assert "from the cache folder" not in again.stderr
    after = {p.name for kind in KEPT_FOLDERS for p in (cache / kind).glob("*")}
    assert kept <= after
    # and makes none of its files again; only its pages are kept anew: another engine, and
    # workers drawing the charts beside it, render them otherwise (plansite/engine/kept_pages.py)
    assert {name.rpartition(".")[2] for name in after - kept} <= {*kept_pages.KINDS, "made"}
    assert not [name for name in after - kept if name.endswith((".pdf", ".docx", ".xlsx"))]


def test_make_clean_empties_the_caches_and_leftover_file_folders(tmp_path: Path) -> None:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    kept_file(tmp_path / ".cache" / "plansite", "pdf", "a-plan", 0)
    (tmp_path / "site").mkdir()
    (tmp_path / ".site.plansite-4242.part" / "downloads").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    result = subprocess.run(
        ["make", "--no-print-directory", "clean"], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Makefile", "data"]


# --- `make bench` prints every row of the table, each build bounded ------------------


# The table's rows from small boards: what is checked is that every row is measured and printed,
# each first build from an empty cache, not the figures (the machine is shared). The minimal
# board (one plan, so one PDF) stands for the example board, whose five PDFs took most of
# this test's time; the synthetic plans keep their three plans' PDFs at 10 and 20 actions, with
# 4 indicators instead of 30 (one of each unit): their 120 charts, drawn afresh by each first
# build, were most of the rest, and the rows are measured the same way whatever the board holds.
# One warm build of each board instead of `make bench`'s two (each a build process, its start-up
# about 4 s of CPU, and a hand-written build beside the large plan's): a warm row is the best of
# however many it is given, printed the same way.
# Every PDF is a stand-in kept as a real one is (tests/stand_in_pdfs/): the seven PDFs the first
# builds made were a third of the rest.
EXAMPLE = ROOT / "tests" / "fixtures" / "minimal"
SMALL, LARGE, INDICATORS, WARM_RUNS = 10, 20, 4, 1


def bench_table(work: Path, *options: str) -> str:
    result = subprocess.run(
        [sys.executable, "scripts/bench.py", "--table", "--small", str(SMALL), "--large",
         str(LARGE), "--example", str(EXAMPLE), "--indicators", str(INDICATORS), "--warm-runs",
         str(WARM_RUNS), "--work", str(work), *options],
        cwd=ROOT, capture_output=True, text=True, timeout=1200, env=with_stand_in_pdfs(os.environ),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


MEASURED = r"\d+\.\d s \(CPU \d+\.\d s\)"
BEST = rf"\d+\.\d s \(best of {WARM_RUNS}; CPU \d+\.\d s\)"
MEMORY = r"[\d,]+ MB \(largest process [\d,]+ MB\)"


def test_the_bench_prints_every_row_of_the_table(tmp_path: Path) -> None:
    rows = bench_table(tmp_path).splitlines()
    expected = [
        r"figure +measured",
        rf"example board: first build +{MEASURED}",
        rf"example board: warm build +{BEST}",
        rf"{SMALL}-action plan: first build, PDFs included +{MEASURED}",
        rf"{LARGE}-action plan: first build, PDFs included +{MEASURED}",
        rf"{LARGE}-action plan: first build, peak memory +{MEMORY}",
        rf"{LARGE}-action plan: warm build +{BEST}",
        rf"{LARGE}-action plan: warm build, peak memory +{MEMORY}; \d+\.\d\dx the hand-written's [\d,]+ MB",
        rf"vs hand-written \d+\.\d\d at {LARGE} actions",
        rf"{LARGE}-action plan: warm build, one update edited +{MEASURED}",
        r"make bench: total time +\d+\.\d min",
    ]
    assert len(rows) == len(expected), rows
    for row, pattern in zip(rows, expected, strict=True):
        assert re.fullmatch(pattern, row), (row, pattern)
    # nothing seeded: each first build started from an empty cache, and kept what it made
    kept = list((tmp_path / f"n{LARGE}" / "cache" / "pdf").glob("*.pdf"))
    assert len(kept) == 3  # 3 plans
    assert all(p.read_bytes().startswith(stand_in("")) for p in kept)  # tests/stand_in_pdfs/
    assert len(list((tmp_path / "example" / "cache" / "pdf").glob("*.pdf"))) == 1  # 1 plan
    # the example rows built the board they were given, the synthetic ones the board asked for
    assert (tmp_path / "example" / "plansite-site" / "plans" / "plan-a" / "index.html").is_file()
    indicators = tmp_path / f"n{LARGE}" / "plansite-site" / "indicators"
    assert len(list(indicators.glob("*/index.html"))) == INDICATORS
    # the last build's board had one update edited (the quarterly case)
    plans = (tmp_path / f"n{LARGE}" / "data" / "plans").glob("*.yml")
    assert sum(p.read_text("utf-8").count("Edited for the bench. ") for p in plans) == 1


def test_a_build_past_its_time_is_stopped_and_the_bench_goes_on(tmp_path: Path) -> None:
    rows = bench_table(tmp_path, "--timeout", "0.01").splitlines()
    assert rows[1:5] == [
        f"{'example board: first build':<52}did not finish in 0.01 min",
        f"{'example board: warm build':<52}not measured: the first build did not finish",
        f"{f'{SMALL}-action plan: first build, PDFs included':<52}did not finish in 0.01 min",
        f"{f'{LARGE}-action plan: first build, PDFs included':<52}did not finish in 0.01 min",
    ]
    # the memory it had taken when it was stopped
    assert re.fullmatch(
        rf"{LARGE}-action plan: first build, peak memory +[\d,]+ MB when it was stopped", rows[5]
    )
    assert (
        rows[6]
        == f"{f'{LARGE}-action plan: warm build':<52}not measured: the first build did not finish"
    )
    assert re.fullmatch(r"make bench: total time +\d+\.\d min", rows[7])
    assert len(rows) == 8


def ends_its_process() -> bytes:
    os._exit(9)  # as the kernel's out-of-memory killer would end it


def test_a_worker_that_dies_is_named_with_what_to_do(tmp_path: Path) -> None:
    output = Output(tmp_path / ".site.part", processes=2)
    output.make("downloads/plan.pdf", Job("pdf", None, ends_its_process, ()))
    with pytest.raises(made_files.WorkerStopped) as stopped:
        output.sizes()
    output.discard()
    assert str(stopped.value) == (
        "the worker process making downloads/plan.pdf stopped before it finished (the machine "
        "may have run out of memory); build again with PLANSITE_WORKERS=1 to make the files one "
        "at a time"
    )
