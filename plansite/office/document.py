"""What a Word or Excel file holds, reduced to what a plan needs: styled text, cells, tables."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Span:
    """A run of text with the styling a plan keeps (bold, italics) or reads (strike-through)."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    highlight: str = ""  # "#rrggbb" of a highlighter pen or run shading on the words


def _styled(span: Span) -> bool:
    return span.bold or span.italic


def _same_look(a: Span, b: Span) -> bool:
    return (a.bold, a.italic, a.strike, a.highlight) == (b.bold, b.italic, b.strike, b.highlight)


def tidy_spans(spans: list[Span]) -> list[Span]:
    """Runs as a reader sees them: bold or italics on nothing but spaces or punctuation is
    dropped (Markdown would show `** .**`), unless it sits between two runs of the same style;
    neighbouring runs of one style are joined (Word splits a bold phrase into many runs)."""
    out: list[Span] = []
    for index, span in enumerate(spans):
        if _styled(span) and not any(ch.isalnum() for ch in span.text):
            before = out[-1] if out else None
            after = spans[index + 1] if index + 1 < len(spans) else None
            bridged = (
                before is not None
                and after is not None
                and _styled(after)
                and (before.bold, before.italic) == (after.bold, after.italic)
            )
            if bridged and before is not None:
                span = replace(span, bold=before.bold, italic=before.italic)
            else:
                span = replace(span, bold=False, italic=False)
        if out and _same_look(out[-1], span):
            out[-1] = replace(out[-1], text=out[-1].text + span.text)
        else:
            out.append(span)
    return out


@dataclass
class Para:
    """One paragraph (or one line of a spreadsheet cell)."""

    spans: list[Span]
    bullet: bool = False
    heading: int = 0  # 1-9 for a heading style or a short all-bold line, 0 otherwise
    title: bool = False  # Word's Title style
    hidden: list[str] = field(default_factory=list)  # words formatted as hidden: left out

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def plain(self) -> str:
        """The words that are not struck through."""
        return "".join(s.text for s in self.spans if not s.strike)

    @property
    def struck(self) -> str:
        return "".join(s.text for s in self.spans if s.strike)


@dataclass
class Cell:
    """A cell at its place in a table: row and column count from 1, as a person counts them."""

    row: int
    column: int
    paras: list[Para] = field(default_factory=list)
    fill: str | None = None  # "#rrggbb" of the cell's shading, None when unshaded or white
    width: int = 1  # grid columns the cell spans
    note: str = ""  # e.g. a formula whose value Excel never saved
    continues: bool = False  # continues a vertical merge: a copy of the cell above
    paras_all: list[Para] = field(default_factory=list)  # Word: paragraphs holding hidden text

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()

    @property
    def empty(self) -> bool:
        return not self.text and self.fill is None


@dataclass
class Table:
    """A table (Word) or a sheet (Excel): each row holds its distinct cells, left to right."""

    name: str  # "table 3" or "sheet Actions", as the report names it
    rows: list[list[Cell]]
    columns: int


@dataclass
class TextBlock:
    """A paragraph between tables."""

    para: Para


Block = Table | TextBlock


@dataclass
class Document:
    source: str
    blocks: list[Block]
    key_tables: list[Table] = field(default_factory=list)  # Excel "Key" sheets
    skipped: list[str] = field(default_factory=list)  # sheets not read, named for the report
    notes: list[str] = field(default_factory=list)
    # Excel conditional formats that colour cells by a rule not worked out: (sheet, cells, kind)
    rules_unread: list[tuple[str, str, str]] = field(default_factory=list)
    # what the author hid (hidden text, rows, columns, sheets): never imported, listed for the
    # manager to check: (where, the hidden words or what was hidden)
    hidden: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def place(table: str, row: int, column: int, heading: str) -> str:
    """A cell named as its document shows it: a sheet's cells by letter, a Word table's by row
    and column (column 0: the row)."""
    named = f" ({heading})" if heading else ""
    if not column:  # the row as a whole
        return f"{table}, row {row}"
    if table.startswith("sheet ") or table == "the table":
        return f"{table}, {column_letters(column)}{row}{named}"
    return f"{table}, row {row}, column {column}{named}"
