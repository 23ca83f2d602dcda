"""What each open-data file holds: its name, title, description and columns. Declared once:
the same declaration writes the CSV header and the Frictionless Table Schema
(macros/publish/opendata.py) and the Downloads page (macros/render/annual_tables.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.model.board_data import BoardData
from macros.model.disclosure import SUPPRESSED
from macros.model.sections import SECTION_KEYS, sections_on
from macros.render.wording import word


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: string, number, integer, date
    description: str


@dataclass(frozen=True)
class Dataset:
    name: str  # the file is data/<name>.csv; its title and description are in the words file
    columns: list[Column]

    @property
    def title(self) -> str:
        return word("datasets", self.name, "title")

    @property
    def description(self) -> str:
        return word("datasets", self.name, "description", suppressed=SUPPRESSED)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


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
        "actions",
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
    ),
    Dataset(
        "updates",
        _columns("""
plan_id | string | The plan's id
action_ref | string | The action's reference within its plan
date | string | The update's date: a month (2025-12) or a day (2025-12-14)
status_key | string | The action's status at that date, if recorded
status_label | string | The status word readers see
text | string | What happened, as plain text
"""),
    ),
    Dataset(
        "indicators",
        INDICATOR_COLUMNS,
    ),
    Dataset(
        "planner",
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
    ),
    Dataset(
        "budget",
        _columns("""
year | string | The financial year
section | string | expenditure, income or contribution
item | string | The budget line, or the contributing partner
group | string | For a contribution, what it is for
budget | number | The budgeted amount in pounds (empty for contributions)
actual | number | The actual amount in pounds; for a contribution, the amount paid
"""),
    ),
    Dataset(
        "training",
        _columns("""
course | string | The course
length | string | How long the course is
delegates | integer | How many people attended
"""),
    ),
]  # fmt: skip

ACTION_COLUMNS = [c.name for c in DATASETS[0].columns]  # also the columns of actions.xlsx


def datasets(site: BoardData) -> list[Dataset]:
    """The datasets this board publishes: one named after an optional part needs that part."""
    on = sections_on(site)
    return [d for d in DATASETS if d.name not in SECTION_KEYS or d.name in on]
