"""A Word file read as headings, paragraphs and tables, in the order they appear.

python-docx repeats a merged cell at every grid position it covers; here the XML is walked
directly, so each cell appears once, at its first column, with the width it spans. A cell that
continues a vertical merge is marked `continues` and carries the text of the cell it continues:
a lead or due date merged down several rows applies to each (see mapper.INHERITED).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from plansite.office.bounds import Damaged, check_docx
from plansite.office.clean import clean
from plansite.office.document import (
    Block,
    Cell,
    Document,
    Para,
    Span,
    Table,
    TextBlock,
    place,
    tidy_spans,
)
from plansite.office.words import NO_WORDS, PLACES, REASONS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRUE_VALUES = {None, "1", "true", "on"}


class UnreadableFile(Exception):
    """The file cannot be opened as what its name says it is; the message says why in words."""


def damaged(error: Exception) -> UnreadableFile:
    """A library's failure, said in words: never "damaged:" with nothing after it (a
    MemoryError, or a zip error, may carry no words of its own)."""
    kind = type(error).__name__
    words = " ".join(str(error).split()) or NO_WORDS.get(kind, NO_WORDS["other"].format(kind=kind))
    return UnreadableFile(REASONS["damaged"].format(error=words))


def read_docx(path: Path) -> Document:
    # imported here: only `make import` needs python-docx
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        check_docx(path)  # before python-docx unpacks it: a bomb is refused, not opened
    except Damaged as error:
        raise damaged(error) from None
    try:
        word = docx.Document(str(path))
    except PackageNotFoundError:
        raise UnreadableFile(REASONS["not_docx"]) from None
    except Exception as error:  # a damaged file fails in many ways inside python-docx and lxml
        raise damaged(error) from None
    styles = _heading_levels(word)
    blocks: list[Block] = []
    count = 0
    hidden: list[tuple[str, str]] = []
    for element in _blocks(word.element.body):
        if element.tag == f"{W}p":
            para = _para(element, styles)
            hidden += [(PLACES["paragraph"], text) for text in para.hidden]
            if para.text.strip():
                blocks.append(TextBlock(para))
        elif element.tag == f"{W}tbl":
            count += 1
            table = _table(element, PLACES["table"].format(number=count), styles)
            blocks.append(table)
            hidden += [
                (place(table.name, cell.row, cell.column, ""), text)
                for row in table.rows
                for cell in row
                if not cell.continues
                for para in cell.paras_all
                for text in para.hidden
            ]
    return Document(path.name, blocks, notes=_footnotes(word), hidden=hidden)


def _footnotes(word: Any) -> list[str]:
    """The texts of Word's footnotes and endnotes (not the separator lines Word keeps there)."""
    from lxml import etree

    notes: list[str] = []
    for part in word.part.package.iter_parts():
        if str(part.partname) not in ("/word/footnotes.xml", "/word/endnotes.xml"):
            continue
        root = etree.fromstring(part.blob)
        for note in root:
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in note.iter(f"{W}p")]
            text = " ".join(" ".join(clean(x) for x in paras).split())
            if text:
                notes.append(text)
    return notes


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, looking inside content controls (w:sdt) as Word shows."""
    for element in parent.iterchildren():
        if element.tag == f"{W}sdt":
            content = element.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        else:
            yield element


def _heading_levels(word: Any) -> dict[str, int]:
    """Style id -> heading level, for Title and Heading 1-9 (ids differ by language)."""
    levels: dict[str, int] = {}
    for style in word.styles:
        name = (getattr(style, "name", "") or "").lower()
        if name == "title":
            levels[style.style_id] = 0
        elif name.startswith("heading ") and name[8:].isdigit():
            levels[style.style_id] = int(name[8:])
    return levels


def _on(props: Any, tag: str) -> bool:
    found = props.find(f"{W}{tag}") if props is not None else None
    return found is not None and found.get(f"{W}val") in TRUE_VALUES


def _para(p: Any, styles: dict[str, int]) -> Para:
    props = p.find(f"{W}pPr")
    style = props.find(f"{W}pStyle") if props is not None else None
    style_id = style.get(f"{W}val") if style is not None else ""
    bullet = (props is not None and props.find(f"{W}numPr") is not None) or "List" in style_id
    spans: list[Span] = []
    hidden: list[str] = []
    for run in p.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        flags = {
            "bold": _on(rpr, "b"),
            "italic": _on(rpr, "i"),
            "strike": _on(rpr, "strike") or _on(rpr, "dstrike"),
        }
        if run.getparent().tag == f"{W}del":  # a tracked deletion is not part of the text
            continue
        if _on(rpr, "vanish") or _on(rpr, "specVanish"):  # hidden text: never published
            hidden.append("".join(t.text or "" for t in run.iter(f"{W}t")))
            continue
        text = ""
        for child in run:
            if child.tag == f"{W}t":
                text += child.text or ""
            elif child.tag in (f"{W}br", f"{W}cr"):
                text += "\n"
            elif child.tag == f"{W}tab":
                text += " "
        if text:
            spans.append(Span(clean(text), **flags, highlight=_run_colour(rpr)))
    heading = styles.get(style_id, -1)
    para = Para(tidy_spans(spans), bullet=bullet, heading=max(heading, 1) if heading >= 0 else 0)
    para.hidden = [h for h in hidden if h.strip()]
    para.title = heading == 0
    if heading < 0 and _short_bold_line(para):
        para.heading = 9  # a bold line on its own, used as a heading by many boards
    return para


def _short_bold_line(para: Para) -> bool:
    text = para.text.strip()
    visible = [s for s in para.spans if s.text.strip()]
    return 0 < len(text) <= 120 and "\n" not in text and all(s.bold for s in visible)


# Word's highlighter colours by name
HIGHLIGHTS = {
    "yellow": "#ffff00", "green": "#00ff00", "red": "#ff0000", "blue": "#0000ff",
    "cyan": "#00ffff", "magenta": "#ff00ff", "darkBlue": "#000080", "darkCyan": "#008080",
    "darkGreen": "#008000", "darkMagenta": "#800080", "darkRed": "#800000",
    "darkYellow": "#808000", "darkGray": "#808080", "lightGray": "#c0c0c0",
}  # fmt: skip


def _run_colour(rpr: Any) -> str:
    """A run's highlighter colour, or its own shading."""
    if rpr is None:
        return ""
    mark = rpr.find(f"{W}highlight")
    if mark is not None:
        return HIGHLIGHTS.get(mark.get(f"{W}val") or "", "")
    shading = _shading(rpr)
    return shading or ""


