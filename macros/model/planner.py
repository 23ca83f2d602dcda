"""The reporting planner: who reports what to the board, and when."""

from __future__ import annotations

from pydantic import Field, field_validator

from macros.model.base import Model, as_list
from macros.model.dates import month_number, parse_day


class PlannerItem(Model):
    what: str
    who: str = Field(description="Subgroup (id, acronym or name) or agency that reports")
    activity: str = Field("", description="Subgroup activity")
    tells_board: str = Field("", description="What the report will tell the board")
    when: str = Field(description='As people write it: "Quarterly", "Annual report every March"')
    months: list[str] = Field(default_factory=list, description="Place it on these months")
    meeting: str = Field("", description="Which meeting it goes to")
    actions: list[str] = Field(default_factory=list, description='"plan-id:ref" of actions')
    indicators: list[str] = Field(default_factory=list, description="Indicator refs")

    @field_validator("months", "actions", "indicators", mode="before")
    @classmethod
    def _listify(cls, value: object) -> object:
        return as_list(value)

    @field_validator("months")
    @classmethod
    def _known_months(cls, values: list[str]) -> list[str]:
        for value in values:
            month_number(value)
        return values


class Planner(Model):
    year_start: str = Field(description="First month the planner covers, e.g. 2026-04")
    items: list[PlannerItem]

    @field_validator("year_start")
    @classmethod
    def _month(cls, value: str) -> str:
        parse_day(value)
        return value
