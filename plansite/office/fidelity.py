"""The import's proof: every cell of the document's tables, looked for in the plan as written.

The plan file the import wrote is loaded back through the model, and each cell with words is
looked for in the part of the plan its row gave (mapper.Source: the row's action, or the
priority or issue a grouping row started, with the priority and issue around it). A cell is
placed (its words are there), left out (listed as not placed, with the reason) or changed (its
words are not there and nobody said so): a changed cell stops the import. Words are compared
after normalising case, spacing, Markdown markers and smart quotes; words the import turns into
fields of their own (a month in "Update Mar 26:", "NEW", "Priority 2:") may be missing.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError

from plansite.model.dates import MONTH_NAMES
from plansite.model.plan import Plan as PlanModel
from plansite.office.cells import runs_of
from plansite.office.columns import IGNORE
from plansite.office.document import Cell, Document, Table, place
from plansite.office.mapper import Outcome
from plansite.office.statuses import is_key_table
from plansite.office.words import WHY

WORD = re.compile(r"[^\W_]+")
SMART = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
# words the import makes into fields of their own, or drops as markers (docs/maintainers/import.md)
MARKERS = {
    "new", "added", "from", "update", "updated", "updates", "rag", "brag", "priority", "key",
    "strategic", "business", "theme", "recommendation", "objective", "workstream", "area",
    "outcome", "q1", "q2", "q3", "q4", "quarter", "st", "nd", "rd", "th",
}  # fmt: skip
MONTHS = {m.lower().rstrip(".") for m in re.split(r"\W+", MONTH_NAMES) if m}
DATED = {"due", "progress", "update_date", "status", "impact"}  # their dates become fields
PLACED, CHANGED, LEFT_OUT = "placed", "changed", "left out"
YES_NO = {"yes", "no", "y", "n", "true", "false"}  # a key's "counts as done" column
COLOURS = {"red", "amber", "green", "blue", "grey", "gray", "black", "orange", "yellow", "purple"}
# a ref written in parts ("1" on the issue's row, "a" on the action's) is joined in the plan
REF_PART = re.compile(r"[a-z]|\d{1,2}[a-z]?")


@dataclass
class Finding:
    where: str  # "table 2, row 14, column 5 (Status)" or "sheet Actions, G14 (Status)"
    verdict: str  # PLACED, CHANGED or LEFT_OUT
    text: str  # the cell's words
    plan_text: str = ""  # what the plan has there (a changed cell)
    why: str = ""  # why it was left out


@dataclass
class Fidelity:
    findings: list[Finding] = field(default_factory=list)

    def count(self, verdict: str) -> int:
        return sum(1 for f in self.findings if f.verdict == verdict)


def words(text: str) -> list[str]:
    """A text's words, compared as a reader sees them: no case, Markdown or smart quotes."""
    plain = text.translate(SMART).lower().replace("**", " ").replace("\\", "")
    return WORD.findall(plain)


def written_plan(text: str) -> dict[str, Any]:
    """The plan file as the site reads it: loaded through the model (as YAML text, as the site
    reads it); a plan the model refuses is compared as written (`make check` names the fault)."""
    data = yaml.load(text, Loader=yaml.BaseLoader) or {}
    try:
        model = PlanModel.model_validate(data)
    except ValidationError:
        return data if isinstance(data, dict) else {}
    dumped = model.model_dump(mode="json")
    # refs that restart in each priority are shown joined to it ("1b" for "b"): both forms count
    actions = [
        a for p in dumped["priorities"] for a in [*(x for i in p["issues"] for x in i["actions"]),
                                                  *p["actions"]]
    ]  # fmt: skip
    for shown, action in zip(actions, model.actions, strict=True):
        shown["ref_as_written"] = action.written_ref
    return dumped


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [] if value is None else [str(value)]


def _paths(plan: dict[str, Any]) -> dict[int, list[tuple[str, int]]]:
    """Where each priority, issue and action dict sits in the plan: its path of (list, index)."""
    found: dict[int, list[tuple[str, int]]] = {}
    for p, priority in enumerate(plan.get("priorities") or []):
        found[id(priority)] = [("priorities", p)]
        for i, issue in enumerate(priority.get("issues") or []):
            found[id(issue)] = [("priorities", p), ("issues", i)]
            for a, action in enumerate(issue.get("actions") or []):
                found[id(action)] = [("priorities", p), ("issues", i), ("actions", a)]
        for a, action in enumerate(priority.get("actions") or []):
            found[id(action)] = [("priorities", p), ("actions", a)]
    return found


