"""Word and Excel plans made by the tests themselves, in the shapes real boards use."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

Row = Sequence[Any]  # a cell is text, None, or a dict: {"text", "fill", "strike", "paras"}


def shade(cell: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), fill.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shd)


def fill_cell(cell: Any, value: Any) -> None:
    """Text (paragraphs split on blank lines), or a dict with paras of runs, fill, strike."""
    if value is None:
        return
    if isinstance(value, str):
        value = {"text": value}
    paras = value.get("paras") or [[(p, {})] for p in value.get("text", "").split("\n\n") if p]
    for index, runs in enumerate(paras):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        for text, style in runs:
            run = paragraph.add_run()
            for index, line in enumerate(text.split("\v")):  # \v: a soft return (Shift+Enter)
                if index:
                    run.add_break()
                run.add_text(line)
            run.bold = style.get("bold")
            run.italic = style.get("italic")
            run.font.strike = style.get("strike")
    if value.get("fill"):
        shade(cell, value["fill"])


def word_table(
    document: Any, rows: Sequence[Row], merges: Sequence[tuple[int, int, int, int]] = ()
) -> Any:
    """A table; `merges` are (row, col, row, col) corners, counted from 0, merged afterwards."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    # each row's cells read once: python-docx's `table.cell(r, c)` lists every cell of the
    # table on each call, which made a 300-row table take most of a minute
    for table_row, row in zip(table.rows, rows, strict=True):
        cells = table_row.cells
        for c, value in enumerate(row):
            fill_cell(cells[c], value)
    for r1, c1, r2, c2 in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    return table


def word_file(path: Path, parts: Sequence[tuple[str, Any]]) -> Path:
    """parts: ("title", text), ("heading", text), ("para", text), ("table", (rows, merges))."""
    document = docx.Document()
    for kind, value in parts:
        if kind == "title":
            document.add_heading(value, level=0)
        elif kind == "heading":
            document.add_heading(value, level=1)
        elif kind == "para":
            document.add_paragraph(value)
        elif kind == "bold":  # a short bold line, which many boards use as a heading
            document.add_paragraph().add_run(value).bold = True
        else:
            rows, merges = value
            word_table(document, rows, merges)
    document.save(str(path))
    return path


def excel_file(path: Path, sheets: dict[str, Sequence[Row]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, dict):
                    cell = sheet.cell(r, c, value.get("text") or value.get("value"))
                    if value.get("fill"):
                        colour = value["fill"].lstrip("#").upper()
                        cell.fill = PatternFill("solid", fgColor=colour)
                    if value.get("strike"):
                        cell.font = Font(strike=True)
                    if value.get("format"):
                        cell.number_format = value["format"]
                elif value is not None:
                    sheet.cell(r, c, value)
    book.save(str(path))
    return path


def libreoffice_resave(path: Path) -> Path:
    """The file as LibreOffice saves it (many boards' plans are), beside the original as
    `<stem>-lo<suffix>`: LibreOffice writes its own XML (styles, shading, merges, fonts) where
    python-docx and openpyxl write theirs, and the import must read both the same.
    `libreoffice_resave_all` (below) re-saves several files at once, in one start of LibreOffice."""
    return libreoffice_resave_all([path])[0]


FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>{notes}</w:footnotes>"
)


