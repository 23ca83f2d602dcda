"""Annual report page type: the reports index (latest first, earlier years as an archive) and one
page per yearly report in data/reports/; none when the board has no report. Also the home
page's content and the tables that hand-written pages place with one macro call, e.g.
`{{ plansite_page("membership") }}`.
"""

from __future__ import annotations

from macros.model.site import Site
from macros.pages import FilesRenderer, GeneratedPage, Renderer
from macros.render import accessibility, documents, home, links, report
from macros.render import yearly_report as render
from macros.render.panel import panel_checklist, reports_index
from macros.render.wording import word


def pages(site: Site) -> list[GeneratedPage]:
    if not site.reports:
        return []
    index = links.annual_reports()
    result = [
        GeneratedPage(index, word("titles", "annual_reports"), "reports_index", nav_section=index)
    ]
    for item in reversed(site.reports):
        result.append(
            GeneratedPage(
                links.annual_report(item.year), item.heading, "yearly_report", (item.year,), index
            )
        )
    return result


def _yearly(site: Site, here: str, year: str) -> str:
    found = next(r for r in site.reports if r.year == year)
    path = documents.report_path(found)
    size = documents.size_note(site, lambda: documents.report_pdf(site, found))
    return render.body(site, found, here, pdf=(links.href(here, path), size))


RENDERERS: dict[str, Renderer] = {
    "reports_index": reports_index,
    "yearly_report": _yearly,
    "panel_checklist": panel_checklist,
    "budget": report.budget_tables,
    "training": report.training_table,
    "membership": report.membership,
    "structure": report.structure,
    "about_board": report.about_board,
    "accessibility_statement": accessibility.statement,
    "home": home.home_page,
}
# Renderers that also show the build's published files (their sizes)
WITH_FILES: dict[str, FilesRenderer] = {"downloads": report.downloads}
