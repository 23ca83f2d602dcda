"""Two tables joined into one: Word and LibreOffice join a table to the next when the paragraph
between them is deleted, so a plan's action table can carry a second heading row (a history
table's, say) in its body. The rows below that heading row are read under their own headings,
never as actions; a cell in the body that only says a heading word ("On target") stays data."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite.office.__main__ import read_document
from plansite.office.mapper import Outcome, all_actions, map_document
from plansite.office.report import report_lines
from tests.office_docs import libreoffice_resave_all, word_file

HEADER = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]
HISTORY = ["Ref", "Update date", "Update", None, None, None]
ACTIONS = [
    ["1", "Refresh the neglect toolkit", "PPPG", "Mar-26", "A", ""],
    ["2", "Audit strategy discussions", "PPG", "Jun-26", "On target", "Update March 2026: begun"],
]
HISTORY_ROWS = [
    ["1", "March 2026", "Draft toolkit shared", None, None, None],
    ["9.9", "April 2026", "Nothing to match", None, None, None],
]

# a small table straight below the plan's, with no paragraph between: LibreOffice saves the two
# as one table (as Word shows them), its rows two cells each spanning three of the plan's columns
MEMBERS = [["Agency", "Role"], ["Police", "Detective Inspector"]]


def read(path: Path) -> Outcome:
    return map_document(read_document(path, None), {})


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("joined")
    joined = word_file(
        folder / "joined.docx", [("table", ([HEADER, *ACTIONS, HISTORY, *HISTORY_ROWS], []))]
    )
    history = [row[:3] for row in [HISTORY, *HISTORY_ROWS]]
    apart = word_file(
        folder / "apart.docx",
        [("table", ([HEADER, *ACTIONS], [])), ("table", (history, []))],
    )
    members = word_file(
        folder / "members.docx", [("table", ([HEADER, *ACTIONS], [])), ("table", (MEMBERS, []))]
    )
    joined_lo, apart_lo, members_lo = libreoffice_resave_all([joined, apart, members])
    return {
        "joined": joined,
        "apart": apart,
        "joined-lo": joined_lo,
        "apart-lo": apart_lo,
        "members": members,
        "members-lo": members_lo,
    }


@pytest.mark.parametrize("name", ["joined", "joined-lo", "apart", "apart-lo"])
def test_the_second_heading_row_starts_the_history_not_more_actions(
    documents: dict[str, Path], name: str
) -> None:
    outcome = read(documents[name])
    first, second = all_actions(outcome.plan)
    assert [a["ref"] for a in (first, second)] == ["1", "2"]
    assert first["updates"] == [{"date": "2026-03", "text": "Draft toolkit shared"}]
    # "On target" and "Update …" in the body are data, not a heading row
    assert second["status"] == "green"
    assert second["updates"] == [{"date": "2026-03", "text": "begun"}]
    lines = report_lines(outcome, documents[name].name, None)
    assert any(line.endswith("no action in the plan has this ref: 9.9") for line in lines)
    assert "Found 1 priorities, 0 issues, 2 actions and 2 dated updates." in lines


def test_a_narrower_table_joined_below_is_listed_as_not_placed_never_read_as_actions(
    documents: dict[str, Path],
) -> None:
    """As python-docx writes it (two tables) and as LibreOffice saves it (one table whose last
    rows have two wide cells): the same two actions, and the other table's every cell listed,
    by where Word shows it, with its reason. Before, LibreOffice's copy gave actions "Agency"
    and "Police" due "Role" and "Detective Inspector"."""
    expected = {
        "members": ("table 2, row 1, column 1", "table 2, row 1, column 2", "table 2, row 2, column 1", "table 2, row 2, column 2"),
        "members-lo": ("table 1, row 4, column 1", "table 1, row 4, column 4", "table 1, row 5, column 1", "table 1, row 5, column 4"),
    }  # fmt: skip
    for name, places in expected.items():
        outcome = read(documents[name])
        assert [a["ref"] for a in all_actions(outcome.plan)] == ["1", "2"]
        lines = report_lines(outcome, documents[name].name, None)
        listed = [line for line in lines if "its table has no plan columns" in line]
        texts = ["Agency", "Role", "Police", "Detective Inspector"]
        assert listed == [
            f"  {documents[name].name}: {place} (no heading): its table has no plan columns: {text}"
            for place, text in zip(places, texts, strict=True)
        ]
