"""A second process renders the generated pages and makes the published files while MkDocs turns
pages into HTML, so a build keeps both cores of a small machine busy.

The worker is a fork of the build made after the data is loaded and checked: it has the loaded
Site without copying or re-reading anything. It renders the generated pages in the order MkDocs
will ask for them, then makes the published files; the build takes each result when it needs it
(a page's macro call, the Downloads page, the end of the build), waiting only if the worker has
not got there yet. The results are the same strings and bytes an in-process build makes: the
renderers are pure functions of the Site.

Used for `mkdocs build` only: `mkdocs serve` rebuilds in one long-lived process with threads,
where a fork is not safe, and keeps its caches between rebuilds instead.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from macros.model.site import Site
from macros.pages import GeneratedPage
from macros.pages.registry import render_page
from macros.publish import published_files

WORKER_ENV = "PLANSITE_WORKER"  # "0": the build does everything in its own process

_site: Site | None = None  # the worker's copy, inherited through fork


def _render(path: str, kind: str, args: tuple[str, ...]) -> str:
    assert _site is not None, "set before the worker was forked"
    return render_page(_site, path, kind, *args)


def _publish() -> dict[str, bytes]:
    assert _site is not None, "set before the worker was forked"
    # remembered: pages the worker rendered first (a plan's, with its PDF's size) made some
    return published_files(_site)


def second_core() -> bool:
    """A worker helps on Linux with a spare core, unless PLANSITE_WORKER=0. Not on macOS, where
    a forked process can crash in system libraries, nor on Windows, which cannot fork."""
    spare = (os.cpu_count() or 1) > 1
    return spare and sys.platform == "linux" and os.environ.get(WORKER_ENV, "1") != "0"


class Worker:
    """The second process, and the futures of what it makes."""

    def __init__(self, site: Site, quick: list[GeneratedPage], slow: list[GeneratedPage]) -> None:
        """Render `quick`, make the published files, then render `slow`, in that order."""
        global _site
        _site = site
        gc.freeze()  # the loaded Site is shared read-only: keep the collector off its pages
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        self._pages: dict[str, Future[str]] = {}
        self._submit(quick)
        self._published = self._pool.submit(_publish)
        self._submit(slow)

    def _submit(self, pages: list[GeneratedPage]) -> None:
        for page in pages:
            self._pages[page.path] = self._pool.submit(_render, page.path, page.kind, page.args)

    def page(self, path: str) -> Callable[[], str] | None:
        """How to get the rendered page at `path`, if the worker renders it."""
        future = self._pages.pop(path, None)
        return future.result if future else None

    def published(self) -> dict[str, bytes]:
        return self._published.result()

    def close(self) -> None:
        """Stop the worker: at the end of a build, or at once when the build failed."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        gc.unfreeze()
