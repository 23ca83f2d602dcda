"""A second process renders the generated pages and makes the published files while MkDocs turns
pages into HTML, so a build keeps both cores of a small machine busy.

The worker is a fork of the build made after the data is loaded and checked: it is handed the
loaded BoardData as an argument, without copying or re-reading anything. It renders the generated
pages in the order MkDocs will ask for them, then makes the published files, sending each result
back as it is made; the build takes each result when it needs it (a page's macro call, the
Downloads page, the end of the build), waiting only if the worker has not got there yet. The
results are the same strings and bytes an in-process build makes: the renderers are pure
functions of the BoardData.

Used for `mkdocs build` only: `mkdocs serve` rebuilds in one long-lived process with threads,
where a fork is not safe.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from macros.model.board_data import BoardData
from macros.pages import GeneratedPage
from macros.pages.registry import render_page
from macros.publish import make_files

WORKER_ENV = "PLANSITE_WORKER"  # "0": the build does everything in its own process
PUBLISHED = "\0published files"  # the key of the published files: never a page's path


def worker_helps() -> bool:
    """A worker helps on Linux with a spare core, unless PLANSITE_WORKER=0. Not on macOS, where
    a forked process can crash in system libraries, nor on Windows, which cannot fork."""
    spare = (os.cpu_count() or 1) > 1
    return spare and sys.platform == "linux" and os.environ.get(WORKER_ENV, "1") != "0"


def _work(
    site: BoardData, quick: list[GeneratedPage], slow: list[GeneratedPage], send: Connection
) -> None:
    """The worker process: make everything in order and send each result as it is made."""

    def made(key: str, make: Callable[[], Any]) -> None:
        try:
            send.send((key, make(), None))
        except Exception as error:  # reaches the build when it asks for this result
            error.add_note("In the worker process:\n" + traceback.format_exc())
            send.send((key, None, error))

    for page in quick:
        made(page.path, lambda p=page: render_page(site, p.path, p.page_type.name, *p.args))  # type: ignore[misc]
    made(PUBLISHED, lambda: make_files(site))
    for page in slow:
        made(page.path, lambda p=page: render_page(site, p.path, p.page_type.name, *p.args))  # type: ignore[misc]
    send.close()


class Worker:
    """The second process, and what it has sent back so far."""

    def __init__(
        self, site: BoardData, quick: list[GeneratedPage], slow: list[GeneratedPage]
    ) -> None:
        """Render `quick`, make the published files, then render `slow`, in that order."""
        gc.freeze()  # the loaded BoardData is shared read-only: keep the collector off its pages
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_work, args=(site, quick, slow, send), daemon=True)
        self._process.start()
        send.close()  # the worker holds the only sending end: its exit ends the stream
        self._expected = {page.path for page in [*quick, *slow]}
        self._results: dict[str, tuple[Any, BaseException | None]] = {}
        self._ended = False
        self._arrived = threading.Condition()
        # results are read as they come, so the worker never waits for the build to ask
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            while True:
                key, value, error = self._receive.recv()
                with self._arrived:
                    self._results[key] = (value, error)
                    self._arrived.notify_all()
        except (EOFError, OSError):
            with self._arrived:
                self._ended = True
                self._arrived.notify_all()

    def _result(self, key: str) -> Any:
        with self._arrived:
            self._arrived.wait_for(lambda: key in self._results or self._ended)
            if key not in self._results:
                raise RuntimeError(f"the worker process stopped before it made {key!r}")
            value, error = self._results.pop(key)
        if error is not None:
            raise error
        return value

    def page(self, path: str) -> Callable[[], str] | None:
        """How to get the rendered page at `path`, if the worker renders it."""
        if path not in self._expected:
            return None
        self._expected.discard(path)  # each page is taken once
        return lambda: str(self._result(path))

    def published(self) -> dict[str, bytes]:
        files: dict[str, bytes] = self._result(PUBLISHED)
        return files

    def close(self) -> None:
        """Stop the worker: at the end of a build, or at once when the build failed."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._reader.join(timeout=5)
        self._receive.close()
        gc.unfreeze()
