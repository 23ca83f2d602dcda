"""CSV tables read with pandas, every cell as text, rows numbered as a spreadsheet shows them."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from macros.read.problems import Problems, display_path
from macros.read.text import read_text

HEADER_LINE = 1
FIRST_ROW_LINE = 2  # row index 0 is on line 2, under the header


@dataclass
class CsvTable:
    file: str
    frame: pd.DataFrame

    def rows(self) -> list[tuple[int, dict[str, str]]]:
        """(line, row) pairs; empty cells are empty strings."""
        records: list[dict[str, str]] = self.frame.to_dict("records")  # type: ignore[assignment]
        return [(index + FIRST_ROW_LINE, row) for index, row in enumerate(records)]


def read_csv(
    path: Path, required: list[str], optional: list[str], problems: Problems
) -> CsvTable | None:
    text = read_text(path, problems)
    if text is None:
        return None
    name = display_path(path)
    try:
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        problems.add(name, _parser_line(str(error)), _parser_hint(str(error)))
        return None
    frame.columns = [str(c).strip() for c in frame.columns]
    known = required + optional
    missing = [c for c in required if c not in frame.columns]
    unknown = [c for c in frame.columns if c not in known]
    if missing:
        problems.add(
            name,
            HEADER_LINE,
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            f"the header row must be: {','.join(known)}",
        )
    for column in unknown:
        problems.add(
            name,
            HEADER_LINE,
            f"unknown column `{column}`; the columns are: {', '.join(known)}",
        )
    if missing or unknown:
        return None
    return CsvTable(name, frame.apply(lambda col: col.str.strip()))


def _parser_hint(message: str) -> str:
    found = re.search(r"Expected (\d+) fields in line \d+, saw (\d+)", message)
    if found:
        return (
            f"this row has {found.group(2)} cells but the header has {found.group(1)}; "
            'remove the extra comma, or put text that contains commas in "double quotes"'
        )
    return f"this is not a valid CSV table ({message.strip()})"


def _parser_line(message: str) -> int:
    # pandas says "Expected 4 fields in line 7, saw 5"
    marker = " in line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",", 1)[0]
        if digits.isdigit():
            return int(digits)
    return 1
