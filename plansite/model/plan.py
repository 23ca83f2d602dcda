"""A plan: its status words, priorities (themes, recommendations), issues, actions and updates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cached_property
from typing import Any, Literal

from pydantic import ConfigDict, Field, PrivateAttr, field_validator, model_validator

from plansite.model.base import Model, as_list
from plansite.model.dates import Day, Due, parse_day, parse_due
from plansite.model.refs import anchor, qualify
from plansite.model.slugs import slug, unused
from plansite.model.status import Status, Vocabulary
from plansite.model.status_presets import PRESETS, preset

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
    status: str | None = Field(
        None, description="The action's status at this date: a key, label or alias (e.g. G)"
    )

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
        extra="forbid",
        str_strip_whitespace=True,
        allow_inf_nan=False,
        json_schema_extra=_schema_accepts_lead,
    )

    ref: str = Field(
        "",
        description='The action\'s reference, e.g. "1.3a" or "c" (quote it); it need only be '
        "unique within its priority or issue. Left out: numbered in order",
    )
    title: str = Field(
        "",
        description="The action: what will be done. Under an issue it may be left out: the row "
        "then only adds a lead, a due date or an update to the issue",
    )
    leads: list[str] = Field(
        default_factory=list,
        description="Who leads: subgroup acronyms or names, or free text (also `lead:`)",
    )
    outcome: str = Field("", description="Desired outcome: what we are trying to achieve")
    measure: str = Field("", description="Outcome measure: how we will know")
    impact: str | None = Field(
        None,
        description="The measure's own rating (evidence of impact), apart from the action's "
        "delivery status: a status of this plan, as its key, label or an alias",
    )
    due: str | None = Field(None, description='Due date as written, e.g. "End of Nov 25"')
    due_was: list[str] = Field(default_factory=list, description="Earlier due dates, replaced")
    milestones: list[Milestone] = Field(default_factory=list, description="Several due dates")
    status: str | None = Field(
        None,
        description="A status of this plan: its key, label or an alias, e.g. amber, On Target or A",
    )
    new: str | None = Field(None, description="NEW marker: the month it was added, or true")
    related: list[str] = Field(default_factory=list, description="Refs of related actions")
    source: str = Field("", description="Where it comes from, e.g. an inspection recommendation")
    young_people: str = Field("", description="Plain words for the young people's guide")
    indicators: list[str] = Field(default_factory=list, description="Indicator refs it aims at")
    updates: list[Update] = Field(default_factory=list, description="Dated progress updates")
    progress: str = Field("", description="Progress text that carries no date (Markdown)")

    _issue: Issue | None = PrivateAttr(default=None)
    _priority: Priority | None = PrivateAttr(default=None)
    _written_ref: str = PrivateAttr(default="")
    _address: str = PrivateAttr(default="")
    _own_title: bool = PrivateAttr(default=True)

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

    @field_validator("leads")
    @classmethod
    def _no_empty_lead(cls, values: list[str]) -> list[str]:
        # a lead of only spaces names nobody: the action would be shown as led by no one
        if any(not value.strip() for value in values):
            raise ValueError("a lead is empty (only spaces); write who leads, or remove it")
        return values

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

    @cached_property
    def current_status(self) -> str | None:
        """`status:` as written; left out, the status its latest update gave (a sub-row may
        only say "Update Mar 16: complete")."""
        if self.status:
            return self.status
        return next((u.status for u in self.updates_newest_first if u.status), None)

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
        """The id of its section on the priority page, its own in the plan (see
        Plan._action_addresses)."""
        return anchor(self._address or self.ref)

    @property
    def written_ref(self) -> str:
        """The ref as the plan wrote it ("c"); `ref` is the qualified one ("2c") once the plan
        is built, used by pages, anchors, downloads and cross-references."""
        return self._written_ref

    @property
    def has_own_title(self) -> bool:
        """False for a row under an issue that only adds a lead, a date or an update: its
        `title` is the issue's."""
        return self._own_title


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
            if not action.title:  # a sub-row: shown under the issue's title
                action.title = self.title
                action._own_title = False


class Evidence(Model):
    text: str = Field(description="An evidence-of-success or impact measure")
    status: str | None = Field(None, description="Its own status: a key, label or alias")


