"""Rows and paragraphs that are not actions: an "Evidence of success" or "What children and
young people will say" row (its priority's `evidence` or `children_will_say`), and notes and
footnotes (the plan's `notes:`). Pure: mapper.py decides where the words go."""

from __future__ import annotations

from plansite.office.cells import lines
from plansite.office.columns import Header
from plansite.office.document import Cell, Para, Table
from plansite.office.words import (
    ACTION_SIGNS,
    APPENDIX_WORDS,
    NOTE_LINE,
    NOTES_HEADING,
    PRIORITY_WORDS,
    ROW_LABELS,
)


def row_label(texts: list[Cell]) -> tuple[str, list[str]] | None:
    """("evidence", its items) for a row whose first words are such a label; the items are
    the words after the label and in the row's other cells, one a line (none: the rows below
    carry the list)."""
    first = texts[0].text.strip() if texts else ""
    for name, pattern in ROW_LABELS.items():
        m = pattern.match(first)
        if m:
            rest = [ln.strip(" -•") for ln in first[m.end() :].split("\n") if ln.strip(" -•:")]
            return name, rest + [ln for c in texts[1:] for ln in lines(c)]
    return None


def ends_a_list(table: Table, header: Header, texts: list[Cell]) -> bool:
    """A row that is an action or a grouping row, which ends a list under a label."""
    if any(header.field_of(c) in ACTION_SIGNS for c in texts):
        return True
    wide = len(texts) == 1 and texts[0].width >= max(2, table.columns // 2)
    return wide or any(PRIORITY_WORDS.match(c.text.strip()) for c in texts)


def note_kind(para: Para, after_tables: bool) -> str:
    """ "note" for a note or footnote ("Note: ...", "* ...", anything after the last table but
    a priority's or appendix's heading); "heading" for the "Notes" heading over them; ""."""
    text = " ".join(para.text.split())
    if after_tables and para.heading and NOTES_HEADING.match(text):
        return "heading"
    if NOTE_LINE.match(text):
        return "note"
    named = para.heading and (PRIORITY_WORDS.match(text) or APPENDIX_WORDS.search(text))
    return "note" if after_tables and not named else ""
