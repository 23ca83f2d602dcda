"""`make import ... FORCE=1`, next quarter's version of the plan: what the board wrote by hand
stays, the document's changes come in and are listed in the document's own terms, and the plan
replaced is kept in plans/.previous/."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.office.__main__ import main
from plansite.office.yaml_out import plan_yaml
from tests.conftest import ROOT
from tests.office_docs import excel_file, libreoffice_resave_all, word_file

HEADER = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]
FIRST = "Update Feb 26: Walking survey sent to schools"


def rows(next_quarter: bool) -> list[list[Any]]:
    """The plan's table; next quarter: 1.1 turns green with a new update, 1.2 loses its lead
    (the document's Lead column speaks for it), 2.2 is added and the priorities' words stay."""
    progress = FIRST + ("\n\nUpdate May 26: Routes mapped and shared" if next_quarter else "")
    return [
        HEADER,
        ["Priority 1: Safer journeys to school", *[None] * 5],
        ["1.1", "Map the routes children walk", "Transport group", "Jun-26",
         "G" if next_quarter else "A", progress],
        ["1.2", "Brief crossing patrol staff", None if next_quarter else "Road safety lead",
         "Sep-26", "R", ""],
        ["Priority 2: Support for young carers", *[None] * 5],
        ["2.1", "Name a young carers contact in each school", "Education lead", "Dec-26", "G",
         ""],
        *([["2.2", "Hold a drop-in for young carers", "Carers service", "Jan-27", "A", ""]]
          if next_quarter else []),
    ]  # fmt: skip


def word_plan(path: Path, next_quarter: bool) -> Path:
    table = rows(next_quarter)
    merges = [(r, 0, r, 5) for r, row in enumerate(table) if row[1] is None and r]
    parts = [
        ("title", "Partnership Plan 2026"),
        ("para", "Updated June 2026" if next_quarter else "Updated March 2026"),
        ("table", (table, merges)),
    ]
    return word_file(path, parts)


def excel_plan(path: Path, next_quarter: bool) -> Path:
    return excel_file(path, {"Action plan": rows(next_quarter)})


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each shape's two quarters: Word and Excel, as made and as LibreOffice saves them."""
    folder = tmp_path_factory.mktemp("documents")
    made = {}
    for kind, make, suffix in (("word", word_plan, "docx"), ("excel", excel_plan, "xlsx")):
        first = make(folder / f"{kind}-q1.{suffix}", False)
        second = make(folder / f"{kind}-q2.{suffix}", True)
        made[kind] = (first, second)
        resaved_first, resaved_second = libreoffice_resave_all([first, second])  # one call
        made[f"{kind}-libreoffice"] = (resaved_first, resaved_second)
    return made


# the board's own words, added by hand to the imported plan: at every level
STATUSES = [
    {"key": "green", "label": "Done", "colour": "#00703c", "meaning": "Finished and checked.",
     "done": True},
    {"key": "amber", "label": "Under way", "colour": "#ffdd00",
     "meaning": "Started, and on time so far."},
    {"key": "red", "label": "Behind", "colour": "#d4351c", "meaning": "Late; the board is told."},
]  # fmt: skip


def edit_by_hand(plan_file: Path) -> None:
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    plan.update(stale_after_months=6, period="2026 to 2027", statuses=STATUSES)
    journeys, carers = plan["priorities"]
    journeys["young_people"] = "We will help you get to school safely."
    journeys["actions"][0]["related"] = ["2.1"]
    journeys["actions"][0]["young_people"] = "We are finding the safest ways to walk."
    carers["description"] = "Young carers told us school did not know about them."
    plan_file.write_text(plan_yaml(plan), encoding="utf-8")


PLACES = {
    "word": ("table 1, row 3, column 5 (RAG)", "table 1, row 3, column 6 (Progress)",
             "table 1, row 7", "table 1, row 4, column 3 (Lead)"),
    "excel": ("sheet Action plan, E3 (RAG)", "sheet Action plan, F3 (Progress)",
              "sheet Action plan, row 7", "sheet Action plan, C4 (Lead)"),
}  # fmt: skip


@pytest.mark.parametrize("shape", ["word", "word-libreoffice", "excel", "excel-libreoffice"])
def test_a_re_import_keeps_what_the_board_wrote_and_brings_the_documents_changes(
    shape: str,
    documents: dict[str, tuple[Path, Path]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    first, second = documents[shape]
    assert main([str(first), "journeys", "--data", str(data)]) == 0
    plan_file = data / "plans" / "journeys.yml"
    edit_by_hand(plan_file)
    edited = plan_file.read_text(encoding="utf-8")
    capsys.readouterr()

    assert main([str(second), "journeys", "--data", str(data), "--force"]) == 0
    out = capsys.readouterr().out
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    # what the board wrote by hand: still there, at the plan's, a priority's and an action's level
    assert (plan["stale_after_months"], plan["period"]) == (6, "2026 to 2027")
    assert plan["statuses"] == STATUSES  # the labels and meanings the board chose
    journeys, carers = plan["priorities"]
    assert journeys["young_people"] == "We will help you get to school safely."
    walk, patrol = journeys["actions"]
    assert walk["related"] == ["2.1"]
    assert walk["young_people"] == "We are finding the safest ways to walk."
    assert carers["description"] == "Young carers told us school did not know about them."
    # the document's changes: in
    assert walk["status"] == "green"
    assert [u["text"] for u in walk["updates"]] == [
        "Walking survey sent to schools", "Routes mapped and shared",
    ]  # fmt: skip
    assert "leads" not in patrol  # emptied in the document, whose Lead column speaks for it
    assert [a["ref"] for a in carers["actions"]] == ["2.1", "2.2"]
    # listed in the document's terms, with the board's own status words
    status, progress, added, lead = PLACES[shape.split("-")[0]]
    assert (
        "Changes from the plan that was there before:\n"
        f"  added: 2: 2.2 ({added})\n"
        f"  {status}: Under way -> Done (action 1: 1.1)\n"
        f"  {lead}: 'Road safety lead' -> (empty) (action 1: 1.2)\n"
        f"  1 new dated update(s): 1: 1.1 (1, {progress})\n"
    ) in out
    # the plan replaced, kept as it was, outside what the site reads; the report says where
    as_at = {"word": "2026-03", "excel": "2026-02"}[shape.split("-")[0]]  # Excel: its update's
    previous = data / "plans" / ".previous" / f"journeys-{as_at}.yml"
    assert previous.read_text(encoding="utf-8") == edited
    kept = 7 if shape.startswith("word") else 8  # and the title, which a sheet does not give
    assert plan["title"] == yaml.safe_load(edited)["title"]
    assert (
        f"The plan this import replaced is kept as {previous}; {kept} field(s) added by hand (not in "
        "the document) were carried over into the new plan."
    ) in out
    assert "The data check passed." in out


def test_both_files_of_each_shape_give_the_same_plan(
    documents: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    """The document as made and as LibreOffice saves it import to the same plan."""
    written = {}
    for shape, (_, second) in documents.items():
        data = tmp_path / shape
        shutil.copytree(ROOT / "data", data)
        assert main([str(second), "journeys", "--data", str(data)]) == 0
        plan = yaml.safe_load((data / "plans" / "journeys.yml").read_text(encoding="utf-8"))
        written[shape] = plan["priorities"]
    assert written["word"] == written["word-libreoffice"]
    assert written["excel"] == written["excel-libreoffice"]
    assert len([a for p in written["word"] for a in p["actions"]]) == 4


def test_actions_without_refs_are_matched_by_title(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)

    def plan(status: str) -> Path:
        table = [
            ["Action", "Lead", "RAG"],
            ["Map the routes children walk", "Transport group", status],
            ["Brief crossing patrol staff", "Road safety lead", "R"],
        ]
        return word_file(tmp_path / f"{status}.docx", [("table", (table, []))])

    assert main([str(plan("A")), "no-refs", "--data", str(data)]) == 0
    plan_file = data / "plans" / "no-refs.yml"
    text = plan_file.read_text(encoding="utf-8")
    hand = "      - title: Brief crossing patrol staff\n"
    assert hand in text  # no refs: the document's actions are known by their titles
    plan_file.write_text(text.replace(hand, hand + "        measure: Every patrol briefed\n"))
    assert main([str(plan("G")), "no-refs", "--data", str(data), "--force"]) == 0
    walk, patrol = yaml.safe_load(plan_file.read_text(encoding="utf-8"))["priorities"][0]["actions"]
    assert (walk["status"], patrol["measure"]) == ("green", "Every patrol briefed")


def test_a_re_import_names_the_columns_as_the_last_import_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    table = [
        ["Ref", "Action", "Key contact", "RAG"],
        ["1.1", "Map the routes children walk", "Transport group", "A"],
    ]
    document = word_file(tmp_path / "plan.docx", [("table", (table, []))])
    plan_map = tmp_path / "map.yml"
    plan_map.write_text('columns:\n  "Key contact": leads\n', encoding="utf-8")
    assert main([str(document), "contacts", "--data", str(data), "--map", str(plan_map)]) == 0
    plan_file = data / "plans" / "contacts.yml"
    plan_map.unlink()  # the board's answer is kept with the plan, not only in their file
    capsys.readouterr()
    assert main([str(document), "contacts", "--data", str(data), "--force"]) == 0
    (action,) = yaml.safe_load(plan_file.read_text(encoding="utf-8"))["priorities"][0]["actions"]
    assert action["leads"] == ["Transport group"]
    remembered = data / "plans" / ".previous" / "contacts.columns.yml"
    assert (
        f"The columns were named as at the last import, by {remembered} (a copy of the PLAN_MAP= "
        "file given then); give PLAN_MAP=<file> to name them again."
    ) in capsys.readouterr().out


def test_hand_edits_are_matched_by_ref_or_title_and_the_status_list_grows() -> None:
    from plansite.office.changes import keep_hand_edits

    def action(ref: str, title: str, status: str, **more: Any) -> dict[str, Any]:
        return {"ref": ref, "title": title, "status": status, **more}

    before = {
        "statuses": STATUSES,
        "priorities": [
            # refs repeated ("1" twice): the priorities are known by their titles
            {"ref": "1", "title": "Safer journeys", "owner": "Transport group",
             "issues": [{"ref": "A", "title": "Routes", "young_people": "Safe ways to walk",
                         "actions": [action("1", "Map routes", "amber", lead="Transport lead",
                                            related=["2"])]}]},
            {"ref": "1", "title": "Young carers", "owner": "Carers service", "actions": []},
        ],
    }  # fmt: skip
    after = {
        "statuses": "rag",
        "priorities": [
            {"ref": "1", "title": "Young carers", "actions": []},
            {"ref": "1", "title": "Safer journeys",
             "issues": [{"ref": "A", "title": "Routes to school",
                         "actions": [action("1", "Map routes", "complete", leads=["Transport"])]}]},
        ],
    }  # fmt: skip
    assert keep_hand_edits(before, after, {"title", "leads", "status"}) == 5
    carers, journeys = after["priorities"]
    assert (carers["owner"], journeys["owner"]) == ("Carers service", "Transport group")
    (issue,) = journeys["issues"]
    assert issue["young_people"] == "Safe ways to walk"  # the same ref, a reworded title
    (walk,) = issue["actions"]
    # `lead` is the model's other spelling of `leads`, which the document gives: not carried
    assert walk == action("1", "Map routes", "complete", leads=["Transport"], related=["2"])
    # the board's status list stays; the status the document now uses is added from its list
    assert [s["key"] for s in after["statuses"]] == ["green", "amber", "red", "complete"]
    assert after["statuses"][:3] == STATUSES
