"""The home page's content, annual report and "about" tables, placed by hand-written pages in docs/ with one macro call,
e.g. `{{ plansite_page("budget") }}` in docs/annual-report/budget.md. No pages are generated.
"""

from __future__ import annotations

from macros.model.site import Site
from macros.pages import GeneratedPage, Renderer
from macros.render import home, report


def pages(site: Site) -> list[GeneratedPage]:
    return []


RENDERERS: dict[str, Renderer] = {
    "budget": report.budget_tables,
    "training": report.training_table,
    "membership": report.membership,
    "structure": report.structure,
    "about_board": report.about_board,
    "downloads": report.downloads,
    "home": home.home_page,
}