def _follow(plan: dict[str, Any], path: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """The parts along `path` in the written plan, outermost first (empty when it is not there)."""
    parts, here = [], plan
    for key, index in path:
        items = here.get(key) or []
        if index >= len(items) or not isinstance(items[index], dict):
            return []
        here = items[index]
        parts.append(here)
    return parts


class Comparison:
    def __init__(self, document: Document, outcome: Outcome, written: dict[str, Any]) -> None:
        self.outcome = outcome
        self.written = written
        self.tables = document.tables
        self.paths = _paths(outcome.plan)
        self.statuses = copy.deepcopy(outcome.statuses)  # its counts are the report's
        self.unplaced = {(u.table, u.row, u.column): u for u in outcome.unplaced}
        self.sources = {(s.table, s.row): s for s in outcome.sources}
        self.headers = {s.table: s.header for s in outcome.sources}
        self.headings = {w for _, m in outcome.mapping for h in m for w in words(h)}
        self.everything = set(words(" ".join(_strings(written))))
        self.planner_words = set(words(" ".join(_strings(outcome.planner))))

    def run(self) -> Fidelity:
        result = Fidelity()
        for table in self.tables:
            if table.name in self.outcome.planner_tables:
                result.findings += self._planner_cells(table)
                continue
            header = self.headers.get(table.name)
            key = is_key_table(table)
            for row in table.rows:
                if header is not None and row and row[0].row in header.rows:
                    continue  # the heading row: its words are in the report's column list
                for cell in row:
                    if not (cell.text or cell.note) or cell.continues:
                        continue
                    finding = self._key_cell(table, cell) if key else self._cell(table, cell)
                    if finding is not None:
                        result.findings.append(finding)
        return result

    def _key_cell(self, table: Table, cell: Cell) -> Finding | None:
        """A cell of the document's status key: its words are the plan's statuses' (a label,
        a meaning, yes or no for done); a row that is not a status is the key's heading."""
        statuses = self.written.get("statuses")
        said = set(words(" ".join(_strings(statuses)))) | YES_NO | COLOURS
        row = next(r for r in table.rows if r and r[0].row == cell.row)
        if not any(set(words(c.text)) & COLOURS or c.fill for c in row):
            return None  # the key's heading row ("Status", "What it means")
        text = " ".join(cell.text.split())
        missing = set(words(text)) - said
        where = place(table.name, cell.row, cell.column, "")
        if missing - MARKERS:
            return Finding(where, CHANGED, text, plan_text=" ".join(_strings(statuses)))
        return Finding(where, PLACED, text)

    def _planner_cells(self, table: Table) -> list[Finding]:
        """A reporting planner's cells: their words are the planner items the import wrote."""
        found = []
        for row in table.rows:
            for cell in row:
                if (cell.text or cell.note) and not cell.continues:
                    text = " ".join(cell.text.split()) or cell.note
                    missing = set(words(text)) - self.planner_words - self.headings
                    where = place(table.name, cell.row, cell.column, "")
                    found.append(self._verdict(where, text, missing, "status", ""))
        return found

    def _cell(self, table: Table, cell: Cell) -> Finding:
        source = self.sources.get((table.name, cell.row))
        header = source.header if source else self.headers.get(table.name)
        heading = header.headings.get(cell.column, "") if header else ""
        name = header.fields.get(cell.column) if header else None
        where = place(table.name, cell.row, cell.column, heading)
        text = " ".join(cell.text.split()) or cell.note
        if unplaced := self.unplaced.get((table.name, cell.row, cell.column)):
            return Finding(where, LEFT_OUT, text, why=WHY[unplaced.why])
        if name == IGNORE:
            return Finding(where, LEFT_OUT, text, why=WHY["ignored"])
        wanted = set(words(_apart(cell)))
        if source is None or source.target is None:
            # a row no part of the plan came from: a heading repeated, a title above the
            # headings, a history table's dated update; its words may be anywhere in the plan
            missing = wanted - self.everything - self.headings
            return self._verdict(where, text, missing, name, "")
        parts = _follow(self.written, self.paths.get(id(source.target), []))
        if not parts:
            return Finding(where, CHANGED, text, plan_text="nothing: that part is not in the plan")
        target = parts[-1]
        if name in ("status", "impact") and self._rating(cell, parts):
            return Finding(where, PLACED, text)
        own = [{k: v for k, v in part.items() if k not in ("issues", "actions")} for part in parts]
        found = set(words(" ".join(_strings(own))))
        return self._verdict(where, text, wanted - found, name, _field_text(target, name))

    def _rating(self, cell: Cell, parts: list[dict[str, Any]]) -> bool:
        """A status or impact word: placed when its status is the action's, or an update's."""
        key = self.statuses.from_word(cell.text)
        action = parts[-1]
        given = {action.get("status"), action.get("impact")}
        given |= {u.get("status") for u in action.get("updates") or [] if isinstance(u, dict)}
        return key is not None and key in given

    def _ref_part(self, part: str) -> bool:
        return any(w.endswith(part) and w[: -len(part)].isdigit() for w in self.everything)

    def _verdict(
        self, where: str, text: str, missing: set[str], name: str | None, plan_text: str
    ) -> Finding:
        missing -= MARKERS | MONTHS
        if name in DATED:
            missing = {w for w in missing if not w.isdigit()}
        # a year written short ("NEW - added Jan 16") is written in full in the plan
        missing = {w for w in missing if not (len(w) == 2 and f"20{w}" in self.everything)}
        if name in ("ref", None):
            missing = {w for w in missing if not (REF_PART.fullmatch(w) and self._ref_part(w))}
        if not missing:
            return Finding(where, PLACED, text)
        return Finding(where, CHANGED, text, plan_text=plan_text or "nothing")


def _field_text(target: dict[str, Any], name: str | None) -> str:
    """What the plan has for the cell's column, to show beside the cell."""
    keys = {"due": ("due", "due_was", "milestones"), "progress": ("progress", "updates")}
    chosen = keys.get(name or "", (name or "title",))
    return " ".join(" ".join(_strings(target.get(k))) for k in chosen).strip()


def _apart(cell: Cell) -> str:
    """The cell's words with struck-through runs kept apart from the words beside them: "Mar 16"
    struck then "June 16" is read as two dates (due_was and due), never "Mar 16June 16"."""
    return " ".join(" ".join([*runs_of(p, True), *runs_of(p, False)]) for p in cell.paras) or (
        cell.note
    )


def compare_cells(document: Document, outcome: Outcome, plan_text: str) -> Fidelity:
    """Every cell of the document's tables against the plan file's text as written."""
    return Comparison(document, outcome, written_plan(plan_text)).run()
