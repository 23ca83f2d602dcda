"""Each plan's "All actions" table as downloads: CSV and Excel, the same rows as the page."""

from __future__ import annotations

from macros.model.board_data import BoardData
from macros.model.plan import Plan
from macros.publish.opendata import action_rows, plan_facts, write_csv
from macros.publish.spreadsheet import workbook_bytes
from macros.render import links
from macros.render.datasets import ACTION_COLUMNS

# heading shown in the spreadsheet -> the fact it holds (see opendata.action_facts)
COLUMNS = {
    "Priority": "priority_ref", "Ref": "action_ref", "Issue": "issue", "Action": "title",
    "Lead": "leads", "Due": "due", "Due date": "due_date", "Status": "status_label",
    "Impact": "impact_label",
    "Latest update date": "latest_update_date", "Latest update": "latest_update",
}  # fmt: skip


def rows(plan: Plan) -> list[list[str]]:
    """One row per action, in the plan's order (the order of the page's table)."""
    return [[facts[key] for key in COLUMNS.values()] for facts in plan_facts(plan)]


def files(site: BoardData) -> dict[str, bytes]:
    """Per plan CSV and Excel, and data/actions.xlsx: the rows of data/actions.csv in Excel."""
    every_plan = action_rows(site)
    as_at = site.current_plan.as_at_date
    every_xlsx = workbook_bytes("Actions", ACTION_COLUMNS, every_plan, as_at)
    result = {links.open_data("actions.xlsx"): every_xlsx}
    for plan in site.plans:
        table = rows(plan)
        result[links.plan_actions_csv(plan.id)] = write_csv(list(COLUMNS), table)
        result[links.plan_actions_xlsx(plan.id)] = workbook_bytes(
            "Actions", list(COLUMNS), table, plan.as_at_date
        )
    return result
