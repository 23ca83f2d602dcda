"""Every word `make import` reads or says, kept in one place.

HEADINGS lists the column headings boards use for each field of an action; docs/maintainers/
import.md shows the same table to maintainers. MESSAGES holds every sentence the import prints.
"""

from __future__ import annotations

import re

from plansite.model.dates import MONTH_NAMES

# field -> the headings that mean it, compared after `normalise` (lower case, words only)
HEADINGS: dict[str, list[str]] = {
    "ref": ["ref", "ref no", "reference", "no", "number", "action no", "action ref", "id"],
    "title": [
        "action", "actions", "action required", "what we will do", "activity", "activities",
        "task", "tasks", "what", "what will we do", "actions for", "key actions",
    ],
    "issue": ["issue", "issues", "objective", "objectives", "area for improvement", "focus"],
    "priority": [
        "priority", "priorities", "theme", "strategic priority", "key priority",
        "recommendation", "recommendations", "ofsted recommendation", "inspection recommendation",
        "area",
    ],
    "group": [
        "judgement area", "inspection judgement", "judgement", "key judgement", "inspection area",
        "area of practice",
    ],
    "leads": [
        "lead", "leads", "lead officer", "lead officers", "responsible", "responsible officer",
        "who", "owner", "lead agency", "sub group or lead", "subgroup or lead", "lead person",
        "responsibility", "by whom",
    ],
    "due": [
        "timescale", "timescales", "by when", "when", "due", "due date", "deadline",
        "target date", "completion date", "date", "target", "timeframe",
    ],
    "status": ["rag", "brag", "status", "progress rating", "rag rating", "rag status", "rating"],
    "progress": [
        "progress", "update", "updates", "commentary", "comments", "comment", "progress update",
        "progress to date", "progress made", "latest update",
    ],
    "outcome": ["outcome", "outcomes", "desired outcome", "what we are trying to achieve"],
    "measure": [
        "measure", "measures", "outcome measure", "evidence of success", "how we will know",
        "success measure", "success criteria", "evidence", "what will success look like",
        "what success will look like", "what does success look like",
    ],
    "children_will_say": [
        "what children will say", "what children and young people will say",
        "what young people will say", "children will say", "voice of the child",
    ],
    "impact": ["impact", "impact brag", "impact rag"],
    "source": ["source", "recommendation source"],
    "update_date": ["update date", "date of update"],
}  # fmt: skip

# a reporting planner's headings -> the fields of a planner item (plansite/model/planner.py)
PLANNER_HEADINGS: dict[str, list[str]] = {
    "what": ["what", "report", "report title", "item", "reports", "subject"],
    "who": ["who", "lead", "reported by", "report by", "responsible", "subgroup", "sub group"],
    "activity": ["subgroup activity", "sub group activity", "activity"],
    "tells_board": [
        "what the report will tell the board", "what the report will tell the lscb",
        "what the report will tell the partnership", "tell the board", "tells the board",
        "will tell the board", "purpose",
    ],
    "when": ["when reported", "when", "frequency", "timing", "how often", "when reported to"],
    "reports_to": ["board meeting", "meeting", "reported to", "reports to", "to which meeting"],
}  # fmt: skip
# a heading over the reporting planner: "Reporting Planner", "The board's planner"
PLANNER_TITLE = re.compile(r"^(the )?(board'?s? )?(reporting |reports? )?planner\b", re.I)
# a column only a planner has: a plan table with "What" and "When" is not a planner without one
PLANNER_SIGNS = {"activity", "tells_board", "reports_to"}
# a heading that mixes progress and a RAG word ("Progress (RAG)") is progress, shaded by status
STATUS_HEADING_WORDS = {"rag", "brag", "status"}
# fields several columns may share: their texts are joined
SHARED_FIELDS = {"leads", "progress"}

