"""A progress cell split into undated progress text and dated updates.

"Update Dec 15:", "Dec 2015 –", "March 2016:", "Q3:" start an update, at the start of a paragraph
or line, or anywhere after the word "Update". Text before the first one stays progress text;
paragraphs after one belong to it. Bold and italics are kept as Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from plansite.model.dates import MONTH_NAMES, MONTHS
from plansite.office.document import Para, Span

DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH_NAMES})\.?,?\s*'?\d{{2,4}}(?!\d)"
    r"|Q[1-4](?:\s*\d{4}(?:\s*[/-]\s*\d{2,4})?)?"
    r"|\d{4}-\d{2}(?:-\d{2})?"
)
AFTER_UPDATE = re.compile(
    rf"\bUpdated?\s*(?:[-–—:]\s*)?(?:on\s+|in\s+)?(?P<date>{DATE})\s*[:;.–—-]?\s*", re.I
)
LINE_START = re.compile(rf"^\s*(?P<date>{DATE})\s*(?:update)?\s*[:;–—-]\s*", re.I)
PARTS = re.compile(
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH_NAMES})\.?,?\s*'?(?P<year>\d{{2,4}})"
    r"|Q(?P<q>[1-4])(?:\s*(?P<qyear>\d{4}))?"
    r"|(?P<iso>\d{4}-\d{2}(?:-\d{2})?)",
    re.I,
)


BULLETS = "•·▪◦"
# "Updated March 2018", "Last updated: 31 March 2018 (after the board)": the line is its date
AS_AT_LINE = re.compile(
    rf"^\s*(?:last\s+)?(?:updated|as at|reviewed|position at)\b[\s:–—-]*(?:on\s+|in\s+)?"
    rf"(?P<date>{DATE})\s*(?:\([^)]*\))?[\s.]*$",
    re.I,
)


@dataclass
class Found:
    progress: str = ""
    updates: list[dict[str, str]] = field(default_factory=list)
    undated_markers: list[str] = field(default_factory=list)  # "Q3:" with no year to place it


def when(text: str, as_at: date | None) -> str | None:
    """An update's date as YYYY-MM (or YYYY-MM-DD); quarters are the financial year's."""
    m = PARTS.search(text)
    if m is None:
        return None
    if m.group("iso"):
        return m.group("iso")
    if m.group("month"):
        year = int(m.group("year"))
        year = 2000 + year if year < 100 else year
        month = MONTHS[m.group("month").lower()]
        if m.group("day"):
            return f"{year:04d}-{month:02d}-{int(m.group('day')):02d}"
        return f"{year:04d}-{month:02d}"
    quarter = int(m.group("q"))
    if m.group("qyear"):
        start = int(m.group("qyear"))
    elif as_at is not None:
        start = as_at.year if as_at.month >= 4 else as_at.year - 1
    else:
        return None
    month = {1: 6, 2: 9, 3: 12, 4: 3}[quarter]
    return f"{start + (quarter == 4):04d}-{month:02d}"


def as_at_of(text: str) -> str | None:
    """The plan's as-at date from a line that gives only that ("Updated March 2018"); never
    from a sentence that mentions a date ("Updated procedures were launched in May 2016")."""
    m = AS_AT_LINE.match(" ".join(text.split()))
    return when(m.group("date"), None) if m else None


def markdown(spans: list[Span], start: int = 0, end: int | None = None) -> str:
    """The spans' text between two offsets, bold as **...** and italics as *...*."""
    out = []
    offset = 0
    for span in spans:
        lo, hi = offset, offset + len(span.text)
        offset = hi
        a, b = max(lo, start), min(hi, end if end is not None else hi)
        if a >= b:
            continue
        piece = span.text[a - lo : b - lo]
        core = piece.strip()
        if not core or not (span.bold or span.italic):
            out.append(piece)
            continue
        mark = "**" if span.bold else "*"
        if span.bold and span.italic:
            mark = "***"
        lead, trail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    text = "".join(out).replace("****", "").replace("** **", " ")
    return re.sub(r"(?<=\S) {2,}", " ", text)  # a double space typed by mistake


