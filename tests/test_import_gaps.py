"""Smaller gaps of issue 28: a UTF-16 CSV (Excel's "Unicode Text", tab-separated) is read as
its editor meant it, in an import and in the board's own CSV files, or its encoding is named
with the line and the fix; a plan id with a leading hyphen gets the plan id's message; and a
text-direction control (U+202A-202E, U+2066-2069) is refused with its cell or its line, in a
Word or Excel import and in YAML alike. Nothing is written or published when it is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plansite.check.__main__ import main as check_main
from plansite.office.__main__ import main
from tests.office_docs import excel_file, libreoffice_resave, word_file

BASE = Path(__file__).resolve().parent / "fixtures" / "corpus-base"
HEAD = ["Ref", "Action", "Lead", "Due", "RAG"]
ROWS = [HEAD, ["1.1", "Audit neglect cases", "PPPG", "Mar-26", "Green"],
        ["1.2", "Train staff on the £5 toolkit", "CSE Group", "Jun-26", "Amber"]]  # fmt: skip
SAVE = 'save it as UTF-8 (in Excel: Save As, "CSV UTF-8")'
RLO = "\u202e"
WHY = "it can make the words around it read differently from what they say"


def board(tmp_path: Path, name: str) -> Path:
    data = tmp_path / name
    (data / "plans").mkdir(parents=True)
    return data


def imported(
    document: Path, data: Path, capsys: pytest.CaptureFixture[str], plan: str = "plan"
) -> tuple[int, str, str]:
    status = main([str(document), plan, "--data", str(data)])
    out, err = capsys.readouterr()
    return status, out, err


def csv_text(separator: str) -> str:
    return "".join(separator.join(row) + "\r\n" for row in ROWS)


def test_a_utf16_csv_is_imported_as_its_utf8_twin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's "Unicode Text" (UTF-16, tab-separated) and a UTF-16 CSV give the plan the UTF-8
    CSV gives, word for word; the byte order mark is not read as part of the first heading."""
    files = {"utf8": csv_text(",").encode("utf-8"),
             "unicode-text": csv_text("\t").encode("utf-16"),  # with its byte order mark
             "big-endian": b"\xfe\xff" + csv_text(",").encode("utf-16-be")}  # fmt: skip
    plans = []
    for name, raw in files.items():
        (tmp_path / name).mkdir()
        document = tmp_path / name / "plan.csv"  # one name: the plan's title is made from it
        document.write_bytes(raw)
        data = board(tmp_path, f"data-{name}")
        status, out, _ = imported(document, data, capsys)
        assert status == 1  # the board has no board.yml: the check after the import says so
        assert "  the table: 'Ref' -> ref; 'Action' -> title; 'Lead' -> leads" in out
        plans.append((data / "plans" / "plan.yml").read_text(encoding="utf-8"))
    assert plans[0] == plans[1] == plans[2]
    assert "title: Train staff on the £5 toolkit" in plans[0]
    assert plans[0].count("  - ref: '1.") + plans[0].count('  - ref: "1.') == 2


def test_a_utf16_csv_without_its_mark_is_named_and_not_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "plan.csv"
    document.write_bytes(csv_text(",").encode("utf-16-le"))  # no byte order mark
    data = board(tmp_path, "data")
    assert imported(document, data, capsys) == (
        1,
        "",
        f"{document}: this file cannot be read as a CSV file (line 1: the file is UTF-16 text "
        "without the mark at its start that says so (a byte order mark), so it cannot be read "
        f"safely; {SAVE}). Open it in Excel, save it again as a CSV file, and run the import "
        "again.\n",
    )
    assert list((data / "plans").iterdir()) == []


def test_a_utf16_csv_broken_on_a_line_names_that_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "plan.csv"
    text = csv_text(",").encode("utf-16-le")
    document.write_bytes(b"\xff\xfe" + text + b"\x00\xd8")  # half a character on line 4
    data = board(tmp_path, "data")
    assert imported(document, data, capsys) == (
        1,
        "",
        f"{document}: this file cannot be read as a CSV file (line 4: the file is UTF-16 text "
        '(Excel\'s "Unicode Text"), but a character on this line cannot be read; '
        f"{SAVE}). Open it in Excel, save it again as a CSV file, and run the import again.\n",
    )
    assert list((data / "plans").iterdir()) == []


