"""Where every generated page and published file lives, and links between pages that work
from any page. In the model layer, so that the checks can see every address before a build
(plansite/check/addresses.py: no two things may claim one).

Links inside HTML fragments are not rewritten by MkDocs, so they are made relative here,
for `use_directory_urls: true` (a page `a/b.md` is served at `a/b/`).
"""

from __future__ import annotations

import functools
import posixpath


def plans_index() -> str:
    return "plans/index.md"


def plan_home(plan_id: str) -> str:
    return f"plans/{plan_id}/index.md"


def plan_page(plan_id: str, name: str) -> str:
    return f"plans/{plan_id}/{name}.md"


def what_changed_quarter(plan_id: str, quarter: str) -> str:
    """One quarter's page of a plan whose What changed is published a quarter a page
    (plansite/model/changes_size.py); `quarter` is its anchor, e.g. `2026-q3`."""
    return f"plans/{plan_id}/what-changed/{quarter}.md"


def priority(plan_id: str, slug: str) -> str:
    return f"plans/{plan_id}/priority-{slug}.md"


def glossary() -> str:
    return "glossary.md"


def subgroups_index() -> str:
    return "subgroups/index.md"


def subgroup(subgroup_id: str) -> str:
    return f"subgroups/{subgroup_id}.md"


def indicators_index() -> str:
    return "indicators/index.md"


def indicator(slug: str) -> str:
    return f"indicators/{slug}.md"


def indicator_csv(slug: str) -> str:
    return f"data/indicators/{slug}.csv"


def open_data(name: str) -> str:
    """A file in site/data/, e.g. `actions.csv` or `datapackage.json`."""
    return f"data/{name}"


def plan_actions_csv(plan_id: str) -> str:
    """A plan's "All actions" table as CSV (made by plansite/publish/plan_downloads.py)."""
    return open_data(f"actions-{plan_id}.csv")


def plan_actions_xlsx(plan_id: str) -> str:
    return open_data(f"actions-{plan_id}.xlsx")


def plan_actions_docx(plan_id: str) -> str:
    """A plan's actions as a Word document (made by plansite/publish/plan_docx.py)."""
    return f"downloads/{plan_id}.docx"


def plan_pdf(plan_id: str) -> str:
    """A plan as a PDF (made by plansite/documents/pdf.py)."""
    return f"downloads/{plan_id}.pdf"


def priority_pdf(plan_id: str, priority_slug: str, part: int = 0) -> str:
    """One priority of a long plan as a PDF, or its numbered `part` (plansite/model/print_size.py):
    in the plan's own folder, so no name can clash with another plan's files."""
    suffix = f"-part-{part}" if part else ""
    return f"downloads/{plan_id}/priority-{priority_slug}{suffix}.pdf"


def annual_report_pdf(year: str) -> str:
    return f"downloads/annual-report-{year}.pdf"


def downloads() -> str:
    return "downloads.md"


def planner() -> str:
    return "planner.md"


def planner_calendar() -> str:
    """The whole reporting planner as an .ics calendar, in site/."""
    return "reporting-planner.ics"


def subgroup_calendar(subgroup_id: str) -> str:
    return f"calendars/{subgroup_id}.ics"


# The whole site's Atom feed keeps the newest updates only; each plan's feed keeps all its own
SITE_FEED_LIMIT = 100


def site_feed() -> str:
    """The Atom feed of progress updates from every plan, in site/."""
    return "updates.xml"


def plan_feed(plan_id: str) -> str:
    """A plan's Atom feed of progress updates, in site/."""
    return f"plans/{plan_id}/updates.xml"


def guide_home() -> str:
    return "guide/index.md"


def guide_priority(slug: str) -> str:
    return f"guide/goal-{slug}.md"


def guide_voices() -> str:
    return "guide/you-told-us.md"


def guide_leaflet() -> str:
    return "guide/leaflet.md"


def guide_private() -> str:
    return "guide/keeping-your-visit-private.md"


def annual_reports() -> str:
    return "annual-report/index.md"


def annual_report(year: str) -> str:
    return f"annual-report/{year}.md"


def served_dir(src_path: str) -> str:
    """The folder a page is served from: `a/b.md` -> `a/b/`, `a/index.md` -> `a/`."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return stem


@functools.lru_cache(maxsize=1 << 16)  # asked for every link of every page
def href(here: str, target: str, anchor: str = "") -> str:
    """A relative link from page `here` to page (or file) `target`, both paths inside docs/."""
    base = served_dir(here) or "."
    goal = served_dir(target) if target.endswith(".md") else target
    rel = posixpath.relpath(goal or ".", base)
    if target.endswith(".md"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")
