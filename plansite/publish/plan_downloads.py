"""Each plan's "All actions" table as downloads: CSV and Excel, the same rows as the page."""

from __future__ import annotations

from collections.abc import Iterator

from plansite.documents.kept_files import Job, contents
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.plan import Plan
from plansite.publish.opendata import action_rows, plan_facts, write_csv
from plansite.publish.spreadsheet import date_cell, workbook_job
from plansite.render.datasets import ACTION_COLUMNS
from plansite.words.wording import word

# the facts each column holds, in order (see opendata.action_facts); the headings readers see
# are in the words file, `action_downloads: columns:`
COLUMNS = [
    "priority_ref", "action_ref", "issue", "title", "leads", "due", "due_date", "status_label",
    "impact_label", "latest_update_date", "latest_update",
]  # fmt: skip


# the columns the workbooks store as dates (the CSVs hold the same dates as ISO text)
DATE_COLUMNS = ("due_date", "latest_update_date")


def with_dates(keys: list[str], table: list[list[str]]) -> list[list[object]]:
    """The rows with each date column's ISO text as a date cell, for Excel."""
    dated = {keys.index(key) for key in DATE_COLUMNS if key in keys}
    return [[date_cell(c) if i in dated else c for i, c in enumerate(row)] for row in table]


def headings() -> list[str]:
    """The heading row of a plan's download, in the language in use."""
    return [word("action_downloads", "columns", key) for key in COLUMNS]


def rows(plan: Plan) -> list[list[str]]:
    """One row per action, in the plan's order (the order of the page's table)."""
    return [[facts[key] for key in COLUMNS] for facts in plan_facts(plan)]


def files(site: BoardData) -> dict[str, bytes]:
    return contents(dict(items(site)))


def items(site: BoardData) -> Iterator[tuple[str, bytes | Job]]:
    """Per plan CSV and Excel, and data/actions.xlsx: the rows of data/actions.csv in Excel
    (whose headings are the open data's column names, the same in every language). The
    workbooks as jobs, for the build's workers (plansite/documents/made_files.py)."""
    every_plan = action_rows(site)
    as_at = site.current_plan.as_at_date
    sheet = word("action_downloads", "sheet")
    every_xlsx = workbook_job(sheet, ACTION_COLUMNS, with_dates(ACTION_COLUMNS, every_plan), as_at)
    yield links.open_data("actions.xlsx"), every_xlsx
    for plan in site.plans:
        table = rows(plan)
        yield links.plan_actions_csv(plan.id), write_csv(headings(), table)
        yield (
            links.plan_actions_xlsx(plan.id),
            workbook_job(sheet, headings(), with_dates(COLUMNS, table), plan.as_at_date),
        )