# grouping rows and headings that start a priority (others inside a priority start an issue)
PRIORITY_WORDS = re.compile(
    r"^(key |strategic |business )?(priority|theme|recommendation|objective|outcome area|"
    r"workstream|area)\b\s*([A-Za-z]?\d+[a-z]?(\.\d+)?)?\s*(\([^)]*\))?\s*[:.\-–—]?\s*",
    re.I,
)
# a ref as documents write one: "3.4", "12b", "R3", "Issue 4", "para 42", "1a.)"
REF_WORDS = r"(?i:issue|para|paragraph|rec|ref)\.?\s?\d+[a-z]?"
REF_WRITTEN = rf"(?:{REF_WORDS}|[A-Za-z]{{0,2}}\d+(?:\.\d+)*[a-z]?)(?:\.?\))?"
REF_ALONE = re.compile(rf"^{REF_WRITTEN}\.?$")
# a ref in front of a title, perhaps in bold ("**3.4** Develop", "1a.) Review", "Issue 4: ...")
NUMBERED = re.compile(
    rf"^(?P<m>\*{{0,3}})(?P<ref>{REF_WRITTEN})[.:]?(?P=m)[.:]?(?:\s+[-–—])?\s+(?=\S)"
)
# "NEW", "NEW – added Jan 16", "New (March 2016)": the month, when given, is when it was added
NEW_DATE = rf"(?P<date>(?i:{MONTH_NAMES})\.?\s*'?\d{{2,4}})"
NEW_MARKER = re.compile(
    rf"\bNEW\b\.?\s*(?:[-–—:(]\s*)?(?:(?:added|from)\s+(?:in\s+|on\s+)?)?(?:{NEW_DATE})?\)?\s*[-–—:]?\s*",
)
NEW_WORD_MARKER = re.compile(
    rf"^New\s*[-–—:(]\s*(?:(?:added|from)\s+)?(?:{NEW_DATE})?\)?\s*[-–—:]?\s*", re.I
)
KEY_SHEET_NAMES = {
    "key", "rag key", "status key", "brag key", "key to ratings", "legend", "rag rating key",
    "rag ratings", "brag ratings", "rating key",
}  # fmt: skip
# words of a key table's own heading row ("Colour | Status | Meaning"): never a status
KEY_HEADINGS = {
    "colour", "color", "status", "meaning", "rag", "brag", "rating", "rag rating", "description",
    "definition", "key", "what it means", "rag status", "label",
}  # fmt: skip
# words either side of a "/" in a lead cell that make it two leads ("CSC/Police"); acronyms
# in capitals ("RB/LH", "LSCB/LSAB") do too, a name with figures ("S11/S175 audit lead") not
AGENCY_WORDS = {
    "police", "health", "education", "schools", "school", "council", "probation", "cafcass",
    "nhs", "ccg", "icb", "gp", "gps", "chair", "board", "partnership", "subgroup", "sub-group",
    "housing", "youth", "justice", "hospital", "trust", "social", "care", "services",
}  # fmt: skip
# rows that say what success looks like, or what children will say: the priority's fields
ROW_LABELS = {
    "evidence": re.compile(
        r"^(evidence of (success|impact)|what (will )?success (will )?looks? like|"
        r"how will we know( we have succeeded| it has worked)?)\b\s*\??\s*[:.–—-]?\s*",
        re.I,
    ),
    "children_will_say": re.compile(
        r"^(what )?(children|young people|children and young people|children, young people "
        r"and families)( and (young people|families))? (will|would) (say|tell us)\b\s*\??"
        r"\s*[:.–—-]?\s*",
        re.I,
    ),
}
# a row carrying one of these is an action, which ends a list of evidence under its label
ACTION_SIGNS = {"ref", "leads", "due", "status"}
# cells of a labelled row that are not its words: a rating (evidence's status), or what only an
# action has (reported as not placed)
ROW_SIGNS = {*ACTION_SIGNS, "impact"}
# a note or footnote between tables: "Note:", "NB", "* The ...", "¹ ..."
NOTE_LINE = re.compile(
    r"^(?:(?:please )?notes?|n\.?b\.?)\s*[:.–—-]\s*\S|^\*+\s*\w|^[¹²³⁴⁵⁶⁷⁸⁹]", re.I
)
NOTES_HEADING = re.compile(r"^(notes?|footnotes?|endnotes?)\s*:?$", re.I)
APPENDIX_WORDS = re.compile(r"^appendix\b|histor", re.I)

