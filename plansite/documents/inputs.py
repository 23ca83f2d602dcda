"""Everything a build's published documents are made from, as one key (issue 26).

A PDF's or Word file's key in the cache was the hash of its rendered HTML or body
(plansite/documents/kept_files.py): a warm build rendered every document, seconds and hundreds
of megabytes at 12,000 actions, only to find it kept. A build also keeps each document under
the key of its inputs (`document_key`): this key, the document's kind and its path in the
site. A warm build whose inputs did not change reads the document without rendering it.

The key must change whenever anything a document shows could change, so it is taken from
whole files rather than from the fields a document reads: a key that changes too often costs a
rendering (the document's own key then finds the file kept, and nothing is made afresh); one
that misses a change would publish a stale PDF. It hashes

- every file of the board's data folder, except the editors' own (hidden files, lock files:
  `QUIET`) and the Office files uploaded for the import (never read for the site);
- the words file, the package's words folder (the national glossary, the status presets'
  words) and the fragments of the build's Jinja environment (print.css too), read at every
  build;
- the package's files (Python source and the rest, but the theme and the starter site) and the
  names of the installed distributions' metadata folders (each names its version), once a
  process: the code a process runs is the code it imported;
- the build's settings (language, site address, words file, preview), and Python's version.

The files' sizes and modification times, taken before their bytes are read, are looked at
again when the build ends (`Inputs.unchanged`): a document rendered from a file edited during
the build is not kept under a key taken from the file as it was before.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from plansite.read.files import QUIET, UPLOADS

PACKAGE = Path(__file__).resolve().parents[1]
# the package's folders read at every build: the words files, the national glossary
WORDS = PACKAGE / "words"
# the package's folders no document is made from: the site's theme (pages only, and most of the
# package's bytes: the admin's scripts) and the starter site a new board is given
NOT_DOCUMENTS = frozenset({"theme", "starter_site"})
PIECE = 1 << 20  # characters of a long text encoded at a time (`result_key`)
# Python's compiled files, written beside the source as modules are first imported (in a fresh
# clone, during the build itself): in no key, at any depth, or two builds of the same code differ
BYTECODE = "__pycache__"
Stamp = tuple[str, int, int, int]  # a file's name in the key, size, modification time, inode


@dataclass(frozen=True)
class Inputs:
    """The key of what a build's documents are made from, and how each file looked."""

    key: str
    board: Path
    words: Path
    fragments: tuple[Path, ...]
    stamps: tuple[Stamp, ...]

    def unchanged(self) -> bool:
        """No input file was added, removed or written since the key was taken."""
        return _stamps(_input_files(self.board, self.words, self.fragments)) == self.stamps


def inputs_of(board: Path, words: Path, fragments: list[Path], settings: str) -> Inputs | None:
    """The key of the board in `board`, built with the words file `words`, the fragments in
    the folders `fragments` (the build's Jinja environment's) and `settings` (the build's
    options, as text); None when a file is not one that can be read (a broken link, a pipe:
    the check names it), and the build keeps its documents under their own keys only."""
    files = _input_files(board, words, fragments)
    stamps = _stamps(files)  # before the bytes are read: an edit meanwhile shows at the end
    digest = hashlib.sha256()
    for piece in (settings, *code_version()):
        _add(digest.update, piece.encode("utf-8"))
    for name, path in files:
        content = _content(path)
        if content is None:
            return None
        _add(digest.update, name.encode("utf-8"))
        _add(digest.update, content)
    return Inputs(digest.hexdigest(), board, words, tuple(fragments), stamps)


def document_key(inputs: str, kind: str, path: str) -> str:
    """A document's key from its build's inputs: the same inputs make the same document."""
    return hashlib.sha256(f"{inputs}\0{kind}\0{path}".encode()).hexdigest()


