"""One kept file of the build's cache: written whole, and checked when read. Its name carries
the hash of what it was made from (the key) and of its own bytes, so a file cut short or
changed on disk is found out, deleted and made again: a damaged chart or PDF is never
published.

A kept file's modification time is when a build last used it (read or wrote it): `prune`,
after each build, removes the files no build has used for `UNUSED_DAYS`, so the cache does
not grow with every edit of a large plan (each edit keeps a new PDF of it).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from pathlib import Path

CHECK_LENGTH = 16  # hex digits of the content's SHA-256 kept in the name
UNUSED_DAYS = 30  # a kept file no build used for this long is removed
# the folders of kept files (charts, PDFs, Word files, spreadsheets, the feeds, the open data's
# CSV and JSON files, the guide pages' reading scores); the compiled templates' folder holds one
# file a template, rewritten in place, so it never grows
KEPT_FOLDERS = (
    "charts", "pdf", "docx", "xlsx", "xml", "csv", "json", "readability",
    "page", "entries", "finished",  # the pages (plansite/engine/kept_pages.py)
    "model",  # the loaded data (plansite/engine/kept_model.py)
)  # fmt: skip


def read_kept(folder: Path, key: str, suffix: str) -> bytes | None:
    """The bytes kept under `key`, or None when there are none, or none whole."""
    for path in sorted(folder.glob(f"{key}-*{suffix}")):
        content = path.read_bytes()
        if path.name == _name(key, suffix, content):
            _used(path)
            return content
        path.unlink(missing_ok=True)  # damaged: made again by the caller
    return None


def write_kept(folder: Path, key: str, suffix: str, content: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _name(key, suffix, content)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")  # never half a file
    partial.write_bytes(content)
    partial.replace(path)


def _name(key: str, suffix: str, content: bytes) -> str:
    return f"{key}-{hashlib.sha256(content).hexdigest()[:CHECK_LENGTH]}{suffix}"


def prune(cache: Path, *, unused_days: float = UNUSED_DAYS) -> list[Path]:
    """The kept files in `cache` that no build used (read or wrote) for `unused_days`, and
    pieces of files a stopped build left, removed; the files removed. A file this build used
    is never one of them: reading or writing it made it new."""
    cutoff = time.time() - unused_days * 86400
    removed = []
    for kind in KEPT_FOLDERS:
        for path in sorted((cache / kind).glob("*")):
            try:
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path)
            except OSError:  # another build removed or replaced it meanwhile
                continue
    return removed


def _used(path: Path) -> None:
    """The file's time is now: `prune` keeps it."""
    with contextlib.suppress(OSError):  # a read-only cache (shared, read-only disk) is still read
        os.utime(path)
