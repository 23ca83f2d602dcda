"""A plan: its status words, priorities (themes, recommendations), issues, actions and updates."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any, Literal

from pydantic import ConfigDict, Field, PrivateAttr, field_validator, model_validator

from macros.model.base import Model, as_list
from macros.model.dates import Day, Due, parse_day, parse_due
from macros.model.status import Status, Vocabulary

TRUE_WORDS = {"true", "yes", "y"}


def _check_day(value: str | None) -> str | None:
    if value is not None:
        parse_day(value)
    return value


def _check_due(value: str | None) -> str | None:
    if value is not None:
        parse_due(value)
    return value


def _check_new_marker(value: str | None) -> str | None:
    """`new: 2026-03` (the month it was added) or `new: true`; `new: no` is no marker."""
    if value is None or value.lower() in TRUE_WORDS:
        return value
    if value.lower() in {"false", "no", "n"}:
        return None
    parse_day(value)
    return value


class Update(Model):
    date: str = Field(description="When: 2025-12 (a month) or 2025-12-14 (a day)")
    text: str = Field(description="What happened. Markdown; <b>, <p>, <ul> and links are kept")
    status: str | None = Field(None, description="The action's status at this date (a key)")

    _check_date = field_validator("date")(_check_day)

    @cached_property
    def day(self) -> Day:
        return parse_day(self.date)


class Milestone(Model):
    due: str = Field(description="When this step is due, as written")
    what: str = Field("", description="What is due then")
    result: str = Field("", description="What happened")

    _check = field_validator("due")(_check_due)

    @cached_property
    def due_date(self) -> Due:
        return parse_due(self.due)


def _schema_accepts_lead(schema: dict[str, Any]) -> None:
    """Editors may write `lead: PPPG` for one lead; the schema must not flag it."""
    schema["properties"]["lead"] = {
        "description": "One lead (the same as `leads` with one item)",
        "type": "string",
    }


class Action(Model):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=_schema_accepts_lead
    )

    ref: str = Field(description='The action\'s reference, e.g. "1.3a" (quote it)')
    title: str = Field(description="The action: what will be done")
    leads: list[str] = Field(
        default_factory=list,
        description="Who leads: subgroup acronyms or names, or free text (also `lead:`)",
    )
    outcome: str = Field("", description="Desired outcome: what we are trying to achieve")
    measure: str = Field("", description="Outcome measure: how we will know")
    due: str | None = Field(None, description='Due date as written, e.g. "End of Nov 25"')
    due_was: list[str] = Field(default_factory=list, description="Earlier due dates, replaced")
    milestones: list[Milestone] = Field(default_factory=list, description="Several due dates")
    status: str | None = Field(None, description="A status key from this plan's `statuses`")
    new: str | None = Field(None, description="NEW marker: the month it was added, or true")
    related: list[str] = Field(default_factory=list, description="Refs of related actions")
    source: str = Field("", description="Where it comes from, e.g. an inspection recommendation")
    young_people: str = Field("", description="Plain words for the young people's guide")
    indicators: list[str] = Field(default_factory=list, description="Indicator refs it aims at")
    updates: list[Update] = Field(default_factory=list, description="Dated progress updates")
    progress: str = Field("", description="Progress text that carries no date (Markdown)")

    _issue: Issue | None = PrivateAttr(default=None)
    _priority: Priority | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _lead_or_leads(cls, data: object) -> object:
        if isinstance(data, dict):
            if "lead" in data and "leads" not in data:
                data = {("leads" if k == "lead" else k): v for k, v in data.items()}
            for key in ("leads", "due_was", "related", "indicators"):
                if key in data:
                    data[key] = as_list(data[key])
        return data

    _check_due = field_validator("due")(_check_due)

    @field_validator("due_was")
    @classmethod
    def _check_due_was(cls, values: list[str]) -> list[str]:
        for value in values:
            parse_due(value)
        return values

    _check_new = field_validator("new")(_check_new_marker)

    @property
    def is_new(self) -> bool:
        return self.new is not None

    @cached_property
    def new_since(self) -> Day | None:
        if self.new is None or self.new.lower() in TRUE_WORDS:
            return None
        return parse_day(self.new)

    @cached_property
    def due_date(self) -> Due | None:
        return parse_due(self.due) if self.due is not None else None

    @cached_property
    def due_was_dates(self) -> list[Due]:
        return [parse_due(was) for was in self.due_was]

    @cached_property
    def updates_oldest_first(self) -> list[Update]:
        """Sorted once: "what changed" asks each action its status at the end of every quarter."""
        return sorted(self.updates, key=lambda u: u.day.value)

    @cached_property
    def updates_newest_first(self) -> list[Update]:
        return sorted(self.updates, key=lambda u: u.day.value, reverse=True)

    @property
    def latest_update(self) -> Update | None:
        ordered = self.updates_newest_first
        return ordered[0] if ordered else None

    # Remembered: a private attribute is read through pydantic's slow __getattr__, and pages ask
    # every action for its priority and anchor many times. Both are set before any page is made.
    @cached_property
    def issue(self) -> Issue | None:
        return self._issue

    @cached_property
    def priority(self) -> Priority:
        assert self._priority is not None, "set when the plan is built"
        return self._priority

    @cached_property
    def anchor(self) -> str:
        return "action-" + "".join(c if c.isalnum() else "-" for c in self.ref.lower()).strip("-")


class Issue(Model):
    """One issue carrying several actions (sub-rows) with their own leads and dates."""

    ref: str = Field("", description="The issue's reference, if it has one")
    title: str = Field(description="The issue or activity")
    new: str | None = Field(None, description="NEW marker: the month it was added, or true")
    actions: list[Action] = Field(description="The actions under this issue")

    _check_new = field_validator("new")(_check_new_marker)

    def model_post_init(self, context: object) -> None:
        for action in self.actions:
            action._issue = self


class Evidence(Model):
    text: str = Field(description="An evidence-of-success or impact measure")
    status: str | None = Field(None, description="Its own status (a key)")


class Priority(Model):
    ref: str = Field(description='The priority\'s reference, e.g. "1" or "R3"')
    title: str
    description: str = Field("", description="Markdown")
    focus: list[str] = Field(default_factory=list, description="Focus issues")
    outcomes: list[str] = Field(default_factory=list, description="Numbered outcomes")
    owner: str = Field("", description="Subgroup (id, acronym or name) or person who owns it")
    young_people: str = Field("", description="A plain-language summary for young people")
    evidence: list[Evidence] = Field(default_factory=list, description="Evidence of success")
    children_will_say: list[str] = Field(
        default_factory=list, description='"What children will say"'
    )
    issues: list[Issue] = Field(default_factory=list, description="Issues with their actions")
    actions: list[Action] = Field(default_factory=list, description="Actions not under an issue")

    def model_post_init(self, context: object) -> None:
        for action in self.all_actions:
            action._priority = self

    @property
    def all_actions(self) -> list[Action]:
        grouped = [a for issue in self.issues for a in issue.actions]
        return grouped + self.actions

    @property
    def slug(self) -> str:
        return "".join(c if c.isalnum() else "-" for c in self.ref.lower()).strip("-")


class Plan(Model):
    id: str = Field(description="Matches the file name, e.g. business-plan-2025-28")
    title: str
    kind: Literal["business", "improvement", "strategic", "other"] = "business"
    current: bool = Field(False, description="The plan shown by default (exactly one)")
    period: str = Field("", description='e.g. "2025 to 2028"')
    as_at: str = Field(description="Date of the latest progress: 'today' for this plan")
    stale_after_months: int = Field(4, ge=1, description="No update for longer needs attention")
    introduction: str = Field("", description="Markdown")
    statuses: list[Status] = Field(min_length=1, description="This plan's status words, best first")
    priorities: list[Priority] = Field(default_factory=list)

    _check_as_at = field_validator("as_at")(_check_day)

    @cached_property
    def as_at_date(self) -> date:
        day = parse_day(self.as_at)
        return day.month_end if day.precision == "month" else day.value

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(self.statuses)

    @property
    def actions(self) -> list[Action]:
        return [a for p in self.priorities for a in p.all_actions]

    @cached_property
    def action_by_ref(self) -> dict[str, Action]:
        return {a.ref: a for a in self.actions}
