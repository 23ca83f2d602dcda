"""Each plan as a Word document for board papers: `site/downloads/<id>.docx`, `make export`.

Accessible: the title and headings use Word's heading styles, every table's first row is marked
as a header row repeated on each page, and status is written in words as well as shaded.
`make import` reads the file back to the same plan (tests/test_import_roundtrip.py).
Deterministic: the file's dates are the plan's as-at date, so an unchanged plan gives the same bytes.
Fast: python-docx makes the document and its properties; the body is written as
WordprocessingML text and parsed once with the document (python-docx's row and run objects took
a second for 300 updates, far too slow for a board with thousands). Kept between builds like the
PDFs: `.cache/plansite/docx/` holds each file under a hash of everything it is made from, so a
plan whose body has not changed costs one read, and python-docx is not imported.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from plansite.documents.kept_files import Job, Later, contents, making_version
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.colours import text_on
from plansite.model.dates import parse_day, parse_due
from plansite.model.plan import Action, Plan, Update
from plansite.office.clean import clean
from plansite.publish import spreadsheet
from plansite.publish.spreadsheet import _restamped
from plansite.words.wording import due_words, long_date, month_year, word, words

TAG = re.compile(r"<[^>]+>")
MARKUP = re.compile(r"[<*\n]")  # a tag, emphasis or a line break: more than one plain paragraph
STYLED = re.compile(r"(\*\*\*[^*]+\*\*\*|\*\*[^*]+\*\*|\*[^*\s][^*]*\*|<b>.*?</b>|<strong>.*?</strong>|<i>.*?</i>|<em>.*?</em>)", re.S)  # fmt: skip


def path(plan: Plan) -> str:
    return links.plan_actions_docx(plan.id)


def files(site: BoardData) -> dict[str, bytes]:
    return contents(dict(jobs(site)))


def jobs(site: BoardData) -> Iterator[tuple[str, Later]]:
    """Each plan's Word file, its body written only when the build does not find the file
    kept under the key of its inputs (plansite/documents/made_files.py)."""
    for plan in site.plans:
        yield path(plan), Later("docx", partial(docx_job, plan, site.board.name))


def _when(written: str) -> str:
    day = parse_day(written)
    if day.precision == "day":
        return long_date(day.value)
    return month_year(day.value)


def _columns(table: str) -> dict[str, str]:
    """A table's headings by what each column holds (words file, `word_document:`)."""
    return dict(words("word_document", table))


QUOTE = {'"': "&quot;"}
W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_URI}}}"
NS = f'xmlns:w="{W_URI}"'
A4 = (11906, 16838)  # twentieths of a point: 210 by 297 mm
MARGIN = 1440  # 2.54 cm
TEXT_WIDTH = 9000  # twentieths of a point: the page's width inside its margins
COLUMN_SHARES = {
    7: [2, 7, 3, 3, 3, 3, 8], 6: [2, 8, 3, 3, 3, 9], 5: [2, 2, 3, 3, 10], 3: [2, 6, 2]
}  # fmt: skip  # of the width


def plan_docx(plan: Plan, board: str = "") -> bytes:
    """The plan's Word file, by `board` (its author): read back from the build's cache when made
    before from the same body, properties, code and libraries (plansite/documents/kept_files.py)."""
    return docx_job(plan, board).content()


def docx_job(plan: Plan, board: str) -> Job:
    """The plan's Word file as plain data: its body's WordprocessingML and its properties."""
    body = _body(plan)
    version = making_version(__file__, spreadsheet.__file__, libraries=("python-docx", "lxml"))
    page = word("word_document", "page_of")
    language = word("language_tag")
    properties = (plan.title, plan.as_at_date.isoformat(), language, board, page)
    made_from = (body, properties, version)
    # the words it needs passed in: a worker process makes it (plansite/documents/made_files.py)
    args = (plan.title, plan.as_at_date, body, board, Paper(language, page))
    return Job("docx", made_from, _document, args)


@dataclass(frozen=True)
class Paper:
    language: str  # the language tag, for the spell checker
    page_of: str  # the footer's "Page {page} of {pages}"


def _document(title: str, as_at: date, body: str, board: str, paper: Paper) -> bytes:
    # imported here: a build whose Word files are all in the cache never imports python-docx
    import docx
    from docx.oxml import parse_xml
    from lxml import etree

    document = docx.Document()
    # Word keeps at most 255 characters in a document property; the heading keeps the whole title
    document.core_properties.title = title[:255]
    document.core_properties.author = board[:255]  # the board's paper, not the tool's
    document.core_properties.last_modified_by = board[:255]
    _board_paper(document, title, paper)
    stamp = datetime.combine(as_at, time())
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    document.core_properties.last_printed = stamp
    document.core_properties.revision = 1
    document.core_properties.language = paper.language
    # The body goes in before the section properties that close it, as text: the document is
    # parsed once, whole. (Moving parsed elements into python-docx's tree took lxml seconds a
    # plan: it reconciles every element's namespaces with the twenty the document declares.)
    skeleton = etree.tostring(document.element, encoding="unicode")
    end = skeleton.index("<w:sectPr")
    document.part._element = parse_xml(skeleton[:end] + body + skeleton[end:])
    buffer = io.BytesIO()
    document.save(buffer)
    return _restamped(buffer.getvalue(), stamp, {})


