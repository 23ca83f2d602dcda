"""PDFs of each yearly report and each plan, made with WeasyPrint from the same HTML fragments
as the pages, tagged for accessibility (PDF/UA-1: language, title, structure tree).

A long plan (plansite/model/print_size.py) is printed in pieces a board can table: its PDF is
its progress at a glance, naming and linking one PDF per priority (or per part of a priority of
more than PART_ACTIONS actions). Each is its own job, so the workers make them side by side and
the largest document WeasyPrint lays out does not grow with the plan.

Kept between builds (plansite/documents/kept_files.py): a PDF's file in `.cache/plansite/pdf/` is
named by a hash of its HTML, its print CSS and WeasyPrint's version, so an unchanged report
costs one read. WeasyPrint is imported only to make a PDF afresh. Its dates come from the data
(a report's publication date, a plan's "as at" date), so a rebuild of the same data makes the
same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import partial
from importlib.metadata import version
from urllib.parse import urljoin

from markupsafe import Markup

from plansite.documents.kept_files import Job, Later
from plansite.documents.sizes import placeholder
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.plan import Plan
from plansite.model.print_size import PrintedPart, is_long, printed_parts
from plansite.model.progress import needs_attention, on_track_status
from plansite.model.yearly_report import Report
from plansite.render.plans import part_title, plan_home, priority_page
from plansite.render.templates import FRAGMENTS, render
from plansite.render.yearly_report import body
from plansite.words.wording import language, long_date, plural, word

PRINT_CSS = FRAGMENTS / "print" / "print.css"


class PdfError(RuntimeError):
    """A PDF cannot be made on this machine: the message says what to install."""


@dataclass(frozen=True)
class Document:
    path: str  # inside site/, e.g. downloads/annual-report-2025-26.pdf
    html: str


# a link the fragments make relative to their page: not an anchor, nor with a scheme (https:)
RELATIVE_LINK = re.compile(r'(href|src)="(?![#a-z][a-z0-9+.-]*:|#)([^"]*)"')


def absolute_links(html: str, page_url: str) -> str:
    """Links relative to a page made absolute, so they stay live in the PDF (internal anchors
    stay as they are: the PDF holds them)."""
    if not page_url:
        return html
    return RELATIVE_LINK.sub(lambda m: f'{m[1]}="{urljoin(page_url, m[2])}"', html)


def report_path(report: Report) -> str:
    return links.annual_report_pdf(report.year)


def plan_path(plan: Plan) -> str:
    return links.plan_pdf(plan.id)


def _page_url(site: BoardData, here: str) -> str:
    return (site.url.rstrip("/") + "/" + links.served_dir(here)) if site.url else ""


def _file_url(site: BoardData, path: str) -> str:
    """A published file's full address, or its path in the site when the board gives no URL."""
    return (site.url.rstrip("/") + "/" + path) if site.url else path


