"""`make import`: Word, Excel and CSV plans in the shapes boards use, read into plan data, with
every cell that finds no place reported by its table, row and column."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from plansite.office.__main__ import Stop, import_plan, main, read_document
from plansite.office.mapper import Outcome, all_actions, map_document
from plansite.office.report import report_lines
from tests.conftest import ROOT
from tests.office_docs import excel_file, excel_office_theme, word_file

HEADER = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]
RED, AMBER, GREEN = "#FF0000", "#FFC000", "#92D050"


def read(path: Path, plan_map: dict[str, str] | None = None, sheet: str | None = None) -> Outcome:
    return map_document(read_document(path, sheet), plan_map or {})


def report(outcome: Outcome, name: str) -> list[str]:
    return report_lines(outcome, name, None)


def actions(outcome: Outcome) -> list[dict[str, Any]]:
    return all_actions(outcome.plan)


def test_colour_only_rag_is_read_by_nearest_colour(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Refresh the neglect strategy", "PPPG", "Mar-26", {"fill": RED}, ""],
        ["2", "Audit neglect cases", "PPG", "Jun-26", {"fill": "#FFBF00"}, ""],
        ["3", "Train staff", "TWFD", "Sep-26", {"fill": "#00B050"}, ""],
        ["4", "Publish the toolkit", "TWFD", "Dec-26", {"fill": "#C00000"}, ""],
    ]
    outcome = read(word_file(tmp_path / "plan.docx", [("table", (rows, []))]))
    assert [a["status"] for a in actions(outcome)] == ["red", "amber", "green", "red"]
    assert outcome.plan["statuses"] == "rag"  # colours alone: the usual RAG preset
    lines = report(outcome, "plan.docx")
    assert "  Red (red): 0 by word, 2 by cell colour" in lines
    assert "  Amber (amber): 0 by word, 1 by cell colour" in lines
    assert "Every cell was placed." in lines


def test_highlighted_words_give_their_colour(tmp_path: Path) -> None:
    import docx
    from docx.enum.text import WD_COLOR_INDEX

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Ref", "Action", "Progress (RAG)"], strict=True):
        cell.text = text
    table.cell(1, 0).text, table.cell(1, 1).text = "1", "Do it"
    run = table.cell(1, 2).paragraphs[0].add_run("Update Mar 26: Toolkit launched")
    run.font.highlight_color = WD_COLOR_INDEX.BRIGHT_GREEN
    document.save(str(tmp_path / "p.docx"))
    outcome = read(tmp_path / "p.docx")
    (action,) = actions(outcome)
    assert (action["status"], action["updates"][0]["date"]) == ("green", "2026-03")
    assert [(e.key, e.by_colour) for e in outcome.statuses.entries] == [("green", 1)]


def test_status_words_and_the_key_line(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "One", "PPPG", "Mar-26", "On Target", ""],
        ["2", "Two", "PPPG", "Mar-26", "G", ""],
        ["3", "Three", "PPPG", "Mar-26", "Not yet completed but on-track", ""],
        ["4", "Four", "PPPG", "Mar-26", "Off Target", ""],
    ]
    parts = [("para", "Red: Off Target; Amber: On Target; Green: Complete"), ("table", (rows, []))]
    outcome = read(word_file(tmp_path / "plan.docx", parts))
    assert [a["status"] for a in actions(outcome)] == ["amber", "green", "amber", "red"]
    # the key's words, as the key writes them ("On Target", not the preset's "On target")
    assert [(s["key"], s["label"], s.get("done", False)) for s in outcome.plan["statuses"]] == [
        ("green", "Complete", True),
        ("amber", "On Target", False),
        ("red", "Off Target", False),
    ]
    assert [(e.key, e.label, e.by_word) for e in outcome.statuses.entries] == [
        ("red", "Off Target", 1), ("amber", "On Target", 2), ("green", "Complete", 1),
    ]  # fmt: skip


def test_merged_grouping_rows_start_priorities_and_issues(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["Priority 1: Keep children safe online", None, None, None, None, None],
        ["1.1", "Review the strategy", "PPPG", "Mar-26", "G", ""],
        ["Recommendation 3 (para 42): Improve supervision", None, None, None, None, None],
        ["3.1", "Audit supervision", "PPG", "Jun-26", "A", ""],
    ]
    merges = [(1, 0, 1, 5), (3, 0, 3, 5)]
    outcome = read(word_file(tmp_path / "plan.docx", [("table", (rows, merges))]))
    priorities = outcome.plan["priorities"]
    assert [(p["ref"], p["title"]) for p in priorities] == [
        ("1", "Keep children safe online"),
        ("3", "Improve supervision (para 42)"),
    ]
    assert [a["ref"] for a in priorities[0]["actions"]] == ["1.1"]
    # a theme row inside a priority named by a heading is an issue of that priority
    parts = [
        ("heading", "Priority 2: Neglect"),
        (
            "table",
            (
                [
                    HEADER,
                    ["Early help", *[None] * 5],
                    ["2.1", "Toolkit", "PPPG", "Mar-26", "G", ""],
                ],
                [(1, 0, 1, 5)],
            ),
        ),
    ]
    outcome = read(word_file(tmp_path / "heading.docx", parts))
    (priority,) = outcome.plan["priorities"]
    assert (priority["ref"], priority["title"]) == ("2", "Neglect")
    assert priority["issues"][0]["title"] == "Early help"
    assert [a["ref"] for a in priority["issues"][0]["actions"]] == ["2.1"]


def test_a_priority_heading_with_only_its_number_takes_the_sentence_below(tmp_path: Path) -> None:
    parts = [
        ("heading", "Key Priority 3"),
        ("para", "Strengthening the board's challenge of agencies' safeguarding"),
        ("para", "Agencies report to the board every year."),
        ("table", ([HEADER, ["1", "Audit", "PPG", "Jun-15", "G", ""]], [])),
        ("heading", "Key Priority 4"),
        ("para", "The board will focus on:"),
        ("table", ([HEADER, ["1", "Train", "TWFD", "Jun-15", "G", ""]], [])),
    ]
    outcome = read(word_file(tmp_path / "p.docx", parts))
    first, second = outcome.plan["priorities"]
    assert (first["ref"], first["title"]) == (
        "3",
        "Strengthening the board's challenge of agencies' safeguarding",
    )
    assert first["description"] == "Agencies report to the board every year."
    assert (second["ref"], second["title"], second["description"]) == (
        "4",
        "Key Priority 4",
        "The board will focus on:",
    )


def test_bold_lines_name_the_table_below_or_stay_in_the_text(tmp_path: Path) -> None:
    parts = [
        ("bold", "Safeguarding is everyone's business."),
        ("para", "Our plan for three years."),
        ("bold", "Exploitation"),
        ("table", ([HEADER, ["1", "Map hotspots", "CSE Group", "Mar-26", "A", ""]], [])),
        ("bold", "Neglect"),
        ("table", ([HEADER, ["1", "Launch toolkit", "PPPG", "Jun-26", "G", ""]], [])),
        ("bold", "Signed by the chair"),
    ]
    outcome = read(word_file(tmp_path / "p.docx", parts))
    assert (
        outcome.plan["introduction"]
        == "**Safeguarding is everyone's business.**\n\nOur plan for three years."
    )
    first, second = outcome.plan["priorities"]
    # headings with no number get none: the site numbers them only for their addresses
    assert (first.get("ref"), first["title"], second.get("ref"), second["title"]) == (
        None,
        "Exploitation",
        None,
        "Neglect",
    )
    # a line after the last table is a note of the plan, not the last priority's text
    assert "description" not in second
    assert outcome.plan["notes"] == ["Signed by the chair"]


def test_two_row_header_with_a_merged_group_heading(tmp_path: Path) -> None:
    rows = [
        ["Ref", "Action", "Lead", "Progress", None, "Due"],
        [None, None, None, "Update", "RAG", None],
        ["1", "Review the strategy", "PPPG", "Work started", {"fill": AMBER}, "Mar-26"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 4), (0, 5, 1, 5)]
    outcome = read(word_file(tmp_path / "plan.docx", [("table", (rows, merges))]))
    (action,) = actions(outcome)
    assert action == {
        "ref": "1",
        "title": "Review the strategy",
        "leads": ["PPPG"],
        "due": "Mar-26",
        "status": "amber",
        "progress": "Work started",
    }
    assert outcome.mapping[0][1] == {
        "Ref": "ref", "Action": "title", "Lead": "leads", "Update": "progress", "RAG": "status",
        "Due": "due",
    }  # fmt: skip


def test_progress_history_becomes_dated_updates(tmp_path: Path) -> None:
    progress = {
        "paras": [
            [("Action plan in place and monitored by the group.", {})],
            [
                ("Update Dec 15:", {"bold": True}),
                (" Draft shared with ", {}),
                ("schools", {"italic": True}),
                (".", {}),
            ],
            [("Report went to the board.", {})],
            [("March 2016: Approved. Update June 16: Launched; RAG A", {})],
            [("The plan was updated in May 2016 and shared.", {})],
            [("Dec 2016 – Reviewed by the PPPG.\vQ3 2017: Embedded in training.", {})],
        ]
    }
    rows = [HEADER, ["1", "Review the strategy", "PPPG", "Mar-16", None, progress]]
    outcome = read(word_file(tmp_path / "plan.docx", [("table", (rows, []))]))
    (action,) = actions(outcome)
    assert action["progress"] == "Action plan in place and monitored by the group."
    assert action["updates"] == [
        {"date": "2015-12", "text": "Draft shared with *schools*.\n\nReport went to the board."},
        {"date": "2016-03", "text": "Approved."},
        {
            "date": "2016-06",
            "text": "Launched; RAG A\n\nThe plan was updated in May 2016 and shared.",
            "status": "amber",
        },
        {"date": "2016-12", "text": "Reviewed by the PPPG."},
        {"date": "2017-12", "text": "Embedded in training."},
    ]
    assert action["status"] == "amber"  # the status cell is empty: the newest rated update's


def test_cells_merged_down_give_their_lead_and_due_to_each_row_but_start_one_issue(
    tmp_path: Path,
) -> None:
    rows = [
        ["Issue", "Action", "Lead", "Due", "Progress"],
        ["1. Supervision", "Audit supervision", "PPPG", "Mar-26", "Update Jan 26: Started"],
        [None, "Train managers", None, None, "Update Feb 26: Booked"],
        [None, "Report to the board", "Chair", "Jun-26", None],
    ]
    merges = [(1, 0, 3, 0), (1, 2, 2, 2), (1, 3, 2, 3)]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, merges))]))
    (issue,) = outcome.plan["priorities"][0]["issues"]
    assert [
        (a["title"], a["leads"], a["due"], len(a.get("updates", []))) for a in issue["actions"]
    ] == [
        ("Audit supervision", ["PPPG"], "Mar-26", 1),
        ("Train managers", ["PPPG"], "Mar-26", 1),
        ("Report to the board", ["Chair"], "Jun-26", 0),
    ]
    assert outcome.unplaced == []


def test_excel_cells_merged_down(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Issue", "Action", "Lead", "Due"])
    sheet.append(["Supervision", "Audit supervision", "PPPG", "Mar-26"])
    sheet.append([None, "Train managers", None, None])
    sheet.append(["Supervision", "Report", "PPPG", None])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("C2:C3")
    book.save(tmp_path / "p.xlsx")
    outcome = read(tmp_path / "p.xlsx")
    (issue,) = outcome.plan["priorities"][0]["issues"]
    assert [(a["title"], a["leads"]) for a in issue["actions"]] == [
        ("Audit supervision", ["PPPG"]),
        ("Train managers", ["PPPG"]),
        ("Report", ["PPPG"]),
    ]


def test_struck_due_new_markers_several_leads_and_bullets(tmp_path: Path) -> None:
    due = {"paras": [[("Mar-16", {"strike": True})], [("Sep-16", {})]]}
    title = {
        "paras": [
            [("NEW", {"bold": True}), (" Ensure the audit covers:", {})],
            [("• online safety", {})],
            [("• pupil views", {})],
        ]
    }
    rows = [
        HEADER,
        ["1a", title, "PPPG\n\nHead of Education", due, "A", ""],
        ["New – added Jan 16", "Review the protocol", "PPG", "Dec 16", "A", ""],
        ["3", "NEW Ensure 2016 audits cover pupils", "PPG", "Dec 16", "A", ""],
        ["4", "NEW (March 2016) Publish the guide", "PPG", "Dec 16", "A", ""],
    ]
    outcome = read(word_file(tmp_path / "plan.docx", [("table", (rows, []))]))
    first, second, third, fourth = actions(outcome)
    assert (third["title"], third["new"]) == ("Ensure 2016 audits cover pupils", "true")
    assert (fourth["title"], fourth["new"]) == ("Publish the guide", "2016-03")
    assert first["due"] == "Sep-16" and first["due_was"] == ["Mar-16"]
    assert first["new"] == "true"
    assert first["title"] == "Ensure the audit covers:\n\n- online safety\n- pupil views"
    assert first["leads"] == ["PPPG", "Head of Education"]
    assert second["new"] == "2016-01" and "ref" not in second


def test_continuation_rows_become_milestones_and_issue_column_groups_sub_rows(
    tmp_path: Path,
) -> None:
    rows = [
        ["Issue", "Sub group or Lead", "Actions for 2015-16", "Completion Date", "Progress (RAG)"],
        [
            "1. Gather assurance on e-safety",
            "PPPG",
            "Review the strategy",
            "End of Nov 15",
            {"text": "Update Dec 15: Approved", "fill": GREEN},
        ],
        [
            None,
            "PPPG",
            "Check school audits",
            "Dec 16",
            {"text": "Update June 16: On agenda", "fill": AMBER},
        ],
        [None, None, None, "Mar 17", "Second audit done"],
        [None, None, None, None, None],
        ["NEW 3a. Monitor the MASH", "MASH Board", "MASH review report", "Mar-18", ""],
    ]
    outcome = read(word_file(tmp_path / "plan.docx", [("table", (rows, []))]))
    (priority,) = outcome.plan["priorities"]
    first, second = priority["issues"]
    assert (first["ref"], first["title"]) == ("1", "Gather assurance on e-safety")
    assert [a["title"] for a in first["actions"]] == ["Review the strategy", "Check school audits"]
    assert [a["status"] for a in first["actions"]] == ["green", "amber"]
    assert first["actions"][1]["milestones"] == [{"due": "Mar 17", "result": "Second audit done"}]
    assert (second["ref"], second["new"]) == ("3a", "true")
    assert outcome.rows == 4  # the blank spacer row is not counted


def test_brag_colours_own_words_and_an_issue_row_with_no_action(tmp_path: Path) -> None:
    rows = [
        ["Issue", "Action", "Lead", "Due", "BRAG"],
        ["1. Supervision", None, "PPPG", "Mar-26", {"fill": "#00B0F0"}],
        [None, "Audit supervision", "PPG", "Jun-26", "Not started"],
        [None, "Train managers", "TWFD", "Sep-26", "Moved to the 2026 plan"],
    ]
    outcome = read(word_file(tmp_path / "plan.docx", [("table", (rows, []))]))
    (issue,) = outcome.plan["priorities"][0]["issues"]
    assert issue["title"] == "Supervision"
    assert [a.get("title") for a in issue["actions"]] == [
        None,
        "Audit supervision",
        "Train managers",
    ]
    assert [a["status"] for a in issue["actions"]] == ["blue", "grey", "moved-to-the-2026"]
    assert outcome.plan["statuses"] == [
        # BRAG's blue is complete by convention (the brag preset says so too)
        {"key": "blue", "label": "Blue", "colour": "#1d70b8", "done": True},
        {"key": "grey", "label": "Not started", "colour": "#b1b4b6"},
        {
            "key": "moved-to-the-2026",
            "label": "Moved to the 2026 plan",
            "colour": "#b1b4b6",
            "closed": True,
        },
    ]


def test_theme_column_an_unnamed_ref_column_and_repeated_heading_rows(tmp_path: Path) -> None:
    heading = ["Theme", None, "Action", "Who", "When", "What we are trying to achieve"]
    first = [
        heading,
        [
            "1. Leadership and Governance",
            "1.1",
            "Review members' needs",
            "Chair",
            "December 2015",
            "Members know their roles",
        ],
        [None, "1.2", "Hold one to one meetings", "Chair", "December 2015", None],
    ]
    second = [
        heading,
        [None, "1.3", "Endorse the CLA strategy", "Business Group", "August 2015", None],
        [
            "2. Early Help",
            "2.1",
            "Use the maturity matrix",
            "Early Help Subgroup",
            "June 2014",
            "Better outcomes",
        ],
    ]
    parts = [("table", (first, [(1, 0, 2, 0)])), ("table", (second, []))]
    outcome = read(word_file(tmp_path / "p.docx", parts))
    assert [
        (p.get("ref"), p["title"], [a["ref"] for a in p["actions"]])
        for p in outcome.plan["priorities"]
    ] == [
        ("1", "Leadership and Governance", ["1.1", "1.2", "1.3"]),
        ("2", "Early Help", ["2.1"]),
    ]
    assert outcome.plan["priorities"][0]["actions"][0]["outcome"] == "Members know their roles"
    assert outcome.mapping[0][1]["(column 2, no heading)"] == "ref"
    assert outcome.unplaced == []


def test_several_sheets_a_key_sheet_and_excel_dates(tmp_path: Path) -> None:
    from datetime import datetime

    sheet = ["Ref", "Action", "Lead officer", "Target date", "BRAG"]
    path = excel_file(
        tmp_path / "plan.xlsx",
        {
            "Neglect": [
                sheet,
                [
                    "1",
                    "Toolkit",
                    "PPPG",
                    {"value": datetime(2016, 3, 31), "format": "mmm-yy"},
                    {"fill": "0070C0"},
                ],
            ],
            "Online": [
                sheet,
                ["1", "Strategy", "PPG", "March 2016", "Green"],
                [],
                [
                    "2",
                    "Audit",
                    "PPG",
                    {"value": datetime(2016, 6, 30), "format": "dd/mm/yyyy"},
                    "R",
                ],
            ],
            "Key": [
                ["Blue", "Complete and embedded", "Yes"],
                ["Green", "On track"],
                ["Red", "Off track"],
            ],
            "Notes": [["Written by", "the business manager"]],
        },
    )
    outcome = read(path)
    assert [p["title"] for p in outcome.plan["priorities"]] == ["Neglect", "Online"]
    assert [(a["ref"], a["due"], a["status"]) for a in actions(outcome)] == [
        ("1", "March 2016", "blue"),
        ("1", "March 2016", "green"),
        ("2", "30 June 2016", "red"),
    ]
    statuses = outcome.plan["statuses"]
    assert statuses[0] == {
        "key": "blue",
        "label": "Complete and embedded",
        "colour": "#1d70b8",
        "done": True,
    }
    assert [s["label"] for s in statuses] == ["Complete and embedded", "On track", "Off track"]
    lines = report(outcome, "plan.xlsx")
    assert (
        "  plan.xlsx: sheet Notes, row 1, column 1 (no heading): its table has no plan columns: Written by"
        in lines
    )
    only = read(path, sheet="Online")
    assert [a["title"] for a in actions(only)] == ["Strategy", "Audit"]
    assert only.skipped_sheets == ["Neglect", "Notes"]


def test_one_sheet_with_a_priority_column_and_milestones_in_one_cell(tmp_path: Path) -> None:
    path = excel_file(
        tmp_path / "plan.xlsx",
        {
            "Tracker": [
                ["Theme", "Ref", "Action", "Lead", "Due", "RAG"],
                ["Neglect", "1", "Toolkit", "PPPG", "Dec 25 – first draft\nMar 26 – launch", "G"],
                ["Neglect", "2", "Audit", "PPG", "Jun-26", "A"],
                ["Online safety", "1", "Strategy", "PPG", "Sep-26", "R"],
            ]
        },
    )
    outcome = read(path)
    assert [
        (p.get("ref"), p["title"], [a["ref"] for a in p["actions"]])
        for p in outcome.plan["priorities"]
    ] == [
        (None, "Neglect", ["1", "2"]),  # a theme column names priorities with no number
        (None, "Online safety", ["1"]),
    ]
    toolkit = outcome.plan["priorities"][0]["actions"][0]
    assert toolkit["due"] == "Mar 26 – launch"
    assert toolkit["milestones"] == [
        {"due": "Dec 25", "what": "first draft"},
        {"due": "Mar 26", "what": "launch"},
    ]


def test_word_text_is_cleaned(tmp_path: Path) -> None:
    title = "Review\u00a0the\u200b “strategy”  \u2013 now"
    rows = [HEADER, ["1", title, "PPPG", "Mar-26", "A", ""]]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert actions(outcome)[0]["title"] == "Review the “strategy” – now"


def test_excel_theme_and_palette_fills(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill
    from openpyxl.styles.colors import Color

    book = Workbook()
    book.loaded_theme = excel_office_theme()  # the theme Excel saves: accent 6 is green
    sheet = book.active
    sheet.append(["Ref", "Action", "RAG"])
    fills = [Color(theme=9), Color(theme=5, tint=0.4), Color(indexed=10)]  # green, orange, red
    for ref, colour in enumerate(fills, start=1):
        sheet.append([str(ref), f"Action {ref}", None])
        sheet.cell(ref + 1, 3).fill = PatternFill("solid", fgColor=colour)
    book.save(tmp_path / "p.xlsx")
    outcome = read(tmp_path / "p.xlsx")
    assert [a["status"] for a in actions(outcome)] == ["green", "amber", "red"]


def test_excel_heading_rows_alone_in_the_first_column(tmp_path: Path) -> None:
    path = excel_file(
        tmp_path / "p.xlsx",
        {
            "Plan": [
                ["Ref", "Action", "Lead", "Due"],
                ["1. Leadership and governance"],
                ["1.1", "Review members' needs", "Chair", "Dec 15"],
                ["Early help"],
                ["2.1", "Use the maturity matrix", "EH Subgroup", "Jun 16"],
                ["2.2"],
            ]
        },
    )
    outcome = read(path)
    assert [
        (p.get("ref"), p["title"], [a["ref"] for a in p["actions"]])
        for p in outcome.plan["priorities"]
    ] == [
        ("1", "Leadership and governance", ["1.1"]),
        (None, "Early help", ["2.1", "2.2"]),  # its heading has no number: none is invented
    ]


def test_a_column_per_quarter(tmp_path: Path) -> None:
    path = excel_file(
        tmp_path / "p.xlsx",
        {
            "Plan": [
                ["Updated: December 2016"],
                [
                    "Ref",
                    "Action",
                    "Q1 update",
                    "Q1 RAG",
                    "Q2 update",
                    "Q2 RAG",
                    "Q3 update",
                    "Q3 RAG",
                ],
                ["1", "Toolkit", "Drafted", "A", "Piloted in two teams", "A", "Launched", "G"],
                ["2", "Audit", "Planned", "A", "Delayed by the inspection", "R", None, None],
            ]
        },
    )
    outcome = read(path)
    first, second = actions(outcome)
    assert first["status"] == "green" and second["status"] == "red"
    assert first["updates"] == [
        {"date": "2016-06", "text": "Drafted", "status": "amber"},
        {"date": "2016-09", "text": "Piloted in two teams", "status": "amber"},
        {"date": "2016-12", "text": "Launched"},
    ]
    assert outcome.unplaced == []


def test_csv_and_a_mapping_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(
        "No.,Task,Owner,Deadline,Rating,Notes\n1,Do it,PPPG,Mar-26,A,Started\n", encoding="utf-8"
    )
    outcome = read(path)
    assert actions(outcome) == [
        {"ref": "1", "title": "Do it", "leads": ["PPPG"], "due": "Mar-26", "status": "amber"}
    ]
    assert outcome.unplaced[0].column == 6
    mapped = read(path, {"Notes": "progress"})
    assert actions(mapped)[0]["progress"] == "Started"


# --- every kind of cell that finds no place is reported with its table, row and column ---------


def unplaced_lines(outcome: Outcome, name: str) -> list[str]:
    lines = report(outcome, name)
    return [line for line in lines if line.startswith(f"  {name}:")]


def test_not_placed_unknown_column(tmp_path: Path) -> None:
    rows = [[*HEADER, "Budget code"], ["1", "Do it", "PPPG", "Mar-26", "A", "", "X12"]]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 1, row 2, column 7 ('Budget code'): its column has no heading the import knows: X12"
    ]


def test_not_placed_second_column_for_the_same_field(tmp_path: Path) -> None:
    rows = [[*HEADER, "Status"], ["1", "Do it", "PPPG", "Mar-26", "A", "", "Amber"]]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 1, row 2, column 7 ('Status'): another column already gives this: Amber"
    ]


def test_impact_brag_column_coloured_by_shading(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Measure", "Impact BRAG"],
        ["1", "Do it", "PPPG", "Mar-26", {"fill": GREEN}, "", "Fewer re-referrals", {"fill": RED}],
        ["2", "Train", "TWFD", "Jun-26", {"fill": AMBER}, "", "Audit scores", {"fill": "#00B0F0"}],
        ["3", "Audit", "PPG", "Sep-26", {"fill": AMBER}, "", "Case file audit", ""],
    ]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert [(a["status"], a.get("impact")) for a in actions(outcome)] == [
        ("green", "red"),
        ("amber", "blue"),
        ("amber", None),
    ]
    assert outcome.mapping[0][1]["Impact BRAG"] == "impact"
    lines = report(outcome, "p.docx")
    assert (
        "2 action(s) have an impact rating (their measure's own status, `impact:`); "
        "the statuses below count them too." in lines
    )
    assert "  Red (red): 0 by word, 1 by cell colour" in lines
    assert "  Blue (blue): 0 by word, 1 by cell colour" in lines
    assert "Every cell was placed." in lines


def test_impact_rag_column_in_words(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Impact RAG"],
        ["1", "Do it", "PPPG", "Mar-26", "On Target", "", "Not on track"],
        ["2", "Train", "TWFD", "Jun-26", "A", "", "On target"],
        ["3", "Audit", "PPG", "Sep-26", "A", "", "g"],
    ]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert [(a["status"], a["impact"]) for a in actions(outcome)] == [
        ("green", "red"),
        ("amber", "green"),
        ("amber", "green"),
    ]
    assert "Every cell was placed." in report(outcome, "p.docx")


def test_not_placed_impact_rating_that_names_no_status(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Impact"],
        ["1", "Do it", "PPPG", "Mar-26", "A", "", "Fewer repeat referrals"],
    ]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert "impact" not in actions(outcome)[0]
    assert [e.key for e in outcome.statuses.entries] == ["amber"]
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 1, row 2, column 7 ('Impact'): its words name no status of the plan (an impact rating is a status word or the cell's colour): Fewer repeat referrals"
    ]


def test_not_placed_text_above_the_heading_row(tmp_path: Path) -> None:
    rows = [
        ["Neglect Action Tracker", None],
        ["Updated: June 2026", None],
        ["Owner: J Smith", "Version 3"],
        HEADER,
        ["1", "Do it", "PPPG", "Mar-26", "A", ""],
    ]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert (outcome.plan["title"], outcome.plan["as_at"]) == ("Neglect Action Tracker", "2026-06")
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 1, row 3, column 1 (no heading): it comes before the table's heading row: Owner: J Smith",
        "  p.docx: table 1, row 3, column 2 (no heading): it comes before the table's heading row: Version 3",
    ]


def test_a_merged_title_row_above_an_excel_heading_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Safeguarding Partnership Business Plan Tracker"])
    sheet.merge_cells("A1:D1")
    sheet.append(["Ref", "Action", "Lead", "Due"])
    sheet.append(["1", "Do it", "PPPG", "Mar-26"])
    book.save(tmp_path / "p.xlsx")
    outcome = read(tmp_path / "p.xlsx")
    assert outcome.plan["title"] == "Safeguarding Partnership Business Plan Tracker"
    assert [a["ref"] for a in actions(outcome)] == ["1"]
    assert outcome.unplaced == []


def test_a_table_broken_across_pages_keeps_its_columns_and_issue(tmp_path: Path) -> None:
    first = [
        ["Issue", *HEADER],
        ["1. Online safety", "1a", "Strategy", "PPPG", "Mar-26", "G", ""],
        ["Issue", *HEADER],  # pasted from the next page
        [None, "1c", "Report", "Chair", "Mar-26", "G", ""],
    ]
    second = [[None, "1b", "Audit", "PPG", "Jun-26", "A", ""]]
    parts = [("table", (first, [])), ("para", "(continued)"), ("table", (second, []))]
    outcome = read(word_file(tmp_path / "p.docx", parts))
    (issue,) = outcome.plan["priorities"][0]["issues"]
    assert [a["ref"] for a in issue["actions"]] == ["1a", "1c", "1b"]
    assert outcome.unplaced == []


def test_not_placed_continuation_with_no_action_above(tmp_path: Path) -> None:
    rows = [HEADER, [None, None, None, "Mar-26", None, "Waiting"]]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 1, row 2, column 4 (no heading): there is no action above it to add it to: Mar-26",
        "  p.docx: table 1, row 2, column 6 (no heading): there is no action above it to add it to: Waiting",
    ]


def test_not_placed_table_with_no_plan_columns(tmp_path: Path) -> None:
    members = [["Agency", "Role"], ["Police", "Detective Inspector"]]
    parts = [
        ("table", ([HEADER, ["1", "Do it", "PPPG", "Mar-26", "A", ""]], [])),
        ("table", (members, [])),
    ]
    outcome = read(word_file(tmp_path / "p.docx", parts))
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 2, row 1, column 1 (no heading): its table has no plan columns: Agency",
        "  p.docx: table 2, row 1, column 2 (no heading): its table has no plan columns: Role",
        "  p.docx: table 2, row 2, column 1 (no heading): its table has no plan columns: Police",
        "  p.docx: table 2, row 2, column 2 (no heading): its table has no plan columns: Detective Inspector",
    ]


def test_not_placed_formula_never_saved_by_excel(tmp_path: Path) -> None:
    path = excel_file(
        tmp_path / "p.xlsx",
        {"Plan": [["Ref", "Action", "Due"], ["1", "Do it", '=TEXT(TODAY(),"mmm-yy")']]},
    )
    outcome = read(path)
    assert unplaced_lines(outcome, "p.xlsx") == [
        "  p.xlsx: sheet Plan, row 2, column 3 ('Due'): it is a formula whose value Excel never saved (open the file in Excel and save it): "
    ]


def test_an_update_date_column_dates_the_progress_beside_it(tmp_path: Path) -> None:
    rows = [
        ["Ref", "Action", "Progress", "Update date"],
        ["1", "Do it", "Draft agreed", "March 2026"],
        ["2", "Do that", None, "April 2026"],
    ]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    first, second = actions(outcome)
    assert first["updates"] == [{"date": "2026-03", "text": "Draft agreed"}]
    assert "updates" not in second
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 1, row 3, column 4 ('Update date'): there is no undated progress beside it for it to date: April 2026"
    ]


def test_not_placed_second_status_in_a_continuation_row(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Do it", "PPPG", "Mar-26", "A", ""],
        [None, None, None, None, "G", "More work"],
    ]
    outcome = read(word_file(tmp_path / "p.docx", [("table", (rows, []))]))
    (action,) = actions(outcome)
    assert (action["status"], action["progress"]) == ("amber", "More work")
    assert unplaced_lines(outcome, "p.docx") == [
        "  p.docx: table 1, row 3, column 5 ('RAG'): the action above already has a status: G"
    ]


def test_not_placed_history_row_for_an_unknown_action(tmp_path: Path) -> None:
    history = [["Priority", "Ref", "Update date", "Update"], ["1", "9.9", "March 2026", "Done"]]
    parts = [
        ("table", ([HEADER, ["1", "Do it", "PPPG", "Mar-26", "A", ""]], [])),
        ("table", (history, [])),
    ]
    outcome = read(word_file(tmp_path / "p.docx", parts))
    assert unplaced_lines(outcome, "p.docx")[:2] == [
        "  p.docx: table 2, row 2, column 1 ('Priority'): no action in the plan has this ref: 1",
        "  p.docx: table 2, row 2, column 2 ('Ref'): no action in the plan has this ref: 9.9",
    ]


# --- the command ------------------------------------------------------------------------------


@pytest.fixture
def board(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def plan_doc(tmp_path: Path, status: str, next_quarter: bool = False) -> Path:
    progress = "Update Jan 26: Draft agreed" + (
        "\n\nUpdate Mar 26: Launched" if next_quarter else ""
    )
    last = (
        ["1.3", "Survey pupils", "PPG", "Sep-26", "A", ""]
        if next_quarter
        else ["1.2", "Audit schools", "PPG", "Jun-26", "A", ""]
    )
    rows = [
        HEADER,
        ["Priority 1: Online safety", *[None] * 5],
        ["1.1", "Review the strategy", "PPPG", "Mar-26", status, progress],
        last,
    ]
    parts = [
        ("title", "Imported Plan 2026"),
        ("para", "Updated March 2026"),
        ("table", (rows, [(1, 0, 1, 5)])),
    ]
    return word_file(tmp_path / f"plan-{status}.docx", parts)


def test_import_refuses_to_overwrite_then_reports_changes(
    tmp_path: Path, board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(plan_doc(tmp_path, "A")), "imported", "--data", str(board)]) == 0
    written = yaml.safe_load((board / "plans" / "imported.yml").read_text(encoding="utf-8"))
    assert written["priorities"][0]["actions"][0]["ref"] == "1.1"
    assert "The data check passed." in capsys.readouterr().out
    with pytest.raises(Stop, match=r"this plan already exists.*FORCE=1"):
        import_plan(plan_doc(tmp_path, "G"), "imported", board, False, None, None)
    assert (
        main([str(plan_doc(tmp_path, "G", True)), "imported", "--data", str(board), "--force"]) == 0
    )
    out = capsys.readouterr().out
    assert (
        "Changes from the plan that was there before:\n  added: 1: 1.3 (table 1, row 4)\n"
        "  removed (no longer in the document): 1: 1.2\n"
        "  table 1, row 3, column 5 (RAG): At risk -> On track (action 1: 1.1)\n"
        "  1 new dated update(s): 1: 1.1 (1, table 1, row 3, column 6 (Progress))\n"
    ) in out
    # what was added by hand after the first import stays
    plan_file = board / "plans" / "imported.yml"
    text = plan_file.read_text(encoding="utf-8")
    text = text.replace("    title: Online safety\n", "    title: Online safety\n    owner: PPPG\n")
    text = text.replace('      - ref: "1.1"\n', '      - ref: "1.1"\n        related: ["1.3"]\n')
    plan_file.write_text(text, encoding="utf-8")
    # the same document again: nothing changed
    assert (
        main([str(plan_doc(tmp_path, "G", True)), "imported", "--data", str(board), "--force"]) == 0
    )
    assert (
        "  no actions added or removed, no status changes, no other changes to the actions' "
        "cells, no new updates" in capsys.readouterr().out
    )
    again = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    assert again["priorities"][0]["owner"] == "PPPG"
    assert again["priorities"][0]["actions"][0]["related"] == ["1.3"]


def test_a_wrong_field_in_the_mapping_file_is_named(
    tmp_path: Path, board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "map.yml"
    mapping.write_text("columns:\n  Notes: progres\n", encoding="utf-8")
    assert (
        main(
            [str(plan_doc(tmp_path, "A")), "imported", "--data", str(board), "--map", str(mapping)]
        )
        == 1
    )
    assert capsys.readouterr().err == (
        f"{mapping}:1: `Notes: progres`: `progres` is not a field; use one of ref, title, issue, "
        "priority, group, leads, due, status, progress, outcome, measure, children_will_say, impact, source, update_date, ignore\n"
    )
    assert not (board / "plans" / "imported.yml").exists()


def test_import_of_a_corrupt_file_says_so_in_words(
    tmp_path: Path, board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"not a zip file")
    assert main([str(bad), "imported", "--data", str(board)]) == 1
    assert capsys.readouterr().err == (
        f"{bad}: this file cannot be read as a Word document (.docx) (it is not a Word document, "
        "or it is password-protected). Open it in Word, save it again as a Word document "
        "(.docx), and run the import again.\n"
    )
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
    assert main([str(damaged), "imported", "--data", str(board)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"{damaged}: this file cannot be read as an Excel workbook (.xlsx) (it is damaged: "
    )
    assert "Traceback" not in err
    old = tmp_path / "plan.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main([str(old), "imported", "--data", str(board)]) == 1
    assert capsys.readouterr().err == (
        f"{old}: the import reads .docx (Word), .xlsx (Excel) and .csv files; save the plan in "
        "one of these formats.\n"
    )
    book = excel_file(
        tmp_path / "book.xlsx", {"Plan": [["Ref", "Action"]], "Key": [["Red", "Late"]]}
    )
    assert main([str(book), "imported", "--data", str(board), "--sheet", "Actions"]) == 1
    assert "(no sheet named `Actions`; its sheets are: Plan, Key)" in capsys.readouterr().err
    assert main([str(tmp_path / "missing.docx"), "imported", "--data", str(board)]) == 1
    assert (
        capsys.readouterr().err
        == f"{tmp_path / 'missing.docx'}: file not found; check the name and the folder.\n"
    )
    assert main([str(book), "Bad Id", "--data", str(board)]) == 1
    assert capsys.readouterr().err.startswith("PLAN=Bad Id: a plan id is lower-case letters")
    empty = word_file(tmp_path / "empty.docx", [("para", "Nothing here yet")])
    assert main([str(empty), "imported", "--data", str(board)]) == 1
    assert capsys.readouterr().err.startswith(f"{empty}: no table with plan columns was found")
    assert not (board / "plans" / "imported.yml").exists()


def test_the_maintainers_page_lists_every_heading_word() -> None:
    from plansite.office.words import HEADINGS

    page = (ROOT / "docs" / "maintainers" / "import.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().split(" ")[0]: line.split("|")[2]
        for line in page.splitlines()
        if line.startswith("| ") and line.count("|") == 3
    }
    for name, words in HEADINGS.items():
        listed = [w.strip() for w in rows[name].split("(")[0].split(",")]
        assert listed == words, name


@pytest.mark.parametrize(
    "text",
    [
        "NO", "yes", "1.10", "2016-03-31", "Update: done", "a # not a comment", "- a list?",
        "**Bold** start", "'quoted'", '"double"', "50% done", "@someone", "ends with colon:",
        "line one\n\n- item\n- item: two", "  leading spaces", "trailing space ", "[1, 2]",
        "{a: b}", "Tab\there", "back\\slash", "é “smart” – dash", "!important", "|pipe", ">fold",
        "x: y\nz", "ref, with comma",
    ],
)  # fmt: skip
def test_yaml_writer_keeps_every_text_as_written(text: str, tmp_path: Path) -> None:
    from plansite.office.yaml_out import plan_yaml
    from plansite.read.problems import Problems
    from plansite.read.yamlfile import read_yaml

    plan = {
        "id": "x",
        "title": text,
        "priorities": [
            {"ref": text, "title": "t", "actions": [{"leads": [text, "b"], "progress": text}]}
        ],
    }
    path = tmp_path / "x.yml"
    path.write_text(plan_yaml(plan), encoding="utf-8")
    problems = Problems()
    doc = read_yaml(path, problems)
    assert not problems and doc is not None
    action = doc.data["priorities"][0]["actions"][0]
    assert (doc.data["title"], doc.data["priorities"][0]["ref"]) == (text, text)
    assert action["leads"] == [text, "b"]
    assert action["progress"] == text


def test_the_whole_report(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Notes"],
        [
            "1",
            "Review the strategy",
            "PPPG",
            "Mar-26",
            {"fill": GREEN},
            "Update Jan 26: Agreed",
            "Call J",
        ],
        ["2", "Audit schools", "PPG", "Jun-26", "On Target", "", ""],
    ]
    parts = [
        ("title", "Business Plan 2025 to 2028"),
        ("para", "Red: Off Target; Amber: On Target; Green: Complete"),
        ("heading", "Priority 1: Online safety"),
        ("para", "Children are safe online."),
        ("table", (rows, [])),
    ]
    outcome = read(word_file(tmp_path / "plan.docx", parts))
    assert report(outcome, "plan.docx") == [
        "Read 1 table(s) and 2 row(s) from plan.docx.",
        "Found 1 priorities, 0 issues, 2 actions and 1 dated updates.",
        "1 paragraph(s) of text outside tables went into the plan's introduction and the priorities' descriptions.",
        "Columns used (a mapping file, PLAN_MAP=map.yml, changes them):",
        "  table 1: 'Ref' -> ref; 'Action' -> title; 'Lead' -> leads; 'Due' -> due; 'RAG' -> status; 'Progress' -> progress",
        "Statuses found:",
        "  Off Target (red): 0 by word, 0 by cell colour",
        "  On Target (amber): 1 by word, 0 by cell colour",
        "  Complete (green): 0 by word, 1 by cell colour",
        "  the document's status key named: Off Target, On Target, Complete",
        "Not placed (1): these cells are not in the plan; add them by hand, or name their column in a mapping file:",
        "  plan.docx: table 1, row 2, column 7 ('Notes'): its column has no heading the import knows: Call J",
    ]
    assert [s["label"] for s in outcome.plan["statuses"]] == ["Complete", "On Target", "Off Target"]


def test_import_says_which_plan_the_site_shows_first(
    tmp_path: Path, board: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A board started with `make new-board` keeps its example plan current: the import says so,
    and how to show the imported plan instead."""
    (current,) = [p for p in (board / "plans").glob("*.yml") if "current: true" in p.read_text()]
    assert main([str(plan_doc(tmp_path, "A")), "imported", "--data", str(board)]) == 0
    target = board / "plans" / "imported.yml"
    assert capsys.readouterr().out.endswith(
        f"The data check passed.\nThe site shows {current} first, because it has `current: true`. "
        f"To show the imported plan first, move `current: true` to {target} (or delete {current} "
        "if it is the starter's example plan).\n"
    )


def test_a_re_import_keeps_hand_added_impact_only_when_the_document_rates_none() -> None:
    from plansite.office.changes import keep_hand_edits

    def plan(*impacts: str | None) -> dict[str, Any]:
        actions = [
            {"ref": str(n), "title": "Do it", **({"impact": i} if i else {})}
            for n, i in enumerate(impacts, 1)
        ]
        return {"priorities": [{"ref": "1", "title": "P", "actions": actions}]}

    before = plan("red", "green")
    unrated = plan(None, None)
    assert keep_hand_edits(before, unrated) == 2
    assert [a.get("impact") for a in all_actions(unrated)] == ["red", "green"]
    rated = plan("amber", None)  # the document has an impact column: it says what stands
    assert keep_hand_edits(before, rated) == 0
    assert [a.get("impact") for a in all_actions(rated)] == ["amber", None]
