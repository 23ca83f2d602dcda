"""Issue 24: downloads that open cleanly in Excel. Every published CSV starts with a UTF-8
byte-order mark (without it Excel on Windows garbles "–"), and the Excel downloads store their
date columns as real dates, shown as the CSV writes them."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import openpyxl

from plansite.publish.spreadsheet import DateCell, date_cell

BOM = b"\xef\xbb\xbf"


def test_every_published_csv_starts_with_a_byte_order_mark(example_site: Path) -> None:
    files = sorted((example_site / "data").rglob("*.csv"))
    assert len(files) > 5
    assert [f.name for f in files if not f.read_bytes().startswith(BOM)] == []
    text = (example_site / "data" / "planner.csv").read_bytes().decode("utf-8-sig")
    assert not text.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(text)))
    assert header[0] == "what"


def test_date_cell_reads_iso_days_and_months_only() -> None:
    assert date_cell("2026-03-31") == DateCell(datetime(2026, 3, 31).date(), "yyyy-mm-dd")
    assert date_cell("2026-01") == DateCell(datetime(2026, 1, 1).date(), "yyyy-mm")
    assert date_cell("") == ""
    assert date_cell("2026-13") == "2026-13"  # not a month: kept as text
    assert date_cell("Dec 25") == "Dec 25"


def test_excel_downloads_store_dates_as_dates(example_site: Path) -> None:
    data = example_site / "data"
    csv_rows = list(
        csv.DictReader(io.StringIO((data / "actions.csv").read_bytes().decode("utf-8-sig")))
    )
    sheet = openpyxl.load_workbook(data / "actions.xlsx").active
    assert sheet is not None
    heads = [c.value for c in sheet[1]]
    due, latest = heads.index("due_date"), heads.index("latest_update_date")
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(csv_rows)
    for row, written in zip(rows, csv_rows, strict=True):
        for index, name in ((due, "due_date"), (latest, "latest_update_date")):
            cell = row[index]
            if not written[name]:
                assert cell.value is None
                continue
            assert cell.is_date, (written["action_ref"], name, cell.value)
            shown = cell.value.strftime("%Y-%m-%d" if len(written[name]) == 10 else "%Y-%m")
            assert shown == written[name]
            assert cell.number_format == ("yyyy-mm-dd" if len(written[name]) == 10 else "yyyy-mm")
    # each plan's own workbook too, under its readers' headings
    for path in sorted(data.glob("actions-*.xlsx")):
        plan_sheet = openpyxl.load_workbook(path).active
        assert plan_sheet is not None
        names = [c.value for c in plan_sheet[1]]
        column = names.index("Due date")
        dated = [r[column] for r in plan_sheet.iter_rows(min_row=2) if r[column].value is not None]
        assert dated and all(c.is_date and c.number_format == "yyyy-mm-dd" for c in dated), path
