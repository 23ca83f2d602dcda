"""A build's pages kept between builds (issue 26), in the build's cache folder, as the
documents are (plansite/documents/kept_files.py).

- **A generated page's rendering** (its HTML, headings, ids, search entries and the charts it
  asked for), kept under the key of the build's inputs (plansite/documents/inputs.py) with the
  page's path, type, arguments and address (`page_key`): a build whose inputs did not change
  renders no page. As a document is: the rendering is kept under the hash of its bytes, and a
  small `.made` file under the page's key names it only once the build ended with its inputs
  unchanged (`SiteBuild.finish_files`).
- **Work whose result depends only on text**, kept under a hash of that text and of the code
  (`result_key`): a page's search entries cut from its HTML, and a page's final HTML with the
  glossary's links and abbreviations. Correct whatever else changed, so a build after one
  action's edit (every other page's HTML the same) finds them too.

A rendering's HTML is kept compressed, the rest of it pickled (the charts' figures are tuples,
dates, numbers): the cache folder is trusted as the project's own files are (Jinja's compiled
templates in it are code too). Long text is encoded and compressed a piece at a time, so a
large page (30 MB) is never held whole as bytes beside its text.
"""

from __future__ import annotations

import json
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plansite.documents.inputs import PIECE, document_key, result_key
from plansite.documents.kept_files import keep_made, kept_by_inputs
from plansite.engine.held_pages import LEVEL  # zlib's fastest: a tenth of the size
from plansite.render.cache_files import read_kept, write_kept
from plansite.search.entries import Entry

PAGE = "page"  # a generated page's rendering, under its build's inputs
ENTRIES = "entries"  # a page's search entries, under its HTML
FINISHED = "finished"  # a page's final HTML, under the engine's HTML and the glossary
KINDS = (PAGE, ENTRIES, FINISHED)


def page_key(inputs: str, *about: str) -> str:
    """A generated page's key: the build's inputs and what says which page, rendered how."""
    return document_key(inputs, PAGE, "\0".join(about))


def kept_page(cache: Path, key: str) -> tuple[str, Any] | None:
    """The HTML and the rest of the rendering kept under `key` by a build with the same
    inputs, or None."""
    found = kept_by_inputs(cache, PAGE, key)
    if found is None:
        return None
    length = int.from_bytes(found[:8], "big")
    html = _unpacked(found[8 : 8 + length])
    return html, pickle.loads(zlib.decompress(found[8 + length :]))


def keep_page(cache: Path, html: str, rest: object) -> str:
    """A page's HTML and the rest of its rendering kept under the hash of their bytes: the key
    `keep_under_inputs` names them by."""
    packed = _packed(html)
    rest_packed = zlib.compress(pickle.dumps(rest, protocol=5), LEVEL)
    return keep_made(cache, PAGE, len(packed).to_bytes(8, "big") + packed + rest_packed)


def entries(
    cache: Path, html: str, about: tuple[str, ...], cut: Callable[[], list[Entry]]
) -> list[Entry]:
    """`cut()`, a page's search entries from its HTML `html` (`about`: its address, title and
    how it is cut), or the entries cut before from the same."""
    key = result_key(*about, html)
    found = read_kept(cache / ENTRIES, key, f".{ENTRIES}")
    if found is not None:
        kept: list[Entry] = json.loads(zlib.decompress(found))
        return kept
    made = cut()
    write_kept(cache / ENTRIES, key, f".{ENTRIES}", _packed(json.dumps(made)))
    return made


def finished(cache: Path, html: str, about: tuple[str, ...], finish: Callable[[], str]) -> str:
    """`finish()`, a page's final HTML from the engine's `html` (`about`: its path, the
    glossary and the fragments), or the one finished before from the same."""
    key = result_key(*about, html)
    found = read_kept(cache / FINISHED, key, f".{FINISHED}")
    if found is not None:
        return _unpacked(found)
    made = finish()
    write_kept(cache / FINISHED, key, f".{FINISHED}", _packed(made))
    return made


def _packed(text: str) -> bytes:
    """`text` as UTF-8, compressed, encoded a piece at a time: a large page (30 MB) is never
    held as bytes whole beside its text."""
    packer = zlib.compressobj(LEVEL)
    pieces = [
        packer.compress(text[start : start + PIECE].encode("utf-8"))
        for start in range(0, len(text), PIECE)
    ]
    return b"".join([*pieces, packer.flush()])


def _unpacked(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")
