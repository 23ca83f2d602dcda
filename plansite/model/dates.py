"""Dates as people write them in plans: "Mar-16", "End of Nov 15", "Sept 16", "31 March 2016".

The original wording is always kept for display; these functions derive a sortable date from it,
or none with the reason.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

ISO_DAY = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
ISO_MONTH = re.compile(r"\b(\d{4})-(\d{1,2})\b")
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})\.?,?\s+(\d{{2,4}})\b", re.I
)
MONTH_YEAR = re.compile(rf"\b({MONTH_NAMES})\.?[\s\-/']*(\d{{4}}|\d{{2}})\b", re.I)
SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b")
RANGE_WORD = re.compile(r"\s(?:to|until|–|-)\s", re.I)

NO_DATE_REASONS = [
    (re.compile(r"moved to", re.I), "moved to another plan"),
    (re.compile(r"\bongoing\b|on-going|continuous", re.I), "ongoing"),
    (re.compile(r"following|after each|each (annual|review)|when", re.I), "follows an event"),
    (re.compile(r"as required|as needed|tbc|to be confirmed", re.I), "as required"),
]


class DateError(ValueError):
    """A date that cannot be a date: month 13, 31 February, a year in the wrong place."""


@dataclass(frozen=True)
class Day:
    """A date with the precision it was written at ("2025-12" is a month, not its first day)."""

    value: date
    precision: str  # "day" or "month"

    @property
    def month_end(self) -> date:
        return _month_end(self.value.year, self.value.month)


@dataclass(frozen=True)
class Due:
    """A due date: the wording, the sortable date derived from it (or None) and why."""

    text: str
    date: date | None
    reason: str  # "" when a date was found
    precision: str = ""  # "day" or "month" when a date was found
    says_more: bool = False  # the wording says more than the date: a range, "timetabled for"


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _checked(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(
            f"`{text}` is not a real date (day {day}, month {month}, year {year})"
        ) from None


# Words around a date that add nothing to it: "End of Nov 25", "By 31 March 2026"
FILLER = re.compile(r"\b(?:end|of|by|the|due|in|on|before|at)\b|[^a-z]+", re.I)


def _dates_in(text: str) -> list[tuple[int, date]]:
    """Every date written in `text`, with where it starts; month-only dates mean month end."""
    return [(start, day) for start, _, day, _ in _spans_in(text)]


def _spans_in(text: str) -> list[tuple[int, int, date, str]]:
    """Every date written in `text`: start, end, the date and its precision ("day", "month")."""
    found: list[tuple[int, int, date, str]] = []
    taken: list[range] = []

    def free(match: re.Match[str]) -> bool:
        return not any(match.start() in span for span in taken)

    for match in ISO_DAY.finditer(text):
        y, m, d = (int(g) for g in match.groups())
        found.append((match.start(), match.end(), _checked(y, m, d, match.group(0)), "day"))
        taken.append(range(match.start(), match.end()))
    for match in ISO_MONTH.finditer(text):
        if free(match):
            y, m = int(match.group(1)), int(match.group(2))
            if not 1 <= m <= 12:
                raise DateError(f"`{match.group(0)}` has no month {m}; months go from 01 to 12")
            found.append((match.start(), match.end(), _month_end(y, m), "month"))
            taken.append(range(match.start(), match.end()))
    for match in SLASH_DATE.finditer(text):
        if free(match):
            d, m, y = int(match.group(1)), int(match.group(2)), _year(match.group(3))
            found.append((match.start(), match.end(), _checked(y, m, d, match.group(0)), "day"))
            taken.append(range(match.start(), match.end()))
    for match in DAY_MONTH_YEAR.finditer(text):
        if free(match):
            d, m, y = int(match.group(1)), MONTHS[match.group(2).lower()], _year(match.group(3))
            found.append((match.start(), match.end(), _checked(y, m, d, match.group(0)), "day"))
            taken.append(range(match.start(), match.end()))
    for match in MONTH_YEAR.finditer(text):
        if free(match):
            m, y = MONTHS[match.group(1).lower()], _year(match.group(2))
            found.append((match.start(), match.end(), _month_end(y, m), "month"))
            taken.append(range(match.start(), match.end()))
    return sorted(found)


# Plans repeat the same few dates thousands of times: each wording is worked out once.
@functools.lru_cache(maxsize=1 << 14)
def parse_due(text: str) -> Due:
    """The sortable date of a due date as written; a range sorts by its end."""
    spans = _spans_in(text)
    if not spans:
        for pattern, reason in NO_DATE_REASONS:
            if pattern.search(text):
                return Due(text, None, reason)
        return Due(text, None, "no date in the wording")
    chosen = spans[0]
    if len(spans) > 1:
        between = text[spans[0][0] : spans[1][0]]
        if RANGE_WORD.search(between) and not re.search(r"timetabled|agenda|moved", between, re.I):
            chosen = spans[-1]
    return Due(text, chosen[2], "", chosen[3], _says_more(text, spans))


def _says_more(text: str, spans: list[tuple[int, int, date, str]]) -> bool:
    """More than one date, or words left once the date and filler words are taken out."""
    if len(spans) > 1:
        return True
    start, end, _, _ = spans[0]
    return bool(FILLER.sub("", text[:start] + " " + text[end:]))


@functools.lru_cache(maxsize=1 << 14)
def parse_day(text: str) -> Day:
    """A progress update's date: "2025-12", "2025-12-14", "Dec 25", "December 2025"."""
    stripped = text.strip()
    match = ISO_DAY.fullmatch(stripped)
    if match:
        y, m, d = (int(g) for g in match.groups())
        return Day(_checked(y, m, d, stripped), "day")
    match = ISO_MONTH.fullmatch(stripped)
    if match:
        y, m = int(match.group(1)), int(match.group(2))
        if not 1 <= m <= 12:
            raise DateError(f"`{stripped}` has no month {m}; months go from 01 to 12")
        return Day(date(y, m, 1), "month")
    match = DAY_MONTH_YEAR.fullmatch(stripped)
    if match:
        d, m, y = int(match.group(1)), MONTHS[match.group(2).lower()], _year(match.group(3))
        return Day(_checked(y, m, d, stripped), "day")
    match = MONTH_YEAR.fullmatch(stripped)
    if match:
        return Day(date(_year(match.group(2)), MONTHS[match.group(1).lower()], 1), "month")
    raise DateError(
        f"`{stripped}` is not a date this site can read; write it as 2025-12 (a month) "
        "or 2025-12-14 (a day)"
    )


def month_number(text: str) -> int:
    """A month name or abbreviation ("Mar", "March", "Sept") as 1-12."""
    try:
        return MONTHS[text.strip().lower().rstrip(".")]
    except KeyError:
        raise DateError(
            f"`{text}` is not a month; write Jan, Feb, Mar, ... or the full name"
        ) from None


def quarter_of(day: date) -> str:
    """The calendar quarter a date falls in, written "2025 Q4"."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from `earlier` to `later`."""
    return (
        (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)
    )


def calendar_months(earlier: date, later: date) -> int:
    """Calendar months from `earlier`'s month to `later`'s: due in August, late in September by 1."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month
