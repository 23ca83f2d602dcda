"""Excel's conditional formatting, worked out as Excel shows it: a RAG column whose cells are
red, amber or green because a rule says so ("cell value equals "Red"", "text contains
"Amber"", "=$E2="Green"") has those colours as much as one filled by hand.

Only the simple rules real trackers use are worked out; any other rule that colours cells
(a colour scale, a formula comparing other cells) is listed with its sheet and cells, so the
import can say that those colours were not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import column_index_from_string, range_boundaries

REF = r"(\$?)([A-Z]{1,3})(\$?)(\d+)"
EQUALS = re.compile(rf'^{REF}\s*=\s*"([^"]*)"$|^"([^"]*)"\s*=\s*{REF}$', re.I)
CONTAINS = re.compile(rf'^(?:NOT\(ISERROR\(|ISNUMBER\()SEARCH\("([^"]*)"\s*,\s*{REF}\)\)\)?$', re.I)
NUMERIC: dict[str, Callable[[float, float, float], bool]] = {
    "greaterThan": lambda v, a, b: v > a,
    "lessThan": lambda v, a, b: v < a,
    "greaterThanOrEqual": lambda v, a, b: v >= a,
    "lessThanOrEqual": lambda v, a, b: v <= a,
    "between": lambda v, a, b: min(a, b) <= v <= max(a, b),
    "notBetween": lambda v, a, b: not min(a, b) <= v <= max(a, b),
}


@dataclass
class Found:
    fills: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) -> fill
    unread: list[tuple[str, str]] = field(default_factory=list)  # (cells, kind of rule)


Test = Callable[[int, int], bool]  # does the rule hold for the cell at (row, column)?


def conditional_fills(sheet: Any, colour_of: Callable[[Any], str | None]) -> Found:
    """The fill each cell gets from the sheet's conditional formats (the highest-priority
    rule that holds and gives a fill), and the rules that could not be worked out."""
    found = Found()
    rules = []
    for formatting in sheet.conditional_formatting:
        for rule in formatting.rules:
            rules.append((rule.priority or 0, str(formatting.sqref), rule))
    for _, cells, rule in sorted(rules, key=lambda r: r[0], reverse=True):  # best applied last
        fill = _rule_fill(rule, colour_of)
        if fill is None and rule.type not in ("colorScale", "dataBar"):
            continue  # changes the font or a border, not the colour read as a status
        for bounds in cells.split():
            test = _test(sheet, rule, bounds)
            if test is None or fill is None:
                found.unread.append((bounds, rule.type or "unknown"))
                continue
            low_col, low_row, high_col, high_row = range_boundaries(bounds)
            for row in range(low_row, min(high_row, sheet.max_row) + 1):
                for column in range(low_col, min(high_col, sheet.max_column) + 1):
                    if test(row, column):
                        found.fills[(row, column)] = fill
    return found


def _rule_fill(rule: Any, colour_of: Callable[[Any], str | None]) -> str | None:
    fill = rule.dxf.fill if rule.dxf is not None else None
    if fill is None:
        return None
    # a conditional format keeps its colour as the fill's background; some writers use the
    # foreground
    return colour_of(fill.bgColor) or colour_of(fill.fgColor)


def _text(sheet: Any, row: int, column: int) -> str:
    value = sheet.cell(row, column).value
    return "" if value is None else str(value).strip()


def _literal(formula: str) -> str | float | None:
    formula = formula.strip()
    if len(formula) >= 2 and formula[0] == formula[-1] == '"':
        return formula[1:-1]
    try:
        return float(formula)
    except ValueError:
        return None  # a reference or a function: not worked out


def _test(sheet: Any, rule: Any, bounds: str) -> Test | None:
    low_col, low_row, _, _ = range_boundaries(bounds)
    kind, operator = rule.type, rule.operator
    text = (rule.text or "").lower()
    if kind in ("containsText", "notContainsText", "beginsWith", "endsWith") and text:
        checks: dict[str, Callable[[str], bool]] = {
            "containsText": lambda v: text in v,
            "notContainsText": lambda v: text not in v,
            "beginsWith": lambda v: v.startswith(text),
            "endsWith": lambda v: v.endswith(text),
        }
        check = checks[kind]
        return lambda r, c: check(_text(sheet, r, c).lower())
    if kind == "cellIs" and rule.formula:
        return _cell_is(sheet, operator, [_literal(f) for f in rule.formula])
    if kind == "expression" and rule.formula:
        return _expression(sheet, rule.formula[0], low_row, low_col)
    return None


def _cell_is(sheet: Any, operator: str, values: list[str | float | None]) -> Test | None:
    if not values or any(v is None for v in values):
        return None
    first = values[0]
    if operator in ("equal", "notEqual"):
        want = str(first).lower() if isinstance(first, str) else first

        def same(r: int, c: int) -> bool:
            value = sheet.cell(r, c).value
            if isinstance(want, str):
                return _text(sheet, r, c).lower() == want
            return isinstance(value, int | float) and float(value) == want

        return same if operator == "equal" else lambda r, c: not same(r, c)
    compare = NUMERIC.get(operator)
    numbers = [v for v in values if isinstance(v, float)]
    if compare is None or len(numbers) != len(values):
        return None
    low, high = numbers[0], numbers[-1]

    def holds(r: int, c: int) -> bool:
        value = sheet.cell(r, c).value
        return isinstance(value, int | float) and compare(float(value), low, high)

    return holds


def _expression(sheet: Any, formula: str, top: int, left: int) -> Test | None:
    """ "=$E2="Red"" or "=ISNUMBER(SEARCH("red",E2))", written for the range's first cell and
    moving with each cell unless a $ holds the row or column."""
    formula = formula.strip().lstrip("=")
    m = EQUALS.match(formula)
    if m:
        groups = m.groups()
        ref, word = (groups[0:4], groups[4]) if groups[1] else (groups[6:10], groups[5])
        place = _place(ref, top, left)
        return lambda r, c: _text(sheet, *place(r, c)).lower() == word.lower()
    m = CONTAINS.match(formula)
    if m:
        word = m.group(1).lower()
        place = _place(m.groups()[1:5], top, left)
        return lambda r, c: word in _text(sheet, *place(r, c)).lower()
    return None


def _place(ref: tuple[str, ...], top: int, left: int) -> Callable[[int, int], tuple[int, int]]:
    fixed_col, col, fixed_row, row = ref
    column, number = column_index_from_string(col.upper()), int(row)

    def where(r: int, c: int) -> tuple[int, int]:
        return (
            number if fixed_row else number + r - top,
            column if fixed_col else column + c - left,
        )

    return where
