"""The Word download is a board paper (issue 24, part 6): A4, in the board's language, by the
board, dates worded as on the site, actions in the plan's order, the plan's title in the header
and "Page N of M" in the footer. Read with python-docx, as made and as LibreOffice saves it."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.plan import Plan
from plansite.office.__main__ import main
from plansite.publish.plan_docx import files, path
from tests.conftest import ROOT
from tests.office_docs import libreoffice_resave

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PLAN_ID = "business-plan-2025-28"
PLAN_FILE = ROOT / "data" / "plans" / f"{PLAN_ID}.yml"


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def plan(site: BoardData) -> Plan:
    return site.plan_by_id[PLAN_ID]


@pytest.fixture(scope="module")
def made(site: BoardData, plan: Plan, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The build's Word file of the plan, and the same file saved by LibreOffice."""
    folder = tmp_path_factory.mktemp("paper")
    target = folder / "plan.docx"
    target.write_bytes(files(site)[path(plan)])
    return [target, libreoffice_resave(target)]


def opened(file: Path) -> Any:
    return docx.Document(io.BytesIO(file.read_bytes()))


def yaml_refs() -> list[str]:
    """The plan's actions in the order its YAML lists them under each priority: each issue's
    actions, then the priority's other actions (the site's order)."""
    raw = yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))
    refs = []
    for priority in raw["priorities"]:
        for issue in priority.get("issues", []):
            refs.extend(str(a["ref"]) for a in issue["actions"])
        refs.extend(str(a["ref"]) for a in priority.get("actions", []))
    return refs


@pytest.mark.parametrize("which", [0, 1], ids=["as-made", "libreoffice"])
def test_a4_paper(made: list[Path], which: int) -> None:
    section = opened(made[which]).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4


@pytest.mark.parametrize("which", [0, 1], ids=["as-made", "libreoffice"])
def test_header_has_the_title_and_footer_counts_pages(
    made: list[Path], plan: Plan, which: int
) -> None:
    section = opened(made[which]).sections[0]
    assert section.header.paragraphs[0].text == plan.title
    footer = section.footer._element
    fields = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    fields += [f.get(f"{W}instr").strip() for f in footer.iter(f"{W}fldSimple")]
    assert [f.split()[0] for f in fields] == ["PAGE", "NUMPAGES"]
    text = "".join(t.text or "" for t in footer.iter(f"{W}t"))
    assert text.startswith("Page ") and " of " in text


def test_language_and_author_are_the_boards(made: list[Path], site: BoardData) -> None:
    document = opened(made[0])
    board = yaml.safe_load((ROOT / "data" / "board.yml").read_text(encoding="utf-8"))
    assert document.core_properties.author == board["name"] == site.board.name
    assert document.core_properties.language == "en-GB"
    langs = {lang.get(f"{W}val") for lang in document.styles.element.iter(f"{W}lang")}
    assert langs == {"en-GB"}
    again = opened(made[1])  # LibreOffice keeps the language of the text
    assert "en-GB" in {lang.get(f"{W}val") for lang in again.styles.element.iter(f"{W}lang")}


@pytest.mark.parametrize("which", [0, 1], ids=["as-made", "libreoffice"])
def test_actions_in_the_plans_order(made: list[Path], which: int) -> None:
    document = opened(made[which])
    refs = yaml_refs()
    found = []
    for table in document.tables[1:-1]:  # the key first, the appendix last
        for row in table.rows[1:]:
            ref = row.cells[0].text.strip()
            if ref in refs:
                found.append(ref)
    assert found == refs
    assert found.index("1.1a") < found.index("1.14")


@pytest.mark.parametrize("which", [0, 1], ids=["as-made", "libreoffice"])
def test_due_dates_worded_as_on_the_site(made: list[Path], which: int) -> None:
    document = opened(made[which])
    rows = {
        row.cells[0].text.strip(): row.cells[3]
        for table in document.tables[1:-1]
        for row in table.rows[1:]
    }
    # 1.14 is due "Sep-25"; 1.2 is due "End of Nov 25", moved from "Sep-25" (struck out)
    assert rows["1.14"].text == "September 2025"
    moved = rows["1.2"].paragraphs
    assert [p.text for p in moved] == ["September 2025", "November 2025"]
    assert moved[0].runs[0].font.strike and not moved[1].runs[0].font.strike


def test_the_import_reads_it_back_with_each_action_where_it_was(
    made: list[Path], plan: Plan, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    for number, file in enumerate(made):
        assert main([str(file), f"again-{number}", "--data", str(data)]) == 0
        again = load_board_data(data).plan_by_id[f"again-{number}"]
        # the header and footer are no priority; the issues keep their actions, and the
        # priority's other actions stay its own
        assert [p.ref for p in again.priorities] == [p.ref for p in plan.priorities]
        for before, after in zip(plan.priorities, again.priorities, strict=True):
            assert [[a.ref for a in i.actions] for i in after.issues] == [
                [a.ref for a in i.actions] for i in before.issues
            ]
            assert [a.ref for a in after.actions] == [a.ref for a in before.actions]