def add_footnote(path: Path, after: str, text: str) -> Path:
    """A Word footnote (the footnotes part, as Word keeps it) whose mark follows the paragraph
    that reads `after`; python-docx cannot write one itself."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        files = {name: source.read(name) for name in source.namelist()}
    body = files["word/document.xml"].decode("utf-8")
    mark = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    body = re.sub(rf"({re.escape(after)}</w:t></w:r>)", rf"\1{mark}", body, count=1)
    files["word/document.xml"] = body.encode("utf-8")
    note = f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
    files["word/footnotes.xml"] = FOOTNOTES_XML.format(notes=note).encode("utf-8")
    rels = files["word/_rels/document.xml.rels"].decode("utf-8")
    rel = (
        '<Relationship Id="rIdFootnotes" Target="footnotes.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
    )
    files["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", rel + "</Relationships>"
    ).encode()
    types = files["[Content_Types].xml"].decode("utf-8")
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/>'
    )
    files["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(name, data)
    return path


def excel_rich_text(
    path: Path, sheet: str, cell: str, runs: Sequence[tuple[str, dict[str, Any]]]
) -> Path:
    """Sets one cell of a saved workbook to rich text: runs of (text, {"strike", "bold"})."""
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = load_workbook(path, rich_text=True)
    book[sheet][cell] = CellRichText(
        [TextBlock(InlineFont(strike=s.get("strike"), b=s.get("bold")), t) for t, s in runs]
    )
    book.save(str(path))
    return path


def excel_conditional(path: Path, sheet: str, cells: str, rules: Sequence[dict[str, str]]) -> Path:
    """Adds conditional formats to a saved workbook, as trackers colour a RAG column:
    {"equal": "Red", "fill": ...}, {"contains": "Amber", ...}, {"formula": '$E2="Green"', ...},
    or {"scale": "yes"} (a colour scale)."""
    from openpyxl import load_workbook
    from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, FormulaRule, Rule
    from openpyxl.styles.differential import DifferentialStyle

    book = load_workbook(path)
    formats = book[sheet].conditional_formatting
    first = cells.split(":")[0]
    for rule in rules:
        colour = rule.get("fill", "#FFFFFF").lstrip("#").upper()
        fill = PatternFill(bgColor=colour, fill_type="solid")
        if "equal" in rule:
            formats.add(
                cells, CellIsRule(operator="equal", formula=[f'"{rule["equal"]}"'], fill=fill)
            )
        elif "contains" in rule:
            word = rule["contains"]
            formats.add(cells, Rule(type="containsText", operator="containsText", text=word,
                                    formula=[f'NOT(ISERROR(SEARCH("{word}",{first})))'],
                                    dxf=DifferentialStyle(fill=fill)))  # fmt: skip
        elif "formula" in rule:
            formats.add(cells, FormulaRule(formula=[rule["formula"]], fill=fill))
        else:
            formats.add(cells, ColorScaleRule(start_type="min", start_color="FF0000",
                                              end_type="max", end_color="00FF00"))  # fmt: skip
    book.save(str(path))
    return path


def excel_office_theme() -> bytes:
    """The theme part Excel (2013 to 2021) saves in a workbook: openpyxl writes Office 2007's
    colours (its accent 6 is orange), and a theme fill looks as the file's own theme says."""
    from openpyxl.writer.theme import theme_xml

    office = {"1F497D": "44546A", "EEECE1": "E7E6E6", "4F81BD": "4472C4", "C0504D": "ED7D31",
              "9BBB59": "A5A5A5", "8064A2": "FFC000", "4BACC6": "5B9BD5", "F79646": "70AD47"}  # fmt: skip
    text = theme_xml
    for old, new in office.items():
        assert f'"{old}"' in text
        text = text.replace(f'"{old}"', f'"{new}"')
    return text.encode()


class Inflating:
    """A zip part that unpacks to `size` bytes: `head`, then `fill` repeated, then `tail`,
    packed once and repeated, so a gigabyte part is a few megabytes on disk and made in a
    second. `told` is the unpacked size the zip's directory records (a lying header, if less)."""

    def __init__(self, head: bytes, size: int, tail: bytes, fill: bytes = b"A") -> None:
        self.head, self.size, self.tail, self.fill = head, size, tail, fill
        self.told = size

    def packed(self) -> tuple[bytes, int]:
        """The raw deflate stream and the CRC-32 of what it unpacks to."""
        import zlib

        chunk = self.fill * (1024 * 1024 // len(self.fill))
        repeats = (self.size - len(self.head) - len(self.tail)) // len(chunk)
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        parts = [packer.compress(self.head + chunk + chunk) + packer.flush(zlib.Z_SYNC_FLUSH)]
        steady = packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
        assert steady == packer.compress(chunk) + packer.flush(zlib.Z_SYNC_FLUSH)
        parts += [steady] * (repeats - 2)  # the window is all `fill`: each repeat is the same
        parts.append(packer.compress(self.tail) + packer.flush())
        crc = zlib.crc32(self.head + chunk + chunk)
        for _ in range(repeats - 2):
            crc = zlib.crc32(chunk, crc)
        self.size = len(self.head) + repeats * len(chunk) + len(self.tail)
        self.told = min(self.told, self.size)
        return b"".join(parts), zlib.crc32(self.tail, crc)


def raw_zip(path: Path, parts: dict[str, bytes | Inflating]) -> Path:
    """A zip written byte by byte (zipfile cannot store a part packed elsewhere)."""
    import struct
    import zlib

    body, directory = b"", b""
    for name, content in parts.items():
        if isinstance(content, Inflating):
            data, crc = content.packed()
            size, told = content.size, content.told
        else:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            data = packer.compress(content) + packer.flush()
            crc, size, told = zlib.crc32(content), len(content), len(content)
        encoded = name.encode()
        fields = (20, 0, 8, 0, 0x21, crc, len(data), told, len(encoded))
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded + data
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0,
                                 offset) + encoded  # fmt: skip
        del size
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory),
                      len(body), 0)  # fmt: skip
    path.write_bytes(body + directory + end)
    return path


