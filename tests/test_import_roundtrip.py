"""import(export(plan)) gives the same plan: actions, statuses, leads, due dates, updates.
And `make import` into a copy of the example board, followed by a strict build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plansite.load import load_board_data
from plansite.model.dates import parse_due
from plansite.model.plan import Action, Plan
from plansite.office.__main__ import main
from plansite.publish.plan_docx import plan_docx
from tests.conftest import ROOT, run_build

TAGS = re.compile(r"<[^>]+>|\*|^- ", re.M)


def _words(text: str) -> str:
    """Markdown and HTML styling (and lists) become Word's, and come back as Markdown."""
    return " ".join(TAGS.sub(" ", text).split())


def _due(text: str | None) -> object:
    """The Word file words a due date as the site does ("Sep-25" is "September 2025"): the
    same date comes back; a wording that says more than a date comes back as written."""
    due = parse_due(text) if text is not None else None
    if due is None or due.date is None or due.says_more:
        return text
    return (due.date, due.precision)


def _facts(plan: Plan, action: Action) -> tuple[object, ...]:
    def label(key: str | None) -> str | None:
        found = plan.vocabulary.find(key) if key else None
        return found.label if found else None

    updates = [(u.day, _words(u.text), label(u.status)) for u in action.updates_oldest_first]
    return (
        action.ref, _words(action.title), action.leads, _due(action.due),
        [_due(was) for was in action.due_was],
        label(action.status), updates, action.new_since or action.is_new, _words(action.progress),
        label(action.impact),
    )  # fmt: skip


@pytest.fixture(scope="module")
def example() -> list[Plan]:
    return load_board_data(ROOT / "data").plans


@pytest.mark.parametrize("index", [0, 1, 2])
def test_import_of_the_export_gives_the_same_plan(
    index: int, example: list[Plan], tmp_path: Path
) -> None:
    plan = example[index]
    document = tmp_path / f"{plan.id}.docx"
    document.write_bytes(plan_docx(plan))
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    assert main([str(document), "roundtrip", "--data", str(data)]) == 0
    again = next(p for p in load_board_data(data).plans if p.id == "roundtrip")
    assert again.title == plan.title
    # keys are named by colour (green, blue, ...): the words, colours and meanings come back
    assert [(s.label, s.colour, s.meaning, s.done) for s in again.statuses] == [
        (s.label, s.colour, s.meaning, s.done) for s in plan.statuses
    ]
    assert [(p.ref, p.title) for p in again.priorities] == [
        (p.ref, p.title) for p in plan.priorities
    ]
    for before, after in zip(plan.priorities, again.priorities, strict=True):
        assert sorted(_facts(again, a) for a in after.all_actions) == sorted(
            _facts(plan, a) for a in before.all_actions
        )
        assert [(i.ref, i.title, i.new) for i in after.issues] == [
            (i.ref, i.title, i.new) for i in before.issues
        ]
    assert sum(len(a.updates) for a in again.actions) == sum(len(a.updates) for a in plan.actions)


def test_impact_ratings_come_back_from_the_export(tmp_path: Path) -> None:
    """An action's `impact:` (its measure's rating) is an Impact column in words and shading,
    read back to the same status; a plan without impact ratings has no such column."""
    import io

    import docx

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    plan = load_board_data(data).plans[1]
    assert "Impact" not in [
        c.text for c in docx.Document(io.BytesIO(plan_docx(plan))).tables[1].rows[0].cells
    ]
    keys = [s.key for s in plan.statuses]
    rated = {a.ref: keys[i % len(keys)] for i, a in enumerate(plan.actions[::3])}
    for action in plan.actions:
        action.impact = rated.get(action.ref)
    document = tmp_path / "rated.docx"
    document.write_bytes(plan_docx(plan))
    header = [
        c.text for c in docx.Document(io.BytesIO(document.read_bytes())).tables[1].rows[0].cells
    ]
    assert header == ["Ref", "Action", "Lead", "Due", "Status", "Impact", "Latest update"]
    assert main([str(document), "roundtrip", "--data", str(data)]) == 0
    again = next(p for p in load_board_data(data).plans if p.id == "roundtrip")

    def impacts(of: Plan) -> list[tuple[str, str | None]]:
        return [(a.priority.ref, of.vocabulary.find(a.impact).label if a.impact else None)
                for a in of.actions]  # fmt: skip

    assert impacts(again) == impacts(plan)
    assert len([a for a in again.actions if a.impact]) == len(rated) > 3


def test_export_is_accessible_word(example: list[Plan]) -> None:
    """Tagged headings, and every table's first row a header row repeated on each page."""
    import io

    import docx

    plan = example[1]
    document = docx.Document(io.BytesIO(plan_docx(plan)))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name != "Normal"]
    assert headings == [
        ("Title", plan.title),
        ("Heading 1", "Status key"),
        *[("Heading 1", f"Priority {p.ref}: {p.title}") for p in plan.priorities],
        ("Heading 1", "Appendix: progress histories"),
    ]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.find(f"{w}trPr/{w}tblHeader") is not None
        assert table._tbl.tblPr.find(f"{w}tblCaption") is not None
        assert all(r._tr.find(f"{w}trPr/{w}tblHeader") is None for r in table.rows[1:])
    # the key, the appendix, a table a priority, and a second one for the actions that follow
    # a priority's issues (so the import does not read them as the last issue's)
    both = sum(1 for p in plan.priorities if p.issues and p.actions)
    assert len(document.tables) == len(plan.priorities) + both + 2


