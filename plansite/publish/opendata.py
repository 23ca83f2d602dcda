"""Open data: tidy CSV files (RFC 4180, UTF-8, header row) in site/data/, and datapackage.json.

Each CSV starts with a UTF-8 byte-order mark: without it Excel on Windows reads the file in the
computer's own code page and garbles every "–", "é" and "£". Python's csv module (with
encoding "utf-8-sig"), pandas, R and Frictionless read past it.

Each dataset is declared once, with its columns (plansite/render/datasets.py): the same
declaration writes the CSV header, the Frictionless Table Schema and the Downloads page. Indicator values pass through the site's
Disclosure, so a suppressed count is written as [c], as on the pages.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED
from plansite.model.indicators import Indicator, Value
from plansite.model.memo import per_object
from plansite.model.periods import period_start
from plansite.model.plan import Action, Plan
from plansite.model.progress import impact_of, status_of
from plansite.model.slugs import slug
from plansite.publish.cells import inert
from plansite.render.datasets import ACTION_COLUMNS, INDICATOR_COLUMNS, datasets
from plansite.render.text import plain, rich
from plansite.words.wording import word

MISSING = ["", SUPPRESSED]  # an empty cell has no value; [c] is a suppressed count


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")  # with the byte-order mark (see above)


def one_line(text: str) -> str:
    """Paragraphs joined with spaces: every record stays on one line of the file."""
    return " ".join(text.split())


def number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def action_facts(plan: Plan, action: Action) -> dict[str, str]:
    """Everything a download says about one action, as plain text, by column name."""
    status = status_of(plan, action)
    impact = impact_of(plan, action)
    due = action.due_date
    latest = action.latest_update
    return {
        "plan_id": plan.id,
        "priority_ref": action.priority.ref,
        "issue": plain(action.issue.title) if action.issue else "",
        "action_ref": action.ref,
        "action_id": action.anchor,
        "title": plain(action.title),
        "leads": "; ".join(action.leads),
        "due": action.due or "",
        "due_date": due.date.isoformat() if due and due.date else "",
        "due_reason": due.reason if due else "",
        "status_key": status.key if status else "",
        "status_label": status.label if status else "",
        "impact_label": impact.label if impact else "",
        "new": action.new or "",
        "latest_update_date": latest.date if latest else "",
        "latest_update": one_line(plain(rich(latest.text))) if latest else "",
    }


@per_object
def plan_facts(plan: Plan) -> list[dict[str, str]]:
    """`action_facts` for every action of the plan, in order: worked out once per build, for
    data/actions.csv and the plan's own CSV and Excel downloads."""
    return [action_facts(plan, action) for action in plan.actions]


def action_rows(site: BoardData) -> list[list[str]]:
    return [
        [facts[name] for name in ACTION_COLUMNS]
        for plan in site.plans
        for facts in plan_facts(plan)
    ]


def update_rows(site: BoardData) -> list[list[object]]:
    rows: list[list[object]] = []
    for plan in site.plans:
        for action in plan.actions:
            for update in action.updates:
                status = plan.vocabulary.find(update.status) if update.status else None
                day = update.day
                when = day.value.isoformat() if day.precision == "day" else f"{day.value:%Y-%m}"
                rows.append(
                    [
                        plan.id,
                        action.ref,
                        action.anchor,
                        when,
                        status.key if status else "",
                        status.label if status else "",
                        one_line(plain(rich(update.text))),
                    ]
                )
    return rows


def indicator_rows(site: BoardData, only: Indicator | None = None) -> list[list[object]]:
    rows: list[list[object]] = []
    for value in site.values if only is None else site.values_for(only.ref):
        indicator = site.indicator_by_ref[value.indicator]
        published = site.disclosure.published(value)
        hidden = site.disclosure.is_hidden(value)
        start = period_start(value.period, indicator.period_type)
        rows.append(
            [
                value.indicator,
                plain(indicator.title),
                indicator.unit,
                value.period,
                value.area,
                value.category,
                SUPPRESSED if hidden else number(published),
                indicator.ref,
                value.dimension,
                value.word,
                SUPPRESSED
                if hidden and value.second_value is not None
                else number(value.second_value),
                indicator.second_unit if value.second_value is not None else "",
                start.isoformat() if start else "",
                value.note,
            ]
        )
    return rows