class Priority(Model):
    ref: str = Field(
        "",
        description='The priority\'s reference as the document writes it, e.g. "1" or "R3"; left '
        "out when the document gives none (it is then shown with no number)",
    )
    title: str
    group: str = Field(
        "",
        description="A heading over several priorities, e.g. the inspection judgement area "
        '("Leadership and management") over its recommendations',
    )
    description: str = Field("", description="Markdown")
    focus: list[str] = Field(default_factory=list, description="Focus issues")
    outcomes: list[str] = Field(default_factory=list, description="Numbered outcomes")
    owner: str = Field("", description="Subgroup (id, acronym or name) or person who owns it")
    young_people: str = Field("", description="A plain-language summary for young people")
    young_people_title: str = Field(
        "",
        description="A short heading for this goal in the young people's guide; "
        "without it the guide uses the first sentence of `young_people:`",
    )
    evidence: list[Evidence] = Field(default_factory=list, description="Evidence of success")
    children_will_say: list[str] = Field(
        default_factory=list, description='"What children will say"'
    )
    issues: list[Issue] = Field(default_factory=list, description="Issues with their actions")
    actions: list[Action] = Field(default_factory=list, description="Actions not under an issue")

    _address: str = PrivateAttr(default="")

    def model_post_init(self, context: object) -> None:
        for action in self.all_actions:
            action._priority = self

    @property
    def all_actions(self) -> list[Action]:
        grouped = [a for issue in self.issues for a in issue.actions]
        return grouped + self.actions

    @property
    def slug(self) -> str:
        """Its page's name, its own in the plan: the ref made simple ("R 3" -> "r-3"); with no
        ref, its place in the plan; a repeated ref gets "-2"."""
        return self._address or slug(self.ref)

    @property
    def numbered_title(self) -> str:
        """ "3. Keep children safe online", or only the title when the document gives no ref."""
        return self.numbered(self.title)

    def numbered(self, title: str) -> str:
        """`title` (the title as a page shows it: plain, or inline HTML) after the ref."""
        return f"{self.ref}. {title}" if self.ref else title


