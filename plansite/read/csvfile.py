"""CSV tables read with pandas, every cell as text, rows numbered as a spreadsheet shows them."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from plansite.read.problems import Problems, display_path
from plansite.read.text import (
    UNUSUAL,
    delimiter,
    pasted_warning,
    plain_name,
    read_text,
    typed_text,
    unusual_space,
)

HEADER_LINE = 1
FIRST_ROW_LINE = 2  # row index 0 is on line 2, under the header


@dataclass
class CsvTable:
    file: str
    frame: pd.DataFrame

    def rows(self) -> list[tuple[int, dict[str, str]]]:
        """(line, row) pairs; empty cells are empty strings; blank rows are left out."""
        records: list[dict[str, str]] = self.frame.to_dict("records")  # type: ignore[assignment]
        numbered = [(index + FIRST_ROW_LINE, row) for index, row in enumerate(records)]
        return [(line, row) for line, row in numbered if any(row.values())]


def read_csv(
    path: Path,
    required: list[str],
    optional: list[str],
    problems: Problems,
    names: frozenset[str] = frozenset(),
) -> CsvTable | None:
    """The table; cells in the `names` columns (refs, periods) lose pasted invisible spaces."""
    text = read_text(path, problems)
    if text is None:
        return None
    name = display_path(path)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter(text),
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
            skip_blank_lines=False,  # keeps row numbers equal to the spreadsheet's lines
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        problems.add(name, _parser_line(str(error)), _parser_hint(str(error)))
        return None
    frame.columns = [str(c).strip() for c in frame.columns]
    if len(frame.columns) == 1 and ";" in frame.columns[0]:
        problems.add(
            name,
            HEADER_LINE,
            "the columns are separated by semicolons; save it with commas "
            '(in Excel: Save As, "CSV UTF-8 (Comma delimited)")',
        )
        return None
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
    frame = frame.fillna("").apply(_typed)
    for column in sorted(names & set(frame.columns)):
        if not frame[column].str.contains(UNUSUAL.pattern).any():
            continue  # (one vectorised test: most files have none)
        for index, cell in enumerate(frame[column]):
            found = unusual_space(cell)
            if found:
                problems.advise(name, index + FIRST_ROW_LINE, pasted_warning(cell, found))
                frame.loc[index, column] = plain_name(cell)
    frame = frame.apply(lambda col: col.str.strip())
    _blank_rows(frame, name, problems)
    return CsvTable(name, frame)


def _typed(column: pd.Series) -> pd.Series:
    """Entities typed in cells (`&amp;`) read as their characters."""
    if column.str.contains("&", regex=False).any():
        return column.map(typed_text)
    return column


def _blank_rows(frame: pd.DataFrame, name: str, problems: Problems) -> None:
    """Excel saves rows it once formatted as `,,,`: harmless at the end, a gap in the middle."""
    blank = (frame == "").all(axis=1).tolist()
    while blank and blank[-1]:
        blank.pop()
    for index, empty in enumerate(blank):
        if empty:
            problems.add(name, index + FIRST_ROW_LINE, "blank row: delete it")


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
