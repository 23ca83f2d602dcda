"""Numbers as readers see them: one format per unit, and [c] for anything suppressed."""

from __future__ import annotations

from plansite.model.disclosure import SUPPRESSED
from plansite.words.wording import word


def unit_words(unit: str) -> str:
    """An indicator's unit in words, e.g. "rate per 10,000 children"."""
    return word("units", unit)


def number(value: float, decimals: int | None = None) -> str:
    """Thousands separated; whole numbers without decimals unless `decimals` is given."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    return f"{value:,.{decimals}f}"


def money(value: float, currency: str = "GBP") -> str:
    sign = "-" if value < 0 else ""
    symbol = "£" if currency == "GBP" else f"{currency} "
    return f"{sign}{symbol}{number(abs(value), 0 if float(value).is_integer() else 2)}"


def value_text(value: float | None, unit: str, places: int = 0) -> str:
    """An indicator value in its unit, or [c] when it is suppressed (None); `places`: the
    decimal places the board wrote, kept when they are more than the unit's usual (7.25%)."""
    if value is None:
        return SUPPRESSED
    if unit == "percent":
        return f"{number(value, max(1, places))}%"
    if unit == "money":
        return money(value)
    if unit == "count":
        return number(value, 0)
    if unit == "days":
        return f"{number(value)} days"
    if unit == "ratio":
        return number(value, max(2, places))
    if unit == "rate_per_100000":
        return number(value, places)  # written whole, as "785 per 100,000"
    return number(value, max(1, places))


def percent_text(share: float | None) -> str:
    return SUPPRESSED if share is None else f"{number(share, 1)}%"


def size_text(size: int) -> str:
    """A file's size for its download link, e.g. "126.5 KB"."""
    if size < 1024:
        return word("file_size", "bytes", size=f"{size:,}")
    return word("file_size", "kilobytes", size=f"{size / 1024:,.1f}")