XLSX_PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
    b'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
    b'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    b'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
    b'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    b'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="'
    b'xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
    b'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships"><sheets><sheet name="Actions" sheetId="1" r:id="rId1"/>'
    b"</sheets></workbook>",
    "xl/_rels/workbook.xml.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
    b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    b'Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData>'
)


def hostile_xlsx(path: Path, sheet: bytes | Inflating) -> Path:
    """A workbook of one sheet, `Actions`, whose XML (from <sheetData> on) is given."""
    return raw_zip(path, {**XLSX_PARTS, "xl/worksheets/sheet1.xml": sheet})


DOCX_PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
    b'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="'
    b'application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    b'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="'
    b'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>",
    "_rels/.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="'
    b'word/document.xml"/></Relationships>',
}
BODY_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.'
    b'org/wordprocessingml/2006/main"><w:body>'
)


def hostile_docx(path: Path, body: bytes | Inflating) -> Path:
    """A Word document whose document.xml (from <w:body> on) is given."""
    return raw_zip(path, {**DOCX_PARTS, "word/document.xml": body})


# LibreOffice re-saves in batches -------------------------------------------------------------
# Starting LibreOffice costs about two seconds and converting a small file a fraction of one, so
# files made together are converted in one `soffice` call; each test process (an xdist worker)
# keeps one LibreOffice profile for its whole run: a fresh profile adds most of a second a call.
_LO_FILTERS = {".docx": "docx:MS Word 2007 XML", ".xlsx": "xlsx:Calc MS Excel 2007 XML"}


def libreoffice_resave_all(paths: Sequence[Path]) -> list[Path]:
    """Each file as LibreOffice saves it, beside its original as `<stem>-lo<suffix>` (see
    `libreoffice_resave`), in the order given: one `soffice` call for each kind of file."""
    import shutil
    import tempfile

    saved = [path.parent / f"{path.stem}-lo{path.suffix}" for path in paths]
    for suffix, convert in _LO_FILTERS.items():
        batch = [i for i, path in enumerate(paths) if path.suffix == suffix]
        if not batch:
            continue
        with tempfile.TemporaryDirectory(prefix="lo-batch-") as folder:
            inbox, outbox = Path(folder, "in"), Path(folder, "out")
            inbox.mkdir()
            names = [inbox / f"{i}{suffix}" for i in batch]  # files of one name may be many
            for i, name in zip(batch, names, strict=True):
                shutil.copyfile(paths[i], name)
            subprocess.run(
                ["soffice", f"-env:UserInstallation={_lo_profile().as_uri()}", "--headless",
                 "--convert-to", convert, "--outdir", str(outbox), *map(str, names)],
                check=True, capture_output=True, timeout=600,
            )  # fmt: skip
            for i, name in zip(batch, names, strict=True):
                shutil.move(outbox / name.name, saved[i])
    return saved


Maker = Callable[[Path], Path]


class DocumentSet:
    """The documents of one test module that are read as made and as LibreOffice saves them: each
    made by its maker in a folder of its own (`make_all`), then all re-saved together by
    `libreoffice_resave_all`, one start of LibreOffice a kind of file. A start costs about a
    CPU-second and, on a busy machine, several seconds of wall time: a re-save in each fixture
    started it a dozen times or more in one module."""

    def __init__(self) -> None:
        self.makers: dict[str, Maker] = {}

    def document(self, name: str) -> Callable[[Maker], Maker]:
        """Registers a maker: `make(folder)` writes one document in `folder` and returns it."""

        def register(make: Maker) -> Maker:
            assert name not in self.makers, f"two documents named {name}"
            self.makers[name] = make
            return make

        return register

    def make_all(self, folder: Path) -> dict[str, Path]:
        """Every document, by name (the caller re-saves them with `libreoffice_resave_all`, which
        also marks its tests slow)."""
        made = {}
        for name, make in self.makers.items():
            (folder / name).mkdir()
            made[name] = make(folder / name)
        return made


def _lo_profile() -> Path:
    """This process's LibreOffice profile: two processes never share one (a second LibreOffice
    on a profile in use hands its work to the first, or fails)."""
    import atexit
    import os
    import shutil
    import tempfile

    if not _LO_PROFILE:
        folder = Path(tempfile.mkdtemp(prefix=f"lo-profile-{os.getpid()}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _LO_PROFILE.append(folder)
    return _LO_PROFILE[0]


_LO_PROFILE: list[Path] = []
