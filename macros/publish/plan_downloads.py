"""Each plan's "All actions" table as downloads: CSV and Excel, the same rows as the page."""

from __future__ import annotations

from macros.model.plan import Plan
from macros.model.progress import status_of
from macros.model.site import Site
from macros.publish.opendata import ACTION_COLUMNS, action_rows, write_csv
from macros.publish.spreadsheet import workbook_bytes
from macros.render import links
from macros.render.text import plain, rich

COLUMNS = [
    "Priority", "Ref", "Issue", "Action", "Lead", "Due", "Due date", "Status",
    "Latest update date", "Latest update",
]  # fmt: skip


def csv_path(plan: Plan) -> str:
    return links.open_data(f"actions-{plan.id}.csv")


def xlsx_path(plan: Plan) -> str:
    return links.open_data(f"actions-{plan.id}.xlsx")


def rows(plan: Plan) -> list[list[str]]:
    """One row per action, in the plan's order (the order of the page's table)."""
    result = []
    for action in plan.actions:
        status = status_of(plan, action)
        due = action.due_date
        latest = action.latest_update
        result.append(
            [
                action.priority.ref,
                action.ref,
                plain(action.issue.title) if action.issue else "",
                plain(action.title),
                "; ".join(action.leads),
                action.due or "",
                due.date.isoformat() if due and due.date else "",
                status.label if status else "",
                latest.date if latest else "",
                plain(rich(latest.text)).strip() if latest else "",
            ]
        )
    return result


def files(site: Site) -> dict[str, bytes]:
    """Per plan CSV and Excel, and data/actions.xlsx: the rows of data/actions.csv in Excel."""
    every_plan = action_rows(site)
    as_at = site.current_plan.as_at_date
    every_xlsx = workbook_bytes("Actions", ACTION_COLUMNS, every_plan, as_at)
    result = {links.open_data("actions.xlsx"): every_xlsx}
    for plan in site.plans:
        table = rows(plan)
        result[csv_path(plan)] = write_csv(COLUMNS, table)
        result[xlsx_path(plan)] = workbook_bytes("Actions", COLUMNS, table, plan.as_at_date)
    return result
