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
from collections.abc import Callable, Iterator, Mapping
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


@dataclass(frozen=True)
class Later:
    """A published file whose `Job` is worked out only when the file must be made: `job()`
    renders the document (a PDF's HTML, a Word file's body). A build first looks for the file
    kept under the key of its inputs (plansite/documents/inputs.py, `Output.make`), so a warm
    build renders no document it does not make."""

    kind: str
    job: Callable[[], Job]


@dataclass(frozen=True, eq=False)
class Together:
    """Published files made by one call, `make()` (their bytes by path), whose `paths` are
    known before it: a board's feeds (the site's feed holds every plan's newest entries), its
    open data (datapackage.json gives each CSV's size). A build first looks for each kept under
    the key of its inputs, and makes them all only when one is not (`Output.make`). Each
    path's kind (its cache folder) is its extension: `kind_of`."""

    paths: tuple[str, ...]
    make: Callable[[], Mapping[str, bytes]]

    def made(self) -> Mapping[str, bytes]:
        """`make()`, which must make exactly `paths` (the paths a warm build publishes)."""
        made = self.make()
        if set(made) != set(self.paths):
            raise ValueError(f"{self.make} made {sorted(made)}, not {sorted(self.paths)}")
        return made

    def each(self) -> Iterator[tuple[str, Together]]:
        """Each path with the files it is made with, as a build's producers give them."""
        for path in self.paths:
            yield path, self


def kind_of(path: str) -> str:
    """The kind of a published file a `Together` makes: its extension (xml, csv, json)."""
    return path.rpartition(".")[2]


def contents(files: Mapping[str, bytes | Job | Later | Together]) -> dict[str, bytes]:
    """Each file's bytes, every job's made here (outside a build: `make export`, the tests);
    files made together, made once."""
    made: dict[int, Mapping[str, bytes]] = {}
    result = {}
    for path, file in files.items():
        if isinstance(file, Together):
            if id(file) not in made:
                made[id(file)] = file.made()
            result[path] = made[id(file)][path]
        else:
            result[path] = _content(file)
    return result


def _content(file: bytes | Job | Later) -> bytes:
    if isinstance(file, bytes):
        return file
    return (file.job() if isinstance(file, Later) else file).content()


INPUTS_SUFFIX = ".made"  # a file's key, kept under the key of its inputs


def kept_by_inputs(folder: Path, kind: str, inputs: str) -> bytes | None:
    """The file made before from the same inputs (`keep_under_inputs`), or None."""
    key = read_kept(folder / kind, inputs, INPUTS_SUFFIX)
    return None if key is None else read_kept(folder / kind, key.decode("ascii"), f".{kind}")


def keep_under_inputs(folder: Path, kind: str, inputs: str, key: str) -> None:
    """The file kept under `key` is the one the inputs `inputs` make."""
    write_kept(folder / kind, inputs, INPUTS_SUFFIX, key.encode("ascii"))


def keep_made(folder: Path, kind: str, content: bytes) -> str:
    """A file made in the build's process kept under the hash of its bytes (its key, for
    `keep_under_inputs`): a file made again the same after an edit elsewhere is kept once."""
    key = hashlib.sha256(content).hexdigest()
    write_kept(folder / kind, key, f".{kind}", content)
    return key


def key_of(made_from: object) -> str:
    """The SHA-256 of `repr(made_from)`, hashed a piece at a time: a large plan's Word file is
    made from a 30 MB body, whose repr and its encoding were two more copies of it (issue 26)."""
    digest = hashlib.sha256()
    for piece in _repr_pieces(made_from):
        digest.update(piece.encode("utf-8"))
    return digest.hexdigest()


LONG = 1 << 20  # characters: a string longer than this is written out a piece at a time


def _repr_pieces(value: object) -> Iterator[str]:
    """`repr(value)` in pieces, the same characters: a tuple's items one by one, a long
    string's characters a megabyte at a time."""
    if type(value) is tuple:
        yield "("
        for index, item in enumerate(value):
            if index:
                yield ", "
            yield from _repr_pieces(item)
        yield ",)" if len(value) == 1 else ")"
    elif type(value) is str and len(value) > LONG:
        # repr quotes with ' unless the text has a ' and no ": the quote the whole text takes,
        # and each piece's characters escaped for it
        double = "'" in value and '"' not in value
        quote = '"' if double else "'"
        yield quote
        for start in range(0, len(value), LONG):
            piece = value[start : start + LONG]
            # with a " added, a piece with a ' is quoted with ' too, its ' escaped
            yield repr(piece)[1:-1] if double else repr(piece + '"')[1:-2]
        yield quote
    else:
        yield repr(value)


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
