"""CSV tables, every cell as text, rows numbered as a spreadsheet shows them.

A regular table (one row a line of the header's width, no stray quotes) is read by Python's
`csv` module; any other by pandas, whose messages name the line that is wrong. Both give the
same cells for a regular table (tests/test_csv_read.py), and importing pandas took about a
tenth of every build (a warm build of the example board imports it no more).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

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
# what the `csv` module might read otherwise than pandas: left to pandas
IRREGULAR = re.compile("[\r\x00\ufeff]")


@dataclass
class CsvTable:
    file: str
    columns: list[str]
    cells: list[list[str]]  # a row's cells in the columns' order

    def rows(self) -> list[tuple[int, dict[str, str]]]:
        """(line, row) pairs; empty cells are empty strings; blank rows are left out."""
        numbered = [
            (index + FIRST_ROW_LINE, dict(zip(self.columns, row, strict=True)))
            for index, row in enumerate(self.cells)
        ]
        return [(line, row) for line, row in numbered if any(row.values())]


class CsvError(Exception):
    """pandas could not read the table: its message, which names the line."""


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
        header, cells = table_cells(text, delimiter(text))
    except CsvError as error:
        problems.add(name, _parser_line(str(error)), _parser_hint(str(error)))
        return None
    columns = [c.strip() for c in header]
    if len(columns) == 1 and ";" in columns[0]:
        problems.add(
            name,
            HEADER_LINE,
            "the columns are separated by semicolons; save it with commas "
            '(in Excel: Save As, "CSV UTF-8 (Comma delimited)")',
        )
        return None
    known = required + optional
    missing = [c for c in required if c not in columns]
    unknown = [c for c in columns if c not in known]
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
    for place in range(len(columns)):
        _typed(cells, place)
    for column in sorted(names & set(columns)):
        _plain_names(cells, columns.index(column), name, problems)
    cells = [[cell.strip() for cell in row] for row in cells]
    _blank_rows(cells, name, problems)
    return CsvTable(name, columns, cells)


def table_cells(text: str, separator: str) -> tuple[list[str], list[list[str]]]:
    """The header's names (as written) and each row's cells: by the `csv` module when the
    table is regular, else by pandas (CsvError: what pandas says is wrong)."""
    regular = _regular_cells(text, separator)
    return regular if regular is not None else pandas_cells(text, separator)


def _regular_cells(text: str, separator: str) -> tuple[list[str], list[list[str]]] | None:
    """The cells, or None when the table is not regular: a row wider or narrower than the
    header (a blank line among them), a quote in the middle of a cell, a header name empty
    or written twice, a single column, or a character the two readers might take otherwise."""
    if IRREGULAR.search(text):
        return None
    reader = csv.reader(io.StringIO(text), delimiter=separator, skipinitialspace=True, strict=True)
    try:
        rows = list(reader)
    except csv.Error:
        return None
    if not rows:
        return None
    header = rows[0]
    names = [n.strip() for n in header]
    if not all(names) or len(set(names)) < len(names):
        return None
    width = len(header)
    if width < 2 or any(len(row) != width for row in rows):
        return None
    return header, rows[1:]


def pandas_cells(text: str, separator: str) -> tuple[list[str], list[list[str]]]:
    """The header and cells as pandas reads them (CsvError: what it says is wrong)."""
    import pandas as pd  # about a third of a second: only for a table the csv module leaves

    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
            skip_blank_lines=False,  # keeps row numbers equal to the spreadsheet's lines
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise CsvError(str(error)) from None
    cells: list[list[str]] = frame.fillna("").values.tolist()
    return [str(c) for c in frame.columns], cells


def _typed(cells: list[list[str]], place: int) -> None:
    """Entities typed in cells (`&amp;`) read as their characters."""
    if any("&" in row[place] for row in cells):
        for row in cells:
            row[place] = typed_text(row[place])


def _plain_names(cells: list[list[str]], place: int, name: str, problems: Problems) -> None:
    """A refs or periods column's cells lose pasted invisible spaces, each said once."""
    if not any(re.search(UNUSUAL.pattern, row[place]) for row in cells):
        return  # (most files have none)
    for index, row in enumerate(cells):
        found = unusual_space(row[place])
        if found:
            problems.advise(name, index + FIRST_ROW_LINE, pasted_warning(row[place], found))
            row[place] = plain_name(row[place])


def _blank_rows(cells: list[list[str]], name: str, problems: Problems) -> None:
    """Excel saves rows it once formatted as `,,,`: harmless at the end, a gap in the middle."""
    blank = [not any(row) for row in cells]
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
