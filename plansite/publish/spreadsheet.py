"""Excel downloads (.xlsx) written with openpyxl, byte for byte the same for the same data.

openpyxl stamps the save time into docProps/core.xml and every zip entry; both are set to the
plan's "as at" date instead, so a rebuild of unchanged data publishes an identical file.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from plansite.documents.kept_files import Job, making_version
from plansite.publish import cells
from plansite.publish.cells import inert

CORE_PROPERTIES = "docProps/core.xml"


@dataclass(frozen=True)
class DateCell:
    """A date that Excel stores as a date (it sorts and filters as one), shown in the Excel
    number format `shown_as`: the same characters as the CSV's text."""

    value: date
    shown_as: str


ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")


def date_cell(text: str) -> DateCell | str:
    """An ISO date ("2026-03-31") or month ("2026-03") as a date cell; any other text as it is."""
    if day := ISO_DAY.fullmatch(text):
        return DateCell(date(*map(int, day.groups())), "yyyy-mm-dd")
    if month := ISO_MONTH.fullmatch(text):
        year, number = map(int, month.groups())
        if 1 <= number <= 12:
            return DateCell(date(year, number, 1), "yyyy-mm")
    return text


PLAIN = (str, int, float, DateCell)  # the cells a workbook kept between builds may hold


def workbook_bytes(
    sheet_title: str, columns: Sequence[str], rows: Sequence[Sequence[object]], as_at: date
) -> bytes:
    """One sheet: a bold, frozen header row with filters, then the rows. Kept between builds
    (plansite/documents/kept_files.py) when every cell is plain text or a number, whose repr is
    exactly the value written."""
    return workbook_job(sheet_title, columns, rows, as_at).content()


def workbook_job(
    sheet_title: str, columns: Sequence[str], rows: Sequence[Sequence[object]], as_at: date
) -> Job:
    """The workbook as plain data, for a worker process (plansite/documents/made_files.py); not
    kept when a cell is anything else (its repr might not say all it holds)."""
    table = [list(row) for row in rows]
    args = (sheet_title, list(columns), table, as_at)
    if not all(type(cell) in PLAIN for row in table for cell in row):
        return Job("xlsx", None, _workbook, args)
    version = making_version(__file__, cells.__file__, libraries=("openpyxl",))
    return Job("xlsx", (*args, version), _workbook, args)


def _workbook(
    sheet_title: str, columns: Sequence[str], rows: Sequence[Sequence[object]], as_at: date
) -> bytes:
    # imported here: a build whose spreadsheets are all kept (plansite/documents/kept_files.py) never needs it
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.xml.functions import tostring

    # write-only: rows are streamed to the file, not kept as cell objects (twice as fast)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title[:31])  # Excel's limit on sheet names
    sheet.freeze_panes = "A2"
    last = f"{get_column_letter(max(len(columns), 1))}{len(rows) + 1}"
    sheet.auto_filter.ref = f"A1:{last}"
    bold = Font(bold=True)
    header = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_cell(sheet, cell) for cell in row])
    stamp = datetime.combine(as_at, time())
    book.properties.creator = "Plansite"
    book.properties.created = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.modified = stamp  # save() has just set it to the clock
    core = tostring(book.properties.to_tree())
    return _restamped(buffer.getvalue(), stamp, {CORE_PROPERTIES: core})


def _cell(sheet: Any, value: object) -> object:
    """A cell Excel shows as typed. Text that would run as a formula is written as a text cell:
    the apostrophe that makes a CSV cell safe would show in Excel as part of the text."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, DateCell):
        dated = WriteOnlyCell(sheet, value=value.value)
        dated.number_format = value.shown_as
        return dated
    if inert(value) is value:
        return value

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # a string, never a formula, whatever it starts with
    return cell


def _restamped(archive: bytes, stamp: datetime, replace: dict[str, bytes]) -> bytes:
    """The same zip with every entry dated `stamp`, and some entries' contents replaced."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()