def _second(site: BoardData, value: Value) -> str:
    if value.second_value is None:
        return ""
    second = site.disclosure.second_published(value)
    return SUPPRESSED if second is None else number(second)


def planner_rows(site: BoardData) -> list[list[object]]:
    if site.planner is None:
        return []
    return [
        [
            plain(item.what),
            item.who,
            one_line(plain(item.activity)),
            one_line(plain(item.tells_board)),
            item.when,
            "; ".join(item.months),
            "; ".join(item.reports_to),
            "; ".join(item.actions),
            "; ".join(item.indicators),
        ]
        for item in site.planner.items
    ]


def budget_rows(site: BoardData) -> list[list[object]]:
    budget = site.budget
    if budget is None:
        return []
    rows: list[list[object]] = []
    for section, lines in (("expenditure", budget.expenditure), ("income", budget.income)):
        for line in lines:
            rows.append(
                [budget.year, section, line.line, "", number(line.budget), number(line.actual)]
            )
    for contribution in budget.contributions:
        rows.append(
            [budget.year, "contribution", contribution.partner, contribution.group, "",
             number(contribution.amount)]
        )  # fmt: skip
    return rows


def training_rows(site: BoardData) -> list[list[object]]:
    return [[plain(c.course), c.length, c.delegates] for c in site.training]


# each dataset's rows, by its name (the datasets are declared in plansite/render/datasets.py)
ROWS: dict[str, Callable[[BoardData], Sequence[Sequence[object]]]] = {
    "actions": action_rows,
    "updates": update_rows,
    "indicators": indicator_rows,
    "planner": planner_rows,
    "budget": budget_rows,
    "training": training_rows,
}


def datapackage(site: BoardData, sizes: dict[str, int]) -> bytes:
    """A Frictionless Data Package describing every CSV file and its fields."""
    package = {
        "profile": "tabular-data-package",
        "name": slug(site.board.name) or "open-data",
        "title": word("datasets", "package_title", board=site.board.name),
        "licenses": [
            {
                "name": "OGL-UK-3.0",
                "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                "title": word("datasets", "licence_title"),
            }
        ],
        "resources": [
            {
                "name": dataset.name,
                "path": dataset.path,
                "profile": "tabular-data-resource",
                "title": dataset.title,
                "description": dataset.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": sizes[dataset.path],
                "schema": {
                    "fields": [
                        {"name": c.name, "type": c.type, "description": c.description}
                        for c in dataset.columns
                    ],
                    "missingValues": MISSING,
                },
            }
            for dataset in datasets(site)
        ],
    }
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def paths(site: BoardData) -> tuple[str, ...]:
    """The files `files` makes, in its order, without making them."""
    return (
        *(links.open_data(dataset.path) for dataset in datasets(site)),
        links.open_data("datapackage.json"),
        *(links.indicator_csv(indicator.slug) for indicator in site.indicators),
    )


def files(site: BoardData) -> dict[str, bytes]:
    result: dict[str, bytes] = {}
    for dataset in datasets(site):
        names = [c.name for c in dataset.columns]
        result[links.open_data(dataset.path)] = write_csv(names, ROWS[dataset.name](site))
    sizes = {d.path: len(result[links.open_data(d.path)]) for d in datasets(site)}
    result[links.open_data("datapackage.json")] = datapackage(site, sizes)
    names = [c.name for c in INDICATOR_COLUMNS]
    for indicator in site.indicators:
        rows = indicator_rows(site, indicator)
        result[links.indicator_csv(indicator.slug)] = write_csv(names, rows)
    return result
