"""Cells of downloads that a spreadsheet will not run: no formula injection from data.

A spreadsheet runs a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return
before one) as a formula, so `=HYPERLINK(...)` typed into a plan would become a live link in
Excel. Such text gets a leading apostrophe (OWASP's advice); numbers are left alone.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def inert(value: object) -> object:
    """`value`, made safe to open in a spreadsheet."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value
