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

from macros.model.dates import parse_day
from macros.read.office.cells import (
    bold,
    due_fields,
    lines,
    ref_and_title,
    statement,
    strip_new,
)
from macros.read.office.columns import IGNORE, REF_LIKE, Header, find_header
from macros.read.office.document import Cell, Document, Para, Table, TextBlock
from macros.read.office.history import apply_history
from macros.read.office.progress import para_markdown, split_progress, when
from macros.read.office.statuses import Statuses, is_key_table, key_from_line, key_from_table
from macros.read.office.words import (
    APPENDIX_WORDS,
    AS_AT,
    DEFAULT_PRIORITY,
    NUMBERED,
    PRIORITY_WORDS,
    RAG_IN_TEXT,
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
class Outcome:
    plan: Plan
    tables: int = 0
    rows: int = 0
    paragraphs: int = 0  # text between tables, placed in the introduction or descriptions
    mapping: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # table, heading->field
    unplaced: list[Unplaced] = field(default_factory=list)
    statuses: Statuses = field(default_factory=Statuses)
    skipped_sheets: list[str] = field(default_factory=list)

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
        self._headings: dict[
            int, str
        ] = {}  # the current table's headings, for the report  # the last plan table's, and its width

    # --- the whole document -------------------------------------------------------------
    def run(self) -> Outcome:
        self._find_as_at()
        for table in self.doc.key_tables:
            key_from_table(table, self.statuses)
        for block in self.doc.blocks:
            if isinstance(block, TextBlock):
                self._text(block.para)
            else:
                self._table(block)
        self._flush_pending()
        self._close_priority()
        for table, header in self.history:
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
                m = AS_AT.match(block.para.text.strip())
                if m:
                    day = when(m.group("date"), None)
                    if day:
                        self._set_as_at(day)
                        return

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
        for action in all_actions({"priorities": self.priorities}):
            ordered = {k: action[k] for k in ACTION_ORDER if k in action}
            action.clear()
            action.update(ordered)
        if self.intro:
            plan["introduction"] = para_markdown(self.intro)
        plan["priorities"] = self.priorities

    # --- paragraphs between tables --------------------------------------------------------
    def _text(self, para: Para) -> None:
        text = para.text.strip()
        if AS_AT.match(text) and when(text, None):
            return
        if key_from_line(text, self.statuses):
            return
        if para.heading:
            first = "title" not in self.plan and not self.priorities and self.priority is None
            plan_words = "plan" in text.lower() and not PRIORITY_WORDS.match(text)
            if first and (para.title or plan_words):
                self.plan["title"] = text
                return
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
        self._describe(para)

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
        self._close_priority()
        ref, title = ref_and_title(text)
        # a heading with no number keeps none: the site numbers it only for its address
        self.priority = {"ref": ref, "title": title} if ref else {"title": title}
        self.heading_priority = from_heading
        self.pending = None

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
            k: priority[k] for k in ("ref", "title", "description") if k in priority
        }
        for key in ("issues", "actions"):
            if priority.get(key):
                ordered[key] = priority[key]
        self.priorities.append(ordered)
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
        ref, title = ref_and_title(text)
        issue: dict[str, Any] = {"ref": ref} if ref else {}
        issue["title"] = title
        if new:
            issue["new"] = new
        issue["actions"] = []
        self._ensure_priority().setdefault("issues", []).append(issue)
        self.issue = issue

    # --- tables -------------------------------------------------------------------------
    def _table(self, table: Table) -> None:
        if is_key_table(table):
            key_from_table(table, self.statuses)
            return
        header = find_header(table, self.map)
        continued = False
        last = self.last_header
        if header is None and last is not None and table.columns == last[1] and not self.pending:
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
        for row in table.rows:
            if not row or row[0].row in header.rows:
                continue
            if row[0].row < first:
                self._above_header(table, row)
                continue
            self._row(table, header, row)

    def _above_header(self, table: Table, row: list[Cell]) -> None:
        """A sheet's title or "Updated March 2018" above its heading row; anything else there
        is reported."""
        texts = [c for c in row if c.text and not c.continues]
        if len(texts) == 1:
            text = " ".join(texts[0].text.split())
            m = AS_AT.match(text)
            day = when(m.group("date"), None) if m else None
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
        self.out.rows += 1
        if len(texts) == 1 and len(filled) == 1 and self._grouping(table, header, texts[0]):
            return
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

        # a priority or issue written again on every row (as trackers do) is the same one
        priority_text = text("priority")
        if priority_text:
            current = self.priority["title"] if self.priority is not None else None
            if ref_and_title(priority_text)[1] != current:
                self._start_priority(priority_text, from_heading=False)
        issue_text = text("issue")
        if issue_text and (self.issue is None or issue_text != self.issue_text):
            self._start_issue(issue_text)
            self.issue_text = issue_text
        ref, title = text("ref"), text("title")
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
            if not ref and "ref" not in header.used():
                number = NUMBERED.match(title)
                if number:
                    ref, title = number.group(1), title[number.end() :].strip()
        if ref:
            action["ref"] = ref
        if title:
            action["title"] = title
        leads = [ln for c in values.get("leads", []) for ln in lines(c)]
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

    def _cell_status(self, cell: Cell) -> str | None:
        if cell.text:
            return self.statuses.from_word(cell.text)
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
        leads = [ln for c in values.get("leads", []) for ln in lines(c)]
        action.setdefault("leads", []).extend(x for x in leads if x not in action["leads"])
        if not action["leads"]:
            del action["leads"]
        due_cells = values.get("due", [])
        if due_cells:
            due = " ".join(" ".join(c.text.split()) for c in due_cells)
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
    return Mapper(document, plan_map).run()
