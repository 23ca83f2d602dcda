"""Published files kept between builds: PDFs, Word files and spreadsheets.

Making them takes WeasyPrint, python-docx or openpyxl (each a second or more to import) and
seconds of work on a large board, for files that rarely change. So each is kept in the build's
cache folder (the charts' folder, plansite/render/chart_store.py), named by a hash of everything
it is made from: what it says, and the versions of the code and libraries that write it. A
change to any of them makes the file afresh; the folder can be deleted at any time.

Each is described by a `Job`: a module-level function and plain arguments (text, numbers,
dates), so that a build can make it in another process (plansite/documents/made_files.py).
"""

from __future__ import annotations

import functools
import hashlib
import sys
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from plansite.render.cache_files import read_kept, write_kept
from plansite.render.chart_store import cache_folder


@dataclass(frozen=True)
class Job:
    """One published file: `make(*args)`, kept under `kind` (the cache's folder and the
    file's extension) when `made_from` is not None. `make` and `args` must pickle."""

    kind: str
    made_from: object | None
    make: Callable[..., bytes]
    args: tuple[Any, ...]

    def key(self) -> str:
        return key_of(self.made_from)

    def found(self, folder: Path | None) -> bytes | None:
        """The file as kept in `folder` by an earlier build, or None."""
        if folder is None or self.made_from is None:
            return None
        return read_kept(folder / self.kind, self.key(), f".{self.kind}")

    def content(self) -> bytes:
        """The file, from the cache or made here and now."""
        if self.made_from is None:
            return self.make(*self.args)
        return kept(self.kind, self.made_from, functools.partial(self.make, *self.args))


def contents(files: Mapping[str, bytes | Job]) -> dict[str, bytes]:
    """Each file's bytes, every job's made here (outside a build: `make export`, the tests)."""
    return {path: f if isinstance(f, bytes) else f.content() for path, f in files.items()}


def key_of(made_from: object) -> str:
    return hashlib.sha256(repr(made_from).encode("utf-8")).hexdigest()


def kept(kind: str, made_from: object, make: Callable[[], bytes]) -> bytes:
    """`make()`, or the bytes it made before from the same `made_from` (whose repr must hold
    everything the file depends on). `kind` is the folder and the file's extension."""
    folder = cache_folder()
    if folder is None:  # outside a build, or a build with `cache_dir: ""`
        return make()
    key = key_of(made_from)
    found = read_kept(folder / kind, key, f".{kind}")
    if found is not None:
        return found
    made = make()
    write_kept(folder / kind, key, f".{kind}", made)
    return made


@functools.cache
def making_version(*modules: str, libraries: tuple[str, ...]) -> tuple[str, ...]:
    """The source of the modules (files) that write a file, the libraries' versions, and
    Python's and zlib's (they zip Word and Excel files)."""
    code = [hashlib.sha256(Path(module).read_bytes()).hexdigest() for module in modules]
    return (*code, *(version(name) for name in libraries), sys.version, zlib.ZLIB_RUNTIME_VERSION)
