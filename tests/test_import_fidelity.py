"""The import's proof (plansite/office/fidelity.py): every cell of the document's tables is
looked for in the plan as written. On every document shape tests/test_import.py makes, no cell
is changed; when the mapper is made to change one, the import writes nothing and names it."""

from __future__ import annotations

import inspect
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tests.test_import as shapes
from plansite.office import mapper
from plansite.office.__main__ import main, read_document
from plansite.office.document import place
from plansite.office.fidelity import CHANGED, LEFT_OUT, PLACED, Fidelity, compare_cells
from plansite.office.mapper import Outcome, map_document
from plansite.office.yaml_out import plan_yaml
from tests.conftest import ROOT
from tests.office_docs import libreoffice_resave, word_file


def reading_tests() -> list[Callable[[Path], None]]:
    """The tests of tests/test_import.py that read a document with its `read` helper."""
    return [
        test
        for name, test in inspect.getmembers(shapes, inspect.isfunction)
        if name.startswith("test_")
        and list(inspect.signature(test).parameters) == ["tmp_path"]
        and "read(" in inspect.getsource(test)
    ]


@pytest.mark.parametrize("shape", reading_tests(), ids=lambda test: test.__name__[5:])
def test_no_cell_is_changed_on_any_import_shape(
    shape: Callable[[Path], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proofs: list[tuple[Outcome, Fidelity]] = []

    def read(path: Path, plan_map: dict[str, str] | None = None, sheet: str | None = None) -> Any:
        document = read_document(path, sheet)
        outcome = map_document(document, plan_map or {})
        text = plan_yaml({"id": "shape", **outcome.plan})
        proofs.append((outcome, compare_cells(document, outcome, text)))
        return outcome

    monkeypatch.setattr(shapes, "read", read)
    shape(tmp_path)  # the shape's own assertions hold as before
    assert proofs
    for outcome, proof in proofs:
        changed = [f for f in proof.findings if f.verdict == CHANGED]
        assert changed == []
        assert proof.findings  # the shape has cells with words
        # every cell left out is one the report lists as not placed, with its reason
        listed = {(u.table, u.row, u.column) for u in outcome.unplaced}
        assert proof.count(LEFT_OUT) == len(listed)
        assert proof.count(PLACED) + proof.count(LEFT_OUT) == len(proof.findings)


HEADER = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("fidelity")
    rows = [
        HEADER,
        ["1.1", "Check the “safe places” scheme", "Community group", "Jun-26", "A",
         "Update Feb 26: **Twelve** shops signed up"],
        ["1.2", "Audit missing-from-home returns", "Missing lead", "Sep-26", "G", ""],
        ["1.3", "Publish the audit", "Missing lead", "Oct-26", "G", "", "Budget line 4"],
    ]  # fmt: skip
    made = word_file(folder / "plan.docx", [("para", "Updated March 2026"), ("table", (rows, []))])
    return [made, libreoffice_resave(made)]


@pytest.mark.parametrize("which", [0, 1], ids=["as made", "as LibreOffice saves it"])
def test_the_report_ends_with_the_count_of_every_cell(
    which: int, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert main([str(plans[which]), "safe-places", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    # smart quotes and Markdown bold are formatting, not a change; the cell in a column with no
    # heading is left out and listed above, by its table, row and column
    assert (
        "Cell by cell: each cell of the document's tables, looked for in the plan as written:\n"
        "17 cells: 16 placed, 0 changed, 1 left out (listed above)\n"
    ) in out
    assert "table 1, row 4, column 7 (no heading): its column has no heading" in out


def test_a_changed_cell_stops_the_import_and_is_named(
    plans: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The gate fails when what it guards breaks: a mapper that loses a word of an action's
    title and swaps a lead writes nothing, and the report names both cells."""
    place_row = mapper.Mapper._place

    def mangled(self: mapper.Mapper, *args: Any) -> None:
        place_row(self, *args)
        if self.action and self.action.get("ref") == "1.2":
            self.action["title"] = "Audit returns"
            self.action["leads"] = ["Community group"]

    monkeypatch.setattr(mapper.Mapper, "_place", mangled)
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert main([str(plans[0]), "safe-places", "--data", str(data)]) == 1
    captured = capsys.readouterr()
    assert (
        "  table 1, row 3, column 2 (Action): CHANGED: the document has 'Audit missing-from-home "
        "returns'; the plan has 'Audit returns'\n"
        "  table 1, row 3, column 3 (Lead): CHANGED: the document has 'Missing lead'; the plan "
        "has 'Community group'\n"
        "17 cells: 14 placed, 2 changed, 1 left out (listed above)\n"
    ) in captured.out
    assert captured.err.startswith(
        f"2 cell(s) of {plans[0]} did not reach the plan as they are written (marked CHANGED "
        "above), so nothing was written."
    )
    assert not (data / "plans" / "safe-places.yml").exists()
    assert "Wrote" not in captured.out


def test_cells_are_named_as_their_document_shows_them() -> None:
    assert place("sheet Action plan", 14, 7, "Status") == "sheet Action plan, G14 (Status)"
    assert place("sheet Actions", 3, 28, "") == "sheet Actions, AB3"
    assert place("table 2", 14, 5, "RAG") == "table 2, row 14, column 5 (RAG)"
    assert place("table 2", 14, 0, "") == "table 2, row 14"


def test_words_the_import_turns_into_fields_are_not_a_change(tmp_path: Path) -> None:
    """A NEW marker with its month, a dated update's heading, bullets and smart quotes are read
    into fields of their own or as formatting: every cell is placed."""
    rows = [
        HEADER,
        ["1.1 NEW – added Jan 16", "Refresh the plan", "LSCB / PPPG", "Mar-17", "N/A",
         "RAG A Update Dec 16: Started"],
        ["1.2", "NEW Hold “listening” events", "Participation lead\n\nSchools", "31 March 2017",
         "TBC", "- first step\n\n- second step"],
    ]  # fmt: skip
    path = word_file(tmp_path / "p.docx", [("para", "Updated March 2017"), ("table", (rows, []))])
    document = read_document(path, None)
    outcome = map_document(document, {})
    proof = compare_cells(document, outcome, plan_yaml({"id": "p", **outcome.plan}))
    assert [(f.where, f.verdict) for f in proof.findings if f.verdict != PLACED] == []
    assert len(proof.findings) == 12
