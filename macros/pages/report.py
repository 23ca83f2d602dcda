"""Annual report and "about" tables, placed by hand-written pages in docs/ with one macro call,
e.g. `{{ plansite_page("budget") }}` in docs/annual-report/budget.md. No pages are generated.
"""

from __future__ import annotations

from macros.model.site import Site
from macros.pages import FilesRenderer, GeneratedPage, Renderer
from macros.render import report


def pages(site: Site) -> list[GeneratedPage]:
    return []


RENDERERS: dict[str, Renderer] = {
    "budget": report.budget_tables,
    "training": report.training_table,
    "membership": report.membership,
    "structure": report.structure,
    "about_board": report.about_board,
}
# Renderers that also show the build's published files (their sizes)
WITH_FILES: dict[str, FilesRenderer] = {"downloads": report.downloads}