def _words_colour(paras: list[Para]) -> str | None:
    """Some boards highlight the words of a status cell instead of shading it: one colour on
    every word is the cell's colour."""
    colours = {s.highlight for p in paras for s in p.spans if s.text.strip()}
    return colours.pop() if len(colours) == 1 and "" not in colours else None


def _fill(tc: Any) -> str | None:
    props = tc.find(f"{W}tcPr")
    return _shading(props) if props is not None else None


def _shading(props: Any) -> str | None:
    shd = props.find(f"{W}shd")
    if shd is None:
        return None
    value = (shd.get(f"{W}fill") or "").lower()
    if len(value) != 6 or value in {"ffffff", "auto"}:
        return None
    try:
        int(value, 16)
    except ValueError:
        return None
    return f"#{value}"


def _table(tbl: Any, name: str, styles: dict[str, int]) -> Table:
    rows: list[list[Cell]] = []
    tops: dict[int, Cell] = {}  # the cell a vertical merge starts from, by column
    columns = len(tbl.findall(f"{W}tblGrid/{W}gridCol"))
    for number, tr in enumerate(tbl.findall(f"{W}tr"), start=1):
        column = 1
        before = tr.find(f"{W}trPr/{W}gridBefore")
        if before is not None:
            column += int(before.get(f"{W}val") or 0)
        cells: list[Cell] = []
        for tc in tr.findall(f"{W}tc"):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            width = int(span_el.get(f"{W}val") or 1) if span_el is not None else 1
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            continues = vmerge is not None and vmerge.get(f"{W}val") in (None, "continue")
            top = tops.get(column)
            if continues and top is not None:
                cells.append(Cell(number, column, top.paras, top.fill, width, continues=True))
            elif not continues:
                every = [_para(p, styles) for p in tc.iter(f"{W}p")]
                for para in every:
                    para.heading, para.title = 0, False
                paras = [p for p in every if p.text.strip()]
                cell = Cell(number, column, paras, _fill(tc) or _words_colour(paras), width)
                cell.paras_all = [p for p in every if p.hidden]
                cells.append(cell)
                tops[column] = cell
            column += width
        columns = max(columns, column - 1)
        rows.append(cells)
    return Table(name, rows, columns)
