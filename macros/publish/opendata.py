"""Open data: tidy CSV files (RFC 4180, UTF-8, header row) in site/data/, and datapackage.json.

Each dataset is declared once, with its columns: the same declaration writes the CSV header,
the Frictionless Table Schema and the Downloads page. Indicator values pass through the site's
Disclosure, so a suppressed count is written as [c], as on the pages.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from macros.model.disclosure import SUPPRESSED
from macros.model.indicators import Indicator
from macros.model.memo import per_object
from macros.model.plan import Action, Plan
from macros.model.progress import status_of
from macros.model.sections import SECTION_KEYS, sections_on
from macros.model.site import Site
from macros.publish.cells import inert
from macros.render import links
from macros.render.text import plain, rich

MISSING = ["", SUPPRESSED]  # an empty cell has no value; [c] is a suppressed count


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: string, number, integer, date
    description: str


@dataclass(frozen=True)
class Dataset:
    name: str  # the file is data/<name>.csv
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[Site], Sequence[Sequence[object]]]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([inert(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def one_line(text: str) -> str:
    """Paragraphs joined with spaces: every record stays on one line of the file."""
    return " ".join(text.split())


def number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def action_facts(plan: Plan, action: Action) -> dict[str, str]:
    """Everything a download says about one action, as plain text, by column name."""
    status = status_of(plan, action)
    due = action.due_date
    latest = action.latest_update
    return {
        "plan_id": plan.id,
        "priority_ref": action.priority.ref,
        "issue": plain(action.issue.title) if action.issue else "",
        "action_ref": action.ref,
        "title": plain(action.title),
        "leads": "; ".join(action.leads),
        "due": action.due or "",
        "due_date": due.date.isoformat() if due and due.date else "",
        "due_reason": due.reason if due else "",
        "status_key": status.key if status else "",
        "status_label": status.label if status else "",
        "new": action.new or "",
        "latest_update_date": latest.date if latest else "",
        "latest_update": one_line(plain(rich(latest.text))) if latest else "",
    }


@per_object
def plan_facts(plan: Plan) -> list[dict[str, str]]:
    """`action_facts` for every action of the plan, in order: worked out once per build, for
    data/actions.csv and the plan's own CSV and Excel downloads."""
    return [action_facts(plan, action) for action in plan.actions]


def action_rows(site: Site) -> list[list[str]]:
    return [
        [facts[name] for name in ACTION_COLUMNS]
        for plan in site.plans
        for facts in plan_facts(plan)
    ]


def update_rows(site: Site) -> list[list[object]]:
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
                        when,
                        status.key if status else "",
                        status.label if status else "",
                        one_line(plain(rich(update.text))),
                    ]
                )
    return rows


def indicator_rows(site: Site, only: Indicator | None = None) -> list[list[object]]:
    rows: list[list[object]] = []
    for value in site.values if only is None else site.values_for(only.ref):
        indicator = site.indicator_by_ref[value.indicator]
        published = site.disclosure.published(value)
        rows.append(
            [
                value.indicator,
                plain(indicator.title),
                indicator.unit,
                value.period,
                value.area,
                value.category,
                SUPPRESSED if published is None else number(published),
            ]
        )
    return rows


def planner_rows(site: Site) -> list[list[object]]:
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


def budget_rows(site: Site) -> list[list[object]]:
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


def training_rows(site: Site) -> list[list[object]]:
    return [[plain(c.course), c.length, c.delegates] for c in site.training]


def _columns(spec: str) -> list[Column]:
    """Columns written one a line as `name | type | description`."""
    result = []
    for line in spec.strip().splitlines():
        name, kind, description = (part.strip() for part in line.split("|", 2))
        result.append(Column(name, kind, description))
    return result


INDICATOR_COLUMNS = _columns(f"""
indicator | string | The indicator's reference, e.g. N12a
title | string | What the indicator measures
unit | string | rate_per_10000, percent, count, money, ratio or days
period | string | Financial or academic year (2025-26), calendar year (2025), quarter (2025 Q3) or date
area | string | local (this partnership's area), england, neighbours (statistical neighbours) or region
category | string | For a distribution, the category (e.g. a time band); empty for a series
value | number | The value in its unit. {SUPPRESSED}: a count too small to publish (more than none, less than the threshold in indicators.yml), or a figure from which one could be worked out; hidden so that no child can be identified
""")  # fmt: skip