def _status_words(node: object) -> Iterator[str]:
    """Every status word written anywhere below `node`: actions', updates' and evidence's."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("status", "impact") and isinstance(value, str):
                yield value
            else:
                yield from _status_words(value)
    elif isinstance(node, list):
        for item in node:
            yield from _status_words(item)


def _preset_statuses(name: str) -> list[Status]:
    found = preset(name)
    if found is None:
        raise ValueError(
            f"`statuses: {name}` is not a preset; name one of {', '.join(PRESETS)}, "
            "or list the plan's own statuses"
        )
    return [Status.model_validate(s) for s in found]


def _schema_accepts_preset(schema: dict[str, Any]) -> None:
    """`statuses: brag` names a preset: the schema offers the names beside a list."""
    listed = schema["properties"]["statuses"]
    schema["properties"]["statuses"] = {
        "description": listed.pop("description"),
        "anyOf": [{"enum": list(PRESETS)}, listed],
    }


class Plan(Model):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=_schema_accepts_preset
    )

    id: str = Field(description="Matches the file name, e.g. business-plan-2025-28")
    title: str = Field(
        "",
        description='e.g. "Business Plan 2025 to 2028"; left out: named from its kind and '
        "period, or its file name",
    )
    kind: Literal["business", "improvement", "strategic", "other"] = "business"
    current: bool = Field(False, description="The plan shown by default (exactly one)")
    period: str = Field("", description='e.g. "2025 to 2028"')
    as_at: str | None = Field(
        None,
        description="Date of the latest progress: 'today' for this plan. Left out: the date of "
        "the latest dated update",
    )
    stale_after_months: int = Field(4, ge=1, description="No update for longer needs attention")
    introduction: str = Field("", description="Markdown")
    statuses: list[Status] = Field(
        default_factory=lambda: _preset_statuses("rag"),
        min_length=1,
        description="This plan's status words, best first, or a preset's name: "
        + ", ".join(PRESETS)
        + " (left out: the preset whose words the plan uses, else rag)",
    )
    priorities: list[Priority] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="Notes and footnotes, shown under the plan"
    )

    _title_written: bool = PrivateAttr(default=True)  # False: named from its kind and period

    _check_as_at = field_validator("as_at")(_check_day)

    @field_validator("id")
    @classmethod
    def _id_is_simple(cls, value: str) -> str:
        # the id names the plan's folder of pages: `.` or `Plan A` would make a broken address
        if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", value):
            raise ValueError(
                f"plan id `{value}` must be lower-case letters, digits and hyphens, "
                "e.g. business-plan-2025-28 (and the file named the same, with .yml)"
            )
        return value

    @model_validator(mode="before")
    @classmethod
    def _preset_from_words(cls, data: Any) -> Any:
        """A plan that names no statuses gets the preset whose words it uses ("Completed", "Not
        yet completed but on-track": phrases; "Blue": brag), else standard RAG."""
        if isinstance(data, dict) and "statuses" not in data:
            used = set(_status_words(data.get("priorities")))
            for name in PRESETS:
                vocabulary = Vocabulary(_preset_statuses(name))
                if all(vocabulary.find(word) for word in used):
                    return {**data, "statuses": name}
        return data

    @field_validator("statuses", mode="before")
    @classmethod
    def _preset(cls, value: object) -> object:
        if isinstance(value, str):
            return _preset_statuses(value)
        return value

    @cached_property
    def progress_date(self) -> date | None:
        """The plan's "today": `as_at`, else the latest dated update; None when the plan
        records no progress at all (then nothing is judged overdue or stale)."""
        days = (
            [parse_day(self.as_at)]
            if self.as_at is not None
            else [u.day for a in self.actions for u in a.updates]
        )
        # a month ("2017-12") counts to its last day, so it is later than 15 December
        ends = [d.month_end if d.precision == "month" else d.value for d in days]
        return max(ends, default=None)

    @cached_property
    def progress_recorded(self) -> bool:
        """A date to judge by and something recorded against the actions (a status, an update
        or progress text): a plan with neither judges nothing overdue or stale, even when a
        document gave it an "as at" date."""
        recorded = any(a.status or a.updates or a.progress for a in self.actions)
        return self.progress_date is not None and recorded

    @cached_property
    def as_at_date(self) -> date:
        """The progress date; for a plan with no progress yet, its latest due date (else 1 April
        of the first year its period names), so that ordering and file dates stay fixed."""
        if self.progress_date is not None:
            return self.progress_date
        dues = [d.date for a in self.actions if (d := a.due_date) and d.date]
        if dues:
            return max(dues)
        year = re.search(r"\b(19|20)\d\d\b", f"{self.period} {self.id}")
        return date(int(year.group()) if year else 2000, 4, 1)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return Vocabulary(self.statuses)

    @cached_property
    def statuses_shown(self) -> list[Status]:
        """Every status but the closed ones nothing in the plan uses: a preset's "Cancelled"
        makes no column, key entry or filter until an action is cancelled."""
        used = {
            id(found)
            for obj in self._status_holders()
            if obj.status and (found := self.vocabulary.find(obj.status))
        }
        return [s for s in self.statuses if not s.closed or id(s) in used]

    def _status_holders(self) -> list[Action | Update | Evidence]:
        updates = [u for a in self.actions for u in a.updates]
        evidence = [e for p in self.priorities for e in p.evidence]
        return [*self.actions, *updates, *evidence]

    @property
    def actions(self) -> list[Action]:
        return [a for p in self.priorities for a in p.all_actions]

    def model_post_init(self, context: object) -> None:
        self._priority_addresses()
        self._qualify_refs()
        self._action_addresses()
        if not self.title:
            self.title = self._default_title()
            self._title_written = False

    @property
    def title_written(self) -> bool:
        return self._title_written

    def _default_title(self) -> str:
        """ "Business plan 2015 to 2018" from kind and period, else from the file name."""
        if self.period and self.kind != "other":
            return f"{self.kind.capitalize()} plan {self.period}"
        return re.sub(r"(?<!\d)-|-(?!\d)", " ", self.id).strip().capitalize() or "Plan"

    def _qualify_refs(self) -> None:
        """Give every action its plan-wide ref. Refs written once in the whole plan stay as
        they are; when a plan starts its refs again under each priority or issue ("a", "b",
        "c" in each), every ref is joined to its priority's (or issue's): "2c". An action
        with no ref keeps none: no number is invented for it (its address has one)."""
        written = [(a, a.ref) for a in self.actions]
        places: dict[str, set[str]] = {}
        for action, ref in written:
            places.setdefault(ref.lower(), set()).add(self._parent(action, False))
        restarts = any(len(found) > 1 for ref, found in places.items() if ref)
        for action, ref in written:
            action._written_ref = ref
            if ref and restarts:
                action.ref = qualify(self._parent(action, True), ref)

    def _priority_addresses(self) -> None:
        """Each priority's page name, its own: a ref written twice, or none, still makes one."""
        used: set[str] = {"index"}  # the plan's own page
        for place, priority in enumerate(self.priorities, 1):
            priority._address = unused(slug(priority.ref) or str(place), used)

    def _action_addresses(self) -> None:
        """Each action's anchor, its own in the plan: a ref used twice gets "-2" on the second;
        an action with no ref is named by its place under its priority or issue ("3-2")."""
        used: set[str] = set()
        for action in self.actions:
            base = slug(action.ref)
            if not base:
                siblings = action.issue.actions if action.issue else action.priority.actions
                place = next(i for i, a in enumerate(siblings, 1) if a is action)
                parent = slug(self._parent(action, True)) or action.priority.slug
                base = f"{parent}-{place}"
            action._address = unused(base, used)

    @staticmethod
    def _parent(action: Action, qualified: bool) -> str:
        """The ref an action's own ref is unique under: its issue's, else its priority's."""
        priority = action.priority.ref
        issue = action.issue.ref if action.issue else ""
        if not issue:
            return priority
        return qualify(priority, issue) if qualified else f"{priority}\n{issue}"

    @cached_property
    def _actions_by_ref(self) -> dict[str, list[Action]]:
        """Every action under its plan-wide ref and under the ref as written, folded for case
        and spaces: "2c", "2 C" and "c" (under priority 2)."""
        found: dict[str, list[Action]] = {}
        for action in self.actions:
            for ref in {_fold(action.ref), _fold(action.written_ref)} - {""}:
                found.setdefault(ref, []).append(action)
        return found

    # Looked up for every cross-reference of every action: a scan of every action each time was
    # quadratic (a third of a warm build's rendering at 12,000 actions).
    @cached_property
    def _actions_by_anchor(self) -> dict[str, list[Action]]:
        """Every action under its address as a link names it ("#action-x-1-2")."""
        return _grouped(self.actions, lambda a: f"#{a.anchor}")

    @cached_property
    def _actions_by_exact_ref(self) -> dict[str, list[Action]]:
        """Every action under its plan-wide ref exactly as written ("2c")."""
        return _grouped(self.actions, lambda a: a.ref)

    def find_actions(self, ref: str, near: Action | None = None) -> list[Action]:
        """The actions `ref` could name: its plan-wide ref ("2c", any case), a ref written
        under the same priority or issue as `near` ("c"), else a ref written anywhere in the
        plan; a cross-reference in words ("links to point 8") is read by the ref in it. An
        action's address ("#action-x-1-2") names it alone, even when its ref is used twice."""
        by_address = self._actions_by_anchor.get(ref.strip(), [])
        if by_address:
            return list(by_address)
        named = refs_in_words(ref)
        for candidate in [ref, *(named if len(named) == 1 else [])]:
            exact = self._actions_by_exact_ref.get(candidate.strip(), [])
            if len(exact) == 1:
                return list(exact)
            if near is not None:
                local = _fold(qualify(self._parent(near, True), candidate.strip()))
                nearby = [a for a in self._actions_by_ref.get(local, []) if a.ref]
                if len(nearby) == 1:
                    return nearby
            anywhere = self._actions_by_ref.get(_fold(candidate), [])
            if anywhere:
                return anywhere
        return []

    def find_action(self, ref: str, near: Action | None = None) -> Action | None:
        """The one action `ref` names, or None when it names none or several."""
        found = self.find_actions(ref, near)
        return found[0] if len(found) == 1 else None


def _grouped(actions: list[Action], key: Callable[[Action], str]) -> dict[str, list[Action]]:
    """The actions under each key, in the plan's order."""
    found: dict[str, list[Action]] = {}
    for action in actions:
        found.setdefault(key(action), []).append(action)
    return found


# a ref inside a cross-reference written in words: "see 3.2", "links to point 8", "(action 4b)"
REF_IN_WORDS = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)*[a-z]?|[A-Z]{1,3}\s?\d+(?:\.\d+)*[a-z]?)(?![\w])"
)


def refs_in_words(reference: str) -> list[str]:
    """The ref a cross-reference in words names ("links to point 8": ["8"]), or every ref it
    names when it names several ("see 8 and 9"): those link to none, as which is meant is
    unclear."""
    return list(dict.fromkeys(REF_IN_WORDS.findall(reference)))


def _fold(ref: str) -> str:
    return ref.strip().lower().replace(" ", "")
