"""A table of figures as the fragments draw it: caption, column heads, rows, a total row."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    label: str  # the row's heading cell
    cells: list[str]  # already formatted, suppressed figures already [c]


@dataclass(frozen=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[Row]
    total: Row | None = None
