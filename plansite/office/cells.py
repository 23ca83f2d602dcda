"""What one cell says: its lines, a NEW marker, a ref in front of a title, due dates."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from typing import Any

from plansite.model.dates import DateError, parse_due
from plansite.office.document import Cell, Para, Span
from plansite.office.progress import when
from plansite.office.words import (
    AGENCY_WORDS,
    NEW_MARKER,
    NEW_WORD_MARKER,
    NUMBERED,
    PRIORITY_WORDS,
)


def lines(cell: Cell) -> list[str]:
    lines = [ln.strip().lstrip("•·▪◦-* ").strip() for p in cell.paras for ln in p.plain.split("\n")]
    return [ln for ln in lines if ln]


def leads_of(cell: Cell) -> list[str]:
    """The leads a cell names, split where the document separates them: lines, paragraphs,
    bullets (also between leads on one line), semicolons, " / ", and a "/" between two agency words or acronyms ("CSC/Police");
    not inside a name ("S11/S175 audit lead")."""
    found = []
    for line in lines(cell):
        for part in LEAD_SEPARATORS.split(line):
            found.extend(_split_slash(part.strip(" ,")))
    return [lead for lead in found if lead]


LEAD_SEPARATORS = re.compile(r"\s*[;•▪◦]\s*|\s+[/·]\s+")


def _split_slash(text: str) -> list[str]:
    pieces = text.split("/")
    if len(pieces) == 1:
        return [text]
    words = [(_last(a), _first(b)) for a, b in pairwise(pieces)]
    if all(_agency_word(a) and _agency_word(b) for a, b in words):
        return [p.strip() for p in pieces]
    return [text]


def _last(text: str) -> str:
    return text.split()[-1] if text.split() else ""


def _first(text: str) -> str:
    return text.split()[0] if text.split() else ""


def _agency_word(word: str) -> bool:
    return word.lower() in AGENCY_WORDS or bool(re.fullmatch(r"[A-Z]{2,6}s?", word))


def strip_new(text: str, as_at: date | None) -> tuple[str, str | None]:
    """("Review the protocol", "2016-01") from "NEW – added Jan 16: Review the protocol";
    ("3.4 Develop ...", "true") from "**NEW.** 3.4 Develop ...", keeping the number."""
    for pattern in (NEW_MARKER, NEW_WORD_MARKER):
        m = pattern.search(text)
        if m and (pattern is NEW_MARKER or m.start() == 0):
            written = m.group("date")
            marker = (when(written, as_at) or "true") if written else "true"
            rest = " ".join(_unmarked(text[: m.start()], text[m.end() :])).strip()
            if m.start() <= 3:  # the marker led the text: what followed it is the start now
                rest = rest.lstrip(" .:;,-–—)")
            return re.sub(r"[ \t]{2,}", " ", rest).strip(), marker[
                :7
            ] if marker != "true" else marker
    return text, None


def _unmarked(left: str, right: str) -> tuple[str, str]:
    """The text either side of a marker taken out of "**NEW.** 3.4 ...": the bold marks that
    held only the marker go too, so no "** **" or "** .**" is left."""
    opened = re.search(r"(\*{1,3})\s*$", left)
    closed = re.match(r"([\s.:;,)–—-]*)(\*{1,3})", right)
    if opened and closed and opened.group(1) == closed.group(2):
        return left[: opened.start()], closed.group(1) + right[closed.end() :]
    return left, right


def unwrap(text: str) -> str:
    """A title written wholly in bold or italics ("**1. Governance**", as headings in a theme
    column are) without the marks: the emphasis says it is a heading, not which words matter."""
    m = WHOLLY_EMPHASISED.fullmatch(text.strip())
    return m.group(2).strip() if m else text


WHOLLY_EMPHASISED = re.compile(r"(\*{1,3})([^*\n]+)\1")


def numbered(text: str) -> tuple[str, str] | None:
    """("1a.)", "Review ...") from "1a.) Review ...": the document's own number, as written,
    but without the full stop or colon that only ends it; None when the text has no number."""
    m = NUMBERED.match(text)
    if m is None:
        return None
    return m.group("ref"), text[m.end() :].strip()


def ref_and_title(text: str) -> tuple[str, str]:
    m = PRIORITY_WORDS.match(text)
    if m and m.group(3):
        rest = text[m.end() :].strip()
        if m.group(5) and rest:  # "Recommendation 3 (para 42): ..." keeps its paragraph
            rest = f"{rest} {m.group(5)}"
        return m.group(3), rest or text.strip()
    found = numbered(text)
    if found:
        return found
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
