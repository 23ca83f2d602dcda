"""CSV tables are read by Python's `csv` module when they are regular, by pandas otherwise
(plansite/read/csvfile.py): whichever reads a table, the board gets the same cells and the same
problems. Every CSV file of the example board and the fixtures, and tables written to be
awkward, are read both ways."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plansite.read import csvfile
from plansite.read.csvfile import _regular_cells, pandas_cells, read_csv
from plansite.read.problems import Problems

ROOT = Path(__file__).resolve().parents[1]
BOARD_CSVS = sorted(
    [*ROOT.glob("data/*.csv"), *ROOT.glob("tests/fixtures/*/*.csv")], key=lambda p: str(p)
)
# (text, whether the csv module reads it: the others are left to pandas)
AWKWARD = [
    ("a,b,c\n1,2,3\n", True),
    ("a,b,c\n1,2,3", True),  # no newline at the end
    ("a, b ,c\n 1, 2 ,3\n", True),  # spaces after commas, and before them
    ('a,b,c\n"1, and more",2,3\n', True),
    ('a,b,c\n "quoted after a space",2,3\n', True),
    ('a,b,c\n"two\nlines",2,3\n4,5,6\n', True),
    ('a,b,c\n"a ""quoted"" word",2,3\n', True),
    ("a,b,c\n,,\n1,2,3\n,,\n", True),  # Excel's formatted empty rows
    ("a,b,c\nx&amp;y,2,3\n", True),
    ("a,b,c\nNA,null,NaN\n", True),  # never missing values: text
    ("a,b,c\n#,;,'\n", True),
    ("a\tb\tc\n1\t2\t3\n", True),
    ('a,b,c\n1"x",2,3\n', True),  # a quote inside an unquoted cell is a character
    ('a,b,c\n"1"x,2,3\n', False),  # text after a closing quote
    ("a,b,c\n1,2\n", False),  # a short row
    ("a,b,c\n1,2,3,4\n", False),  # a long row
    ("a,b,c\n1,2,3\n4,5,6,7\n", False),
    ("a,b,c\n\n1,2,3\n", False),  # a blank line
    ("a,b,c\n1,2,3\n\n", False),
    ("a,b,c\n   \n1,2,3\n", False),
    ("a,a,c\n1,2,3\n", False),  # a name written twice
    ("a,,c\n1,2,3\n", False),  # a column with no name
    ("a,b ,b\n1,2,3\n", False),
    ("a\n1\n\n2\n", False),  # a single column
    ("a;b;c\n1;2;3\n", False),
    ("\ufeffa,b,c\n1,2,3\n", False),
    ("a,b,c\r\n1,2,3\r\n", False),
    ("", False),
]


def _pandas_or_error(text: str, separator: str) -> object:
    try:
        return pandas_cells(text, separator)
    except csvfile.CsvError as error:
        return f"error: {error}"


@pytest.mark.parametrize("path", BOARD_CSVS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_board_table_is_read_by_the_csv_module_as_pandas_reads_it(path: Path) -> None:
    text = path.read_text("utf-8")
    separator = csvfile.delimiter(text)
    regular = _regular_cells(text, separator)
    assert regular is not None, "the example's and the fixtures' tables are regular"
    assert regular == pandas_cells(text, separator)


@pytest.mark.parametrize(("text", "regular"), AWKWARD)
def test_an_awkward_table_is_read_alike_or_left_to_pandas(text: str, regular: bool) -> None:
    separator = csvfile.delimiter(text)
    cells = _regular_cells(text, separator)
    assert (cells is not None) == regular
    if cells is not None:
        assert cells == _pandas_or_error(text, separator)


def _read(path: Path, *, by_pandas: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    with monkeypatch.context() as patch:
        if by_pandas:
            patch.setattr(csvfile, "_regular_cells", lambda text, separator: None)
        problems = Problems()
        names = ["ref", "period", "area", "category", "value", "note"]
        table = read_csv(path, names[:2], names[2:], problems, frozenset({"ref", "period"}))
    rows = table.rows() if table else None
    return rows, problems.items, problems.advice


@pytest.mark.parametrize(("text", "regular"), AWKWARD)
def test_a_table_gives_the_same_rows_and_problems_whoever_reads_it(
    text: str, regular: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cleaning (entities, pasted spaces in refs, spaces around cells, blank rows) is the same
    code after either reader."""
    table = text.replace("a", "ref").replace("b", "period").replace("c", "value")
    table = table.replace("1", "N\u00a01").replace("4", "x &amp; y")
    path = tmp_path / "indicator_values.csv"
    path.write_text(table, "utf-8")
    by_csv = _read(path, by_pandas=False, monkeypatch=monkeypatch)
    assert by_csv == _read(path, by_pandas=True, monkeypatch=monkeypatch)


def test_the_example_board_loads_without_importing_pandas() -> None:
    """pandas is imported only for a table the csv module leaves to it (a third of a second of
    every build)."""
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plansite.load import load_board_data\n"
        "load_board_data(Path('data'), 'en')\n"
        "print('pandas' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False", found.stderr