def result_key(*pieces: str) -> str:
    """The key of a result that depends only on the text `pieces` and on the code
    (`code_version`): a page's search entries from its HTML, its final HTML from the engine's.
    The same pieces give the same result whatever else changed (plansite/engine/kept_pages.py).
    Each piece is encoded a piece at a time: a large page (30 MB) is never held twice."""
    digest = hashlib.sha256()
    for piece in (*code_version(), *pieces):
        digest.update(len(piece).to_bytes(8, "big"))  # characters: UTF-8 reads back one way
        for start in range(0, len(piece), PIECE):
            digest.update(piece[start : start + PIECE].encode("utf-8"))
    return digest.hexdigest()


def files_key(folders: Iterable[Path]) -> str:
    """A hash of every file in `folders` (their names and bytes): a build's fragments."""
    digest = hashlib.sha256()
    for number, folder in enumerate(folders):
        for name, path in _walk(folder, f"folder{number}"):
            _add(digest.update, name.encode("utf-8"))
            _add(digest.update, _content(path) or b"")
    return digest.hexdigest()


def _add(update: Callable[[bytes], object], piece: bytes) -> None:
    """`piece` with its length first: two files can never read as one other pair."""
    update(len(piece).to_bytes(8, "big"))
    update(piece)


def _input_files(board: Path, words: Path, fragments: Iterable[Path]) -> list[tuple[str, str]]:
    """Every file read at each build, by a name that says where it is (paths as text: a
    pathlib object a file took most of the time for the example board)."""
    found = list(_walk(board, "board", UPLOADS))
    found.append((f"words/{words.name}", str(words)))
    found += _walk(WORDS, "package-words")
    for number, folder in enumerate(fragments):
        found += _walk(folder, f"fragments{number}")
    return found


def _walk(root: Path, label: str, left_out: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The files under `root` in a fixed order, by `label` and their path inside it, without
    the editors' own files and the top-level folders `left_out`. A linked folder is followed (a
    link out of the data folder fails the check), each folder once: a link to a folder above
    it ends."""
    found = []
    seen = set()
    top = str(root)
    for folder, folders, files in os.walk(top, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            folders.clear()
            continue
        seen.add(real)
        folders[:] = sorted(
            f
            for f in folders
            if not QUIET.search(f) and f != BYTECODE and not (folder == top and f in left_out)
        )
        inside = folder[len(top) :].lstrip(os.sep).replace(os.sep, "/")
        prefix = f"{label}/{inside}/" if inside else f"{label}/"
        found += [
            (prefix + f, os.path.join(folder, f)) for f in sorted(files) if not QUIET.search(f)
        ]
    return found


def _content(path: str) -> bytes | None:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None


def _stamps(files: list[tuple[str, str]]) -> tuple[Stamp, ...]:
    stamps = []
    for name, path in files:
        try:
            found = os.stat(path)
        except OSError:  # removed meanwhile
            stamps.append((name, -1, -1, -1))
            continue
        stamps.append((name, found.st_size, found.st_mtime_ns, found.st_ino))
    return tuple(stamps)


@functools.cache
def code_version() -> tuple[str, ...]:
    """The package's files (its Python source, and the rest, which the build reads again each
    time), the installed distributions (their metadata folders' names carry their versions:
    WeasyPrint, Jinja, matplotlib, python-docx, openpyxl ...), Python's and zlib's versions.
    Once a process: the code it runs is the code it imported."""
    digest = hashlib.sha256()
    for name, path in _walk(PACKAGE, "package", NOT_DOCUMENTS):
        _add(digest.update, name.encode("utf-8"))
        _add(digest.update, _content(path) or b"")
    return (digest.hexdigest(), *_distributions(), sys.version, zlib.ZLIB_RUNTIME_VERSION)


def _distributions() -> list[str]:
    """The names of the installed distributions' metadata folders (`Jinja2-3.1.6.dist-info`):
    a listing of each folder on the import path, not their metadata (a third of a second)."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip, or gone
            continue
        found += [f"{entry}:{n}" for n in names if n.endswith((".dist-info", ".egg-info"))]
    return sorted(found)
