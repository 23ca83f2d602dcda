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

The renderings are pickled (the charts' figures are tuples, dates, numbers): the cache folder
is trusted as the project's own files are (Jinja's compiled templates in it are code too).
"""

from __future__ import annotations

import json
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plansite.documents.inputs import document_key, result_key
from plansite.documents.kept_files import keep_made, keep_under_inputs, kept_by_inputs
from plansite.render.cache_files import read_kept, write_kept
from plansite.search.entries import Entry

PAGE = "page"  # a generated page's rendering, under its build's inputs
ENTRIES = "entries"  # a page's search entries, under its HTML
FINISHED = "finished"  # a page's final HTML, under the engine's HTML and the glossary
KINDS = (PAGE, ENTRIES, FINISHED)
# zlib's fastest level, as the held pages (plansite/engine/held_pages.py): a tenth of the size
LEVEL = 1


def page_key(inputs: str, *about: str) -> str:
    """A generated page's key: the build's inputs and what says which page, rendered how."""
    return document_key(inputs, PAGE, "\0".join(about))


def kept_page(cache: Path, key: str) -> Any | None:
    """The rendering kept under `key` by a build with the same inputs, or None."""
    found = kept_by_inputs(cache, PAGE, key)
    return None if found is None else pickle.loads(zlib.decompress(found))


def keep_page(cache: Path, rendering: object) -> str:
    """`rendering` kept under the hash of its bytes: the key `remember` names it by."""
    return keep_made(cache, PAGE, zlib.compress(pickle.dumps(rendering, protocol=5), LEVEL))


def remember(cache: Path, key: str, kept_as: str) -> None:
    """The rendering kept as `kept_as` is the page `key` (once the build's inputs are known
    to be the same at its end)."""
    keep_under_inputs(cache, PAGE, key, kept_as)


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
    write_kept(cache / ENTRIES, key, f".{ENTRIES}", zlib.compress(json.dumps(made).encode(), LEVEL))
    return made


def finished(cache: Path, html: str, about: tuple[str, ...], finish: Callable[[], str]) -> str:
    """`finish()`, a page's final HTML from the engine's `html` (`about`: its path, the
    glossary and the fragments), or the one finished before from the same."""
    key = result_key(*about, html)
    found = read_kept(cache / FINISHED, key, f".{FINISHED}")
    if found is not None:
        return zlib.decompress(found).decode("utf-8")
    made = finish()
    write_kept(cache / FINISHED, key, f".{FINISHED}", zlib.compress(made.encode(), LEVEL))
    return made
