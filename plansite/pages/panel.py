"""The reports index, and the maintainers' "Send to the Panel" checklist: the partners must
send their yearly report to the Child Safeguarding Practice Review Panel and to Foundations
within seven days of publishing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from plansite.documents import pdf as documents
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.yearly_report import Report
from plansite.render.templates import render

DUTY_DAYS = 7


@dataclass(frozen=True)
class Entry:
    report: Report
    href: str
    pdf_href: str
    pdf_size: str
    address: str  # the page's full web address, to paste into the e-mail
    pdf_address: str
    send_by: date


def _entries(site: BoardData, here: str) -> list[Entry]:
    base = site.url.rstrip("/") + "/" if site.url else ""
    result = []
    for report in reversed(site.reports):
        page = links.annual_report(report.year)
        pdf_path = documents.report_path(report)
        result.append(
            Entry(
                report,
                links.href(here, page),
                links.href(here, pdf_path),
                documents.size_note(site, pdf_path),
                base + links.served_dir(page) if base else "",
                base + pdf_path if base else "",
                report.published_date + timedelta(days=DUTY_DAYS),
            )
        )
    return result


def reports_index(site: BoardData, here: str) -> str:
    return render("report/index.html", entries=_entries(site, here), board=site.board)


def panel_checklist(site: BoardData, here: str) -> str:
    return render("report/panel.html", entries=_entries(site, here), days=DUTY_DAYS)
