"""One kept file of the build's cache: written whole, and checked when read. Its name carries
the hash of what it was made from (the key) and of its own bytes, so a file cut short or
changed on disk is found out, deleted and made again: a damaged chart or PDF is never
published."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CHECK_LENGTH = 16  # hex digits of the content's SHA-256 kept in the name


def read_kept(folder: Path, key: str, suffix: str) -> bytes | None:
    """The bytes kept under `key`, or None when there are none, or none whole."""
    for path in sorted(folder.glob(f"{key}-*{suffix}")):
        content = path.read_bytes()
        if path.name == _name(key, suffix, content):
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