def _made(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def _logo(site: BoardData) -> str:
    """The board's logo for the cover, inside the PDF (a data: address: WeasyPrint is given the
    HTML as a string, with no folder to find files in); "" when the board has none."""
    if not site.board.logo:
        return ""
    path = site.data_dir / site.board.logo
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def report_document(site: BoardData, report: Report) -> Document:
    here = links.annual_report(report.year)
    address = _page_url(site, here)
    html = render(
        "print/document.html",
        lang=language(),
        title=report.heading,
        kind=word("documents", "report_subtitle", board=site.board.name, year=report.year),
        subtitle=word("print_document", "report_published", day=long_date(report.published_date)),
        about="",
        board=site.board,
        logo=_logo(site),
        made=_made(report.published_date),
        address=address,
        parts=[("", Markup(absolute_links(body(site, report, here), address)))],
        part_note="",
    )
    return Document(report_path(report), html)


def plan_summary(site: BoardData, plan: Plan, address: str) -> str:
    """What needs the board's attention (as the Needs attention page counts it) and where the
    full histories are: the PDF gives each action's latest update only. A long plan's names
    each of its other PDFs, with its full address."""
    here = links.plan_home(plan.id)
    pieces = [
        (
            part_title(part),
            plural("counted", "actions", count=len(part.actions)),
            links.href(here, part.path),
            _file_url(site, part.path),
        )
        for part in printed_parts(plan)
    ]
    return render(
        "print/plan_summary.html",
        plan=plan,
        attention=needs_attention(plan),
        on_track=on_track_status(plan),
        address=address,
        pieces=pieces,
    )


def plan_document(site: BoardData, plan: Plan) -> Document:
    """The plan's PDF: the whole plan, or a long plan's progress at a glance (its priorities
    are in their own PDFs, `priority_document`)."""
    here = links.plan_home(plan.id)
    address = _page_url(site, here)
    home = plan_home(site, plan, here, print_summary=plan_summary(site, plan, address))
    parts = [(word("documents", "at_a_glance"), Markup(absolute_links(home, address)))]
    long = is_long(plan)
    for priority in [] if long else plan.priorities:
        page = links.priority(plan.id, priority.slug)  # the page's HTML, without its disclosures
        html = priority_page(site, plan, priority, page, printed=True)
        title = word("documents", "priority", ref=priority.ref, title=priority.title)
        parts.append((title, Markup(absolute_links(html, _page_url(site, page)))))
    kind = "glance_kind" if long else "plan_kind"
    return Document(plan_path(plan), _plan_paper(site, plan, kind, address, parts))


def priority_document(site: BoardData, plan: Plan, part: PrintedPart) -> Document:
    """One PDF of a long plan: a priority's printed page as the plan's PDF prints it, or the
    rows of one of its parts."""
    page = links.priority(plan.id, part.priority.slug)
    address = _page_url(site, page)
    only = {action.anchor for action in part.actions} if part.number else None
    html = priority_page(site, plan, part.priority, page, printed=True, only=only)
    note = ""
    if part.number:  # which rows this part holds, above the priority's page
        note = word(
            "print_document",
            "part_actions",
            first=part.first,
            last=part.last,
            count=str(len(part.actions)),
            total=str(len(part.priority.all_actions)),
        )
    parts = [(part_title(part), Markup(absolute_links(html, address)))]
    paper = _plan_paper(site, plan, "priority_kind", address, parts, note)
    return Document(part.path, paper)


def _plan_paper(
    site: BoardData,
    plan: Plan,
    kind: str,
    address: str,
    parts: list[tuple[str, Markup]],
    part_note: str = "",
) -> str:
    """A plan's printed document around its parts: the whole plan, its progress at a glance,
    or one priority of a long plan (`kind`, the words' key for what it is)."""
    return render(
        "print/document.html",
        lang=language(),
        title=plan.title,
        kind=word("print_document", kind),
        subtitle=word("documents", "plan_subtitle", day=long_date(plan.as_at_date)),
        about=word("print_document", "plan_about"),
        board=site.board,
        logo=_logo(site),
        made=_made(plan.as_at_date),
        address=address,
        parts=parts,
        part_note=part_note,
    )


def plan_documents(site: BoardData) -> list[tuple[str, Callable[[], Document]]]:
    """Every plan's PDFs, each rendered only when asked for (a long plan's are many), the
    largest first (by the actions each prints): the longest jobs start first."""
    found: list[tuple[int, str, Callable[[], Document]]] = []
    for plan in site.plans:
        parts = printed_parts(plan)
        # a long plan's at-a-glance PDF is a page or two: its priorities' PDFs hold its actions
        printed = len(plan.priorities) if parts else len(plan.actions)
        found.append((printed, plan_path(plan), partial(plan_document, site, plan)))
        found.extend(
            (len(part.actions), part.path, partial(priority_document, site, plan, part))
            for part in parts
        )
    return [(path, make) for _, path, make in sorted(found, key=lambda item: -item[0])]


def size_note(site: BoardData, path: str) -> str:
    """Where the size of the PDF at `path` goes beside its link: filled in by the build once
    the PDF is made (plansite/documents/sizes.py), or what a preview says instead of making it.
    A page never makes a PDF, nor waits for one."""
    if not site.pdfs:
        return word("documents", "made_in_a_build")
    return placeholder(path)


def report_pdf(site: BoardData, report: Report) -> bytes:
    """The PDF outside a build (`files`, the tests): read from the cache when made before."""
    return _cached_or_made(report_document(site, report))


def plan_pdf(site: BoardData, plan: Plan) -> bytes:
    return _cached_or_made(plan_document(site, plan))


def files(site: BoardData) -> dict[str, bytes]:
    if not site.pdfs:
        return {}
    result = {report_path(r): report_pdf(site, r) for r in site.reports}
    result.update({path: _cached_or_made(make()) for path, make in plan_documents(site)})
    return result


def jobs(site: BoardData) -> Iterator[tuple[str, Later]]:
    """Every PDF of a build, one at a time (each can start while the next one's HTML is
    rendered, and none is kept here once sent), the largest plans' first: the longest job
    starts first. Each is rendered only when the build does not find it kept under the key of
    its inputs (plansite/documents/made_files.py)."""
    if not site.pdfs:
        return
    for path, make in plan_documents(site):
        yield path, Later("pdf", partial(rendered_job, make))
    for report in site.reports:
        yield (
            report_path(report),
            Later("pdf", partial(rendered_job, partial(report_document, site, report))),
        )


def rendered_job(document: Callable[[], Document]) -> Job:
    """The job of the PDF of `document()`, rendered now."""
    return pdf_job(document())


def pdf_job(document: Document) -> Job:
    css = PRINT_CSS.read_text(encoding="utf-8")
    made_from = (document.html, css, version("weasyprint"), version("pydyf"))
    return Job("pdf", made_from, _weasyprint, (document, css))


def _cached_or_made(document: Document) -> bytes:
    return pdf_job(document).content()


def _weasyprint(document: Document, css: str) -> bytes:
    try:
        import weasyprint  # about a second to import: only when a PDF must be made afresh
    except OSError as error:  # WeasyPrint is installed, the system's Pango is not
        raise PdfError(
            f"cannot make {document.path}: WeasyPrint needs the Pango library ({error}); "
            "install it with `bash scripts/install-pdf-libs.sh` (`make build` does this)"
        ) from None

    html = weasyprint.HTML(string=document.html)
    result: bytes = html.write_pdf(
        stylesheets=[weasyprint.CSS(string=css)],
        pdf_variant="pdf/ua-1",
        pdf_identifier=hashlib.sha256(document.path.encode("utf-8")).hexdigest()[:32],
    )
    return result