def _board_paper(document: Any, title: str, paper: Paper) -> None:
    """A4 with 2.54 cm margins (the table widths fit inside), the board's language for the
    spell checker, the plan's title in the header and "Page N of M" in the footer. The import
    reads only the body, so the header and footer never come back as part of the plan."""
    from docx.shared import Twips

    section = document.sections[0]
    section.page_width, section.page_height = Twips(A4[0]), Twips(A4[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN))
    for lang in document.styles.element.iter(f"{W}lang"):  # the default is en-US
        lang.set(f"{W}val", paper.language)
    _add_runs(section.header.paragraphs[0], _run(title))
    pieces = re.split(r"(\{page\}|\{pages\})", paper.page_of)
    fields = {"{page}": "PAGE", "{pages}": "NUMPAGES"}
    runs = "".join(_field(fields[p]) if p in fields else _run(p) for p in pieces if p)
    _add_runs(section.footer.paragraphs[0], runs)


def _add_runs(paragraph: Any, runs: str) -> None:
    from docx.oxml import parse_xml

    for run in list(parse_xml(f"<w:p {NS}>{runs}</w:p>")):
        paragraph._p.append(run)


def _field(name: str) -> str:
    """A Word field (PAGE, NUMPAGES), with "1" shown until Word updates it."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {name} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _body(plan: Plan) -> str:
    """The document's body as WordprocessingML: the title, the key, a table a priority, and the
    appendix of every update."""
    body = [_heading(plan.title, "Title")]
    if plan.progress_date is not None:
        day = plan.progress_date
        body.append(_para(_run(word("word_document", "as_at", date=long_date(day)))))
    key = word("word_document", "key")
    body.append(_heading(key))
    rows = [_key_row(plan, status.key) for status in plan.statuses_shown]
    body.append(_table(list(_columns("key_columns").values()), key, rows))
    # the impact column only where an action rates its measure: other plans' papers unchanged
    impact = any(action.impact for action in plan.actions)
    columns = [h for name, h in _columns("action_columns").items() if impact or name != "impact"]
    group = ""
    for priority in plan.priorities:
        if priority.group and priority.group != group:  # read back as the group (import.md)
            body.append(_heading(priority.group))
        group = priority.group
        heading = word("word_document", "priority", ref=priority.ref, title=priority.title)
        body.append(_heading(heading))
        # in the plan's order, as the site shows it: the issues, then the other actions. Those
        # get a table of their own, so the import does not read them as the last issue's (an
        # empty paragraph between: Word and LibreOffice join tables that touch)
        rows = []
        for issue in priority.issues:
            words = f"{issue.ref} {_new(issue.new)}{issue.title}".strip()
            rows.append(_row([_cell([_para(_run(words, bold=True))], span=len(columns))]))
            rows.extend(_action_row(plan, action, impact) for action in issue.actions)
        loose = [_action_row(plan, action, impact) for action in priority.actions]
        if rows:
            body.append(_table(columns, heading, rows))
        if rows and loose:
            body.append("<w:p/>")
        if loose or not rows:
            caption = word("word_document", "more_actions", heading=heading) if rows else heading
            body.append(_table(columns, caption, loose))
    appendix = word("word_document", "appendix")
    body.append(_heading(appendix))
    rows = []
    for priority in plan.priorities:
        for action in priority.all_actions:
            # the ref as written (refs may restart in each priority), else the action itself
            ref = action.written_ref or _title(action)
            for update in action.updates_oldest_first:
                status = _status_cell(plan, update.status) if update.status else _cell([])
                cells = [_text(priority.ref), _text(ref), _text(_when(update.date)), status]
                rows.append(_row([*cells, _cell(_markdown(update.text))]))
    body.append(_table(list(_columns("history_columns").values()), appendix, rows))
    if plan.notes:  # after the last table: read back as the plan's notes
        body.append(_heading(word("word_document", "notes")))
        body.extend(_para(_run(note)) for note in plan.notes)
    return "".join(body)


def _key_row(plan: Plan, key: str) -> str:
    status = plan.vocabulary.find(key)
    assert status is not None, "a status of the plan's own list"
    done = word("word_document", "yes" if status.done else "no")
    return _row([_status_cell(plan, key), _text(status.meaning), _text(done)])


def _heading(text: str, style: str = "Heading1") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{_run(text)}</w:p>'


def _table(columns: list[str], caption: str, rows: list[str]) -> str:
    """A table: its caption (Alt Text, for screen readers), then a bold header row marked to
    repeat at the top of every page, then the rows."""
    share = COLUMN_SHARES.get(len(columns), [1] * len(columns))
    widths = "".join(f'<w:gridCol w:w="{TEXT_WIDTH * s // sum(share)}"/>' for s in share)
    props = (
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        f'<w:tblCaption w:val="{escape(clean(caption), QUOTE)}"/></w:tblPr>'
    )
    header = "".join(_cell([_para(_run(name, bold=True))]) for name in columns)
    header_row = f'<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>{header}</w:tr>'
    return f"<w:tbl>{props}<w:tblGrid>{widths}</w:tblGrid>{header_row}{''.join(rows)}</w:tbl>"


def _action_row(plan: Plan, action: Action, impact: bool) -> str:
    due = [_para(_run(_due(earlier), strike=True)) for earlier in action.due_was]
    if action.due:
        due.append(_para(_run(_due(action.due))))
    status = _status_cell(plan, action.status) if action.status else _cell([])
    # undated progress first, then the latest update (the appendix holds every update)
    latest: Update | None = action.latest_update
    parts = [action.progress] if action.progress else []
    if latest is not None:
        parts.append(word("word_document", "update", date=_when(latest.date), text=latest.text))
    leads = _cell([_para(_run(lead)) for lead in action.leads])
    cells = [_text(action.written_ref), _cell(_markdown(_title(action))), leads, _cell(due)]
    if impact:  # the measure's rating, in words and shading like the status
        rated = _status_cell(plan, action.impact) if action.impact else _cell([])
        return _row([*cells, status, rated, _cell(_markdown("\n\n".join(parts)))])
    return _row([*cells, status, _cell(_markdown("\n\n".join(parts)))])


def _due(written: str) -> str:
    """Worded as the site words it ("September 2025"); a wording that says more than its date
    ("Jun-26 to Jun 27", "Ongoing") as the plan has it, as the site quotes it."""
    due = parse_due(written)
    return due_words(due) if due.date is not None and not due.says_more else written


def _title(action: Action) -> str:
    """A sub-row under an issue may have no title of its own: it shows the issue's."""
    return _new(action.new) + (action.title if action.has_own_title else "")


