"""Document rows -> a plan dict, in the order and shape of data/plans/<id>.yml.

Pure: it reads a `Document` and returns the plan with the facts of what was read (`Outcome`);
report.py puts those facts into words. Nothing is dropped silently: a cell that finds no place
in the plan is listed in `Outcome.unplaced` with its table, row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plansite.model.dates import parse_day
from plansite.office.cells import (
    bold,
    due_fields,
    leads_of,
    lines,
    numbered,
    ref_and_title,
    statement,
    strip_new,
    unwrap,
)
from plansite.office.columns import (
    IGNORE,
    REF_LIKE,
    Header,
    find_header,
    looks_like_header,
    row_fields,
)
from plansite.office.document import Cell, Document, Para, Table, TextBlock
from plansite.office.history import apply_history
from plansite.office.labelled import ends_a_list, note_kind, row_label
from plansite.office.planner_table import find_planner, planner_items
from plansite.office.progress import as_at_of, para_markdown, split_progress, when
from plansite.office.statuses import (
    Statuses,
    add_key_entries,
    is_key_table,
    key_entries,
    key_from_table,
    key_row,
    legend_entry,
)
from plansite.office.words import (
    APPENDIX_WORDS,
    DEFAULT_PRIORITY,
    PLANNER_TITLE,
    PRIORITY_WORDS,
    RAG_IN_TEXT,
    ROW_SIGNS,
    SHARED_FIELDS,
)

Plan = dict[str, Any]
# fields a cell merged down over several rows gives each of them
INHERITED = {"leads", "due", "status", "outcome", "measure", "source"}
# an action's fields in the order of docs/maintainers/data-format.md
ACTION_ORDER = [
    "ref", "title", "leads", "outcome", "measure", "impact", "due", "due_was", "milestones", "status",
    "new", "source", "progress", "updates",
]  # fmt: skip


@dataclass
class Unplaced:
    table: str
    row: int
    column: int
    heading: str
    why: str  # a key of words.WHY
    text: str


@dataclass
class Source:
    """Where a row of the document went (its provenance): the part of the plan it gave or added
    to (a priority, an issue or an action; None when nothing), for the import's fidelity check
    and a re-import's changes in the document's terms."""

    table: str
    row: int
    header: Header
    target: dict[str, Any] | None


@dataclass
class Outcome:
    plan: Plan
    tables: int = 0
    rows: int = 0
    paragraphs: int = 0  # text between tables, placed in the introduction or descriptions
    mapping: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # table, heading->field
    unplaced: list[Unplaced] = field(default_factory=list)
    statuses: Statuses = field(default_factory=Statuses)
    skipped_sheets: list[str] = field(default_factory=list)
    # published as read, but worth a look: (words.MESSAGES key, its placeholders but the file)
    advice: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    labelled: dict[str, int] = field(default_factory=dict)  # evidence, children_will_say items
    planner: list[dict[str, Any]] = field(default_factory=list)  # reporting planner items
    planner_tables: list[str] = field(default_factory=list)  # the tables they were read from
    hidden: list[tuple[str, str]] = field(default_factory=list)  # what the author hid: left out
    # paragraphs under the planner's heading, in neither the plan nor the planner: reported
    planner_text: list[str] = field(default_factory=list)
    planner_written: str = ""  # where the planner went, in words (__main__ writes it)
    # lead cells split into several leads: table, row, column, the cell's text, the leads
    split_leads: list[tuple[str, int, int, str, list[str]]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)  # each table row read, in order

    def count(self, what: str) -> int:
        priorities = self.plan.get("priorities", [])
        if what == "priorities":
            return len(priorities)
        if what == "issues":
            return sum(len(p.get("issues", [])) for p in priorities)
        actions = all_actions(self.plan)
        if what == "actions":
            return len(actions)
        if what == "impact":
            return sum(1 for a in actions if a.get("impact"))
        return sum(len(a.get("updates", [])) for a in actions)


def all_actions(plan: Plan) -> list[dict[str, Any]]:
    found = []
    for priority in plan.get("priorities", []):
        for issue in priority.get("issues", []):
            found.extend(issue["actions"])
        found.extend(priority.get("actions", []))
    return found


class Mapper:
    def __init__(self, document: Document, plan_map: dict[str, str]) -> None:
        self.doc = document
        self.map = plan_map
        self.plan: Plan = {}
        self.out = Outcome(self.plan)
        self.statuses = self.out.statuses
        self.intro: list[Para] = []
        self.priorities: list[dict[str, Any]] = []
        self.priority: dict[str, Any] | None = None
        self.description: list[Para] = []
        self.issue: dict[str, Any] | None = None
        self.issue_text = ""  # the issue as written, to know it again on the next row
        self.action: dict[str, Any] | None = None
        self.pending: str | None = None  # a heading not yet known to start a priority
        self.heading_priority = False  # the current priority came from a heading
        self.history: list[tuple[Table, Header]] = []
        self.as_at: date | None = None
        self.last_header: tuple[Header, int] | None = None
        self._where = ""  # the table being read, for advice about a status word
        self._headings: dict[int, str] = {}  # the current table's headings, for the report
        self.group = ""  # an inspection judgement area over the recommendations below it
        self.plain_priority = False  # the current priority came from a grouping row's words
        self.collecting: str | None = None  # "evidence" or "children_will_say" rows below
        self.notes: list[str] = []  # notes and footnotes: the plan's `notes:`
        self.planner_section = False  # under a "Reporting planner" heading
        tables = [i for i, b in enumerate(document.blocks) if isinstance(b, Table)]
        self.last_table = tables[-1] if tables else -1

    # --- the whole document -------------------------------------------------------------
    def run(self) -> Outcome:
        self._find_as_at()
        self._find_key()
        late_priority = False  # a priority's heading after the last table: its text follows
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, TextBlock):
                late = index > self.last_table
                named = block.para.heading and PRIORITY_WORDS.match(block.para.text.strip())
                late_priority = late_priority or bool(late and named)
                if self._note(block.para, after_tables=late and not late_priority):
                    continue
                self._text(block.para)
            else:
                self._table(block)
        self.notes.extend(n for n in self.doc.notes if n not in self.notes)
        self._flush_pending()
        self._close_priority()
        for table, header in self.history:
            self._where, self._headings = table.name, header.headings
            rows, unmatched, ambiguous = apply_history(
                self.priorities, table, header, self._cell_status, self.as_at
            )
            self.out.rows += rows
            for cells, reason in ((unmatched, "history_unmatched"), (ambiguous, "history_shared")):
                for cell in cells:
                    heading = header.headings.get(cell.column, "")
                    self._unplaced(table, cell, heading, reason)
        self.out.skipped_sheets = self.doc.skipped
        self._finish()
        return self.out

    def _find_as_at(self) -> None:
        for block in self.doc.blocks:
            if isinstance(block, TextBlock):
                day = as_at_of(block.para.text)
                if day:
                    self._set_as_at(day)
                    return

    def _find_key(self) -> None:
        """The document's status key, wherever it is (above, beside or below the tables), read
        first so that every status cell takes the key's word for its colour."""
        for table in self.doc.key_tables:
            key_from_table(table, self.statuses)
        lines: list[list[tuple[str, str]]] = []  # a legend of one colour per paragraph
        for block in self.doc.blocks:
            if isinstance(block, TextBlock):
                text = block.para.text.strip()
                one = legend_entry(text)
                lines.append(key_entries(text) or ([one] if one else []))
                continue
            lines.append([])
            if is_key_table(block):
                key_from_table(block, self.statuses)
                continue
            for row in block.rows:  # a key line in a row of its own (Excel), a key row
                texts = [c.text for c in row if c.text and not c.continues]
                if len(texts) == 1 and (found := key_entries(texts[0])):
                    add_key_entries(found, self.statuses)
                for entry in key_row(row):
                    self.statuses.add_key(*entry)
        run: list[tuple[str, str]] = []
        for found in [*lines, []]:
            if len(found) == 1:
                run.extend(found)
                continue
            if len(run) >= 2:
                add_key_entries(run, self.statuses)
            run = []
            add_key_entries(found, self.statuses)

    def _set_as_at(self, day: str) -> None:
        """The document's own date ("Updated March 2018"): the plan's as-at, and the year of
        a quarter written without one ("Q3:")."""
        self.plan["as_at"] = day
        found = parse_day(day)
        self.as_at = found.month_end if found.precision == "month" else found.value

    def _finish(self) -> None:
        plan = self.plan
        if "as_at" not in plan:
            every = all_actions({"priorities": self.priorities})
            dates = [u["date"][:7] for a in every for u in a.get("updates", [])]
            if dates:
                plan["as_at"] = max(dates)
        plan["statuses"] = self.statuses.preset_name() or self.statuses.plan_list()
        for entry in self.statuses.unexplained():
            self.out.advice.append(("unexplained", {"place": entry.first_place,
                                                    "label": entry.label}))  # fmt: skip
        every = all_actions({"priorities": self.priorities})
        if not any(a.get(k) for a in every for k in ("status", "updates", "progress")):
            self.out.advice.append(("no_progress", {}))
        for sheet, cells, kind in self.doc.rules_unread:
            self.out.advice.append(("rule_unread", {"sheet": sheet, "cells": cells, "kind": kind}))
        for action in all_actions({"priorities": self.priorities}):
            ordered = {k: action[k] for k in ACTION_ORDER if k in action}
            action.clear()
            action.update(ordered)
        if self.intro:
            plan["introduction"] = para_markdown(self.intro)
        plan["priorities"] = self.priorities
        if self.notes:
            plan["notes"] = self.notes

    # --- paragraphs between tables --------------------------------------------------------
    def _note(self, para: Para, after_tables: bool) -> bool:
        """A note or footnote is one of the plan's notes, never a priority or its text."""
        text = " ".join(para.text.split())
        if as_at_of(text):
            return False
        if key_entries(text) or self._legend_line(text):
            return False  # a status key, read with the key (_find_key); left to _text
        kind = note_kind(para, after_tables)
        if kind == "note":
            self._flush_pending()
            self.notes.append(text)
        return bool(kind)

    def _text(self, para: Para) -> None:
        text = para.text.strip()
        if as_at_of(text):
            return
        if key_entries(text) or self._legend_line(text):
            return  # read with the key (_find_key)
        if para.heading and PLANNER_TITLE.match(text):
            # the reporting planner's section: its table goes to the planner, not a priority
            self._flush_pending()
            self._close_priority()
            self.planner_section = True
            return
        if para.heading:
            self.planner_section = False
            first = "title" not in self.plan and not self.priorities and self.priority is None
            plan_words = "plan" in text.lower() and not PRIORITY_WORDS.match(text)
            if first and (para.title or plan_words):
                self.plan["title"] = text
                return
            if self.pending and PRIORITY_WORDS.match(text):
                self.group, self.pending = self.pending, None  # a heading over recommendations
            self._flush_pending()
            if APPENDIX_WORDS.search(text):
                self._close_priority()
                return
            if PRIORITY_WORDS.match(text):
                self._start_priority(text, from_heading=True)
                return
            self.pending = text
            return
        self._flush_pending()
        if self.planner_section:  # the planner's own words: neither a priority's nor an item
            self.out.planner_text.append(" ".join(text.split()))
            return
        self._describe(para)

    def _legend_line(self, text: str) -> bool:
        """One line of a legend written a colour per paragraph ("Red: off target")."""
        found = legend_entry(text)
        return found is not None and found[1] in self.statuses.key_labels()

    def _flush_pending(self) -> None:
        """A heading that turned out not to name a priority: kept, in bold, in the text."""
        if self.pending:
            self._describe(Para([*bold(self.pending)]))
            self.pending = None

    def _describe(self, para: Para) -> None:
        self.out.paragraphs += 1
        (self.description if self.priority is not None else self.intro).append(para)

    # --- priorities and issues ----------------------------------------------------------
    def _start_priority(self, text: str, from_heading: bool) -> None:
        if PRIORITY_WORDS.match(text):
            self._group_from_priority()
        elif from_heading:
            self.group = ""  # a new section of the document
        self._close_priority()
        self.collecting = None
        ref, title = ref_and_title(unwrap(text))
        # no number in the document: no ref (an invented one could clash with a later one)
        self.priority = {"ref": ref, "title": title} if ref else {"title": title}
        if self.group:
            self.priority["group"] = self.group
        self.heading_priority = from_heading
        self.plain_priority = not PRIORITY_WORDS.match(text)
        self.pending = None

    def _group_from_priority(self) -> None:
        """A heading or a row ("Leadership and management") over several recommendations, with
        nothing of its own, groups them: it becomes their `group:`, not a priority."""
        current = self.priority
        if current is None or not self.plain_priority or self.description:
            return
        if any(current.get(k) for k in ("issues", "actions", "evidence", "children_will_say")):
            return
        self.group = current["title"]
        self.priority = None

    def _close_priority(self) -> None:
        if self.priority is None:
            return
        first = self.description[0] if self.description else None
        named_only = PRIORITY_WORDS.fullmatch(self.priority["title"].strip()) is not None
        if named_only and first is not None and statement(first):
            # "Key Priority 3" then one sentence: the sentence is the priority's title
            self.priority["title"] = first.text.strip()
            self.description = self.description[1:]
        if self.description:
            self.priority["description"] = para_markdown(self.description)
        self.description = []
        priority = self.priority
        ordered: dict[str, Any] = {
            k: priority[k] for k in ("ref", "title", "group", "description") if k in priority
        }
        for key in ("evidence", "children_will_say", "issues", "actions"):
            if priority.get(key):
                ordered[key] = priority[key]
        priority.clear()  # in place: a row's Source keeps pointing at it
        priority.update(ordered)
        self.priorities.append(priority)
        self.priority = None
        self.issue = None
        self.action = None

    def _ensure_priority(self) -> dict[str, Any]:
        if self.priority is None:
            self._start_priority(self.pending or DEFAULT_PRIORITY, from_heading=False)
        assert self.priority is not None
        return self.priority

    def _start_issue(self, text: str) -> None:
        text, new = strip_new(text, self.as_at)
        ref, title = ref_and_title(unwrap(text))
        issue: dict[str, Any] = {"ref": ref} if ref else {}
        issue["title"] = title
        if new:
            issue["new"] = new
        issue["actions"] = []
        self._ensure_priority().setdefault("issues", []).append(issue)
        self.issue = issue

    # --- tables -------------------------------------------------------------------------
    def _table(self, table: Table, joined: bool = False) -> None:
        """`joined`: the rows of a second table joined below another (`_second_heading_row`),
        never the first table's continuation."""
        self._where = table.name
        if is_key_table(table):
            return  # read with the key (_find_key)
        if self._planner(table):
            return
        header = find_header(table, self.map)
        continued = False
        last = self.last_header
        if (
            header is None
            and last is not None
            and table.columns == last[1]
            and not (self.pending or joined)
        ):
            # a table broken by a page or a paragraph, its heading row not repeated
            header = Header([0], last[0].fields, last[0].headings, last[0].shaded_progress)
            continued = True
        if header is None:
            for row in table.rows:
                for cell in row:
                    if cell.text and not cell.continues:
                        self._unplaced(table, cell, "", "not_a_plan_table")
            return
        used = header.used()
        mapping = {header.headings[c]: f for c, f in sorted(header.fields.items())}
        self.out.mapping.append((table.name, mapping))
        self.out.tables += 1
        if "update_date" in used and "title" not in used:
            self.history.append((table, header))
            return
        self.last_header = (header, table.columns)
        if self.pending:  # a heading straight above the table names its priority
            self._start_priority(self.pending, from_heading=True)
        if not continued:
            self.issue = None
            self.action = None
        first = header.rows[0]
        rest = self._second_heading_row(table, header)
        for row in table.rows[:rest]:
            if not row or row[0].row in header.rows:
                continue
            if row[0].row < first:
                self._above_header(table, row)
                continue
            self._row(table, header, row)
        if rest is not None:  # two tables joined into one: the rows below its heading row
            self._table(Table(table.name, table.rows[rest:], table.columns), joined=True)

    def _second_heading_row(self, table: Table, header: Header) -> int | None:
        """The index of the first row of a second table inside the table's body (two tables
        joined when the paragraph between them was deleted, as Word and LibreOffice join them):
        a heading row that names other columns, or a row laid out in fewer, wider columns than
        the heading row's. The rows from it on are read under their own headings (a table with
        no plan columns: each cell listed as not placed), not as actions."""
        heading_starts = {
            cell.column for row in table.rows if row and row[0].row in header.rows for cell in row
        }
        for index, row in enumerate(table.rows):
            if not row or row[0].row <= max(header.rows):
                continue
            if _wider_columns(row, heading_starts):
                return index
            fields = row_fields(row, self.map, exact=True)  # data cells say "On target" too
            named = {column: name for column, (name, _, _) in fields.items()}
            if looks_like_header(fields) and any(
                header.fields.get(column) != name for column, name in named.items()
            ):
                return index
        return None

    def _planner(self, table: Table) -> bool:
        """A reporting planner's table: its rows are the board's planner items."""
        planner = find_planner(table)
        if planner is None:
            return False
        items, left = planner_items(table, planner)
        self.out.planner.extend(items)
        self.out.planner_tables.append(table.name)
        self.out.tables += 1
        self.out.rows += len(items)
        headings = {c.column: c.text for r in table.rows for c in r if c.row in planner.header_rows}
        mapping = {
            headings[c]: f"planner {f}" for c, f in sorted(planner.fields.items()) if c in headings
        }
        self.out.mapping.append((table.name, mapping))
        for cell in left:
            self._unplaced(table, cell, headings.get(cell.column, ""), "planner_cell")
        self.pending = None  # "Reporting planner" above it names the planner, not a priority
        self.last_header = None
        return True

    def _above_header(self, table: Table, row: list[Cell]) -> None:
        """A sheet's title or "Updated March 2018" above its heading row; anything else there
        is reported."""
        texts = [c for c in row if c.text and not c.continues]
        if (len(texts) == 1 and key_entries(texts[0].text)) or key_row(row):
            return  # the status key, read with the key (_find_key)
        if len(texts) == 1:
            text = " ".join(texts[0].text.split())
            day = as_at_of(text)
            if day and "as_at" not in self.plan:
                self._set_as_at(day)
                return
            if "title" not in self.plan and not self.priorities and self.priority is None:
                self.plan["title"] = text
                return
        for cell in texts:
            self._unplaced(table, cell, "", "before_header")

    def _row(self, table: Table, header: Header, row: list[Cell]) -> None:
        self._headings = header.headings
        own = [c for c in row if not c.continues]
        if not any(c.text or c.fill or c.note for c in own):
            return  # blank, or only cells merged down from the row above
        if all(c.text == header.headings.get(c.column) for c in own if c.text):
            return  # the heading row again, as a table pasted together from pages has it
        # a lead or due date merged down over this row applies to it as well
        row = own + [c for c in row if c.continues and header.field_of(c) in INHERITED]
        filled = [c for c in row if c.text or c.fill or c.note]
        texts = [c for c in filled if re.search(r"\w", c.text)]
        if not texts and not any(header.field_of(c) in ("status", "progress") for c in filled):
            return  # a blank spacer row
        if len(texts) == 1 and key_entries(texts[0].text):
            return  # a key line below the table, read with the key (_find_key)
        self.out.rows += 1
        if self._labelled_row(table, header, filled, texts):
            return
        if len(texts) == 1 and len(filled) == 1 and self._grouping(table, header, texts[0]):
            grouped = self.issue if self.issue is not None else self.priority
            self.out.sources.append(Source(table.name, row[0].row, header, grouped))
            return
        self.collecting = None
        values: dict[str, list[Cell]] = {}
        for cell in filled:
            name = header.field_of(cell)
            heading = header.headings.get(cell.column, "")
            if name == IGNORE:
                continue
            if cell.note == "formula":
                self._unplaced(table, cell, heading, "formula")
            elif name is None:
                if cell.text:
                    self._unplaced(table, cell, heading, "no_column")
            elif name in values and name not in SHARED_FIELDS and not self._quarterly(name, cell):
                if cell.text:
                    self._unplaced(table, cell, heading, "duplicate_column")
            else:
                values.setdefault(name, []).append(cell)
        self._place(table, header, values)
        self.out.sources.append(Source(table.name, row[0].row, header, self.action))

    def _labelled_row(
        self, table: Table, header: Header, filled: list[Cell], texts: list[Cell]
    ) -> bool:
        """An "Evidence of success" or "What children and young people will say" row: its words
        are the priority's `evidence` or `children_will_say`, never an action; a status cell
        beside evidence is its status. A row with only the label starts a list that the rows
        of words below it carry on."""
        own = [c for i, c in enumerate(texts) if i == 0 or header.field_of(c) not in ROW_SIGNS]
        found = row_label(own)
        if found is not None:
            label, items = found
            self.collecting = None if items else label
        elif self.collecting is not None and texts and not ends_a_list(table, header, texts):
            label, items = self.collecting, [ln for c in own for ln in lines(c)]
        else:
            self.collecting = None
            return False
        rated = [c for c in filled if header.field_of(c) in ("status", "impact")]
        status = next((s for c in rated if (s := self._cell_status(c))), None)
        kept = own + rated if label == "evidence" else own  # evidence has a status
        for cell in texts:
            if cell not in kept:
                self._unplaced(table, cell, header.headings.get(cell.column, ""), "labelled")
        priority = self._ensure_priority()
        for item in items:
            entry: Any = item
            if label == "evidence":
                entry = {"text": item, "status": status} if status else {"text": item}
            priority.setdefault(label, []).append(entry)
        self.out.labelled[label] = self.out.labelled.get(label, 0) + len(items)
        return True

    def _area_beside_recommendation(self, text: str) -> bool:
        """Under a "Recommendation 2: ..." row, a priority column's plain words ("Leadership
        and management", on every row) are the recommendation's group, not a new priority."""
        current = self.priority
        if current is None or self.heading_priority or self.plain_priority:
            return False
        if PRIORITY_WORDS.match(text):
            return False
        area = " ".join(text.split())
        self.group = area
        if not current.get("actions") and not current.get("issues"):  # its first row
            current["group"] = area
        return True

    def _quarterly(self, name: str, cell: Cell) -> bool:
        """A second status column is a later quarter's when its heading has a date ("Q2 RAG")."""
        return name == "status" and self._heading_date(cell) is not None

    def _grouping(self, table: Table, header: Header, cell: Cell) -> bool:
        """A row with one cell across the table (or alone in the first column) groups rows."""
        wide = cell.width >= max(2, table.columns // 2)
        # alone in the first column, unmerged (Excel): a heading, unless it is the action itself
        # or a ref ("1.2"); "1. Leadership and governance" is a heading
        field = header.field_of(cell)
        first = cell.column == 1 and field not in ("title", "due", "status", "leads")
        heading_like = len(cell.text) > 3 and not REF_LIKE.match(cell.text.strip())
        if not (wide or (first and heading_like)):
            return False
        text = " ".join(cell.text.split())
        # inside a priority that has a heading, a plain grouping row is an issue
        if PRIORITY_WORDS.match(text) or not self.heading_priority:
            self._start_priority(text, from_heading=False)
        else:
            self._start_issue(text)
        self.action = None
        return True

    def _place(self, table: Table, header: Header, values: dict[str, list[Cell]]) -> None:
        def text(name: str) -> str:
            return "\n\n".join(para_markdown(c.paras) for c in values.get(name, [])).strip()

        # an inspection judgement area ("Leadership and management") over recommendations
        group_text = " ".join(unwrap(text("group")).split())
        if group_text and group_text != self.group:
            self.group = group_text
            self._close_priority()
        # a priority or issue written again on every row (as trackers do) is the same one
        priority_text = unwrap(text("priority"))
        if priority_text and not self._area_beside_recommendation(priority_text):
            current = self.priority["title"] if self.priority is not None else None
            if ref_and_title(priority_text)[1] != current:
                self._start_priority(priority_text, from_heading=False)
        self._children_will_say(values.pop("children_will_say", []))
        issue_text = text("issue")
        if issue_text and (self.issue is None or issue_text != self.issue_text):
            self._start_issue(issue_text)
            self.issue_text = issue_text
        ref, title = unwrap(text("ref")), unwrap(text("title"))
        # a row that names an issue but no action is the issue's own row (an untitled action);
        # so is a row under an issue with a lead of its own (a sub-row); other rows with no ref
        # and no action continue the action above
        own_lead = any(c.text and not c.continues for c in values.get("leads", []))
        sub_row = self.issue is not None and own_lead
        if not ref and not title and not text("issue") and not sub_row:
            self._continue(table, values)
            return
        action: dict[str, Any] = {}
        new = None
        if ref:
            ref, new = strip_new(ref, self.as_at)
            ref = ref.rstrip(".")
        if title:
            title, title_new = strip_new(title, self.as_at)
            new = new or title_new
            # the document's own number in front of the action ("NEW. 3.4 Develop ...")
            if not ref and ("ref" not in header.used() or title_new):
                found = numbered(title)
                if found:
                    ref, title = found
        if ref:
            action["ref"] = ref
        if title:
            action["title"] = title
        leads = self._leads(table, values)
        if leads:
            action["leads"] = leads
        for name in ("outcome", "measure"):
            if text(name):
                action[name] = text(name)
        action.update(due_fields(values.get("due", [])))
        status = self._status(values, header)
        if status:
            action["status"] = status
        impact = self._impact(table, values)
        if impact:
            action["impact"] = impact
        if new:
            action["new"] = new
        if text("source"):
            action["source"] = text("source")
        self._progress(table, values, action)
        rated = [u for u in action.get("updates", []) if u.get("status")]
        if "status" not in action and rated:  # the newest rated update's status
            action["status"] = max(rated, key=lambda u: u["date"])["status"]
        target = self.issue["actions"] if self.issue is not None else None
        if target is None:
            target = self._ensure_priority().setdefault("actions", [])
        target.append(action)
        self.action = action

    def _children_will_say(self, cells: list[Cell]) -> None:
        """A "What children will say" column: its lines are the priority's, said once."""
        said = [ln for c in cells if not c.continues for ln in lines(c)]
        if said:
            known = self._ensure_priority().setdefault("children_will_say", [])
            new = [x for x in dict.fromkeys(said) if x not in known]
            known.extend(new)
            counts = self.out.labelled
            counts["children_will_say"] = counts.get("children_will_say", 0) + len(new)

    def _leads(self, table: Table, values: dict[str, list[Cell]]) -> list[str]:
        """Every lead of the row's lead cells; a cell split into more leads than it has lines
        is told in the report, so a wrong split is seen."""
        found: list[str] = []
        for cell in values.get("leads", []):
            leads = leads_of(cell)
            if len(leads) > len(lines(cell)) and not cell.continues:
                text = " ".join(cell.text.split())
                self.out.split_leads.append((table.name, cell.row, cell.column, text, leads))
            found.extend(x for x in leads if x not in found)
        return found

    def _cell_status(self, cell: Cell) -> str | None:
        if cell.text:
            heading = self._headings.get(cell.column, "")
            place = f"{self._where}, row {cell.row}, column {cell.column}"
            return self.statuses.from_word(
                cell.text, f"{place} ({heading!r})" if heading else place
            )
        return self.statuses.from_fill(cell.fill) if cell.fill else None

    def _impact(self, table: Table, values: dict[str, list[Cell]]) -> str | None:
        """The measure's rating ("Impact BRAG"): a status word or the cell's shading, as the
        status column; a cell whose words name no status is reported, not placed."""
        for cell in values.get("impact", []):
            if cell.text:
                found = self.statuses.known_word(cell.text)
            else:
                found = self.statuses.from_fill(cell.fill) if cell.fill else None
            if found:
                return found
            if cell.text:
                self._unplaced(table, cell, self._headings.get(cell.column, ""), "impact")
        return None

    def _status(self, values: dict[str, list[Cell]], header: Header) -> str | None:
        # one status column per quarter ("Q1 RAG", "Q2 RAG"): the latest rated one is current
        for cell in reversed(values.get("status", [])):
            if cell.text or cell.fill:
                return self._cell_status(cell)
        if header.shaded_progress or "status" not in header.used():
            for cell in values.get("progress", []):
                if cell.fill:
                    return self.statuses.from_fill(cell.fill)
        return None

    def _progress(
        self, table: Table, values: dict[str, list[Cell]], action: dict[str, Any]
    ) -> None:
        found = split_progress([], self.as_at)
        for cell in values.get("progress", []):
            part = split_progress(cell.paras, self.as_at)
            # one progress column per quarter ("Q1 update", "June 2016"): its text has that date
            day = self._heading_date(cell)
            if day and part.progress and not part.updates:
                part.updates, part.progress = [{"date": day, "text": part.progress}], ""
            found.updates.extend(part.updates)
            found.progress = f"{found.progress}\n\n{part.progress}".strip()
        # an "Update date" column beside the progress dates progress text that has no date
        for cell in values.get("update_date", []):
            day = when(cell.text, self.as_at)
            if day and found.progress and not found.updates:
                found.updates, found.progress = [{"date": day, "text": found.progress}], ""
            elif cell.text:
                self._unplaced(table, cell, self._headings.get(cell.column, ""), "update_date")
        for update in found.updates:
            m = RAG_IN_TEXT.search(update["text"])
            status = self.statuses.from_word(m.group("word")) if m else None
            if status:
                update["status"] = status
        dated_ratings = [(self._heading_date(c), c) for c in values.get("status", [])[:-1]]
        for day, cell in dated_ratings:  # an earlier quarter's rating: its update's status
            same = [u for u in found.updates if day and u["date"][:7] == day[:7]]
            rating = self._cell_status(cell) if same else None
            if rating:
                same[0]["status"] = rating
        if found.progress:
            before = action.get("progress", "")
            action["progress"] = f"{before}\n\n{found.progress}".strip()
        if found.updates:
            action.setdefault("updates", []).extend(found.updates)

    def _heading_date(self, cell: Cell) -> str | None:
        heading = self._headings.get(cell.column, "")
        return when(heading, self.as_at) if heading else None

    def _continue(self, table: Table, values: dict[str, list[Cell]]) -> None:
        """A row with no ref and no action adds to the action above (a milestone, an update)."""
        action = self.action
        if action is None:
            for cells in values.values():
                for cell in cells:
                    if cell.text:
                        self._unplaced(table, cell, "", "no_action")
            return
        leads = self._leads(table, values)
        action.setdefault("leads", []).extend(x for x in leads if x not in action["leads"])
        if not action["leads"]:
            del action["leads"]
        due_cells = values.get("due", [])
        written = due_fields(due_cells)
        if written.get("due_was"):  # a step's date struck out: an earlier date of the action's
            was = action.setdefault("due_was", [])
            was.extend(w for w in written["due_was"] if w not in was)
        if "due" in written:
            due = written["due"]
            result = "\n\n".join(para_markdown(c.paras) for c in values.get("progress", []))
            keys = [k for c in values.get("status", []) if (k := self._cell_status(c))]
            milestone = {"due": due, "what": "", "result": result.strip()}
            if keys:  # the step's own rating, in the plan's words
                label = self.statuses.label(keys[0])
                milestone["result"] = f"{milestone['result']} ({label})".strip()
            if not milestone["what"]:
                del milestone["what"]
            action.setdefault("milestones", []).append(milestone)
        else:
            self._progress(table, values, action)
            for cell in values.get("status", []):
                status = self._cell_status(cell)
                if status and "status" not in action:
                    action["status"] = status
                elif status:
                    self._unplaced(table, cell, self._headings.get(cell.column, ""), "status_twice")
        if "impact" not in action and (impact := self._impact(table, values)):
            action["impact"] = impact
        elif "impact" in action:  # a rating is already given: this one has no place
            for cell in values.get("impact", []):
                heading = self._headings.get(cell.column, "")
                self._unplaced(table, cell, heading, "impact_twice")
        for name in ("outcome", "measure", "source"):
            extra = "\n\n".join(para_markdown(c.paras) for c in values.get(name, []))
            if extra:
                action[name] = f"{action.get(name, '')}\n\n{extra}".strip()

    # --- a history table (the export's appendix, or a tracker's updates log) -----------------
    def _unplaced(self, table: Table, cell: Cell, heading: str, why: str) -> None:
        text = " ".join(cell.text.split())
        self.out.unplaced.append(Unplaced(table.name, cell.row, cell.column, heading, why, text))


def map_document(document: Document, plan_map: dict[str, str]) -> Outcome:
    outcome = Mapper(document, plan_map).run()
    outcome.hidden = document.hidden  # never in the plan; the report lists it
    return outcome


def _wider_columns(row: list[Cell], heading_starts: set[int]) -> bool:
    """Every one of the row's cells (two or more) spans several of the heading row's columns:
    not an action with two cells merged, but another table's layout (a narrower table joined
    below: LibreOffice saves two Word tables with nothing between them as one, as Word shows
    them)."""
    return len(row) > 1 and all(
        sum(cell.column <= start < cell.column + cell.width for start in heading_starts) > 1
        for cell in row
    )
