"""A board's loaded data kept between builds (issue 26), in the build's cache folder, as its
pages are (plansite/engine/kept_pages.py).

Reading a large board's YAML and checking it is most of a warm build's time in its own process,
and it leaves its high-water mark behind: the parser's events, the documents' values with their
lines, the models made from them and the checks' working, about twice what the loaded data
itself holds once they are freed (12,000 actions: 220 MB above the engine's imports, against
95 MB unpickled). So a build whose inputs (plansite/documents/inputs.py) are those of a build
that loaded its data before unpickles that data instead, as it was when loaded: checked, with
its warnings and advice, and what the checks worked out on it.

The data is pickled right after it is loaded and checked, before any page is rendered (what a
renderer remembers on it, plansite/model/memo.py, is not kept), under the hash of its bytes; a
small `.made` file under the inputs' key names it only once the build ended with its inputs
unchanged (`SiteBuild.finish_files`), as every kept rendering is. The cache folder is trusted as
the project's own files are (Jinja's compiled templates in it are code too).
"""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path

from plansite.documents.inputs import document_key
from plansite.documents.kept_files import keep_made, kept_by_inputs
from plansite.engine.held_pages import LEVEL
from plansite.model.board_data import BoardData

MODEL = "model"  # the cache's folder and the kept file's extension


def model_key(inputs: str, how: str) -> str:
    """The loaded data's key: the build's inputs and how the data was loaded (`how`)."""
    return document_key(inputs, MODEL, how)


def kept_model(cache: Path, key: str) -> BoardData | None:
    """The data a build with the same inputs loaded, or None."""
    found = kept_by_inputs(cache, MODEL, key)
    if found is None:
        return None
    site = pickle.loads(zlib.decompress(found))
    return site if isinstance(site, BoardData) else None


def keep_model(cache: Path, site: BoardData) -> str:
    """`site` kept under the hash of its bytes: the key `keep_under_inputs` names it by."""
    return keep_made(cache, MODEL, zlib.compress(pickle.dumps(site, protocol=5), LEVEL))
