"""A build's published files (PDFs, Word files, spreadsheets, open data, feeds): made on the
machine's cores and written as they are made, into a folder beside site/ that the build moves
into place only when it succeeds. So a failed build still writes none of them, and the build
holds their sizes (the Downloads page shows them), not their bytes.

A file from a `Job` (plansite/documents/kept_files.py) is read from the cache in the build's own
process, or made by a worker process: WeasyPrint is CPU-bound and not thread-safe, so processes,
each given the job's plain data, never a model. Workers write the file themselves and return
its size. One core (or `PLANSITE_WORKERS=1`) makes every file in the build's process, in the
same way: the bytes are the same either way (tests/test_parallel_build.py).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from plansite.documents.inputs import document_key
from plansite.documents.kept_files import (
    Job,
    Later,
    Together,
    keep_made,
    keep_under_inputs,
    kept_by_inputs,
    kind_of,
)
from plansite.load import no_cycle_collection
from plansite.render.cache_files import read_kept, write_kept
from plansite.render.chart_labels import labelled
from plansite.render.chart_store import FOLDER, SUFFIX, Labels, cache_folder, drawing

WORKERS_ENV = "PLANSITE_WORKERS"
# what the workers make files with (PDFs, charts, Word files, spreadsheets): imported by the
# build's process once, only when a file must be made, before the workers are forked from it
PRELOAD = ("weasyprint", "plansite.render.charts", "docx", "openpyxl")
T = TypeVar("T")


class WorkerStopped(RuntimeError):
    """A worker process ended without making its file (killed, out of memory)."""


def workers() -> int:
    """Worker processes for a build: PLANSITE_WORKERS, else the cores this process may use."""
    setting = os.environ.get(WORKERS_ENV, "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def staging_folder(site_dir: Path) -> Path:
    """Beside site/ (the same disk, so moving a file into place is a rename)."""
    return site_dir.parent / f".{site_dir.name}.plansite-{os.getpid()}.part"


class Output:
    """The published files of one build, written under `folder` as each is made."""

    def __init__(self, folder: Path, processes: int = 1, inputs: str | None = None) -> None:
        shutil.rmtree(folder, ignore_errors=True)  # a build stopped by force left it
        folder.mkdir(parents=True)
        self.folder = folder
        # the key of what the build's documents are made from (plansite/documents/inputs.py):
        # a document kept under it is read without being rendered (`make`)
        self.inputs = inputs
        # (kind, the key of a document's inputs, its file's key): kept once the build ends
        # with its inputs unchanged (`remember_inputs`)
        self._made_from: list[tuple[str, str, str]] = []
        self._sizes: dict[str, int] = {}
        self._pending: dict[str, Future[int]] = {}
        self._pages: list[str] = []  # pages written again with their files' sizes (`write_page`)
        # the charts the pages show, by key: their SVG, or the worker drawing it (`chart`)
        self._charts: dict[str, str] = {}
        self._drawing: dict[str, Future[str]] = {}
        # each chart a page shows, by its placeholder's name: its drawing's key and its labels
        self._shown: dict[str, tuple[str, Labels]] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._started = False  # the workers are forked at the first job (`_submit`)
        if processes > 1:
            # fork: a worker starts with the modules already imported and costs no memory until
            # it writes; the build has no threads of its own when it forks
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            self._pool = ProcessPoolExecutor(processes, mp_context=context)

    def _submit(self, make: Callable[..., T], *args: Any) -> Future[T]:
        """`make(*args)` on a worker. The first starts the workers (forked from this process):
        the libraries that make the files are imported here first, once, rather than by each
        worker (about a second each: `PRELOAD`)."""
        assert self._pool is not None
        if not self._started:
            self._started = True
            # with the collector off: each collection meanwhile scanned everything the build
            # holds (a quarter of a second of the example's first build before any worker ran)
            with no_cycle_collection():
                for module in PRELOAD:
                    # one that cannot be imported here: the worker's job says what is missing
                    with contextlib.suppress(ImportError, OSError):
                        importlib.import_module(module)
            return _forked(self._pool, make, *args)
        return self._pool.submit(make, *args)

    def __contains__(self, path: str) -> bool:
        return path in self._sizes or path in self._pending

    def write(self, path: str, content: bytes) -> None:
        """A file made in the build's process: written now, its size kept."""
        self._sizes[path] = _write(self.folder / path, content)

    def make(self, path: str, item: Job | Later | Together) -> None:
        """The file of `item`: read from the cache here, or made by a worker (here with one).
        A `Later`'s document is rendered only when no file is kept under its inputs' key."""
        if path in self:
            return
        if isinstance(item, Together):
            self._make_together(item)
            return
        cache = cache_folder()
        inputs = None
        if isinstance(item, Later):
            if cache is not None and self.inputs is not None:
                inputs = document_key(self.inputs, item.kind, path)
                found = kept_by_inputs(cache, item.kind, inputs)
                if found is not None:
                    self.write(path, found)
                    return
            item = item.job()
        job = item
        kept_as = (cache / job.kind, job.key()) if cache and job.made_from is not None else None
        if kept_as is not None and inputs is not None:
            self._made_from.append((job.kind, inputs, kept_as[1]))
        found = read_kept(*kept_as, f".{job.kind}") if kept_as is not None else None
        if found is not None:
            self.write(path, found)
            return
        # what a worker is sent: the plain data, and where to keep the file (not `made_from`,
        # which holds a PDF's whole HTML a second time)
        work = (job.make, job.args, job.kind, kept_as, self.folder / path)
        if self._pool is not None:
            self._pending[path] = self._submit(_make, *work)
        else:
            self._sizes[path] = _make(*work)

    def _make_together(self, item: Together) -> None:
        """Files made by one call, in this process: each read from the cache when every one is
        kept under its inputs' key, else all made (and each kept under the hash of its bytes,
        and under its inputs' key once the build ends: `remember_inputs`)."""
        cache = cache_folder()
        if cache is None or self.inputs is None:
            made = item.made()
            for path in item.paths:
                self.write(path, made[path])
            return
        inputs = {path: document_key(self.inputs, kind_of(path), path) for path in item.paths}
        found = {path: kept_by_inputs(cache, kind_of(path), inputs[path]) for path in item.paths}
        kept = {path: content for path, content in found.items() if content is not None}
        if len(kept) == len(item.paths):
            for path, content in kept.items():
                self.write(path, content)
            return
        made = item.made()
        for path in item.paths:  # in the same order as when they are found
            self.write(path, made[path])
            key = keep_made(cache, kind_of(path), made[path])
            self._made_from.append((kind_of(path), inputs[path], key))

    def remember_inputs(self, unchanged: Callable[[], bool]) -> None:
        """Each document rendered (made, or read under its own key) is kept under its inputs'
        key too, for the next build: once every file is made, and when `unchanged()` (no input
        changed meanwhile; asked only when a document was rendered)."""
        cache = cache_folder()
        if cache is not None and self._made_from and unchanged():
            for kind, inputs, key in self._made_from:
                keep_under_inputs(cache, kind, inputs, key)
        self._made_from.clear()

    def size(self, path: str) -> int:
        """The file's size in bytes, once it is made."""
        if path in self._pending:
            self._sizes[path] = _result(self._pending.pop(path), path)
        return self._sizes[path]

    def draws_charts(self) -> bool:
        """Whether the pages' charts are drawn beside the build (by its workers)."""
        return self._pool is not None

    def chart(self, key: str, chart_name: str, drawn_from: tuple[Any, ...], labels: Labels) -> str:
        """A chart a page shows (plansite/render/chart_store.py, `draw_ahead`): its drawing
        read from the cache here, or drawn and kept by a worker while this process renders the
        pages; the name of its placeholder, for `chart_svg`. A drawing two pages show (an
        indicator's page and the yearly report) is drawn once."""
        shown = hashlib.sha256(repr((key, labels)).encode("utf-8")).hexdigest()
        self._shown[shown] = (key, labels)
        cache = cache_folder()
        if key in self._charts or key in self._drawing or cache is None:
            return shown
        found = read_kept(cache / FOLDER, key, SUFFIX)
        if found is not None:
            self._charts[key] = found.decode("utf-8")
        elif self._pool is not None:
            self._drawing[key] = self._submit(_draw, chart_name, drawn_from, cache / FOLDER, key)
        else:
            self._charts[key] = _draw(chart_name, drawn_from, cache / FOLDER, key)
        return shown

    def chart_svg(self, shown: str) -> str:
        """The chart a placeholder names, once its drawing is made, with its labels."""
        key, labels = self._shown[shown]
        if key in self._drawing:
            self._charts[key] = _result(self._drawing.pop(key), f"a chart ({key})")
        return labelled(self._charts[key], *labels)

    def sizes(self) -> dict[str, int]:
        """Every file's size, once every file is made (a worker's error is raised here)."""
        for path in list(self._pending):
            self.size(path)
        return dict(self._sizes)

    def sizes_as_asked(self) -> Mapping[str, int]:
        """Each file's size when it is asked for, waiting for that file only."""
        return _SizesAsAsked(self)

    def write_page(self, path: str, html: str) -> None:
        """A page the engine wrote, written again (its files' sizes filled in): moved into
        site/ over it with the files. Encoded as the engine encodes a page."""
        _write(self.folder / path, html.encode("utf-8", errors="xmlcharrefreplace"))
        self._pages.append(path)

    def move_into(self, site_dir: Path, *, keep_unchanged: bool = False) -> None:
        """Every file moved into site/ (after the pages were written). `keep_unchanged`: a
        file already there with the same bytes is left as it is (a preview's rebuild)."""
        for path in [*self.sizes(), *self._pages]:
            made, target = self.folder / path, site_dir / path
            if keep_unchanged and _same(made, target):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(made, target)
        self.discard()

    def discard(self) -> None:
        """Nothing of this build's files is left (a failed build, or after moving them)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
            if self._started:  # frozen when the workers were forked (`_forked`)
                gc.unfreeze()
        self._pending.clear()
        self._pages.clear()
        self._drawing.clear()
        self._charts.clear()
        self._shown.clear()
        self._made_from.clear()
        shutil.rmtree(self.folder, ignore_errors=True)


def _forked(pool: ProcessPoolExecutor, make: Callable[..., T], *args: Any) -> Future[T]:
    """The pool's first job, which forks its workers. Every object this process holds then
    (the loaded board, the engine, the libraries) is frozen first: the cycle collector scans
    none of them again, in a worker (a fifth of the workers' time on a first build, and each
    page it touched copied) or here while the pages render, until the build's files are made
    (`Output.discard` thaws them, so what the build let go is freed after it)."""
    gc.freeze()
    return pool.submit(make, *args)


def _make(
    make: Callable[..., bytes],
    args: tuple[Any, ...],
    kind: str,
    kept_as: tuple[Path, str] | None,
    target: Path,
) -> int:
    """In a worker (or the build's process): make the file, keep it (in the cache's folder,
    under its key), write it; its size."""
    content = make(*args)
    if kept_as is not None:
        write_kept(*kept_as, f".{kind}", content)
    return _write(target, content)


def _draw(chart_name: str, drawn_from: tuple[Any, ...], folder: Path, key: str) -> str:
    """In a worker: the chart's drawing made and kept in the cache, as the build's process
    keeps it."""
    svg = drawing(chart_name, drawn_from)
    write_kept(folder, key, SUFFIX, svg.encode("utf-8"))
    return svg


def _result(future: Future[T], what: str) -> T:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerStopped(
            f"the worker process making {what} stopped before it finished (the machine "
            f"may have run out of memory); build again with {WORKERS_ENV}=1 to make the "
            "files one at a time"
        ) from None


def _write(target: Path, content: bytes) -> int:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return len(content)


def _same(made: Path, target: Path) -> bool:
    return (
        target.is_file()
        and target.stat().st_size == made.stat().st_size
        and target.read_bytes() == made.read_bytes()
    )


class _SizesAsAsked(Mapping[str, int]):
    def __init__(self, output: Output) -> None:
        self._output = output

    def __getitem__(self, path: str) -> int:
        return self._output.size(path)

    def __iter__(self) -> Iterator[str]:
        return iter(self._output.sizes())

    def __len__(self) -> int:
        return len(self._output.sizes())
