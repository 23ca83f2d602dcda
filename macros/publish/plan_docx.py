"""Each plan as a Word document for board papers: `site/downloads/<id>.docx`, `make export`.

Accessible: the title and headings use Word's heading styles, every table's first row is marked
as a header row repeated on each page, and status is written in words as well as shaded.
`make import` reads the file back to the same plan (tests/test_import_roundtrip.py).
Deterministic: the file's dates are the plan's as-at date, so an unchanged plan gives the same bytes.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, time
from typing import Any

from macros.model.dates import parse_day
from macros.model.plan import Action, Plan, Update
from macros.model.site import Site
from macros.publish.spreadsheet import _restamped
from macros.read.office.clean import clean
from macros.read.office.words import EXPORT as WORDS
from macros.read.office.words import EXPORT_COLUMNS, HISTORY_COLUMNS, KEY_COLUMNS
from macros.render.colours import text_on

TAG = re.compile(r"<[^>]+>")
STYLED = re.compile(r"(\*\*\*[^*]+\*\*\*|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|<b>.*?</b>|<strong>.*?</strong>|<i>.*?</i>|<em>.*?</em>)", re.S)  # fmt: skip


def path(plan: Plan) -> str:
    return f"downloads/{plan.id}.docx"


def files(site: Site) -> dict[str, bytes]:
    return {path(plan): plan_docx(plan) for plan in site.plans}


def _when(written: str) -> str:
    day = parse_day(written)
    if day.precision == "day":
        return f"{day.value.day} {day.value:%B %Y}"
    return f"{day.value:%B %Y}"


def plan_docx(plan: Plan) -> bytes:
    # imported here: only the process that publishes needs python-docx
    import docx

    document = docx.Document()
    document.core_properties.title = plan.title
    document.core_properties.author = "Plansite"
    stamp = datetime.combine(plan.as_at_date, time())
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    document.core_properties.last_printed = stamp
    document.core_properties.revision = 1
    document.core_properties.language = "en-GB"
    document.add_heading(clean(plan.title), level=0)
    if plan.progress_date is not None:
        day = plan.progress_date
        document.add_paragraph(WORDS["as_at"].format(date=f"{day.day} {day:%B %Y}"))
    _key(document, plan)
    for priority in plan.priorities:
        heading = WORDS["priority"].format(ref=priority.ref, title=priority.title)
        document.add_heading(clean(heading), 1)
        table = _table(document, EXPORT_COLUMNS, heading)
        for action in priority.actions:
            _action_row(table, plan, action)
        for issue in priority.issues:
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            _write(merged, f"{issue.ref} {_new(issue.new)}{issue.title}".strip(), bold=True)
            for action in issue.actions:
                _action_row(table, plan, action)
    document.add_heading(WORDS["appendix"], 1)
    table = _table(document, HISTORY_COLUMNS, WORDS["appendix"])
    for priority in plan.priorities:
        for action in priority.all_actions:
            for update in action.updates_oldest_first:
                cells = table.add_row().cells
                _write(cells[0], priority.ref)
                # the ref as written (refs may restart in each priority), else the action itself
                _write(cells[1], action.written_ref or _title(action))
                _write(cells[2], _when(update.date))
                if update.status:
                    _status(cells[3], plan, update.status)
                _markdown(cells[4], update.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _restamped(buffer.getvalue(), stamp, {})


def _key(document: Any, plan: Plan) -> None:
    document.add_heading(WORDS["key"], 1)
    table = _table(document, KEY_COLUMNS, WORDS["key"])
    for status in plan.statuses:
        cells = table.add_row().cells
        _status(cells[0], plan, status.key)
        _write(cells[1], status.meaning)
        _write(cells[2], WORDS["yes"] if status.done else WORDS["no"])


def _table(document: Any, columns: list[str], caption: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    described = OxmlElement("w:tblCaption")  # the table's title for screen readers (Alt Text)
    described.set(qn("w:val"), clean(caption))
    table._tbl.tblPr.append(described)
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # a header row, repeated at the top of every page
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, name in zip(header.cells, columns, strict=True):
        _write(cell, name, bold=True)
    return table


def _action_row(table: Any, plan: Plan, action: Action) -> None:
    cells = table.add_row().cells
    _write(cells[0], action.written_ref)
    _markdown(cells[1], _title(action))
    _lines(cells[2], action.leads)
    paragraph = cells[3].paragraphs[0]
    for index, earlier in enumerate(action.due_was):
        run = paragraph.add_run(clean(earlier))
        run.font.strike = True
        if index + 1 < len(action.due_was) or action.due:
            paragraph = cells[3].add_paragraph()
    if action.due:
        paragraph.add_run(clean(action.due))
    if action.status:
        _status(cells[4], plan, action.status)
    # undated progress first, then the latest update (the appendix holds every update)
    latest: Update | None = action.latest_update
    parts = [action.progress] if action.progress else []
    if latest is not None:
        parts.append(WORDS["update"].format(date=_when(latest.date), text=latest.text))
    _markdown(cells[5], "\n\n".join(parts))


def _title(action: Action) -> str:
    """A sub-row under an issue may have no title of its own: it shows the issue's."""
    return _new(action.new) + (action.title if action.has_own_title else "")


def _new(marker: str | None) -> str:
    """ "NEW " or "NEW (June 2026) ", as boards mark an added action; the import reads it back."""
    if marker is None:
        return ""
    if marker.lower() in {"true", "yes", "y"}:
        return WORDS["new"]
    return WORDS["new_since"].format(date=_when(marker))


def _status(cell: Any, plan: Plan, key: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    status = plan.vocabulary.find(key)
    if status is None:
        _write(cell, key)
        return
    shade = OxmlElement("w:shd")
    shade.set(qn("w:val"), "clear")
    shade.set(qn("w:color"), "auto")
    shade.set(qn("w:fill"), status.colour.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shade)
    run = cell.paragraphs[0].add_run(clean(status.label))
    run.font.color.rgb = RGBColor.from_string(text_on(status.colour).lstrip("#").upper())


def _write(cell: Any, text: str, bold: bool = False) -> None:
    cell.paragraphs[0].add_run(clean(text)).bold = bold


def _lines(cell: Any, lines: list[str]) -> None:
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(clean(line))


def _markdown(cell: Any, text: str) -> None:
    """Markdown (or the HTML plans may carry) as Word paragraphs, bullets and bold/italic runs."""
    text = re.sub(r"</p>\s*<p>|<br\s*/?>|</?[uo]l>", "\n\n", text)
    text = re.sub(r"\s*<li>\s*", "\n- ", text).replace("</li>", "")
    blocks = [b.strip() for b in re.split(r"\n\s*\n|(?=^- )", text, flags=re.M) if b.strip()]
    first = True
    for block in blocks:
        for line in block.split("\n") if block.startswith("- ") else [block]:
            bullet = line.startswith("- ")
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            if bullet:
                paragraph.style = "List Bullet"
                line = line[2:]
            for piece in STYLED.split(" ".join(line.split())):
                if not piece:
                    continue
                bold = piece.startswith(("**", "<b>", "<strong>"))
                italic = piece.startswith(("*", "<i>", "<em>")) and not piece.startswith("**")
                if piece.startswith("***"):
                    bold = italic = True
                words = TAG.sub("", piece.strip("*") if (bold or italic) else piece)
                run = paragraph.add_run(clean(TAG.sub("", words)))
                run.bold = bold or None
                run.italic = italic or None