# colour families, best first; the colour written into the plan for each
FAMILIES = ["blue", "green", "amber", "red", "grey"]
FAMILY_COLOURS = {
    "blue": "#1d70b8", "green": "#00703c", "amber": "#ffdd00", "red": "#d4351c",
    "grey": "#b1b4b6",
}  # fmt: skip
FAMILY_LABELS = {"blue": "Blue", "green": "Green", "amber": "Amber", "red": "Red", "grey": "Grey"}
# fills that people use for each family: the nearest one decides a shaded cell's status
FILL_ANCHORS = {
    "red": ["#ff0000", "#c00000", "#d4351c", "#e6b8b7", "#ff6666", "#ffc7ce", "#c0504d"],
    "amber": [
        "#ffc000", "#ffbf00", "#ff9900", "#ffff00", "#ffdd00", "#f79646", "#fabf8f", "#ffeb9c",
        "#f47738", "#fcd5b4",
    ],
    "green": ["#00b050", "#92d050", "#00ff00", "#00703c", "#c6efce", "#9bbb59", "#d8e4bc"],
    "blue": ["#0070c0", "#00b0f0", "#1d70b8", "#0000ff", "#4f81bd", "#8db3e2", "#b8cce4"],
    "grey": ["#808080", "#bfbfbf", "#a6a6a6", "#b1b4b6", "#d9d9d9", "#7f7f7f"],
}  # fmt: skip
# status words -> family; checked in this order, so "not on track" is red before "on track"
STATUS_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), family)
    for p, family in [
        (r"^b$|^blue\b|embedded", "blue"),
        (r"\b(not|off)[\s-]+(yet\s+)?(on[\s-]+)?(track|target)\b|behind|delayed|overdue|at risk|^r$|^red\b|not achieved", "red"),
        (r"not yet (complete|completed|started)|\bincomplete|\bnot complete|in progress|partial|some progress|^a$|^amber\b|ongoing|on-going|^a/g$", "amber"),
        (r"^g$|^green\b|\b(complete|completed|done|achieved|finished)\b|on[\s-]+(track|target)|closed", "green"),
        (r"not started|not due|^n/?a$|^grey\b|^gray\b", "grey"),
    ]
]  # fmt: skip
CLOSED_WORDS = re.compile(
    r"moved to|superseded|carried forward|cancelled|canceled|withdrawn|merged|no longer", re.I
)
# presets (plansite/model/status_presets.py) tried in this order when a document's statuses are
# plain colours or a preset's own words; the first that says all the document says is written
PRESET_ORDER = ["rag-amber-on-target", "brag", "rag"]
# a status that means finished: one of these words, and none of NOT_DONE_WORDS ("Not yet
# completed but on-track", "partially complete", "completion due June" are not finished)
DONE_WORDS = re.compile(r"\b(complete|completed|done|achieved|closed|embedded|finished)\b", re.I)
NOT_DONE_WORDS = re.compile(
    r"\b(not|yet|incomplete|partial|partially|part|nearly|almost|mostly|largely|due|awaiting|"
    r"pending|ongoing|in progress|being|to be|will)\b|completion|n't\b",
    re.I,
)


def means_done(label: str) -> bool:
    """Whether a status word says the action is finished: "Complete", "Achieved", "Done",
    "Completed but not yet embedded"; not when a word before it takes it back ("Not yet
    completed but on-track", "Partially complete")."""
    done = DONE_WORDS.search(label)
    not_done = NOT_DONE_WORDS.search(label)
    return done is not None and (not_done is None or done.start() < not_done.start())


RAG_IN_TEXT = re.compile(
    r"\b(?:B?RAG(?:\s+rating)?|status)\s*(?:is|=|:|-|–)?\s*(?P<word>red|amber|green|blue|[RAGB])\b"
)


