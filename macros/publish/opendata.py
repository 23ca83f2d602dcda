"""Open data: tidy CSV files (RFC 4180, UTF-8, header row) in site/data/."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from macros.model.site import Site
from macros.render.text import plain

ACTION_COLUMNS = [
    "plan_id", "priority_ref", "issue", "action_ref", "title", "leads", "due", "due_date",
    "due_reason", "status_key", "status_label", "new", "latest_update_date",
]  # fmt: skip
INDICATOR_COLUMNS = ["indicator", "title", "unit", "period", "area", "category", "value"]


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def action_rows(site: Site) -> list[list[str]]:
    rows = []
    for plan in site.plans:
        for action in plan.actions:
            status = plan.vocabulary.find(action.status) if action.status else None
            due = action.due_date
            latest = action.latest_update
            rows.append(
                [
                    plan.id,
                    action.priority.ref,
                    plain(action.issue.title) if action.issue else "",
                    action.ref,
                    plain(action.title),
                    "; ".join(action.leads),
                    action.due or "",
                    due.date.isoformat() if due and due.date else "",
                    due.reason if due else "",
                    status.key if status else "",
                    status.label if status else "",
                    action.new or "",
                    latest.date if latest else "",
                ]
            )
    return rows


def indicator_rows(site: Site) -> list[list[str]]:
    rows = []
    for value in site.values:
        indicator = site.indicator_by_ref[value.indicator]
        rows.append(
            [
                value.indicator,
                plain(indicator.title),
                indicator.unit,
                value.period,
                value.area,
                value.category,
                f"{value.value:g}",
            ]
        )
    return rows


def files(site: Site) -> dict[str, bytes]:
    return {
        "data/actions.csv": write_csv(ACTION_COLUMNS, action_rows(site)),
        "data/indicators.csv": write_csv(INDICATOR_COLUMNS, indicator_rows(site)),
    }
