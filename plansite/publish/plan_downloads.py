"""Each plan's "All actions" table as downloads: CSV and Excel, the same rows as the page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import cache, partial

from plansite.documents.kept_files import Later, Together, contents
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


def items(site: BoardData) -> Iterator[tuple[str, bytes | Later | Together]]:
    """Per plan CSV and Excel, and data/actions.xlsx: the rows of data/actions.csv in Excel
    (whose headings are the open data's column names, the same in every language). The
    workbooks as jobs, for the build's workers (plansite/documents/made_files.py)."""
    as_at = site.current_plan.as_at_date
    sheet = word("action_downloads", "sheet")
    every_plan = partial(action_rows, site)
    yield (
        links.open_data("actions.xlsx"),
        _later(sheet, ACTION_COLUMNS, ACTION_COLUMNS, every_plan, as_at),
    )
    for plan in site.plans:
        # made only when not kept under the key of the build's inputs, as the workbooks; the
        # rows worked out once for both
        table = cache(partial(rows, plan))
        csv = links.plan_actions_csv(plan.id)
        yield from Together((csv,), partial(_csv, csv, table)).each()
        yield (
            links.plan_actions_xlsx(plan.id),
            _later(sheet, headings(), COLUMNS, table, plan.as_at_date),
        )


def _csv(path: str, table: Callable[[], list[list[str]]]) -> dict[str, bytes]:
    return {path: write_csv(headings(), table())}


def _later(
    sheet: str,
    columns: list[str],
    keys: list[str],
    table: Callable[[], list[list[str]]],
    as_at: date,
) -> Later:
    """A workbook whose cells (`table()`'s rows) are worked out only when the build does not
    find it kept under the key of its inputs (plansite/documents/made_files.py)."""
    return Later("xlsx", lambda: workbook_job(sheet, columns, with_dates(keys, table()), as_at))