def test_export_is_the_same_bytes_every_time(example: list[Plan]) -> None:
    assert plan_docx(example[0]) == plan_docx(example[0])


def test_make_new_board_then_import_the_board_plan_then_a_strict_build(tmp_path: Path) -> None:
    """The way in for a new board: a starter folder, then its Excel tracker imported over the
    starter plan (FORCE=1), then a strict build."""
    from tests.office_docs import excel_file

    data = tmp_path / "eastmoor"
    made = subprocess.run(
        [sys.executable, "-m", "plansite", "new-board", "--data", str(data), "--name",
         "Eastmoor Safeguarding Children Partnership", "--area", "Eastmoor", "--url",
         "https://plans.eastmoor-scp.org.uk"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    (starter,) = (data / "plans").glob("*.yml")
    before = yaml.safe_load(starter.read_text(encoding="utf-8"))
    tracker = excel_file(
        tmp_path / "tracker.xlsx",
        {
            "Online safety": [
                ["Ref", "Action", "Lead officer", "By when", "RAG", "Progress"],
                ["1.1", "Refresh the online safety strategy", "PPPG", "Mar-27", {"fill": "92D050"}, "Update Sep 26: Draft agreed"],
                ["1.2", "Survey pupils about online harm", "PPG", "Jun-27", {"fill": "FFC000"}, "Update Sep 26: Survey written"],
            ],
            "Neglect": [
                ["Ref", "Action", "Lead officer", "By when", "RAG", "Progress"],
                ["1.1", "Launch the neglect toolkit", "TWFD", "Dec-26", "Red", "Update Aug 26: Launch delayed"],
            ],
        },
    )  # fmt: skip
    # the command `make import FILE=tracker.xlsx PLAN=<id> FORCE=1 DATA=<folder>` runs
    imported = subprocess.run(
        [sys.executable, "-m", "plansite.office", str(tracker), starter.stem, "--data",
         str(data), "--force"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Found 2 priorities, 0 issues, 3 actions and 3 dated updates." in imported.stdout
    plan = yaml.safe_load(starter.read_text(encoding="utf-8"))
    # the starter's plan, never edited, is replaced: none of its example words are kept
    assert f"Replaced {starter}, the starter's example plan (never edited)" in imported.stdout
    assert plan["current"] is True and plan["statuses"] == "rag"
    assert before["priorities"][0]["young_people"]
    assert "young_people" not in plan["priorities"][0]
    result = run_build(data, tmp_path / "site", pdfs=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "downloads" / f"{starter.stem}.docx").is_file()


NEW_FORMAT_PLAN = """\
id: tracker
title: Tracker 2026
statuses: brag
priorities:
  - ref: "1"
    title: Online safety
    issues:
      - ref: "1"
        title: Schools keep pupils safe online
        actions:
          - ref: a
            title: Audit school policies
            leads: [PPPG, "Head of Education, Safeguarding"]
            due: Mar-26
            due_was: [Dec-25]
            status: On track
            progress: |
              Schools were asked for their policies.

              - primary schools
              - secondary schools
            updates:
              - date: 2026-01
                text: 40 of 52 policies **received**.
                status: amber
          - leads: [TWFD]
            due: Jun-26
    actions:
      - ref: b
        title: Survey pupils
        due: Sep-26
        new: 2026-02
  - ref: "2"
    title: Neglect
    actions:
      - ref: a
        title: Launch the toolkit
        status: B
        updates:
          - date: 2026-02-14
            text: Launched at the conference.
"""


def test_round_trip_of_the_new_format(tmp_path: Path) -> None:
    """Presets, statuses as words, refs restarting in each priority, a sub-row with no title,
    undated progress with a list, NEW markers and a struck-out due date all come back."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "plans" / "tracker.yml").write_text(NEW_FORMAT_PLAN, encoding="utf-8")
    plan = next(p for p in load_board_data(data).plans if p.id == "tracker")
    document = tmp_path / "tracker.docx"
    document.write_bytes(plan_docx(plan))
    assert main([str(document), "again", "--data", str(data)]) == 0
    again = next(p for p in load_board_data(data).plans if p.id == "again")
    for before, after in zip(plan.priorities, again.priorities, strict=True):
        assert [_facts(again, a) for a in after.all_actions] == [
            _facts(plan, a) for a in before.all_actions
        ]
    sub_row = again.priorities[0].issues[0].actions[1]
    # due Jun-26, worded as the site words it
    assert (sub_row.has_own_title, sub_row.leads, sub_row.due) == (False, ["TWFD"], "June 2026")
    assert again.actions[0].progress == plan.actions[0].progress