def _new(marker: str | None) -> str:
    """ "NEW " or "NEW (June 2026) ", as boards mark an added action; the import reads it back."""
    if marker is None:
        return ""
    if marker.lower() in {"true", "yes", "y"}:
        return word("word_document", "new")
    return word("word_document", "new_since", date=_when(marker))


# --- WordprocessingML, written as text ------------------------------------------------------


def _run(text: str, bold: bool = False, italic: bool = False, strike: bool = False,
         colour: str = "") -> str:  # fmt: skip
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props += ("<w:strike/>" if strike else "") + (f'<w:color w:val="{colour}"/>' if colour else "")
    pieces = [f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in clean(text).split("\n")]
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{'<w:br/>'.join(pieces)}</w:r>"


def _para(runs: str, bullet: bool = False) -> str:
    style = '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>' if bullet else ""
    return f"<w:p>{style}{runs}</w:p>"


def _cell(paras: list[str], fill: str = "", span: int = 1) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    body = "".join(paras) or "<w:p/>"  # Word needs a paragraph in every cell
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{body}</w:tc>"


def _row(cells: list[str]) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def _text(text: str) -> str:
    return _cell([_para(_run(text))] if text else [])


def _status_cell(plan: Plan, key: str) -> str:
    """The status in words, on its colour, in black or white text (whichever reads better)."""
    status = plan.vocabulary.find(key)
    if status is None:
        return _text(key)
    ink = text_on(status.colour).lstrip("#").upper()
    label = _para(_run(status.label, colour=ink))
    return _cell([label], fill=status.colour.lstrip("#").upper())


def _markdown(text: str) -> list[str]:
    """Markdown (or the HTML plans may carry) as Word paragraphs, bullets and bold/italic runs."""
    if not MARKUP.search(text) and not text.lstrip().startswith("- "):
        # most updates: one paragraph of plain words, as the general case below makes it
        plain = " ".join(text.split())
        return [_para(_run(plain))] if plain else []
    text = re.sub(r"</p>\s*<p>|<br\s*/?>|</?[uo]l>", "\n\n", text)
    text = re.sub(r"\s*<li>\s*", "\n- ", text).replace("</li>", "")
    blocks = [b.strip() for b in re.split(r"\n\s*\n|(?=^- )", text, flags=re.M) if b.strip()]
    paras = []
    for block in blocks:
        for line in block.split("\n") if block.startswith("- ") else [block]:
            bullet = line.startswith("- ")
            runs = []
            for piece in STYLED.split(" ".join(line[2 if bullet else 0 :].split())):
                if not piece:
                    continue
                bold = piece.startswith(("**", "<b>", "<strong>"))
                italic = piece.startswith(("*", "<i>", "<em>")) and not piece.startswith("**")
                if piece.startswith("***"):
                    bold = italic = True
                words = TAG.sub("", piece.strip("*") if (bold or italic) else piece)
                runs.append(_run(words, bold=bold, italic=italic))
            paras.append(_para("".join(runs), bullet))
    return paras