def normalise(text: str) -> str:
    """A heading compared by its words: "Lead Officer(s):" -> "lead officer s"."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("&", " and ")))


# Everything the import prints. {placeholders} are filled in by report.py.
MESSAGES = {
    "unreadable": "{file}: this file cannot be read as {kind} ({reason}). Open it in {app}, "
    "save it again as {kind}, and run the import again.",
    "unknown_kind": "{file}: the import reads .docx (Word), .xlsx (Excel) and .csv files; save "
    "the plan in one of these formats.",
    "missing": "{file}: file not found; check the name and the folder.",
    "exists": "{target}: this plan already exists. To replace it with the document, run the "
    "import again with FORCE=1 (the report then lists what changed).",
    "no_table": "{file}: no table with plan columns was found (a heading row naming at least "
    "the action and one of lead, due date, status or progress). Name the columns with a "
    "mapping file: PLAN_MAP=map.yml (see docs/maintainers/import.md).",
    "bad_map": "{file}:{line}: {problem}",
    "written": "Wrote {target}.",
    "read": "Read {tables} table(s) and {rows} row(s) from {file}.",
    "found": "Found {priorities} priorities, {issues} issues, {actions} actions and "
    "{updates} dated updates.",
    "mapping_head": "Columns used (a mapping file, PLAN_MAP=map.yml, changes them):",
    "mapping": "  {table}: {columns}",
    "impact": "{count} action(s) have an impact rating (their measure's own status, `impact:`); "
    "the statuses below count them too.",
    "statuses_head": "Statuses found:",
    "status": "  {label} ({key}): {words} by word, {colours} by cell colour",
    "status_key": "  the document's status key named: {labels}",
    "paragraphs": "{count} paragraph(s) of text outside tables went into the plan's introduction "
    "and the priorities' descriptions.",
    "hidden_head": "Left out, hidden in the document ({count}): its author hid these (hidden text, "
    "rows, columns or sheets), so they are never imported or published; check that none of "
    "it should be public:",
    "hidden": "  {file}: {where}: left out: hidden in the document: {text}",
    "unplaced_head": "Not placed ({count}): these cells are not in the plan; add them by hand, "
    "or name their column in a mapping file:",
    "unplaced": "  {file}: {table}, row {row}, column {column} ({heading}): {why}: {text}",
    "all_placed": "Every cell was placed.",
    "planner_written": "The document's reporting planner ({count} items) was written to {target}.",
    "planner_beside": "{target} already exists and was not changed: the document's reporting "
    "planner ({count} items) was written to {beside}. Copy the items you want into {target}, "
    "or run the import again with FORCE=1 to merge them into it.",
    "planner_merged": "{target}: the document's reporting planner was merged in (FORCE=1): "
    "{replaced} item(s) with the same `what` replaced, {added} added, {kept} kept as they were. "
    "Comments in the file are not kept.",
    "labelled": "Evidence of success and what children will say (rows so labelled, or a column) "
    "went to their priority's `evidence` ({evidence}) and `children_will_say` ({children}), not "
    "to actions.",
    "notes": "{count} note(s) and footnote(s) went to the plan's `notes:` (shown under the plan).",
    "planner_text": "Text under the reporting planner's heading, in neither the plan nor the "
    "planner (add it by hand if it is needed): {text}",
    "leads_split_head": "Lead cells read as several leads (check each; if a cell is one lead, "
    "write it as one in the plan file):",
    "leads_split": "  {file}: {table}, row {row}, column {column}: {text} -> {leads}",
    "changes_head": "Changes from the plan that was there before:",
    "added": "  added: {refs}",
    "removed": "  removed (no longer in the document): {refs}",
    "status_change": "  {where}: {before} -> {after} (action {ref})",
    "no_place": "no row of its own",
    "field_change": "  {where}: {before} -> {after} (action {ref})",
    "empty": "(empty)",
    "new_updates": "  {count} new dated update(s): {refs}",
    "no_changes": "  no actions added or removed, no status changes, no other changes to the "
    "actions' cells, no new updates",
    "skipped_sheet": "  sheet {name} was not read, as SHEET= named another sheet",
    "check_failed": "The imported plan has problems (listed above); fix them in the document "
    "and import again, or edit {target}.",
    "check_passed": "The data check passed.",
    "fidelity_head": "Cell by cell: each cell of the document's tables, looked for in the plan "
    "as written:",
    "fidelity_changed": "  {where}: CHANGED: the document has {text!r}; the plan has {plan!r}",
    "fidelity_left_out": "  {where}: left out: {why}: {text}",
    "fidelity_summary": "{cells} cells: {placed} placed, {changed} changed, {left_out} left out"
    "{listed}",
    "fidelity_failed": "{count} cell(s) of {file} did not reach the plan as they are written "
    "(marked CHANGED above), so nothing was written. This is a fault of the import, not of your "
    "document: please send the file to a maintainer.",
    "starter_replaced": "Replaced {starter}, the starter's example plan (never edited), with "
    "the imported plan {target}: it is the one the site shows, and none of the example's words "
    "are kept.",
    "previous": "The plan this import replaced is kept as {previous}; {kept} field(s) added by "
    "hand (not in the document) were carried over into the new plan.",
    "columns_again": "The columns were named as at the last import, by {columns} (a copy of "
    "the PLAN_MAP= file given then); give PLAN_MAP=<file> to name them again.",
    "previous_full": "{folder} holds too many earlier copies of this plan; move some out and "
    "import again.",
    "not_current": "The site shows {current} first, because it has `current: true`. To show "
    "the imported plan first, move `current: true` to {target} (or delete {current} if it is "
    "the starter's example plan).",
    "exported": "Wrote {target}.",
    "no_plan": "no plan `{plan}` in {folder}/plans; the plans are: {plans}",
    "bad_id": "PLAN={plan}: a plan id is lower-case letters, digits and hyphens, "
    "e.g. business-plan-2025-28",
    "advice_head": "Advice ({count}): published as the document has it, but worth a look:",
    "unexplained": '  advice: {file}: {place}: the status "{label}" is not in the document\'s key and '
    "is not a usual status word, so it is published as written and counts neither done nor "
    "late. What does it mean? In the plan file, give it a `meaning:` (and `done: true` if it "
    "means finished), then remove `unexplained: true`.",
    "no_progress": "  advice: {file}: the document records no progress (no status, no dated update, no "
    "progress text), so no action is judged overdue or waiting for an update until progress "
    "is recorded.",
    "rule_unread": "  advice: {file}: {sheet}, cells {cells}: a conditional format ({kind}) "
    "colours these cells by a rule the import cannot work out, so those colours were not read "
    "as statuses; check the statuses of these rows, or write the status in words.",
    "too_large": "{file}: {reason}",
    "direction": "{file}: {place}: {what} is in “{text}”; delete it in the document, as {why} "
    "(retype them if they look wrong), save, and run the import again.",
    "unexpected": "{file}: the import stopped on something it did not expect ({error}). "
    "Please send the file to a maintainer.",
}

# the Word document `make export` writes (plansite/publish/plan_docx.py) takes its words from the
# interface's words file (plansite/words/en.yml, `word_document:`): in English, headings
# that HEADINGS above reads back (tests/test_import_roundtrip.py)

# why a file cannot be read, said inside MESSAGES["unreadable"]
REASONS = {
    "hidden_sheet": "the whole sheet, hidden in the workbook",
    "not_docx": "it is not a Word document, or it is password-protected",
    "not_xlsx": "it is not an Excel workbook, or it is password-protected",
    "damaged": "it is damaged: {error}",
    "csv_text": "line {line}: the {problem}",
    "no_sheet": "no sheet named `{sheet}`; its sheets are: {names}",
}
# a library's failure that carries no words of its own, said inside REASONS["damaged"]
NO_WORDS = {
    "MemoryError": "reading it needed more memory than this computer has",
    "other": "{kind}, with no more said",
}
# what is too big in a file, said after its name (bounds.py); each ends with the fix
AGAIN = "save, and run the import again."
REMADE = (
    "The file may be damaged, or hold something very large such as a photo: open it in Word or "
    "Excel, make the large thing smaller or remove it, save it again, and import the copy; if it "
    "still fails, please send it to a maintainer."
)
LIMITS = {
    "sheet": "sheet `{name}`",
    "rows": "{place} has {count:,} rows; Plansite reads at most {limit:,} rows. Delete the empty "
    "rows below your table (select them, right-click, Delete), " + AGAIN,
    "columns": "{place} has {count:,} columns; Plansite reads at most {limit:,} columns. Delete "
    "the empty columns to the right of your table, " + AGAIN,
    "cells": "{place} has {count:,} cells ({rows:,} rows by {columns:,} columns); Plansite reads "
    "at most {limit:,} cells. Delete the empty rows below your table and the empty columns to its "
    "right, " + AGAIN,
    "merge": "{place} merges the cells {ref} ({size}); Plansite "
    "reads merged cells only within the first {max_rows:,} rows and {max_columns:,} columns. "
    "Unmerge them (Home, Merge & Center), merge only cells inside your table, " + AGAIN,
    "merged": "{place} has more than {limit:,} merged cells. Unmerge the cells outside your "
    "table (Home, Merge & Center), " + AGAIN,
    "word": "the document has {count:,} {what}; Plansite reads at most {limit:,}. Delete the "
    "empty ones, or split the document in two, " + AGAIN,
    "word_columns": "a table in the document is {count:,} columns wide; Plansite reads tables "
    "of at most {limit:,} columns. Delete the empty columns, " + AGAIN,
    "part_bytes": "{part}, inside the file, unpacks to {size}; Plansite reads at most {limit} "
    "for one part. " + REMADE,
    "ratio": "{part}, inside the file, unpacks to {size}, {ratio:,} times its packed size "
    "(more than {limit:,} times is the mark of a file made to exhaust the computer). " + REMADE,
    "total_bytes": "the file unpacks to {size}; Plansite reads at most {limit}. " + REMADE,
    "parts": "the file holds {count:,} parts; Plansite reads at most {limit:,}. " + REMADE,
    "elements": "{part}, inside the file, holds more than {limit:,} pieces of formatting. "
    + REMADE,
    "csv_bytes": "the file is {size}; Plansite reads CSV files of at most {limit}. Delete what "
    "is not the plan, " + AGAIN,
}
# how the report names a place in a file
PLACES = {"table": "table {number}", "sheet": "sheet {name}", "csv": "the table",
          "paragraph": "a paragraph outside the tables", "footnote": "a footnote"}  # fmt: skip
DEFAULT_PRIORITY = "Actions"  # the priority of actions that come before any heading

# why a cell was not placed: the reason's words
WHY = {
    "no_column": "its column has no heading the import knows",
    "duplicate_column": "another column already gives this",
    "impact": "its words name no status of the plan (an impact rating is a status word or the "
    "cell's colour)",
    "before_header": "it comes before the table's heading row",
    "no_action": "there is no action above it to add it to",
    "not_a_plan_table": "its table has no plan columns",
    "formula": "it is a formula whose value Excel never saved (open the file in Excel and save it)",
    "history_unmatched": "no action in the plan has this ref",
    "history_shared": "two actions in the plan have this ref, so which one it belongs to is not "
    "guessed; add it to the right one by hand",
    "update_date": "there is no undated progress beside it for it to date",
    "status_twice": "the action above already has a status",
    "ignored": "the mapping file says to ignore its column",
    "impact_twice": "the action above already has an impact rating",
    "status_unknown": "this status word is not in the status key",
    "labelled": "it is in a row of evidence of success or of what children will say, which "
    "has no ref, lead or date (and only evidence has a status)",
    "planner_cell": "it is in the reporting planner, but in no column of a planner item (what, "
    "who, subgroup activity, what the report will tell the board, when, board meeting)",
}
