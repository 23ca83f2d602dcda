"""Indicator periods as boards write them, and the date each starts on (to put them in order).

The wording is always kept for display; `period_start` works out a start date from it, or None
when it cannot ("last year"): such a period is shown as written, after the others, and
`make check` advises with its line.

Forms read: `2011/12`, `2011-12`, `2011/2012` (a financial year from April, or an academic year
from September for an academic-year indicator), "Academic year 2012/13", "Q3 2014-15" (a
financial year's quarter), `2025 Q3` (a calendar quarter), `2013` (a calendar year), "as at 31
March 2014", `2026-03-31`, "July 09 - June 10 cohort" (any month-to-month span), and "12 months
ending December 2013".
"""

from __future__ import annotations

import functools
import re
from datetime import date

from plansite.model.dates import MONTH_NAMES, MONTHS

FINANCIAL_START, ACADEMIC_START = 4, 9  # April; September

_YEAR_PAIR = r"(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})"
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("academic", re.compile(rf"^academic\s+year\s+{_YEAR_PAIR}$", re.I)),
    ("year_pair", re.compile(rf"^(?:financial\s+year\s+)?{_YEAR_PAIR}$", re.I)),
    ("fy_quarter", re.compile(rf"^Q([1-4])\s+{_YEAR_PAIR}$", re.I)),
    ("quarter", re.compile(r"^(\d{4})\s*Q([1-4])$", re.I)),
    ("year", re.compile(r"^\(?(\d{4})\)?$")),
    ("iso_day", re.compile(r"^(?:as\s+at\s+)?(\d{4})-(\d{2})-(\d{2})$", re.I)),
    (
        "day",
        re.compile(
            rf"^(?:as\s+at\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})\s+(\d{{4}})$", re.I
        ),
    ),
    (
        "span",
        re.compile(
            rf"^\(?({MONTH_NAMES})\s+(\d{{2}}|\d{{4}})\s*[\-–]\s*({MONTH_NAMES})\s+(\d{{2}}|\d{{4}})"
            r"(?:\s+cohort)?\)?$",
            re.I,
        ),
    ),
    (
        "ending",
        re.compile(rf"^(?:12 months|year)\s+ending\s+({MONTH_NAMES})\s+(\d{{4}})$", re.I),
    ),
]


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _pair_ok(start: str, end: str) -> bool:
    """`2011/12` and `2011/2012` are two years in a row; `2011/14` is not one year."""
    first = int(start)
    return int(end) == (first + 1 if len(end) == 4 else (first + 1) % 100)


@functools.lru_cache(maxsize=8192)  # a pure function of its text, asked for again and again
def period_start(text: str, period_type: str = "") -> date | None:
    """The day the period starts on, or None when its wording does not say."""
    written = " ".join(text.split())
    for form, pattern in _FORMS:
        match = pattern.match(written)
        if not match:
            continue
        groups = match.groups()
        try:
            return _start(form, groups, period_type)
        except ValueError:  # 31 February, month 13, a pair that is not two years in a row
            return None
    return None


def _start(form: str, groups: tuple[str, ...], period_type: str) -> date | None:
    if form in ("academic", "year_pair"):
        if not _pair_ok(groups[0], groups[1]):
            return None
        academic = form == "academic" or period_type == "academic_year"
        return date(int(groups[0]), ACADEMIC_START if academic else FINANCIAL_START, 1)
    if form == "fy_quarter":
        if not _pair_ok(groups[1], groups[2]):
            return None
        month = FINANCIAL_START + 3 * (int(groups[0]) - 1)
        year = int(groups[1]) + (month - 1) // 12
        return date(year, (month - 1) % 12 + 1, 1)
    if form == "quarter":
        return date(int(groups[0]), 3 * (int(groups[1]) - 1) + 1, 1)
    if form == "year":
        return date(int(groups[0]), 1, 1)
    if form == "iso_day":
        return date(int(groups[0]), int(groups[1]), int(groups[2]))
    if form == "day":
        return date(int(groups[2]), MONTHS[groups[1].lower()], int(groups[0]))
    if form == "span":
        return date(_year(groups[1]), MONTHS[groups[0].lower()], 1)
    # "12 months ending December 2013": the twelve months up to that month's end
    end_month, end_year = MONTHS[groups[0].lower()], int(groups[1])
    return date(end_year if end_month == 12 else end_year - 1, end_month % 12 + 1, 1)


def period_key(text: str, period_type: str = "") -> tuple[date, str]:
    """Periods in order of their start; ones whose start cannot be worked out go last."""
    return (period_start(text, period_type) or date.max, text)


def unclear_period(text: str) -> str:
    """Advice for a period whose start cannot be worked out."""
    return (
        f"period `{text}`: its start date cannot be worked out, so it is shown as written after "
        "the other periods; write it like 2013/14, Academic year 2013/14, Q3 2014-15, "
        "as at 31 March 2014, 2013 or July 13 - June 14 cohort"
    )


def period_id(text: str) -> str:
    """What makes two writings one period: the same start ("Academic year 2012/13" and
    "Academic Year 2012/13"; "2013" and "12 months ending December 2013"), or else the same
    words whatever their case and spacing."""
    start = period_start(text)
    return start.isoformat() if start else " ".join(text.lower().split())
