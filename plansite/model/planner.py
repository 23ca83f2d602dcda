"""The reporting planner: who reports what to the board, and when."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, field_validator, model_validator

from plansite.model.base import Model, as_list
from plansite.model.dates import month_number, parse_day


class PlannerItem(Model):
    # old name -> new name: an old name is still read, and `make check` names the new one
    RENAMED: ClassVar[dict[str, str]] = {"meeting": "reports_to"}

    what: str
    who: str = Field("", description="Subgroup (id, acronym or name) or agency that reports")
    activity: str = Field("", description="Subgroup activity")
    tells_board: str = Field("", description="What the report will tell the board")
    when: str = Field(description='As people write it: "Quarterly", "Annual report every March"')
    months: list[str] = Field(default_factory=list, description="Place it on these months")
    reports_to: list[str] = Field(
        default_factory=list,
        description="The bodies it goes to: the board, subgroups (acronyms) or others",
    )
    meeting: str = Field(
        "",
        description="The old name of `reports_to`: still read",
        json_schema_extra={"deprecated": True},
    )
    actions: list[str] = Field(default_factory=list, description='"plan-id:ref" of actions')
    indicators: list[str] = Field(default_factory=list, description="Indicator refs")

    @field_validator("months", "actions", "indicators", "reports_to", mode="before")
    @classmethod
    def _listify(cls, value: object) -> object:
        return as_list(value)

    @field_validator("months")
    @classmethod
    def _known_months(cls, values: list[str]) -> list[str]:
        for value in values:
            month_number(value)
        return values

    @model_validator(mode="after")
    def _old_meeting(self) -> PlannerItem:
        if self.meeting and self.reports_to:
            raise ValueError("write `reports_to` only: `meeting` is its old name")
        if self.meeting:
            self.reports_to = [self.meeting]
        return self


class Planner(Model):
    year_start: str | None = Field(
        None,
        description="First month the planner covers, e.g. 2026-04. Left out: the April that "
        "starts the financial year holding the current plan's as-at date",
    )
    items: list[PlannerItem]

    @field_validator("year_start")
    @classmethod
    def _month(cls, value: str | None) -> str | None:
        if value is not None:
            parse_day(value)
        return value
