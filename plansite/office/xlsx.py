"""An Excel workbook (or a CSV file) read as tables, one per sheet.

Formulas are read as the values Excel saved with the file; a formula with no saved value (a file
written by a program, never opened and saved in Excel) is noted on its cell. Real dates are
written as people write them: "March 2016" for a month, "31 March 2016" for a day.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from plansite.office.bounds import MAX_COLUMNS, Damaged, check_csv, check_table, check_xlsx
from plansite.office.clean import clean
from plansite.office.conditional import conditional_fills
from plansite.office.document import Cell, Document, Para, Span, Table, TextBlock
from plansite.office.docx import UnreadableFile, damaged
from plansite.office.theme import theme_colours
from plansite.office.words import KEY_SHEET_NAMES, PLACES, REASONS, normalise
from plansite.read.text import Undecodable, decode, delimiter


def read_xlsx(path: Path, sheet: str | None) -> Document:
    # imported here: only `make import` and a build that makes a spreadsheet need openpyxl
    from openpyxl import load_workbook

    try:
        check_xlsx(
            path
        )  # before openpyxl unpacks it: a bomb or a sheet of a million rows is refused
    except Damaged as error:
        raise damaged(error) from None
    try:
        values = load_workbook(path, data_only=True, rich_text=True)  # struck runs in a cell
        formulas = load_workbook(path, data_only=False)
    except zipfile.BadZipFile:
        raise UnreadableFile(REASONS["not_xlsx"]) from None
    except Exception as error:  # a damaged file fails in many ways inside openpyxl
        raise damaged(error) from None
    names = values.sheetnames
    if sheet is not None and sheet not in names:
        raise UnreadableFile(REASONS["no_sheet"].format(sheet=sheet, names=", ".join(names)))
    document = Document(path.name, [])
    chosen = [n for n in names if normalise(n) not in KEY_SHEET_NAMES and sheet in (None, n)]
    colour_of = partial(_colour, theme=theme_colours(getattr(values, "loaded_theme", None)))
    for name in names:
        place = PLACES["sheet"].format(name=name)
        if values[name].sheet_state != "visible":  # hidden by its author: never published
            document.hidden.append((place, REASONS["hidden_sheet"]))
            continue
        rules = conditional_fills(values[name], colour_of)
        table = _sheet(values[name], formulas[name], place, rules.fills, document.hidden, colour_of)
        if normalise(name) in KEY_SHEET_NAMES or name in chosen:
            document.rules_unread.extend((place, cells, kind) for cells, kind in rules.unread)
        if normalise(name) in KEY_SHEET_NAMES:
            document.key_tables.append(table)
        elif name in chosen:
            if len(chosen) > 1:  # one sheet per priority: the sheet's name is its heading
                document.blocks.append(TextBlock(Para([Span(name)], heading=2)))
            document.blocks.append(table)
        else:
            document.skipped.append(name)
    return document


def _tinted(hex6: str, tint: float) -> str:
    channels = [int(hex6[i : i + 2], 16) for i in (0, 2, 4)]
    if tint > 0:
        channels = [round(c + (255 - c) * tint) for c in channels]
    elif tint < 0:
        channels = [round(c * (1 + tint)) for c in channels]
    return "".join(f"{c:02x}" for c in channels)


def _fill(cell: Any, colour_of: Callable[[Any], str | None]) -> str | None:
    fill = cell.fill
    if fill is None or fill.fill_type != "solid" or fill.fgColor is None:
        return None
    return colour_of(fill.fgColor)


def _colour(colour: Any, theme: tuple[str, ...]) -> str | None:
    """An Excel colour (rgb, theme or palette) as "#rrggbb"; None for white or none."""
    from openpyxl.styles.colors import COLOR_INDEX

    if colour is None:
        return None
    value: str | None = None
    if colour.type == "rgb" and isinstance(colour.rgb, str) and len(colour.rgb) >= 6:
        if colour.rgb == "00000000":  # no colour set (openpyxl's default), not black
            return None
        value = colour.rgb[-6:].lower()
    elif colour.type == "theme" and isinstance(colour.theme, int) and colour.theme < len(theme):
        value = _tinted(theme[colour.theme], float(colour.tint or 0))
    elif colour.type == "indexed" and isinstance(colour.indexed, int) and colour.indexed < 64:
        value = COLOR_INDEX[colour.indexed][-6:].lower()
    return None if value is None or value == "ffffff" else f"#{value}"


def _text(value: object, number_format: str) -> str:
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        if "d" in number_format.lower():
            return f"{day.day} {day:%B %Y}"
        return f"{day:%B %Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _paras(cell: Any) -> list[Para]:
    """The cell's lines; in rich text, each run keeps its strike-through and bold ("Mar 16"
    struck out beside "June 16")."""
    from openpyxl.cell.rich_text import CellRichText

    value = cell.value
    if not isinstance(value, CellRichText):
        text = clean(_text(value, cell.number_format or ""))
        return [Para([Span(line)]) for line in text.split("\n") if line.strip()]
    paras: list[Para] = [Para([])]
    for run in value:
        font = getattr(run, "font", None)
        bold, italic = bool(getattr(font, "b", False)), bool(getattr(font, "i", False))
        strike = bool(getattr(font, "strike", False))
        for index, line in enumerate(clean(str(getattr(run, "text", run))).split("\n")):
            if index:
                paras.append(Para([]))
            if line:
                paras[-1].spans.append(Span(line, bold, italic, strike))
    return [p for p in paras if p.text.strip()]


def _sheet(
    values: Any,
    formulas: Any,
    name: str,
    ruled: dict[tuple[int, int], str],
    hidden: list[tuple[str, str]],
    colour_of: Callable[[Any], str | None],
) -> Table:
    """The sheet's cells, but those in rows or columns its author hid (listed in `hidden`)."""
    from openpyxl.utils import get_column_letter

    hidden_rows = {n for n, d in values.row_dimensions.items() if d.hidden}
    hidden_columns: set[int] = set()
    for letter, dimension in values.column_dimensions.items():
        if dimension.hidden:  # a hidden range of columns is kept as its first letter, min to max
            last = min(dimension.max or 0, MAX_COLUMNS)  # "hide to the end": XFD, 16,384
            hidden_columns.update(range(dimension.min or 0, last + 1))
            hidden_columns.add(_column_number(letter))
    merged: dict[tuple[int, int], int] = {}  # top-left (row, column) -> width
    covered: set[tuple[int, int]] = set()
    below: dict[tuple[int, int], tuple[int, int]] = {}  # merged down: (row, col) -> its top
    for merge in values.merged_cells.ranges:
        merged[(merge.min_row, merge.min_col)] = merge.max_col - merge.min_col + 1
        # only the cells the sheet holds are walked (bounds.py refused merges past the limits)
        last_row, last_col = min(merge.max_row, values.max_row), min(merge.max_col, MAX_COLUMNS)
        for r in range(merge.min_row, last_row + 1):
            for c in range(merge.min_col, last_col + 1):
                if (r, c) != (merge.min_row, merge.min_col):
                    covered.add((r, c))
            if r > merge.min_row:
                below[(r, merge.min_col)] = (merge.min_row, merge.min_col)
    tops: dict[tuple[int, int], Cell] = {}
    rows: list[list[Cell]] = []
    for number, row in enumerate(values.iter_rows(), start=1):
        cells: list[Cell] = []
        for cell in row:
            position = (number, cell.column)
            if number in hidden_rows or cell.column in hidden_columns:
                if cell.value is not None and str(cell.value).strip():
                    where = f"{name}, {get_column_letter(cell.column)}{number}"
                    hidden.append((where, " ".join(str(cell.value).split())))
                continue
            top = tops.get(below.get(position, (0, 0)))
            if top is not None:  # as in Word: a copy of the cell it continues (docx.py)
                cells.append(
                    Cell(number, cell.column, top.paras, top.fill, top.width, continues=True)
                )
            if position in covered:
                continue
            paras = _paras(cell)
            fill = ruled.get(position) or _fill(
                cell, colour_of
            )  # a conditional format's colour wins
            found = Cell(number, cell.column, paras, fill, merged.get(position, 1))
            source = formulas.cell(number, cell.column).value
            if cell.value is None and isinstance(source, str) and source.startswith("="):
                found.note = "formula"
            rich = type(cell.value).__name__ == "CellRichText"  # its runs carry their own strike
            if cell.font is not None and cell.font.strike and not rich:
                found.paras = [Para([Span(p.text, strike=True)]) for p in found.paras]
            cells.append(found)
            tops[position] = found
        rows.append(cells)
    return Table(name, rows, values.max_column)


def read_csv_file(path: Path) -> Document:
    check_csv(path.stat().st_size)  # before it is read into memory
    raw = path.read_bytes()
    try:  # older Excel saves CSV in Windows-1252
        text = decode(raw, fallback="cp1252")
    except Undecodable as error:
        raise UnreadableFile(REASONS["csv_text"].format(line=error.line, problem=error)) from None
    rows: list[list[Cell]] = []
    width = 0
    for number, record in enumerate(
        csv.reader(io.StringIO(text), delimiter=delimiter(text)), start=1
    ):
        cells = []
        for column, value in enumerate(record, start=1):
            lines = [ln for ln in re.split(r"\r?\n", clean(value)) if ln.strip()]
            cells.append(Cell(number, column, [Para([Span(ln)]) for ln in lines]))
        width = max(width, len(record))
        rows.append(cells)
        check_table(PLACES["csv"], len(rows), width)
    return Document(path.name, [Table(PLACES["csv"], rows, width)])


def _column_number(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letter) if letter.isalpha() else 0
