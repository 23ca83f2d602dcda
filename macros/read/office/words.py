"""Every word `make import` reads or says, kept in one place.

HEADINGS lists the column headings boards use for each field of an action; docs/maintainers/
import.md shows the same table to maintainers. MESSAGES holds every sentence the import prints.
"""

from __future__ import annotations

import re

from macros.model.dates import MONTH_NAMES

# field -> the headings that mean it, compared after `normalise` (lower case, words only)
HEADINGS: dict[str, list[str]] = {
    "ref": ["ref", "ref no", "reference", "no", "number", "action no", "action ref", "id"],
    "title": [
        "action", "actions", "action required", "what we will do", "activity", "activities",
        "task", "tasks", "what", "what will we do", "actions for", "key actions",
    ],
    "issue": ["issue", "issues", "objective", "objectives", "area for improvement", "focus"],
    "priority": ["priority", "priorities", "theme", "strategic priority", "key priority"],
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
        "success measure", "success criteria", "evidence",
    ],
    "impact": ["impact", "impact brag", "impact rag"],
    "source": ["source", "recommendation source"],
    "update_date": ["update date", "date of update"],
}  # fmt: skip

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
NUMBERED = re.compile(r"^([A-Za-z]?\d+(?:\.\d+)*[a-z]?)[.):]?\s+(?=\S)")
# "NEW", "NEW – added Jan 16", "New (March 2016)": the month, when given, is when it was added
NEW_DATE = rf"(?P<date>(?i:{MONTH_NAMES})\.?\s*'?\d{{2,4}})"
NEW_MARKER = re.compile(
    rf"\bNEW\b\s*(?:[-–—:(]\s*)?(?:(?:added|from)\s+(?:in\s+|on\s+)?)?(?:{NEW_DATE})?\)?\s*[-–—:]?\s*",
)
NEW_WORD_MARKER = re.compile(
    rf"^New\s*[-–—:(]\s*(?:(?:added|from)\s+)?(?:{NEW_DATE})?\)?\s*[-–—:]?\s*", re.I
)
KEY_SHEET_NAMES = {"key", "rag key", "status key", "brag key", "key to ratings", "legend"}
APPENDIX_WORDS = re.compile(r"^appendix\b|histor", re.I)
AS_AT = re.compile(r"^(updated|as at|reviewed|last updated|position at)\b[:\s]*(?P<date>.+)$", re.I)

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
        (r"not yet (complete|completed|started)|in progress|partial|some progress|^a$|^amber\b|ongoing|on-going|^a/g$", "amber"),
        (r"^g$|^green\b|complete|completed|done|achieved|on[\s-]+(track|target)|closed", "green"),
        (r"not started|not due|^n/?a$|^grey\b|^gray\b", "grey"),
    ]
]  # fmt: skip
CLOSED_WORDS = re.compile(
    r"moved to|superseded|carried forward|cancelled|canceled|withdrawn|merged|no longer", re.I
)
# presets (macros/model/status_presets.py) tried in this order when a document's statuses are
# plain colours or a preset's own words; the first that says all the document says is written
PRESET_ORDER = ["rag-amber-on-target", "brag", "rag"]
DONE_WORDS = re.compile(r"complete|completed|done|achieved|closed|embedded|finished", re.I)
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
    "unplaced_head": "Not placed ({count}): these cells are not in the plan; add them by hand, "
    "or name their column in a mapping file:",
    "unplaced": "  {file}: {table}, row {row}, column {column} ({heading}): {why}: {text}",
    "all_placed": "Every cell was placed.",
    "changes_head": "Changes from the plan that was there before:",
    "added": "  added: {refs}",
    "removed": "  removed: {refs}",
    "status_change": "  {ref}: status {before} -> {after}",
    "new_updates": "  {count} new dated update(s): {refs}",
    "no_changes": "  no actions added or removed, no status changes, no new updates",
    "skipped_sheet": "  sheet {name} was not read, as SHEET= named another sheet",
    "check_failed": "The imported plan has problems (listed above); fix them in the document "
    "and import again, or edit {target}.",
    "check_passed": "The data check passed.",
    "not_current": "The site shows {current} first, because it has `current: true`. To show "
    "the imported plan first, move `current: true` to {target} (or delete {current} if it is "
    "the starter's example plan).",
    "exported": "Wrote {target}.",
    "no_plan": "no plan `{plan}` in {folder}/plans; the plans are: {plans}",
    "bad_id": "PLAN={plan}: a plan id is lower-case letters, digits and hyphens, "
    "e.g. business-plan-2025-28",
    "unexpected": "{file}: the import stopped on something it did not expect ({error}). "
    "Please send the file to a maintainer.",
}

# the Word document `make export` writes (macros/publish/plan_docx.py) takes its words from the
# interface's words file (macros/render/words/en.yml, `word_document:`): in English, headings
# that HEADINGS above reads back (tests/test_import_roundtrip.py)

# why a file cannot be read, said inside MESSAGES["unreadable"]
REASONS = {
    "not_docx": "it is not a Word document, or it is password-protected",
    "not_xlsx": "it is not an Excel workbook, or it is password-protected",
    "damaged": "it is damaged: {error}",
    "no_sheet": "no sheet named `{sheet}`; its sheets are: {names}",
}
# how the report names a place in a file
PLACES = {"table": "table {number}", "sheet": "sheet {name}", "csv": "the table"}
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
    "impact_twice": "the action above already has an impact rating",
    "status_unknown": "this status word is not in the status key",
}