def test_a_plan_id_with_a_leading_hyphen_gets_the_plan_id_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "plan.csv"
    document.write_text(csv_text(","), encoding="utf-8")
    data = board(tmp_path, "data")
    for plan in ("-x", "--plan"):
        assert imported(document, data, capsys, plan) == (
            1,
            "",
            f"PLAN={plan}: a plan id is lower-case letters, digits and hyphens, e.g. "
            "business-plan-2025-28\n",
        )
    assert list((data / "plans").iterdir()) == []


# the board's own CSV files (make check)


def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, values: bytes) -> tuple:
    shutil.copytree(BASE, tmp_path / "data")
    (tmp_path / "data" / "indicator_values.csv").write_bytes(values)
    monkeypatch.chdir(tmp_path)
    status = check_main(["data"])
    return status, capsys.readouterr().err


def test_a_utf16_indicators_csv_is_read_as_its_utf8_twin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (BASE / "indicator_values.csv").read_text(encoding="utf-8")
    assert checked(tmp_path / "utf8", monkeypatch, capsys, text.encode()) == (0, "")
    tabbed = text.replace(",", "\t").encode("utf-16")  # Excel's "Unicode Text"
    assert checked(tmp_path / "utf16", monkeypatch, capsys, tabbed) == (0, "")
    # a value that differs would be found: the file is read, not passed over
    wrong = text.replace(",", "\t").replace("\t28.4", "\tnowhere", 1).encode("utf-16")
    status, err = checked(tmp_path / "wrong", monkeypatch, capsys, wrong)
    assert status == 1 and "data/indicator_values.csv:2: " in err and "nowhere" in err


def test_a_utf16_indicators_csv_without_its_mark_is_an_error_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (BASE / "indicator_values.csv").read_text(encoding="utf-8")
    status, err = checked(tmp_path, monkeypatch, capsys, text.encode("utf-16-le"))
    assert status == 1
    assert err.splitlines() == [
        "data/indicator_values.csv:1: file is UTF-16 text without the mark at its start that "
        f"says so (a byte order mark), so it cannot be read safely; {SAVE}",
        "1 problem found in the data; nothing was published.",
    ]


# text-direction controls


def test_a_direction_control_in_yaml_is_an_error_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    plan = next((tmp_path / "data" / "plans").glob("*.yml"))
    lines = plan.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines, 1) if line.lstrip().startswith("title:"))
    lines[number - 1] += f" {RLO}weiver"
    plan.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert check_main(["data"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"data/plans/{plan.name}:{number}: an invisible text-direction control (U+202E) is on "
        f"this line; delete it, as {WHY} (retype them if they look wrong)",
        "1 problem found in the data; nothing was published.",
    ]


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("marked")
    rows = [HEAD, ["1.1", f"Audit {RLO}sesac tcelgen", "PPPG", "Mar-26", "Green"],
            ["1.2", "Train staff", "CSE \u2066Group\u2069", "Jun-26", "Amber"]]  # fmt: skip
    made = {
        "word": word_file(folder / "plan.docx", [("table", (rows, []))]),
        "excel": excel_file(folder / "plan.xlsx", {"Actions": rows}),
    }
    made.update({f"{kind}-lo": libreoffice_resave(path) for kind, path in list(made.items())})
    return made


@pytest.mark.parametrize("kind", ["word", "word-lo", "excel", "excel-lo"])
def test_a_direction_control_in_a_document_is_refused_with_its_cell(
    marked: dict[str, Path], kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = marked[kind]
    data = board(tmp_path, "data")
    table = "table 1, row {row}, column {column}" if "word" in kind else "sheet Actions, {cell}"
    first = table.format(row=2, column=2, cell="B2")
    second = table.format(row=3, column=3, cell="C3")
    fix = f"delete it in the document, as {WHY} (retype them if they look wrong), save, and run "
    assert imported(document, data, capsys) == (
        1,
        "",
        f"{document}: {first}: an invisible text-direction control (U+202E) is in “Audit "
        f"[U+202E]sesac tcelgen”; {fix}the import again.\n"
        f"{document}: {second}: an invisible text-direction control (U+2066) is in “CSE "
        f"[U+2066]Group[U+2069]”; {fix}the import again.\n",
    )
    assert list((data / "plans").iterdir()) == []
