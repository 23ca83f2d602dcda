"""A board's first quarter, end to end, as a business manager does it: a new board, then its
Word plan imported (as python-docx writes it and as LibreOffice saves it), then a strict build.
The site's counts are the document's: its actions, its key's "Complete", its priorities' titles
and its dated updates."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from tests.conftest import ROOT, run_build
from tests.office_docs import libreoffice_resave, word_file

RED, AMBER, GREEN = "FF0000", "FFC000", "00B050"
HEAD = ["Issue", "Sub group or Lead", "Actions for 2016-17", "Completion Date", "Progress (RAG)"]
FIRST = [
    HEAD,
    ["1. Check online safety work in schools", "PPPG", "Refresh the guidance for schools",
     "End of Nov 16", {"text": "Update Dec 16: Guidance agreed by the board.", "fill": GREEN}],
    [None, "PPPG\vHead of Education",
     {"paras": [[("NEW", {"bold": True}), (" Ask pupils what they think", {})]]},
     {"paras": [[("Mar 17", {"strike": True}), ("June 17", {})]]},
     {"text": "Update June 17: Survey sent to 12 schools. Training held on 3 May 2017, "
              "14 June 2017 and 2 July 2017 for staff.", "fill": AMBER}],
    ["2. Respond to children who go missing", "CSE Group", "Agree the return interview process",
     "Sep-17", {"text": "Not yet started.", "fill": RED}],
    ["3. Improve early help", "EH Board", "Launch the early help assessment", "Mar-18",
     {"text": "Update Sept 17: Launched in every locality.", "fill": GREEN}],
]  # fmt: skip
SECOND = [
    HEAD,
    ["4. Learn from reviews", "LIG", "Share learning within three months", "Dec-17",
     {"text": "Update Dec 17: Two briefings held.", "fill": AMBER}],
    ["5. Hear children's voices", "Participation officer", "Set up a young people's panel",
     "Mar-18", {"text": "Update Mar 18: The panel met twice.", "fill": GREEN}],
]  # fmt: skip
PLANNER = [
    ["Report", "Subgroup activity", "What the report will tell the board", "When reported"],
    ["Section 11 audit", "Quality group checks returns", "How well agencies meet their duties",
     "Annual report every March"],
    ["Child deaths", "The panel reviews each death", "What could have been prevented",
     "Twice a year"],
]  # fmt: skip
PARTS = [
    ("para", "Red: Off Target; Amber: On Target; Green: Complete"),  # the key, colour only cells
    ("title", "Business Plan 2016-18"),
    ("para", "Updated March 2018"),
    ("heading", "Key Priority 1"),
    ("para", "Reduce harm to vulnerable children."),
    ("table", (FIRST, [])),
    ("heading", "Key Priority 2"),
    ("para", "Learn and improve."),
    ("table", (SECOND, [])),
    ("heading", "Reporting planner"),
    ("table", (PLANNER, [])),
    ("para", "Note: ratings are agreed by the business group each quarter."),
]


@pytest.fixture(scope="module", params=["python-docx", "libreoffice"])
def imported(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new board (make new-board), the plan imported into it (make import), checked."""
    folder = tmp_path_factory.mktemp(request.param)
    document = word_file(folder / "Business plan.docx", PARTS)
    if request.param == "libreoffice":
        document = libreoffice_resave(document)
    board = folder / "board"
    subprocess.run(
        [sys.executable, "-m", "plansite", "new-board", "--data", str(board), "--name",
         "Eastmoor Safeguarding Children Partnership", "--area", "Eastmoor", "--url",
         "https://plans.eastmoor.example.org"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "plansite.office", str(document), "business-plan-2016-18",
         "--data", str(board)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "41 cells: 41 placed, 0 changed, 0 left out" in result.stdout
    assert "Replaced " in result.stdout  # the starter's example plan gave way
    return board


def test_the_plan_is_the_documents_with_no_hand_edits(imported: Path) -> None:
    assert [p.name for p in (imported / "plans").glob("*.yml")] == ["business-plan-2016-18.yml"]
    plan = yaml.safe_load((imported / "plans" / "business-plan-2016-18.yml").read_text("utf-8"))
    assert plan["title"] == "Business Plan 2016-18" and plan["as_at"] == "2018-03"
    [model] = load_board_data(imported).plans  # the key's words, as the site reads them
    labels = {s.key: (s.label, s.done) for s in model.statuses_shown}
    assert labels == {"red": ("Off Target", False), "amber": ("On Target", False),
                      "green": ("Complete", True)}  # fmt: skip
    actions = [a for p in plan["priorities"] for i in p.get("issues", []) for a in i["actions"]]
    assert [a["status"] for a in actions] == ["green", "amber", "red", "green", "amber", "green"]
    second = actions[1]
    assert (second["due"], second["due_was"], second["new"]) == ("June 17", ["Mar 17"], True)
    assert second["leads"] == ["PPPG", "Head of Education"]
    # the training dates in the sentence stay text: one dated update, of June 2017
    assert [u["date"] for u in second["updates"]] == ["2017-06"]
    assert plan["notes"] == ["Note: ratings are agreed by the business group each quarter."]
    planner = yaml.safe_load((imported / "planner.yml").read_text("utf-8"))
    assert [i["what"] for i in planner["items"]] == ["Section 11 audit", "Child deaths"]


def board_digest(board: Path) -> str:
    """A hash of every file of the board, by its path in the board."""
    digest = hashlib.sha256()
    for file in sorted(f for f in board.rglob("*") if f.is_file()):
        digest.update(f"{file.relative_to(board).as_posix()}\0".encode())
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """The strict build of a board, made once for each board that differs in any byte: the
    document as LibreOffice saves it imports to the very files python-docx's does (when it
    does), and the same files build the same site, so one build serves both."""
    sites: dict[str, Path] = {}

    def site(board: Path) -> Path:
        key = board_digest(board)
        if key not in sites:
            out = tmp_path_factory.mktemp("site") / "site"
            result = run_build(board, out, pdfs=False)
            assert result.returncode == 0, result.stderr
            sites[key] = out
        return sites[key]

    return site


def test_the_site_counts_what_the_document_says(
    imported: Path, built: Callable[[Path], Path]
) -> None:
    site = built(imported)
    home = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    text = home.get_text(" ", strip=True)
    # 6 actions, 3 green (the key's "Complete"), 1 red; 3 past due at the plan's date
    assert "3 of 6 actions complete, 1 off target, 3 overdue" in text
    plan_home = site / "plans" / "business-plan-2016-18" / "index.html"
    page = BeautifulSoup(plan_home.read_text("utf-8"), "html.parser").get_text(" ", strip=True)
    assert "2 of 4 actions complete" in page and "1 of 2 actions complete" in page
