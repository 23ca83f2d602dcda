"""What each open-data file holds: its name, title, description and columns. Declared once:
the same declaration writes the CSV header and the Frictionless Table Schema
(plansite/publish/opendata.py) and the Downloads page (plansite/render/annual_tables.py). Column names are
the files' machine-readable contract, the same in every language; titles and descriptions are
words for readers, in the words file (plansite/words/en.yml, `datasets:`).
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED
from plansite.model.sections import SECTION_KEYS, sections_on
from plansite.words.wording import word


@dataclass(frozen=True)
class Column:
    name: str  # the CSV heading and the Table Schema's field name: never translated
    type: str  # a Frictionless field type: string, number, integer, date
    dataset: str  # its description is in the words file, under the dataset's columns

    @property
    def description(self) -> str:
        return word("datasets", self.dataset, "columns", self.name, suppressed=SUPPRESSED)


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


def _columns(dataset: str, spec: str) -> list[Column]:
    """Columns written one a line as `name | type`."""
    result = []
    for line in spec.strip().splitlines():
        name, kind = (part.strip() for part in line.split("|"))
        result.append(Column(name, kind, dataset))
    return result


INDICATOR_COLUMNS = _columns("indicators", """
indicator | string
title | string
unit | string
period | string
area | string
category | string
value | number
ref | string
dimension | string
value_words | string
second_value | number
second_unit | string
period_start | date
note | string
""")  # fmt: skip

DATASETS = [
    Dataset(
        "actions",
        _columns("actions", """
plan_id | string
priority_ref | string
issue | string
action_ref | string
action_id | string
title | string
leads | string
due | string
due_date | date
due_reason | string
status_key | string
status_label | string
new | string
latest_update_date | string
"""),
    ),
    Dataset(
        "updates",
        _columns("updates", """
plan_id | string
action_ref | string
action_id | string
date | string
status_key | string
status_label | string
text | string
"""),
    ),
    Dataset(
        "indicators",
        INDICATOR_COLUMNS,
    ),
    Dataset(
        "planner",
        _columns("planner", """
what | string
who | string
activity | string
tells_board | string
when | string
months | string
meeting | string
actions | string
indicators | string
"""),
    ),
    Dataset(
        "budget",
        _columns("budget", """
year | string
section | string
item | string
group | string
budget | number
actual | number
"""),
    ),
    Dataset(
        "training",
        _columns("training", """
course | string
length | string
delegates | integer
"""),
    ),
]  # fmt: skip

ACTION_COLUMNS = [c.name for c in DATASETS[0].columns]  # also the columns of actions.xlsx


def datasets(site: BoardData) -> list[Dataset]:
    """The datasets this board publishes: one named after an optional part needs that part."""
    on = sections_on(site)
    return [d for d in DATASETS if d.name not in SECTION_KEYS or d.name in on]
