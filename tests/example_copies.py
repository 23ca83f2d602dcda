"""The example board (data/) copied with one edit, for tests of what the edit changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from tests.conftest import ROOT


def changed(tmp_path: Path, file: str, old: str, new: str) -> tuple[BoardData, Path]:
    """The example board with the first `old` in `file` written as `new`, loaded; and the
    edited file's path."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / file
    text = path.read_text("utf-8")
    assert old in text, f"the example changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return load_board_data(data), path


def line_of(path: Path, text: str) -> int:
    """The number of the first line of `path` that holds `text`."""
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)
