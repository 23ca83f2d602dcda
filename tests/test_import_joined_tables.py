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
    joined_lo, apart_lo = libreoffice_resave_all([joined, apart])
    return {"joined": joined, "apart": apart, "joined-lo": joined_lo, "apart-lo": apart_lo}


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
