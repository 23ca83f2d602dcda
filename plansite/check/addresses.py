"""Every published address is claimed once: a page, a download, a feed or a calendar that two
things would be published at is an error naming both (otherwise one silently replaces the
other, e.g. a plan with the id `annual-report-2025-26` and the 2025-26 report's PDF).

Each thing's addresses come from plansite/model/links.py, the functions the pages and the
published files use, so what is checked here is where they are written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.read.problems import BETWEEN_FILES, Problems

# The site's own pages and files, claimed before any board data; none can be renamed
SITE_PAGES = {
    links.plans_index(): "the list of plans",
    links.glossary(): "the glossary",
    links.subgroups_index(): "the list of subgroups",
    links.indicators_index(): "the list of indicators",
    links.downloads(): "the downloads page",
    links.planner(): "the reporting planner",
    links.annual_reports(): "the list of annual reports",
    links.guide_home(): "the young people's guide",
    links.guide_voices(): "the guide's page of what young people told us",
    links.guide_leaflet(): "the guide's leaflet",
    links.guide_private(): "the guide's page on keeping a visit private",
    links.site_feed(): "the site's feed of updates",
    links.planner_calendar(): "the planner's calendar",
    links.open_data("actions.xlsx"): "the download of every action",
    links.open_data("datapackage.json"): "the description of the open data",
}


@dataclass(frozen=True)
class Claim:
    address: str  # inside site/: a page as the file it is served from (a/b.md -> a/b/index.html)
    what: str  # e.g. "the PDF of plan `x`"
    kind: str  # things of one kind have checks of their own on their ids (duplicates, slugs)
    file: str = ""  # where it is written ("" for the site's own pages)
    line: int = 1
    fix: str = ""  # how the editor gives it an address of its own


def check_addresses(site: BoardData, problems: Problems) -> None:
    first: dict[str, Claim] = {}
    for claim in claims(site):
        earlier = first.setdefault(claim.address, claim)
        if earlier is claim or earlier.kind == claim.kind:
            continue  # the same kind twice: its own check says so (e.g. a subgroup id twice)
        where = f" ({earlier.file}, line {earlier.line})" if earlier.file else ""
        problems.add(claim.file, claim.line, f"{claim.what} would be published at "
                     f"`{claim.address}`, where {earlier.what}{where} is published; one would "
                     f"replace the other: {claim.fix}", BETWEEN_FILES)  # fmt: skip


def served(path: str) -> str:
    """The file a page is published as; any other file as it is."""
    return links.served_dir(path) + "index.html" if path.endswith(".md") else path


def claims(site: BoardData) -> Iterator[Claim]:
    """Every address, the site's own first, then the things that cannot be renamed (a report's
    year is its year) before those that can, so the error is said where the fix is."""
    for path, what in SITE_PAGES.items():
        yield Claim(served(path), what, "site")
    for report in site.reports:
        where = (report.source_file, report.line_of("year"))
        name = f"the {report.year} report"
        yield Claim(served(links.annual_report(report.year)), f"the page of {name}", "report",
                    *where, "correct the year")  # fmt: skip
        yield Claim(links.annual_report_pdf(report.year), f"the PDF of {name}", "report",
                    *where, "correct the year")  # fmt: skip
    for subgroup in site.subgroups:
        where = (subgroup.source_file, subgroup.line_of("id"))
        fix = "give the subgroup another `id`"
        name = f"subgroup `{subgroup.id}`"
        yield Claim(served(links.subgroup(subgroup.id)), f"the page of {name}", "subgroup",
                    *where, fix)  # fmt: skip
        yield Claim(links.subgroup_calendar(subgroup.id), f"the calendar of {name}", "subgroup",
                    *where, fix)  # fmt: skip
    for indicator in site.indicators:
        where = (indicator.source_file, indicator.line_of("ref"))
        fix, name = "give the indicator another `ref`", f"indicator `{indicator.ref}`"
        yield Claim(served(links.indicator(indicator.slug)), f"the page of {name}", "indicator",
                    *where, fix)  # fmt: skip
        yield Claim(links.indicator_csv(indicator.slug), f"the figures of {name}", "indicator",
                    *where, fix)  # fmt: skip
    yield from _plan_claims(site)


def _plan_claims(site: BoardData) -> Iterator[Claim]:
    fix = "give the plan another `id` (and its file the same name)"
    for plan in site.plans:
        where = (plan.source_file, plan.line_of("id"))
        name = f"plan `{plan.id}`"
        for path, what in [
            (served(links.plan_home(plan.id)), "the page"),
            *((served(links.plan_page(plan.id, page)), f"the `{page}` page")
              for page in ("all-actions", "needs-attention", "what-changed")),
            (links.plan_feed(plan.id), "the feed"),
            (links.plan_actions_csv(plan.id), "the CSV download"),
            (links.plan_actions_xlsx(plan.id), "the Excel download"),
            (links.plan_actions_docx(plan.id), "the Word download"),
            (links.plan_pdf(plan.id), "the PDF"),
        ]:  # fmt: skip
            yield Claim(path, f"{what} of {name}", "plan", *where, fix)
        for priority in plan.priorities:
            yield Claim(served(links.priority(plan.id, priority.slug)),
                        f"the page of priority `{priority.ref}` of {name}", "plan",
                        priority.source_file, priority.line_of("ref"), "give it another `ref`")  # fmt: skip
    current = [plan for plan in site.plans if plan.current]  # none while a plan is unread
    for plan in current[:1]:
        for priority in plan.priorities:
            yield Claim(served(links.guide_priority(priority.slug)),
                        f"the young people's page of priority `{priority.ref}`", "guide",
                        priority.source_file, priority.line_of("ref"), "give it another `ref`")  # fmt: skip
