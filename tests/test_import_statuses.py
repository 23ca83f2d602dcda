"""`make import` reads statuses and dates as the document means them: the document's own key
(a coloured table, a key sheet, a key line or a legend) gives the words and which one means
finished; only a word that means finished counts as done; a word nothing explains is kept and
asked about; a plan with no progress judges nothing overdue. Every document is read as
python-docx or openpyxl writes it and as LibreOffice saves it again, and both must agree."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path
from typing import Any

import pytest

from plansite.model.plan import Plan
from plansite.model.progress import is_overdue, needs_attention, summary
from plansite.office.__main__ import main, read_document
from plansite.office.mapper import Outcome, all_actions, map_document
from plansite.office.report import report_lines
from tests.conftest import ROOT
from tests.office_docs import (
    DocumentSet,
    excel_conditional,
    excel_file,
    excel_rich_text,
    libreoffice_resave_all,
    word_file,
)

HEADER = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]
RED, AMBER, GREEN = "#FF0000", "#FFC000", "#92D050"
DUES = ["Jun-25", "Sep-25", "Dec-25", "Mar-26"]


def read(path: Path) -> Outcome:
    return map_document(read_document(path, None), {})


# every document of the module, re-saved by LibreOffice together (one start a kind of file)
DOCUMENTS = DocumentSet()


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Outcome]]:
    """Each document read as made, and as LibreOffice saves it."""
    made = DOCUMENTS.make_all(tmp_path_factory.mktemp("documents"))
    saved = libreoffice_resave_all(list(made.values()))
    return {
        name: [read(path), read(lo)] for (name, path), lo in zip(made.items(), saved, strict=True)
    }


def kinds(documents: dict[str, list[Outcome]], name: str) -> dict[str, list[Outcome]]:
    """The Word and the Excel document of one name."""
    return {"word": documents[f"{name}.docx"], "excel": documents[f"{name}.xlsx"]}


def statuses(outcome: Outcome) -> list[str]:
    return [a.get("status", "") for a in all_actions(outcome.plan)]


def model(outcome: Outcome) -> Plan:
    """The written plan as the site reads it."""
    return Plan.model_validate({"id": "imported", **outcome.plan})


def done_count(outcome: Outcome) -> int:
    plan = model(outcome)
    return summary(plan, plan.actions).done


def shaded_rows(fills: list[str]) -> list[list[Any]]:
    """One action per fill, its status cell shaded and empty, each with a dated update."""
    return [
        [f"{n}", f"Action number {n}", "PPPG", DUES[n % 4], {"fill": fill},
         f"Update Mar 26: step {n} reported to the board"]
        for n, fill in enumerate(fills, start=1)
    ]  # fmt: skip


# 13 actions shaded green, 2 amber, 1 red: the document says 13 are complete
FILLS = [GREEN] * 13 + [AMBER] * 2 + [RED]
KEYED = [
    {"key": "green", "label": "Complete", "done": True},
    {"key": "amber", "label": "On target"},
    {"key": "red", "label": "Off target"},
]


def labels(outcome: Outcome) -> list[dict[str, Any]]:
    """The plan's statuses as the site shows them (a preset the key's words match, or the
    written list), with what counts as done."""
    found = []
    for status in model(outcome).statuses_shown:
        shown: dict[str, Any] = {"key": status.key, "label": status.label}
        if status.done:
            shown["done"] = True
        if status.unexplained:
            shown["unexplained"] = True
        found.append(shown)
    return found


LEGEND = ["Red – Off target", "Amber – On target", "Green – Complete"]


def key_table_shapes() -> dict[str, list[tuple[str, Any]]]:
    """The same plan with its key as a 1x3 row of coloured cells with the words inside, as
    coloured cells with the words beside them (in one row, or a row each), as a 3x1 column, as
    a legend a colour per paragraph below, and as coloured swatches with a key line under."""
    inside = [[{"text": "Off target", "fill": RED}, {"text": "On target", "fill": AMBER},
               {"text": "Complete", "fill": GREEN}]]  # fmt: skip
    beside = [[{"fill": RED}, "Off target", {"fill": AMBER}, "On target", {"fill": GREEN},
               "Complete"]]  # fmt: skip
    column = [[{"text": "Off target", "fill": RED}], [{"text": "On target", "fill": AMBER}],
              [{"text": "Complete", "fill": GREEN}]]  # fmt: skip
    rows = [[{"fill": RED}, "Off target"], [{"fill": AMBER}, "On target"],
            [{"fill": GREEN}, "Complete"]]  # fmt: skip
    swatches = [[{"fill": RED}], [{"fill": AMBER}], [{"fill": GREEN}]]  # words in the line below
    plan = ("table", ([HEADER, *shaded_rows(FILLS)], []))
    return {
        "inside": [("title", "Safeguarding Plan 2025-26"), ("table", (inside, [])), plan],
        "beside": [("table", (beside, [])), plan],
        "column": [plan, ("para", "Key"), ("table", (column, []))],
        "legend": [plan, *(("para", line) for line in LEGEND)],
        "rows": [("table", (rows, [])), ("para", "Actions"), plan],
        "swatches": [("table", (swatches, [])), ("para", "; ".join(LEGEND)), plan],
    }


KEY_TABLE_SHAPES = key_table_shapes()


def key_table(shape: str, folder: Path) -> Path:
    return word_file(folder / f"{shape}.docx", KEY_TABLE_SHAPES[shape])


for _shape in KEY_TABLE_SHAPES:
    DOCUMENTS.document(f"key-{_shape}")(functools.partial(key_table, _shape))


@pytest.fixture(scope="module")
def key_tables(documents: dict[str, list[Outcome]]) -> dict[str, list[Outcome]]:
    return {shape: documents[f"key-{shape}"] for shape in KEY_TABLE_SHAPES}


@pytest.mark.parametrize("shape", ["inside", "beside", "column", "legend", "rows", "swatches"])
def test_a_colour_key_gives_shaded_cells_its_words_and_the_done_count(
    key_tables: dict[str, list[Outcome]], shape: str
) -> None:
    for outcome in key_tables[shape]:
        assert labels(outcome) == KEYED
        assert statuses(outcome) == ["green"] * 13 + ["amber"] * 2 + ["red"]
        assert done_count(outcome) == 13  # as the document says, not 0
        lines = report_lines(outcome, "plan.docx", None)
        assert "  the document's status key named: Off target, On target, Complete" in lines
        assert "Every cell was placed." in lines  # the key table is not "not placed"
        assert [s.label for s in model(outcome).statuses_shown] == [
            "Complete", "On target", "Off target"
        ]  # fmt: skip


@DOCUMENTS.document("key-sheet")
def key_sheet_tracker(folder: Path) -> Path:
    """An Excel tracker with a Key sheet whose heading row is shaded like a status."""
    key = [
        [{"text": "Colour", "fill": "#BFBFBF"}, {"text": "Status", "fill": "#BFBFBF"},
         {"text": "Meaning", "fill": "#BFBFBF"}],
        [{"fill": GREEN}, "Achieved", "The action is finished"],
        [{"fill": AMBER}, "On track", "Work is going to plan"],
        [{"fill": RED}, "Behind", "Work has slipped"],
    ]  # fmt: skip
    tracker = [HEADER, *shaded_rows([GREEN, GREEN, AMBER, RED, GREEN])]
    return excel_file(folder / "tracker.xlsx", {"Actions": tracker, "Key": key})


@pytest.fixture(scope="module")
def key_sheet(documents: dict[str, list[Outcome]]) -> list[Outcome]:
    return documents["key-sheet"]


def test_an_excel_key_sheet_heading_row_is_never_a_status(key_sheet: list[Outcome]) -> None:
    for outcome in key_sheet:
        assert labels(outcome) == [
            {"key": "green", "label": "Achieved", "done": True},
            {"key": "amber", "label": "On track"},
            {"key": "red", "label": "Behind"},
        ]
        assert [s["meaning"] for s in outcome.plan["statuses"]] == [
            "The action is finished", "Work is going to plan", "Work has slipped"
        ]  # fmt: skip
        assert statuses(outcome) == ["green", "green", "amber", "red", "green"]
        assert done_count(outcome) == 3


# A key line under the table in Word, and in a row of its own above an Excel sheet's heading
# row; status cells with letters and colour words.
KEY_LINE = "R = Off target, A = On target, G = Complete"


def key_line_rows() -> list[list[Any]]:
    rows = [HEADER, *shaded_rows([GREEN, AMBER, GREEN])]
    rows[1][4], rows[2][4], rows[3][4] = "G", "Amber", {"text": "", "fill": GREEN}
    return rows


@DOCUMENTS.document("line.docx")
def key_line_word(folder: Path) -> Path:
    return word_file(folder / "line.docx", [("table", (key_line_rows(), [])), ("para", KEY_LINE)])


@DOCUMENTS.document("line.xlsx")
def key_line_excel(folder: Path) -> Path:
    return excel_file(folder / "line.xlsx", {"Plan": [[KEY_LINE], *key_line_rows()]})


@pytest.fixture(scope="module")
def key_lines(documents: dict[str, list[Outcome]]) -> dict[str, list[Outcome]]:
    return kinds(documents, "line")


@pytest.mark.parametrize("kind", ["word", "excel"])
def test_a_key_line_in_word_or_excel(key_lines: dict[str, list[Outcome]], kind: str) -> None:
    for outcome in key_lines[kind]:
        assert labels(outcome) == KEYED
        assert statuses(outcome) == ["green", "amber", "green"]
        assert done_count(outcome) == 2
        assert outcome.unplaced == []


# every word a status cell may say, and whether the document means it finished
WORDS = {
    "Complete": True, "Completed": True, "Achieved": True, "Done": True, "Closed": True,
    "Not yet completed but on-track": False, "Incomplete": False, "Partially complete": False,
    "Not complete": False, "Completion due June 2026": False, "On track": False,
    "Completed but not yet embedded": True, "Nearly complete": False,
}  # fmt: skip


PHRASE_ROWS = [
    [f"{n}", f"Action number {n}", "PPPG", "Mar-26", word, "Update Mar 26: reported"]
    for n, word in enumerate(WORDS, start=1)
]


@DOCUMENTS.document("phrases.docx")
def phrases_word(folder: Path) -> Path:
    return word_file(folder / "phrases.docx", [("table", ([HEADER, *PHRASE_ROWS], []))])


@DOCUMENTS.document("phrases.xlsx")
def phrases_excel(folder: Path) -> Path:
    return excel_file(folder / "phrases.xlsx", {"Plan": [HEADER, *PHRASE_ROWS]})


@pytest.fixture(scope="module")
def phrases(documents: dict[str, list[Outcome]]) -> dict[str, list[Outcome]]:
    return kinds(documents, "phrases")


@pytest.mark.parametrize("kind", ["word", "excel"])
def test_done_only_for_words_that_mean_finished(
    phrases: dict[str, list[Outcome]], kind: str
) -> None:
    for outcome in phrases[kind]:
        plan = model(outcome)
        finished = {
            word: bool((s := plan.vocabulary.find(a.status or "")) and s.done)
            for word, a in zip(WORDS, plan.actions, strict=True)
        }
        assert finished == WORDS
        assert done_count(outcome) == sum(WORDS.values())  # 6 of 13, as the document says


@DOCUMENTS.document("purple")
def unexplained_plan(folder: Path) -> Path:
    rows = [
        HEADER,
        ["1", "Refresh the strategy", "PPPG", "Mar-25", "Complete", "Update Mar 26: agreed"],
        ["2", "Audit referrals", "PPG", "Jun-25", "Purple", "Update Mar 26: under review"],
        ["3", "Survey pupils", "TWFD", "Sep-25", "Purple", ""],
        ["4", "Train governors", "TWFD", "Dec-25", "Off track", ""],
    ]
    return word_file(folder / "purple.docx", [("table", (rows, []))])


@pytest.fixture(scope="module")
def unexplained(documents: dict[str, list[Outcome]]) -> list[Outcome]:
    return documents["purple"]


def test_a_word_nothing_explains_is_kept_counted_neither_done_nor_late_and_asked_about(
    unexplained: list[Outcome],
) -> None:
    for outcome in unexplained:
        assert statuses(outcome) == ["green", "purple", "purple", "red"]
        purple = next(s for s in outcome.plan["statuses"] if s["key"] == "purple")
        assert purple == {"key": "purple", "label": "Purple", "colour": "#b1b4b6",
                          "unexplained": True}  # fmt: skip
        plan = model(outcome)
        assert done_count(outcome) == 1
        # due long before the plan's date (March 2026), yet never late: nobody knows its meaning
        assert [is_overdue(plan, a) for a in plan.actions] == [False, False, False, True]
        advice = [ln for ln in report_lines(outcome, "purple.docx", None) if "dvice" in ln]
        assert advice == [
            "Advice (1): published as the document has it, but worth a look:",
            "  advice: purple.docx: table 1, row 3, column 5 ('RAG'): the status \"Purple\" is "
            "not in the document's key and is not a usual status word, so it is published as "
            "written and counts neither done nor late. What does it mean? In the plan file, give "
            "it a `meaning:` (and `done: true` if it means finished), then remove "
            "`unexplained: true`.",
        ]


def test_make_check_advises_on_a_status_marked_unexplained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    rows = [HEADER, ["1", "Audit referrals", "PPG", "Jun-25", "Purple", "Update Mar 26: begun"]]
    document = word_file(tmp_path / "purple.docx", [("table", (rows, []))])
    assert main([str(document), "purple", "--data", str(data)]) == 0
    written = (data / "plans" / "purple.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(written, start=1) if "unexplained: true" in text)
    assert (
        f'{data / "plans" / "purple.yml"}:{line}: status `purple` ("Purple") is marked '
        "`unexplained: true`: nothing in the document said what it means, so it counts neither "
        "done nor late; write its `meaning:` (and `done: true` if it means finished), then "
        "remove `unexplained: true` (advice)"
    ) in capsys.readouterr().err


# A plan as agreed, before any progress: due dates, some long past, and nothing else.
AGREED_ROWS = [HEADER] + [
    [f"{n}", f"Action number {n}", "PPPG", due, None, None] for n, due in enumerate(DUES, 1)
]


@DOCUMENTS.document("agreed.docx")
def agreed_word(folder: Path) -> Path:
    parts = [("title", "Business Plan 2025-26"), ("para", "Updated March 2025"),
             ("table", (AGREED_ROWS, []))]  # fmt: skip
    return word_file(folder / "agreed.docx", parts)


@DOCUMENTS.document("agreed.xlsx")
def agreed_excel(folder: Path) -> Path:
    return excel_file(folder / "agreed.xlsx", {"Plan": AGREED_ROWS})


@pytest.fixture(scope="module")
def no_progress(documents: dict[str, list[Outcome]]) -> dict[str, list[Outcome]]:
    return kinds(documents, "agreed")


@pytest.mark.parametrize("kind", ["word", "excel"])
def test_a_plan_with_no_progress_judges_nothing_overdue(
    no_progress: dict[str, list[Outcome]], kind: str
) -> None:
    for outcome in no_progress[kind]:
        plan = model(outcome)
        assert [a.due for a in plan.actions] == DUES
        assert not plan.progress_recorded
        assert [is_overdue(plan, a) for a in plan.actions] == [False] * 4
        assert needs_attention(plan).overdue == []
        name = f"agreed.{'docx' if kind == 'word' else 'xlsx'}"
        assert (
            f"  advice: {name}: the document records no progress (no status, no dated update, no "
            "progress text), so no action is judged overdue or waiting for an update until "
            "progress is recorded."
        ) in report_lines(outcome, name, None)


# --- dates ---------------------------------------------------------------------------------------

STRUCK = {"strike": True}


# A due date struck out beside its replacement, in one run after the other; two struck dates
# with a space between; a continuation row's struck date; and Excel rich text.
STRUCK_ROWS = [
        HEADER,
        ["1", "Refresh the strategy", "PPPG", {"paras": [[("Mar 16", STRUCK), ("June 16", {})]]},
         "A", "Update June 16: drafted"],
        ["2", "Audit referrals", "PPG",
         {"paras": [[("Mar 16", STRUCK), (" ", {}), ("June 16", STRUCK), ("Sept 16", {})]]},
         "A", "Update June 16: begun"],
        [None, None, None, {"paras": [[("Oct 16", STRUCK), ("Dec 16", {})]]}, None,
         "Second audit"],
]  # fmt: skip


@DOCUMENTS.document("struck.docx")
def struck_word(folder: Path) -> Path:
    return word_file(folder / "struck.docx", [("table", (STRUCK_ROWS, []))])


@DOCUMENTS.document("struck.xlsx")
def struck_excel(folder: Path) -> Path:
    plain = [[c if isinstance(c, str | None) else "" for c in row] for row in STRUCK_ROWS]
    excel = excel_file(folder / "struck.xlsx", {"Plan": plain})
    excel_rich_text(excel, "Plan", "D2", [("Mar 16", STRUCK), ("June 16", {})])
    excel_rich_text(excel, "Plan", "D3", [("Mar 16", STRUCK), (" ", {}), ("June 16", STRUCK),
                                          ("Sept 16", {})])  # fmt: skip
    excel_rich_text(excel, "Plan", "D4", [("Oct 16", STRUCK), ("Dec 16", {})])
    return excel


@pytest.fixture(scope="module")
def struck(documents: dict[str, list[Outcome]]) -> dict[str, list[Outcome]]:
    return kinds(documents, "struck")


@pytest.mark.parametrize("kind", ["word", "excel"])
def test_a_struck_through_due_date_is_due_was_never_merged(
    struck: dict[str, list[Outcome]], kind: str
) -> None:
    for outcome in struck[kind]:
        first, second = all_actions(outcome.plan)
        assert (first["due"], first["due_was"]) == ("June 16", ["Mar 16"])
        assert (second["due"], second["due_was"]) == ("Sept 16", ["Mar 16", "June 16", "Oct 16"])
        assert second["milestones"] == [{"due": "Dec 16", "result": "Second audit"}]
        plan = model(outcome)  # every date is one the site can read
        assert [d.date.month for d in plan.actions[1].due_was_dates if d.date] == [3, 6, 10]


# Updates that start with a date, one whose sentence runs on to a line of training dates, and
# other dates in the document (due dates, a sentence starting "Updated").
DATED_ROWS = [
    HEADER,
    ["1", "Train staff", "TWFD", "Mar-19", "A",
     "Update June 17: Training was held on\v3 May 2016 – 14 June 2016 and 5 July 2016 for "
     "40 staff.\n\nDec 2017: A second cohort is booked."],
    ["2", "Publish the guide", "PPPG", "Sep-19", "A", "Sept 17 – Draft out for comment"],
]  # fmt: skip


@DOCUMENTS.document("dated.docx")
def dated_word(folder: Path) -> Path:
    parts = [("para", "Updated procedures were launched in May 2019 across the partnership."),
             ("table", (DATED_ROWS, []))]  # fmt: skip
    return word_file(folder / "dated.docx", parts)


@DOCUMENTS.document("dated.xlsx")
def dated_excel(folder: Path) -> Path:
    rows = [[c.replace("\v", "\n") if isinstance(c, str) else c for c in r] for r in DATED_ROWS]
    return excel_file(folder / "dated.xlsx", {"Plan": rows})


@pytest.fixture(scope="module")
def dated(documents: dict[str, list[Outcome]]) -> dict[str, list[Outcome]]:
    return kinds(documents, "dated")


@pytest.mark.parametrize("kind", ["word", "excel"])
def test_an_update_starts_with_a_date_and_only_updates_date_the_plan(
    dated: dict[str, list[Outcome]], kind: str
) -> None:
    for outcome in dated[kind]:
        first, second = all_actions(outcome.plan)
        assert [u["date"] for u in first["updates"]] == ["2017-06", "2017-12"]
        assert first["updates"][0]["text"].startswith("Training was held on")
        assert (
            "3 May 2016 – 14 June 2016 and 5 July 2016 for 40 staff."
            in (first["updates"][0]["text"])
        )
        assert [u["date"] for u in second["updates"]] == ["2017-09"]
        # the latest update, never a due date (2019) or the "Updated procedures..." sentence
        assert outcome.plan["as_at"] == "2017-12"


@DOCUMENTS.document("updated")
def updated_line(folder: Path) -> Path:
    rows = [HEADER, ["1", "Train staff", "TWFD", "Mar-19", "A", "Dec 2017: booked"]]
    parts = [("para", "Updated March 2018"), ("table", (rows, []))]
    return word_file(folder / "updated.docx", parts)


def test_an_updated_line_gives_the_as_at_date(documents: dict[str, list[Outcome]]) -> None:
    for outcome in documents["updated"]:
        assert outcome.plan["as_at"] == "2018-03"
        assert outcome.paragraphs == 0  # the line is the date, not the plan's introduction


# --- Excel conditional formatting ---------------------------------------------------------------


@DOCUMENTS.document("ruled")
def conditional_tracker(folder: Path) -> Path:
    """A tracker whose "Progress (RAG)" cells are coloured only by conditional formats: "cell
    value equals", "text contains", an expression on the cell; and a colour scale on a score
    column that the import cannot work out."""
    header = ["Ref", "Action", "Lead", "Due", "Progress (RAG)", "Score"]
    progress = ["Not started", "Update Mar 26: delayed by staffing", "Update Mar 26: on track",
                "Update Mar 26: complete and signed off", "Update Mar 26: delayed again"]  # fmt: skip
    rows = [
        [f"{n}", f"Action number {n}", "PPPG", "Mar-26", text, n]
        for n, text in enumerate(progress, start=1)
    ]
    path = excel_file(folder / "ruled.xlsx", {"Tracker": [header, *rows]})
    excel_conditional(path, "Tracker", "E2:E50", [
        {"equal": "Not started", "fill": "#BFBFBF"},
        {"contains": "delayed", "fill": RED},
        {"contains": "on track", "fill": AMBER},
        {"formula": 'ISNUMBER(SEARCH("complete",E2))', "fill": GREEN},
    ])  # fmt: skip
    excel_conditional(path, "Tracker", "F2:F50", [{"scale": "yes"}])
    return path


@pytest.fixture(scope="module")
def conditional(documents: dict[str, list[Outcome]]) -> list[Outcome]:
    return documents["ruled"]


def test_excel_conditional_formats_colour_the_status_cells(conditional: list[Outcome]) -> None:
    for outcome in conditional:
        assert statuses(outcome) == ["grey", "red", "amber", "green", "red"]
        counts = {e.key: e.by_colour for e in outcome.statuses.entries}
        assert counts == {"grey": 1, "red": 2, "amber": 1, "green": 1}
        advice = [ln for ln in report_lines(outcome, "ruled.xlsx", None) if "cells F2:F50" in ln]
        assert advice == [
            "  advice: ruled.xlsx: sheet Tracker, cells F2:F50: a conditional format (colorScale) "
            "colours these cells by a rule the import cannot work out, so those colours were not "
            "read as statuses; check the statuses of these rows, or write the status in words."
        ]


@DOCUMENTS.document("phrase")
def phrase_rated_plan(folder: Path) -> Path:
    """A plan that rates its actions in phrases, with no key: 6 of 10 finished."""
    said = ["Completed"] * 6 + ["Not yet completed but on-track"] * 2 + [
        "Not yet completed but off-track", "Not yet started"]  # fmt: skip
    rows = [
        [f"{n}", f"Action number {n}", "PPPG", "Mar-26", word, "Update Mar 26: reported"]
        for n, word in enumerate(said, start=1)
    ]
    return word_file(folder / "phrase.docx", [("table", ([HEADER, *rows], []))])


@pytest.fixture(scope="module")
def phrase_plan(documents: dict[str, list[Outcome]]) -> list[Outcome]:
    return documents["phrase"]


def test_phrases_that_mention_completion_are_not_complete(phrase_plan: list[Outcome]) -> None:
    for outcome in phrase_plan:
        assert labels(outcome) == [
            {"key": "green", "label": "Completed", "done": True},
            {"key": "amber", "label": "Not yet completed but on-track"},
            {"key": "not-yet-started", "label": "Not yet started"},
            {"key": "red", "label": "Not yet completed but off-track"},
        ]
        assert done_count(outcome) == 6  # as the document says


LEGEND_SENTENCES = (
    "RAG key: Red means the work has slipped and needs the board's help; Amber means the work "
    "is under way and should finish on time; Green means the action has been completed and "
    "signed off."
)


# A legend of sentences, above the table in Word and below it in an Excel sheet.
LEGEND_ROWS = [HEADER, *shaded_rows([GREEN, GREEN, AMBER, RED])]


@DOCUMENTS.document("legend.docx")
def legend_word(folder: Path) -> Path:
    parts = [("para", LEGEND_SENTENCES), ("table", (LEGEND_ROWS, []))]
    return word_file(folder / "legend.docx", parts)


@DOCUMENTS.document("legend.xlsx")
def legend_excel(folder: Path) -> Path:
    return excel_file(folder / "legend.xlsx", {"Plan": [*LEGEND_ROWS, [], [LEGEND_SENTENCES]]})


@pytest.fixture(scope="module")
def legend(documents: dict[str, list[Outcome]]) -> dict[str, list[Outcome]]:
    return kinds(documents, "legend")


@pytest.mark.parametrize("kind", ["word", "excel"])
def test_a_legend_of_sentences_gives_meanings_and_what_is_done(
    legend: dict[str, list[Outcome]], kind: str
) -> None:
    for outcome in legend[kind]:
        assert labels(outcome) == [
            {"key": "green", "label": "Green", "done": True},
            {"key": "amber", "label": "Amber"},
            {"key": "red", "label": "Red"},
        ]
        assert [s.meaning for s in model(outcome).statuses] == [
            "the action has been completed and signed off",
            "the work is under way and should finish on time",
            "the work has slipped and needs the board's help",
        ]
        assert statuses(outcome) == ["green", "green", "amber", "red"]
        assert done_count(outcome) == 2
        assert outcome.unplaced == [] and "introduction" not in outcome.plan
