"""A board whose every free-text field carries attacks, made from a clean fixture board.

Every kind of text field in the YAML and CSV files (its first occurrence: `priorities[*].title`,
a CSV column) gets PAYLOAD added, one field at a time; a field whose check rejects the payload
(ids, dates, numbers, status keys) keeps its value. So every field an editor can fill with free
text is attacked, including fields added later. The fields of a file are tried together, and
halved only when the board refuses them: a few dozen loads of the board, not one a field.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from plansite.load import load_board_data
from plansite.read.problems import DataError

PAYLOAD = (
    " <script>alert(1)</script> <img src=x onerror=alert(1)> [evil](javascript:alert(1))"
    ' <a href="javascript:alert(1)">evil</a> <svg onload=alert(1)></svg>'
    " <b>kept-bold</b> [kept-link](https://example.org/kept)"
)
FORMULA = '=HYPERLINK("https://evil.example/","click")'


# ids, keys, refs, dates, numbers, colours, yes/no: never free text, so not worth a load
_NOT_TEXT = re.compile(
    r"[a-z0-9][a-z0-9_.\-]*|[A-Z]?\d[\w.\-/ ]*|#[0-9a-fA-F]{3,8}|true|false|yes|no|"
)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    elif isinstance(node, str):
        yield path


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def _set(node: Any, path: tuple[Any, ...], value: str) -> None:
    _get(node, path[:-1])[path[-1]] = value


def _accepts(folder: Path, warnings: int) -> bool:
    """The board still loads, with no new warning (a warning fails a strict build)."""
    try:
        return len(load_board_data(folder).warnings) <= warnings
    except DataError:
        return False


Cells = list[tuple[Callable[[str], None], str]]


def _attack(folder: Path, warnings: int, cells: Cells, save: Callable[[], None]) -> int:
    """Try the payload in each cell (a setter and its clean value); keep it where accepted.
    A setter changes the file's cells in memory; `save()` writes the file (once for all the
    cells tried together: writing it at each cell was two thirds of this board's making)."""
    text = [c for c in cells if not _NOT_TEXT.fullmatch(c[1])]
    return _attack_together(folder, warnings, text, save)


def _attack_together(folder: Path, warnings: int, cells: Cells, save: Callable[[], None]) -> int:
    """The payload in all `cells` at once, kept if the board takes it; else each half in turn.
    Most free-text fields take it, so a file's fields cost one load of the board, not one each
    (a load of the example board is most of this gate's time)."""
    if not cells:
        return 0
    for put, clean in cells:
        put(FORMULA + clean + PAYLOAD)
    save()
    if _accepts(folder, warnings):
        return len(cells)
    for put, clean in cells:
        put(clean)
    save()
    if len(cells) == 1:
        return 0
    half = len(cells) // 2
    return _attack_together(folder, warnings, cells[:half], save) + _attack_together(
        folder, warnings, cells[half:], save
    )


def _yaml_cells(file: Path) -> tuple[Cells, Callable[[], None]]:
    document = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)

    def setter(path: tuple[Any, ...]) -> Callable[[str], None]:
        return lambda value: _set(document, path, value)

    def save() -> None:
        file.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")

    return [(setter(path), _get(document, path)) for path in _first_of_each_kind(document)], save


def _first_of_each_kind(document: Any) -> list[tuple[Any, ...]]:
    """One path per field kind: `a[0].b` and `a[5].b` are the same kind of field."""
    seen: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for path in _leaves(document):
        kind = tuple("*" if isinstance(step, int) else step for step in path)
        seen.setdefault(kind, path)
    return list(seen.values())


def _csv_cells(file: Path) -> tuple[Cells, Callable[[], None]]:
    rows = list(csv.reader(io.StringIO(file.read_text(encoding="utf-8"))))

    def setter(row: int, column: int) -> Callable[[str], None]:
        def put(value: str) -> None:
            rows[row][column] = value

        return put

    def save() -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        file.write_text(buffer.getvalue(), encoding="utf-8")

    # one row's cells: the columns are the kinds of field
    cells = [(setter(1, c), rows[1][c]) for c in range(len(rows[1]))] if len(rows) > 1 else []
    return cells, save


def make_injection_board(clean: Path, target: Path) -> dict[str, int]:
    """Copy board `clean` to `target` and attack it; returns how many fields each file took."""
    shutil.copytree(clean, target)
    warnings = len(load_board_data(target).warnings)
    attacked = {}
    for file in sorted(target.rglob("*")):
        if file.suffix == ".yml":
            cells, save = _yaml_cells(file)
        elif file.suffix == ".csv":
            cells, save = _csv_cells(file)
        elif file.suffix == ".md":  # a yearly report's chapter: Markdown, like an update text
            file.write_text(file.read_text(encoding="utf-8") + PAYLOAD + "\n", encoding="utf-8")
            attacked[file.relative_to(target).as_posix()] = 1
            continue
        else:
            continue
        attacked[file.relative_to(target).as_posix()] = _attack(target, warnings, cells, save)
    return attacked
