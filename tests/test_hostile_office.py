"""Office files made to exhaust the machine (issue 28, part 5) are refused before python-docx or
openpyxl unpack them, with a message that says what is too big and the limit: a part that
unpacks to gigabytes, a sheet of millions of rows, merges over whole columns, a Word document of
endless paragraphs or an impossibly wide table. Each import runs as its own process, held to
20 seconds and 1.5 GB of memory, so a limit that does not hold fails the test loudly; and no
plan is written. (The processes are forked from one that has loaded the import, as
tests/limited_import.py says: the command's own, without its start-up each time.)"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from plansite.office.bounds import MAX_CELLS, MAX_PART_BYTES, MAX_ROWS
from plansite.office.docx import damaged
from tests.limited_import import Done, fork_server, run_limited
from tests.office_docs import (
    BODY_HEAD,
    SHEET_HEAD,
    Inflating,
    excel_file,
    hostile_docx,
    hostile_xlsx,
    libreoffice_resave_all,
    word_file,
)

SECONDS = 20  # of the processor's time: the machine may be shared, so the clock waits longer
MEMORY = 1536 * 1024 * 1024
GB = 1024**3
AGAIN = "save, and run the import again."
REMADE = (
    "The file may be damaged, or hold something very large such as a photo: open it in Word or "
    "Excel, make the large thing smaller or remove it, save it again, and import the copy; if it "
    "still fails, please send it to a maintainer."
)


def limited_import(document: Path, data: Path) -> Done:
    """`make import FILE=<document> PLAN=plan` into the board `data`, in its own process, within
    the time and memory limits: past either, the test fails (the process is killed, or a memory
    error shows in stderr, unequal to the message expected)."""
    (data / "plans").mkdir(parents=True)
    argv = [str(document), "plan", "--data", str(data)]
    return run_limited(argv, data, MEMORY, SECONDS, timeout=10 * SECONDS)


def run_import(document: Path, folder: Path) -> Done:
    done = limited_import(document, folder / f"data-{document.name}")
    assert list((folder / f"data-{document.name}" / "plans").iterdir()) == []  # no plan written
    return done


def refused(document: Path, folder: Path) -> str:
    done = run_import(document, folder)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    return done.stderr


@pytest.fixture(scope="module", autouse=True)
def importer() -> Iterator[None]:
    with fork_server():
        yield


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def test_a_cell_that_unpacks_to_gigabytes_is_refused_by_its_size(folder: Path) -> None:
    cell = SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    bomb = Inflating(cell, 2 * GB, b"</t></is></c></row></sheetData></worksheet>")
    document = hostile_xlsx(folder / "bomb.xlsx", bomb)
    assert document.stat().st_size < 3 * 1024 * 1024
    assert refused(document, folder) == (
        f"{document}: xl/worksheets/sheet1.xml, inside the file, unpacks to 2,047 MB; Plansite "
        f"reads at most 64 MB for one part. {REMADE}\n"
    )


def test_a_word_paragraph_that_unpacks_to_gigabytes_is_refused(folder: Path) -> None:
    body = BODY_HEAD + b"<w:p><w:r><w:t>"
    bomb = Inflating(body, 2 * GB, b"</w:t></w:r></w:p></w:body></w:document>")
    document = hostile_docx(folder / "bomb.docx", bomb)
    assert refused(document, folder) == (
        f"{document}: word/document.xml, inside the file, unpacks to 2,047 MB; Plansite reads at "
        f"most 64 MB for one part. {REMADE}\n"
    )


def test_a_sheet_of_two_million_rows_is_refused_in_seconds(folder: Path) -> None:
    rows = b"".join(b'<row r="%d"/>' % n for n in range(1, 2_000_001))
    document = hostile_xlsx(folder / "rows.xlsx", SHEET_HEAD + rows + b"</sheetData></worksheet>")
    assert refused(document, folder) == (
        f"{document}: sheet `Actions` has 2,000,000 rows; Plansite reads at most {MAX_ROWS:,} "
        "rows. Delete the empty rows below your table (select them, right-click, Delete), "
        f"{AGAIN}\n"
    )


def merged_sheet(ref: bytes) -> bytes:
    cells = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c></row>'
    merge = b'<mergeCells count="1"><mergeCell ref="%s"/></mergeCells>' % ref
    return SHEET_HEAD + cells + b"</sheetData>" + merge + b"</worksheet>"


@pytest.mark.parametrize(
    ("ref", "size"),
    [("A1:A1048576", "1,048,576 rows by 1 column"), ("A:XFD", "1,048,576 rows by 16,384 columns"),
     ("B2:ZZ3", "2 rows by 701 columns")],
)  # fmt: skip
def test_merges_over_whole_columns_are_refused(folder: Path, ref: str, size: str) -> None:
    name = ref.replace(":", "-")
    document = hostile_xlsx(folder / f"merge-{name}.xlsx", merged_sheet(ref.encode()))
    assert refused(document, folder) == (
        f"{document}: sheet `Actions` merges the cells {ref} ({size}); Plansite reads merged "
        f"cells only within the first {MAX_ROWS:,} rows and 200 columns. Unmerge them (Home, "
        f"Merge & Center), merge only cells inside your table, {AGAIN}\n"
    )


def test_a_sheet_wider_than_the_limit_is_refused(folder: Path) -> None:
    row = b'<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>'
    document = hostile_xlsx(folder / "wide.xlsx", SHEET_HEAD + row + b"</sheetData></worksheet>")
    assert refused(document, folder) == (
        f"{document}: sheet `Actions` has 16,384 columns; Plansite reads at most 200 columns. "
        f"Delete the empty columns to the right of your table, {AGAIN}\n"
    )


def test_a_sheet_of_too_many_cells_is_refused(folder: Path) -> None:
    row = b'<row r="9000"><c r="A9000"><v>1</v></c><c r="CV9000"><v>2</v></c></row>'
    document = hostile_xlsx(folder / "cells.xlsx", SHEET_HEAD + row + b"</sheetData></worksheet>")
    assert refused(document, folder) == (
        f"{document}: sheet `Actions` has 900,000 cells (9,000 rows by 100 columns); Plansite "
        f"reads at most {MAX_CELLS:,} cells. Delete the empty rows below your table and the "
        f"empty columns to its right, {AGAIN}\n"
    )


def test_a_word_document_of_endless_paragraphs_is_refused(folder: Path) -> None:
    body = BODY_HEAD + b"<w:p/>" * 60_000 + b"</w:body></w:document>"
    document = hostile_docx(folder / "paragraphs.docx", body)
    assert refused(document, folder) == (
        f"{document}: the document has 60,000 paragraphs; Plansite reads at most 50,000. Delete "
        f"the empty ones, or split the document in two, {AGAIN}\n"
    )


def test_a_word_table_wider_than_any_page_is_refused(folder: Path) -> None:
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p/></w:tc>'
    body = BODY_HEAD + b"<w:tbl><w:tr>" + cell + b"</w:tr></w:tbl></w:body></w:document>"
    document = hostile_docx(folder / "wide.docx", body)
    assert refused(document, folder) == (
        f"{document}: a table in the document is 100,000 columns wide; Plansite reads tables of "
        f"at most 200 columns. Delete the empty columns, {AGAIN}\n"
    )


def test_a_part_packed_a_thousand_times_is_refused_by_its_ratio(folder: Path) -> None:
    cell = SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    tail = b"</t></is></c></row></sheetData></worksheet>"
    bomb = Inflating(cell, 40 * 1024 * 1024 + len(cell) + len(tail), tail)
    document = hostile_xlsx(folder / "ratio.xlsx", bomb)
    packed = zipfile.ZipFile(document).getinfo("xl/worksheets/sheet1.xml")
    ratio = packed.file_size // packed.compress_size
    assert ratio > 1000 and packed.file_size < MAX_PART_BYTES
    assert refused(document, folder) == (
        f"{document}: xl/worksheets/sheet1.xml, inside the file, unpacks to 40 MB, {ratio:,} "
        "times its packed size (more than 200 times is the mark of a file made to exhaust the "
        f"computer). {REMADE}\n"
    )


def test_a_part_that_holds_more_than_its_header_says_is_read_short_as_damaged(
    folder: Path,
) -> None:
    """zipfile unpacks no more than the size the zip's directory records: the XML is cut short,
    and the message says how, never "damaged:" with nothing after it."""
    cell = SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    bomb = Inflating(cell, 1 * GB, b"</t></is></c></row></sheetData></worksheet>")
    bomb.told = 4096
    document = hostile_xlsx(folder / "lying.xlsx", bomb)
    message = refused(document, folder)
    assert message.startswith(
        f"{document}: this file cannot be read as an Excel workbook (.xlsx) (it is damaged: "
    )
    assert "damaged: )" not in message and "Traceback" not in message
    assert message.endswith(
        "). Open it in Excel, save it again as an Excel workbook (.xlsx), and run the import "
        "again.\n"
    )


def test_a_library_failure_without_words_is_still_said() -> None:
    assert str(damaged(MemoryError())) == (
        "it is damaged: reading it needed more memory than this computer has"
    )
    assert str(damaged(KeyError())) == "it is damaged: KeyError, with no more said"
    assert str(damaged(ValueError("bad\n  value"))) == "it is damaged: bad value"


ACTIONS = 300  # a large real plan: the limits sit far above it


@pytest.fixture(scope="module")
def large_plans(folder: Path) -> dict[str, Path]:
    from openpyxl import load_workbook

    head = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]
    rows = [head] + [
        [f"{n}", f"Review case file group {n}", "PPPG", "Mar-26", "Green", f"Checked {n} files"]
        for n in range(1, ACTIONS + 1)
    ]
    excel = excel_file(folder / "large.xlsx", {"Actions": rows})
    book = load_workbook(excel)
    book["Actions"].merge_cells("C2:C4")  # one lead for three actions, merged down
    book.save(excel)
    word = word_file(folder / "large.docx", [("table", (rows, [(1, 2, 3, 2)]))])
    excel_lo, word_lo = libreoffice_resave_all([excel, word])
    return {"excel": excel, "word": word, "excel-lo": excel_lo, "word-lo": word_lo}


def test_a_large_real_plan_is_read_whole_within_the_limits(
    large_plans: dict[str, Path], folder: Path
) -> None:
    """As made by openpyxl and python-docx and as LibreOffice saves them: every action read, the
    merged lead given to each of its rows, the same plan from both."""
    written = {}
    for kind, document in large_plans.items():
        data = folder / f"data-large-{kind}"
        done = limited_import(document, data)
        assert f"Wrote {data / 'plans' / 'plan.yml'}." in done.stdout, done.stderr
        assert f"Found 1 priorities, 0 issues, {ACTIONS} actions" in done.stdout
        text = (data / "plans" / "plan.yml").read_text(encoding="utf-8")
        written[kind] = text.replace("title: Large lo\n", "title: Large\n")  # from the file name
    assert written["excel"] == written["excel-lo"]
    assert written["word"] == written["word-lo"]
    assert written["excel"].count("leads: [PPPG]") == ACTIONS  # C2:C4 merged, read thrice
