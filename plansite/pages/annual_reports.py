"""Annual report page type: the reports index (latest first, earlier years as an archive) and one
page per yearly report in data/reports/; none when the board has no report. Also the home
page's content and the tables that hand-written pages place with one macro call, e.g.
`{{ plansite_page("membership") }}`.
"""

from __future__ import annotations

from collections.abc import Mapping

from plansite.documents import pdf as documents
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.pages import GeneratedPage, PageGroup, PageType
from plansite.pages.panel import panel_checklist, reports_index
from plansite.pages.plans import printed_pdfs
from plansite.render import accessibility, annual_tables, home
from plansite.render import yearly_report as render
from plansite.words.wording import word


def pages(site: BoardData) -> list[GeneratedPage]:
    if not site.reports:
        return []
    index = links.annual_reports()
    result = [
        GeneratedPage(index, word("titles", "annual_reports"), REPORTS_INDEX, nav_section=index)
    ]
    for item in reversed(site.reports):
        result.append(
            GeneratedPage(links.annual_report(item.year), item.heading, YEARLY, (item.year,), index)
        )
    return result


def _yearly(site: BoardData, here: str, year: str) -> str:
    found = next(r for r in site.reports if r.year == year)
    path = documents.report_path(found)
    pdf = (links.href(here, path), documents.size_note(site, path))
    return render.body(site, found, here, pdf=pdf)


def _downloads(site: BoardData, here: str, files: Mapping[str, int]) -> str:
    """Every published file, and each long plan's PDFs (their sizes filled in once made)."""
    return annual_tables.downloads(site, here, files, printed_pdfs(site, here))


REPORTS_INDEX = PageType("reports_index", reports_index)
YEARLY = PageType("yearly_report", _yearly)
# Placed by hand-written pages with one macro call
PLACED = (
    PageType("panel_checklist", panel_checklist),
    PageType("budget", annual_tables.budget_tables),
    PageType("training", annual_tables.training_table),
    PageType("membership", annual_tables.membership),
    PageType("structure", annual_tables.structure),
    PageType("about_board", annual_tables.about_board),
    PageType("accessibility_statement", accessibility.statement),
    PageType("home", home.home_page),
    PageType("downloads", _downloads, with_published_files=True),
)
GROUP = PageGroup((REPORTS_INDEX, YEARLY, *PLACED), pages)