def para_markdown(paras: list[Para]) -> str:
    """Paragraphs as Markdown: bullets as a list, lines kept, paragraphs a blank line apart."""
    blocks: list[str] = []
    for para in paras:
        text = markdown(para.spans).strip()
        if not text:
            continue
        if para.bullet or text[:1] in BULLETS:
            item = "- " + text.lstrip(BULLETS + " ").replace("\n", " ")
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
        else:
            lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
            bulleted = [
                ("- " + ln.lstrip(BULLETS + " ")) if ln[:1] in BULLETS else ln for ln in lines
            ]
            blocks.append("\n".join(bulleted))
    return "\n\n".join(blocks)


def _lines(paras: list[Para]) -> list[Para]:
    """Each line of each paragraph as its own paragraph (a soft return starts a new update)."""
    result = []
    for para in paras:
        current: list[Span] = []
        for span in para.spans:
            pieces = span.text.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    result.append(Para(current, para.bullet))
                    current = []
                if piece:
                    current.append(Span(piece, span.bold, span.italic, span.strike))
        result.append(Para(current, para.bullet))
    return [p for p in result if p.text.strip()]


def _starts_an_update(para: Para, at: int) -> bool:
    """ "Update Dec 15:" at the start, after a sentence, or in bold; not "was updated in March
    2016 and ..." in the middle of a sentence."""
    if not para.text[:at].strip() or para.text[:at].rstrip()[-1:] in ".!?;:)":
        return True
    offset = 0
    for span in para.spans:
        if offset <= at < offset + len(span.text):
            return span.bold
        offset += len(span.text)
    return False


# a line ending so carries its sentence on to the next: "Training held on" / "3 May 2016 - ..."
CARRIES_ON = re.compile(
    r"(?:,|\b(?:on|in|at|and|or|of|from|to|by|between|until|since|the|dates?|held|including|"
    r"were|was|are|is|during|for|with))\s*$",
    re.I,
)
DATE_FIRST = re.compile(rf"^\s*(?:{DATE})", re.I)


def _line_starts_an_update(text: str, head: re.Match[str], before: str) -> bool:
    """A line that starts with a date starts an update, unless it carries on the sentence of
    the line before ("Training held on" / "3 May 2016 – 14 June 2016 and ...") or lists dates
    ("3 May 2016 – 14 June 2016")."""
    return not CARRIES_ON.search(before) and not DATE_FIRST.match(text[head.end() :])


def split_progress(paras: list[Para], as_at: date | None) -> Found:
    found = Found()
    undated: list[Para] = []
    current: dict[str, str] | None = None
    previous = ""  # the line before, whose sentence a line may carry on
    for para in _lines(paras):
        text = para.text
        starts = [
            (m.start(), m.end(), m.group("date"))
            for m in AFTER_UPDATE.finditer(text)
            if _starts_an_update(para, m.start())
        ]
        head = LINE_START.match(text)
        if head and not _line_starts_an_update(text, head, previous):
            head = None
        previous = text
        if head and not any(s == head.start() for s, _, _ in starts):
            starts.insert(0, (head.start(), head.end(), head.group("date")))
        starts.sort()
        if not starts:
            if current is None:
                undated.append(para)
            else:
                current["text"] += "\n\n" + markdown(para.spans).strip()
            continue
        before = markdown(para.spans, 0, starts[0][0]).strip()
        if before:
            if current is None:
                undated.append(Para([Span(before)], para.bullet))
            else:
                current["text"] += "\n\n" + before
        for index, (_, end, written) in enumerate(starts):
            stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
            body = markdown(para.spans, end, stop).strip().lstrip(":;–—- ").strip()
            body = body.removeprefix("**").strip() if body.startswith("** ") else body
            day = when(written, as_at)
            if day is None:
                found.undated_markers.append(written)
                undated.append(Para([Span(f"{written}: {body}")]))
                continue
            current = {"date": day, "text": body}
            found.updates.append(current)
    for update in found.updates:
        update["text"] = update["text"].strip()
    found.progress = para_markdown(undated)
    return found