DATASETS = [
    Dataset(
        "actions", "Plan actions", "Every action in every plan, with its lead, due date and status.",
        _columns("""
plan_id | string | The plan's id
priority_ref | string | The priority the action belongs to
issue | string | The issue the action sits under, if any
action_ref | string | The action's reference within its plan
title | string | What will be done
leads | string | Subgroups or people leading it, separated by semicolons
due | string | The due date as written in the plan
due_date | date | The due date as a date, when the wording gives one
due_reason | string | Why there is no due date, when there is none
status_key | string | The status key in the plan's own vocabulary
status_label | string | The status word readers see
new | string | The month the action was marked new, if it was
latest_update_date | string | The date of the latest progress update
"""),
        action_rows,
    ),
    Dataset(
        "updates", "Progress updates", "Every dated progress update on every action.",
        _columns("""
plan_id | string | The plan's id
action_ref | string | The action's reference within its plan
date | string | The update's date: a month (2025-12) or a day (2025-12-14)
status_key | string | The action's status at that date, if recorded
status_label | string | The status word readers see
text | string | What happened, as plain text
"""),
        update_rows,
    ),
    Dataset(
        "indicators", "Indicator values",
        "Every indicator value by period and area, with England and statistical neighbour "
        f"comparators. Counts too small to publish are shown as {SUPPRESSED}.",
        INDICATOR_COLUMNS,
        indicator_rows,
    ),
    Dataset(
        "planner", "Reporting planner", "Which reports come to the board, from whom and when.",
        _columns("""
what | string | The report
who | string | The subgroup or agency that reports
activity | string | What the subgroup does
tells_board | string | What the report will tell the board
when | string | When it is reported, as written
months | string | The months it is placed on, separated by semicolons
meeting | string | The bodies it goes to (board, subgroups), separated by semicolons
actions | string | Plan actions it reports on (plan-id:ref), separated by semicolons
indicators | string | Indicators it reports on, separated by semicolons
"""),
        planner_rows,
    ),
    Dataset(
        "budget", "Budget statement",
        "Expenditure and income lines (budget and actual) and partner contributions.",
        _columns("""
year | string | The financial year
section | string | expenditure, income or contribution
item | string | The budget line, or the contributing partner
group | string | For a contribution, what it is for
budget | number | The budgeted amount in pounds (empty for contributions)
actual | number | The actual amount in pounds; for a contribution, the amount paid
"""),
        budget_rows,
    ),
    Dataset(
        "training", "Multi-agency training", "Training courses run and the delegates on each.",
        _columns("""
course | string | The course
length | string | How long the course is
delegates | integer | How many people attended
"""),
        training_rows,
    ),
]  # fmt: skip

ACTION_COLUMNS = [c.name for c in DATASETS[0].columns]  # also the columns of actions.xlsx


def datasets(site: Site) -> list[Dataset]:
    """The datasets this board publishes: one named after an optional part needs that part."""
    on = sections_on(site)
    return [d for d in DATASETS if d.name not in SECTION_KEYS or d.name in on]


def datapackage(site: Site, sizes: dict[str, int]) -> bytes:
    """A Frictionless Data Package describing every CSV file and its fields."""
    package = {
        "profile": "tabular-data-package",
        "name": "".join(c if c.isalnum() else "-" for c in site.board.name.lower()),
        "title": f"{site.board.name}: open data",
        "licenses": [
            {
                "name": "OGL-UK-3.0",
                "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                "title": "Open Government Licence v3.0",
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


def files(site: Site) -> dict[str, bytes]:
    result: dict[str, bytes] = {}
    for dataset in datasets(site):
        names = [c.name for c in dataset.columns]
        result[links.open_data(dataset.path)] = write_csv(names, dataset.rows(site))
    sizes = {d.path: len(result[links.open_data(d.path)]) for d in datasets(site)}
    result[links.open_data("datapackage.json")] = datapackage(site, sizes)
    names = [c.name for c in INDICATOR_COLUMNS]
    for indicator in site.indicators:
        rows = indicator_rows(site, indicator)
        result[links.indicator_csv(indicator.slug)] = write_csv(names, rows)
    return result
