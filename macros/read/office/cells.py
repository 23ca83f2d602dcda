"""What one cell says: its lines, a NEW marker, a ref in front of a title, due dates."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from macros.model.dates import DateError, parse_due
from macros.read.office.document import Cell, Para, Span
from macros.read.office.progress import when
from macros.read.office.words import NEW_MARKER, NEW_WORD_MARKER, NUMBERED, PRIORITY_WORDS


def lines(cell: Cell) -> list[str]:
    lines = [ln.strip().lstrip("•·▪◦-* ").strip() for p in cell.paras for ln in p.plain.split("\n")]
    return [ln for ln in lines if ln]


def strip_new(text: str, as_at: date | None) -> tuple[str, str | None]:
    """("Review the protocol", "2016-01") from "NEW – added Jan 16: Review the protocol"."""
    for pattern in (NEW_MARKER, NEW_WORD_MARKER):
        m = pattern.search(text)
        if m and (pattern is NEW_MARKER or m.start() == 0):
            written = m.group("date")
            marker = (when(written, as_at) or "true") if written else "true"
            rest = (text[: m.start()] + " " + text[m.end() :]).replace("** **", " ")
            rest = re.sub(r"\*\*\s*\*\*", "", rest).strip()
            return re.sub(r"[ \t]{2,}", " ", rest).strip(), marker[
                :7
            ] if marker != "true" else marker
    return text, None


def ref_and_title(text: str) -> tuple[str, str]:
    m = PRIORITY_WORDS.match(text)
    if m and m.group(3):
        rest = text[m.end() :].strip()
        if m.group(5) and rest:  # "Recommendation 3 (para 42): ..." keeps its paragraph
            rest = f"{rest} {m.group(5)}"
        return m.group(3), rest or text.strip()
    m = NUMBERED.match(text)
    if m:
        return m.group(1), text[m.end() :].strip()
    return "", text.strip()


def runs_of(para: Para, struck: bool) -> list[str]:
    """The paragraph's struck-through (or standing) words, each unbroken stretch apart: "Mar 16"
    struck beside "June 16" is two dates, never "Mar 16June 16"."""
    groups: list[str] = []
    previous: bool | None = None
    for span in para.spans:
        if span.strike == struck:
            if previous == struck and groups:
                groups[-1] += span.text
            else:
                groups.append(span.text)
        previous = span.strike
    return [g for part in groups for g in part.split("\n") if g.strip()]


def due_fields(cells: list[Cell]) -> dict[str, Any]:
    """`due`, `due_was` (struck through) and `milestones` (several dated lines) of due cells."""
    found: dict[str, Any] = {}
    lines = [" ".join(runs_of(p, False)) for c in cells for p in c.paras]
    lines = [ln for line in lines for ln in line.split("\n") if ln.strip()]
    struck = [ln for c in cells for p in c.paras for ln in runs_of(p, True)]
    lines = [" ".join(ln.split()).strip(" ,;") for ln in lines]
    lines = [ln for ln in lines if ln]
    dated = [ln for ln in lines if has_date(ln)]
    if len(lines) > 1 and len(dated) == len(lines):
        found["due"] = lines[-1]
        found["milestones"] = [milestone(ln) for ln in lines]
    elif lines:
        found["due"] = " ".join(lines)
    if struck:
        found["due_was"] = [" ".join(s.split()).strip(" ,;") for s in struck]
    return found


def statement(para: Para) -> bool:
    """A short paragraph that says what a priority is (not a lead-in to a list, not a heading)."""
    text = para.text.strip()
    return not para.bullet and not para.heading and len(text) <= 200 and not text.endswith(":")


def bold(text: str) -> list[Span]:
    return [Span(text, bold=True)]


def has_date(text: str) -> bool:
    try:
        return parse_due(text).date is not None
    except DateError:
        return False


def milestone(line: str) -> dict[str, str]:
    """ "Dec 25 – first report" -> {due: Dec 25, what: first report}."""
    parts = re.split(r"\s+[-–—:]\s+|:\s+", line, maxsplit=1)
    if len(parts) == 2 and has_date(parts[0]):
        return {"due": parts[0], "what": parts[1]}
    return {"due": line}
