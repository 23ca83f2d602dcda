"""Limits on the work a Word or Excel file can make the import do, checked before python-docx or
openpyxl open it.

A .docx or .xlsx is a zip of XML files. A damaged or hostile one can unpack to gigabytes, hold a
sheet of millions of rows, or merge whole columns (openpyxl makes an object for every merged
cell). Each is refused with a message that says what is too big and the limit, in seconds and
with little memory: the zip's directory gives each part's unpacked size, and the XML is read as
a stream, element by element, never held whole. The limits are far above a real board's plan.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plansite.office.words import LIMITS

MB = 1024 * 1024
MAX_PART_BYTES = 64 * MB  # one file inside the zip, unpacked (a big plan's XML is a few MB)
MAX_TOTAL_BYTES = 256 * MB  # all of them together, photos included
MAX_RATIO = 200  # unpacked/packed for a part over RATIO_FROM: XML packs 10-30 times, bombs 1,000
RATIO_FROM = 8 * MB
MAX_PARTS = 5_000
MAX_ELEMENTS = 1_000_000  # XML elements in one part: each is memory once a library reads it
MAX_ROWS = 20_000  # of a sheet, or all of a Word document's tables
MAX_COLUMNS = 200
MAX_CELLS = 250_000  # a sheet's extent, rows times columns (a big tracker: 3,000 by 60), or merged
MAX_PARAGRAPHS = 50_000
MAX_TABLES = 1_000
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384  # a whole column, or a whole row, in a merge


class TooLarge(Exception):
    """The file asks for more work than the import does; the message says what and the limit."""


class Damaged(Exception):
    """A part of the zip fails its checksum or cannot be unpacked (the zip module's words)."""


def check_docx(path: Path) -> None:
    """The document's parts, its paragraphs and tables, within the limits."""
    with _opened(path) as archive:
        if archive is None:
            return  # not a zip: python-docx says so in its own words
        _check_sizes(archive)
        for name in _xml_parts(archive):
            if name == "word/document.xml":
                _check_word_body(archive, name)
            else:
                _count_elements(archive, name)


def check_xlsx(path: Path) -> None:
    """The workbook's parts, and each sheet's rows, columns and merged cells, within the limits."""
    with _opened(path) as archive:
        if archive is None:
            return  # not a zip: openpyxl says so in its own words
        _check_sizes(archive)
        sheets = _sheet_parts(archive)
        for name in _xml_parts(archive):
            if name in sheets:
                _check_sheet(archive, name, sheets[name])
            else:
                _count_elements(archive, name)


def check_csv(size: int) -> None:
    if size > MAX_PART_BYTES:
        raise TooLarge(LIMITS["csv_bytes"].format(size=_mb(size), limit=_mb(MAX_PART_BYTES)))


def check_table(place: str, rows: int, columns: int) -> None:
    """A table read some other way (a CSV file) within the same rows and columns as a sheet."""
    if rows > MAX_ROWS:
        raise TooLarge(LIMITS["rows"].format(place=place, count=rows, limit=MAX_ROWS))
    if columns > MAX_COLUMNS:
        raise TooLarge(LIMITS["columns"].format(place=place, count=columns, limit=MAX_COLUMNS))


@contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile | None]:
    """The zip, or None when the file is not one (the library that opens it says so)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        yield None
        return
    with archive:
        yield archive


def _check_sizes(archive: zipfile.ZipFile) -> None:
    """Each part's unpacked size as the zip's directory records it: zipfile never unpacks more
    than that (a part that says less than it holds is read short, and fails its checksum)."""
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise TooLarge(LIMITS["parts"].format(count=len(parts), limit=MAX_PARTS))
    total = 0
    for part in parts:
        size = part.file_size
        if size > MAX_PART_BYTES:
            raise TooLarge(
                LIMITS["part_bytes"].format(
                    part=part.filename, size=_mb(size), limit=_mb(MAX_PART_BYTES)
                )
            )
        if size > RATIO_FROM and size > MAX_RATIO * max(part.compress_size, 1):
            ratio = size // max(part.compress_size, 1)
            raise TooLarge(
                LIMITS["ratio"].format(
                    part=part.filename, size=_mb(size), ratio=ratio, limit=MAX_RATIO
                )
            )
        total += size
    if total > MAX_TOTAL_BYTES:
        raise TooLarge(LIMITS["total_bytes"].format(size=_mb(total), limit=_mb(MAX_TOTAL_BYTES)))


def _xml_parts(archive: zipfile.ZipFile) -> list[str]:
    return [n for n in archive.namelist() if n.lower().endswith((".xml", ".rels", ".vml"))]


def _elements(archive: zipfile.ZipFile, name: str, tags: tuple[str, ...] = ()) -> Iterator[Any]:
    """The part's elements named `tags` as they end (or, with no tags, every element, counted
    against MAX_ELEMENTS), each cleared once seen so memory stays flat. A part that is not
    well-formed XML ends the stream: the library that reads it says how it is damaged."""
    from lxml import etree

    wanted = tuple(f"{{*}}{tag}" for tag in tags) or None  # filtered in C: fast
    with archive.open(name) as stream:
        parsed = etree.iterparse(stream, events=("end",), tag=wanted, resolve_entities=False,
                                 no_network=True, huge_tree=False)  # fmt: skip
        try:
            for count, (_, element) in enumerate(parsed, start=1):
                if wanted is None and count > MAX_ELEMENTS:
                    raise TooLarge(LIMITS["elements"].format(part=name, limit=MAX_ELEMENTS))
                yield element
                element.clear(keep_tail=True)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError:
            return
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise Damaged(str(error)) from None


def _count_elements(archive: zipfile.ZipFile, name: str) -> None:
    for _ in _elements(archive, name):
        pass


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


W_TAGS = ("p", "tbl", "tr", "tc", "gridSpan", "gridBefore")


def _check_word_body(archive: zipfile.ZipFile, name: str) -> None:
    counts = dict.fromkeys(W_TAGS, 0)
    widest = 0
    row_width = 0
    for element in _elements(archive, name, W_TAGS):
        tag = _local(element.tag)
        counts[tag] += 1
        if tag in ("gridSpan", "gridBefore"):
            value = _number(element.get(f"{{{_namespace(element.tag)}}}val"))
            row_width += max(value - 1, 0) if tag == "gridSpan" else value
        elif tag == "tc":
            row_width += 1
        elif tag == "tr":
            widest, row_width = max(widest, row_width), 0
            if widest > MAX_COLUMNS:
                raise TooLarge(LIMITS["word_columns"].format(count=widest, limit=MAX_COLUMNS))
    limits = (("tbl", MAX_TABLES, "tables"), ("tr", MAX_ROWS, "table rows"),
              ("tc", MAX_CELLS, "table cells"), ("p", MAX_PARAGRAPHS, "paragraphs"))  # fmt: skip
    for tag, limit, what in limits:
        if counts[tag] > limit:
            raise TooLarge(LIMITS["word"].format(count=counts[tag], what=what, limit=limit))


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() and len(text) < 10 else EXCEL_COLUMNS


REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name -> the sheet's name, from the workbook and its relationships."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    targets = {
        rel.get("Id"): rel.get("Target") or ""
        for rel in _elements(archive, "xl/_rels/workbook.xml.rels", ("Relationship",))
    }
    found: dict[str, str] = {}
    for sheet in _elements(archive, "xl/workbook.xml", ("sheet",)):
        target = targets.get(sheet.get(REL_ID) or sheet.get("id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        found[posixpath.normpath(part)] = sheet.get("name") or part
    return found


CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})?\$?(\d{1,7})?")


@dataclass
class _Extent:
    rows: int = 0  # the highest row with a cell, or the number of rows described
    columns: int = 0
    row_elements: int = 0
    merged: int = 0  # cells inside merges


def _check_sheet(archive: zipfile.ZipFile, part: str, sheet: str) -> None:
    place = LIMITS["sheet"].format(name=sheet)
    seen = _Extent()
    row = 0
    for element in _elements(archive, part, ("row", "c", "mergeCell")):
        tag = _local(element.tag)
        if tag == "row":
            seen.row_elements += 1
            row = _number(element.get("r")) if element.get("r") else row + 1
            seen.rows = max(seen.rows, row)
        elif tag == "c":
            column, cell_row = _cell(element.get("r") or "")
            seen.columns = max(seen.columns, column)
            seen.rows = max(seen.rows, cell_row or row)
        else:
            _check_merge(place, element.get("ref") or "", seen)
        if (
            max(seen.rows, seen.row_elements) > MAX_ROWS
        ):  # the rest counted quickly, for the message
            seen.rows = max(seen.rows, _rows_in(archive, part))
            break
        if seen.columns > MAX_COLUMNS:
            break
    check_table(place, max(seen.rows, seen.row_elements), seen.columns)
    if seen.rows * seen.columns > MAX_CELLS:
        raise TooLarge(
            LIMITS["cells"].format(
                place=place, count=seen.rows * seen.columns, rows=seen.rows,
                columns=seen.columns, limit=MAX_CELLS,
            )
        )  # fmt: skip


ROW = re.compile(rb"<(?:\w+:)?row(?=[\s/>])([^>]*)>")
ROW_NUMBER = re.compile(rb"\sr=[\"'](\d{1,9})[\"']")


def _rows_in(archive: zipfile.ZipFile, part: str) -> int:
    """A sheet's rows, counted in its text (far quicker than parsing, once a sheet is refused):
    the row elements, or the highest row number written, whichever is more."""
    try:
        with archive.open(part) as stream:
            text = stream.read()  # within MAX_PART_BYTES
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise Damaged(str(error)) from None
    count, last, highest = 0, 0, 0
    for attributes in ROW.findall(text):
        count += 1
        number = ROW_NUMBER.search(attributes)
        last = int(number.group(1)) if number else last + 1
        highest = max(highest, last)
    return max(count, highest)


def _cell(ref: str) -> tuple[int, int]:
    """(column, row) of "B7"; 0 for a part not written."""
    match = CELL_REF.fullmatch(ref)
    if match is None:
        return 0, 0
    letters, digits = match.groups()
    column = 0
    for letter in (letters or "").upper():
        column = column * 26 + ord(letter) - 64
    return column, int(digits) if digits else 0


def _check_merge(place: str, ref: str, seen: _Extent) -> None:
    """A merged range within the rows and columns read: openpyxl makes an object per cell."""
    first, _, last = ref.partition(":")
    (c1, r1), (c2, r2) = _cell(first), _cell(last or first)
    rows = (r2 or EXCEL_ROWS) - (r1 or 1) + 1  # "A:A" is a whole column
    columns = (c2 or EXCEL_COLUMNS) - (c1 or 1) + 1  # "1:1" a whole row
    if (
        rows > MAX_ROWS
        or columns > MAX_COLUMNS
        or max(r1, r2) > MAX_ROWS
        or max(c1, c2) > MAX_COLUMNS
    ):
        raise TooLarge(
            LIMITS["merge"].format(
                place=place, ref=ref, size=_size(rows, columns), max_rows=MAX_ROWS,
                max_columns=MAX_COLUMNS,
            )
        )  # fmt: skip
    seen.merged += max(rows, 1) * max(columns, 1)
    if seen.merged > MAX_CELLS:
        raise TooLarge(LIMITS["merged"].format(place=place, limit=MAX_CELLS))


def _size(rows: int, columns: int) -> str:
    """ "1,048,576 rows by 1 column" """
    rows, columns = max(rows, 1), max(columns, 1)
    return f"{rows:,} row{'s' * (rows > 1)} by {columns:,} column{'s' * (columns > 1)}"


def _mb(size: int) -> str:
    return f"{size / MB:,.0f} MB" if size >= MB else f"{size:,} bytes"
