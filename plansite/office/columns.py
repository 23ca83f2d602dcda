"""Which column holds what: found by the heading words (words.HEADINGS) or a mapping file."""

from __future__ import annotations

from dataclasses import dataclass, field

from plansite.office.document import Cell, Table
from plansite.office.words import HEADINGS, REF_ALONE, STATUS_HEADING_WORDS, normalise

REF_LIKE = REF_ALONE  # a cell that is only a ref: "1.1", "2.3a", "R3", "Issue 4", "1a.)"
REF_SHARE = 0.6  # most of its cells look like refs: a few notes among them do not matter
HEADER_SEARCH_ROWS = 6  # a heading row sits near the top, under a title or a group heading
IGNORE = "ignore"


@dataclass
class Header:
    """A table's heading row(s) and the field of each grid column."""

    rows: list[int]  # the row numbers that are headings (one, or two for grouped headings)
    fields: dict[int, str]  # grid column -> field
    headings: dict[int, str]  # grid column -> heading as written
    shaded_progress: bool = False  # "Progress (RAG)": the progress cell's shading is the status
    by_map: set[int] = field(default_factory=set)  # columns named by the mapping file

    def field_of(self, cell: Cell) -> str | None:
        return self.fields.get(cell.column)

    def used(self) -> set[str]:
        return set(self.fields.values())


def field_for(heading: str, plan_map: dict[str, str], exact: bool = False) -> str | None:
    """The field a heading names; the mapping file wins over the usual words. `exact`: only
    a heading that is one of the usual words (a sub-heading row must not be a data row)."""
    words = normalise(heading)
    if not words:
        return None
    for written, chosen in plan_map.items():
        if normalise(written) == words:
            return chosen
    return best_field(heading, HEADINGS, exact)


def best_field(heading: str, table: dict[str, list[str]], exact: bool = False) -> str | None:
    """The field of `table` a heading names: one of its words as a whole, else the longest
    that the heading starts with (counted twice) or holds."""
    words = normalise(heading)
    best: tuple[int, str] | None = None
    for name, synonyms in table.items():
        for synonym in synonyms:
            if words == synonym:
                return name
            if exact:
                continue
            starts = words.startswith(synonym + " ")
            inside = f" {synonym} " in f" {words} "
            if starts or inside:
                score = len(synonym) * (2 if starts else 1)
                if best is None or score > best[0]:
                    best = (score, name)
    return best[1] if best else None


def row_fields(
    row: list[Cell], plan_map: dict[str, str], exact: bool = False
) -> dict[int, tuple[str, str, int]]:
    """grid column -> (field, heading, width) for the cells of one row that name a field."""
    found = {}
    for cell in row:
        if cell.continues:
            continue
        name = field_for(cell.text, plan_map, exact) if len(cell.text) <= 80 else None
        if name is not None:
            found[cell.column] = (name, cell.text, cell.width)
    return found


def looks_like_header(fields: dict[int, tuple[str, str, int]]) -> bool:
    names = {f for f, _, _ in fields.values()}
    return len(names) >= 2 and bool(names & {"title", "progress", "issue", "ref"})


def find_header(table: Table, plan_map: dict[str, str]) -> Header | None:
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        fields = row_fields(row, plan_map)
        if not looks_like_header(fields):
            continue
        header_rows = [row[0].row if row else index + 1]
        merged: dict[int, tuple[str, str, int]] = {}
        # a group heading above ("Monitoring" over "Update" and "RAG") fills in missing words
        above = [c for c in table.rows[index - 1] if c.text and not c.continues] if index else []
        title_row = len(above) == 1 and above[0].width >= table.columns - 1
        if above and not title_row and any(c.width > 1 for c in above):
            merged.update(row_fields(table.rows[index - 1], plan_map, exact=True))
            header_rows.insert(0, header_rows[0] - 1)
        merged.update(fields)
        # sub-headings below a merged heading ("Progress" over "Update" and "RAG")
        if index + 1 < len(table.rows):
            below = table.rows[index + 1]
            below_fields = row_fields(below, plan_map, exact=True)
            texts = [c for c in below if c.text and not c.continues]
            if below_fields and len(below_fields) == len(texts):
                merged.update(below_fields)
                header_rows.append(header_rows[-1] + 1)
        header = _header(header_rows, merged, plan_map)
        for number in header_rows:
            for cell in table.rows[number - 1] if number - 1 < len(table.rows) else []:
                if cell.text:
                    header.headings.setdefault(cell.column, cell.text)
        if "ref" not in header.used():
            _unnamed_refs(table, header)
        return header
    return None


def _unnamed_refs(table: Table, header: Header) -> None:
    """A column with no heading whose cells are refs ("1.1", "2.3a") is the ref column."""
    below = [row for row in table.rows if row and row[0].row > max(header.rows)]
    for column in range(1, table.columns + 1):
        if column in header.fields or header.headings.get(column):
            continue
        values = [
            c.text
            for row in below
            for c in row
            if c.column == column and c.text and not c.continues
        ]
        if values and sum(bool(REF_LIKE.match(v)) for v in values) >= REF_SHARE * len(values):
            header.fields[column] = "ref"
            header.headings[column] = f"(column {column}, no heading)"
            return


def _header(
    rows: list[int], found: dict[int, tuple[str, str, int]], plan_map: dict[str, str]
) -> Header:
    fields: dict[int, str] = {}
    headings: dict[int, str] = {}
    shaded = False
    by_map: set[int] = set()
    # wider cells first, so a finer sub-heading overrides the group heading over it
    for column, (name, heading, width) in sorted(found.items(), key=lambda kv: -kv[1][2]):
        for offset in range(width):
            fields[column + offset] = name
            headings[column + offset] = heading
        words = set(normalise(heading).split())
        if name == "progress" and words & STATUS_HEADING_WORDS:
            shaded = True
        if any(normalise(k) == normalise(heading) for k in plan_map):
            by_map.add(column)
    _area_and_recommendation(fields, headings, by_map)
    return Header(rows, fields, headings, shaded, by_map)


def _area_and_recommendation(
    fields: dict[int, str], headings: dict[int, str], by_map: set[int]
) -> None:
    """Two priority columns, one of them the recommendations ("Priority" and "Recommendation"):
    the other holds the area over them, their `group`."""
    columns = [c for c, f in fields.items() if f == "priority" and c not in by_map]
    recommendations = [c for c in columns if "recommendation" in normalise(headings[c])]
    if recommendations and len({headings[c] for c in columns}) > 1:
        for column in columns:
            if column not in recommendations:
                fields[column] = "group"


def read_map(text: object) -> tuple[dict[str, str], list[str]]:
    """A mapping file's `columns:` (heading -> field) and the problems in it, in words."""
    problems: list[str] = []
    result: dict[str, str] = {}
    if not isinstance(text, dict) or not isinstance(text.get("columns"), dict):
        return {}, ["the mapping file needs a `columns:` section: heading as written: field"]
    allowed = [*HEADINGS, IGNORE]
    for heading, chosen in text["columns"].items():
        if chosen not in allowed:
            problems.append(
                f"`{heading}: {chosen}`: `{chosen}` is not a field; use one of {', '.join(allowed)}"
            )
        else:
            result[str(heading)] = str(chosen)
    return result, problems
