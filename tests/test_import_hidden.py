"""What a document's author hid is never imported or published (issue 28, part 1): hidden text
in Word, hidden rows, columns and sheets in Excel. The import report lists each one as "left
out: hidden in the document", by table or sheet, row and column, for the manager to check.
Each file is read as python-docx or openpyxl writes it and as LibreOffice saves it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from plansite.office.__main__ import main
from tests.office_docs import libreoffice_resave

SECRET = "the family at 12 Acacia Road"
HEAD = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]


def word_plan(path: Path) -> Path:
    document = docx.Document()
    table = document.add_table(rows=2, cols=len(HEAD))
    for column, heading in enumerate(HEAD):
        table.cell(0, column).text = heading
    for column, text in enumerate(["1.1", "Audit neglect cases", "PPPG", "Mar-26", "Green"]):
        table.cell(1, column).text = text
    progress = table.cell(1, 5).paragraphs[0]
    progress.add_run("Strategy drafted. ")
    progress.add_run(f"Seen with {SECRET}.").font.hidden = True
    document.save(str(path))
    return path


def excel_plan(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    rows = [
        [*HEAD, "Notes"],
        ["1.1", "Audit neglect cases", "PPPG", "Mar-26", "Green", "Strategy drafted.", SECRET],
        ["1.2", f"Visit {SECRET}", "PPPG", "Mar-26", "Amber", "Planned.", ""],
        ["1.3", "Train staff", "CSE Group", "Jun-26", "Red", "Delayed.", ""],
    ]
    for row in rows:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True  # row 3: action 1.2
    sheet.column_dimensions["G"].hidden = True  # the Notes column
    hidden = book.create_sheet("Case notes")
    hidden.append([f"Referral about {SECRET}"])
    hidden.sheet_state = "hidden"
    book.save(str(path))
    return path


@pytest.fixture(scope="module", params=["made", "libreoffice"])
def plans(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp(request.param)
    made = {"word": word_plan(folder / "plan.docx"), "excel": excel_plan(folder / "plan.xlsx")}
    if request.param == "libreoffice":
        made = {kind: libreoffice_resave(path) for kind, path in made.items()}
    return made


def imported(document: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple:
    data = tmp_path / "data"
    (data / "plans").mkdir(parents=True)
    assert main([str(document), "plan", "--data", str(data)]) in (0, 1)  # the check may advise
    written = (data / "plans" / "plan.yml").read_text(encoding="utf-8")
    return written, capsys.readouterr().out


def test_hidden_word_text_is_left_out_and_listed(
    plans: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written, report = imported(plans["word"], tmp_path, capsys)
    assert SECRET not in written and "Strategy drafted." in written
    name = plans["word"].name
    assert (
        f"  {name}: table 1, row 2, column 6: left out: hidden in the document: Seen with {SECRET}."
    ) in report.splitlines()


def test_hidden_rows_columns_and_sheets_are_left_out_and_listed(
    plans: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written, report = imported(plans["excel"], tmp_path, capsys)
    assert SECRET not in written
    assert "1.1" in written and "1.3" in written and "1.2" not in written
    name = plans["excel"].name
    lines = report.splitlines()
    for where, text in [
        ("sheet Action plan, G2", SECRET),
        ("sheet Action plan, A3", "1.2"),
        ("sheet Action plan, B3", f"Visit {SECRET}"),
        ("sheet Case notes", "the whole sheet, hidden in the workbook"),
    ]:
        assert f"  {name}: {where}: left out: hidden in the document: {text}" in lines, report
