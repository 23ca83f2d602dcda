"""A re-import: what the board added by hand is kept; what the document changed is listed
(actions added or removed, status changes, new dated updates)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plansite.model.status_presets import preset
from plansite.office.mapper import Plan


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # ref, before, after
    new_updates: list[tuple[str, int]] = field(default_factory=list)  # ref, how many
    fields: list[tuple[str, str, str, str]] = field(default_factory=list)  # ref, field, was, is
    actions: dict[str, dict[str, Any]] = field(default_factory=dict)  # each name's new action
    labels: tuple[dict[str, str], dict[str, str]] = ({}, {})  # status key -> label, before/after

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.statuses or self.new_updates or self.fields)


def _actions(plan: Plan) -> dict[str, dict[str, Any]]:
    """Each action by "<priority ref> <action ref or title>" (refs may restart per priority)."""
    found: dict[str, dict[str, Any]] = {}
    for priority in plan.get("priorities") or []:
        grouped = [a for i in priority.get("issues") or [] for a in i.get("actions") or []]
        for action in grouped + list(priority.get("actions") or []):
            name = str(action.get("ref") or action.get("title") or "?")
            key, count = f"{_priority_key(priority)}: {name}", 1
            while key in found:  # a number the document uses twice: the second is "(2)"
                count += 1
                key = f"{_priority_key(priority)}: {name} ({count})"
            found[key] = action
    return found


# what a column of the document gives an action: when the document has that column it speaks
# for the field on every row (an emptied cell empties it); fields of columns it lacks are kept
COLUMN_FIELDS = {
    "ref": ("ref",), "title": ("title", "new"), "leads": ("leads",),
    "due": ("due", "due_was", "milestones"), "status": ("status",),
    "progress": ("progress", "updates"), "update_date": ("updates",), "outcome": ("outcome",),
    "measure": ("measure",), "impact": ("impact",), "source": ("source",),
}  # fmt: skip
CHILDREN = ("priorities", "issues", "actions")  # matched item by item, never copied whole
ALIASES = {"lead": "leads"}  # a field's other spelling the model reads (plansite/model/plan.py)
NOT_KEPT = {"as_at"}  # the document's own date, or its newest update's: an old one would lie


def document_fields(columns: set[str], after: Plan) -> set[str]:
    """The action fields the document gives, from the fields its columns were mapped to."""
    held = {"ref", "title"}
    if "leads" in columns:
        held.add("lead")
    for column in columns:
        held.update(COLUMN_FIELDS.get(column, ()))
    if any("impact" in action for action in _actions(after).values()):
        held.add("impact")  # the document rates measures itself
    return held


def keep_hand_edits(before: Plan, after: Plan, columns: set[str] | None = None) -> int:
    """Copy into `after` every field of `before` the document does not give: the plan's, a
    priority's and an issue's (matched by ref, or title when refs are missing or repeated), an
    action's (matched by priority and ref or title) unless the document has a column for it;
    and the status list the board edited. How many fields kept."""
    held = document_fields(columns or set(), after)
    kept = _carry([k for k in before if k not in NOT_KEPT and k != "statuses"], before, after)
    kept += _keep_statuses(before, after)
    for old, new in _pairs(before.get("priorities"), after.get("priorities")):
        kept += _carry(list(old), old, new)
        for old_issue, new_issue in _pairs(old.get("issues"), new.get("issues")):
            kept += _carry(list(old_issue), old_issue, new_issue)
        old_actions = [*_grouped(old), *(old.get("actions") or [])]
        for old_action, action in _pairs(
            old_actions, [*_grouped(new), *(new.get("actions") or [])]
        ):
            own = [k for k in old_action if ALIASES.get(k, k) not in held | set(action)]
            kept += _carry(own, old_action, action)
    return kept


def _grouped(priority: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for i in priority.get("issues") or [] for a in i.get("actions") or []]


def _pairs(old: object, new: object) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Each item of `new` with the item of `old` it continues: the same ref when the ref is
    given once in each list, else the same title when that is given once."""
    olds = [o for o in old if isinstance(o, dict)] if isinstance(old, list) else []
    news = [n for n in new if isinstance(n, dict)] if isinstance(new, list) else []

    def unique(items: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
        values = [str(i.get(key) or "") for i in items]
        return {v: i for v, i in zip(values, items, strict=True) if v and values.count(v) == 1}

    old_refs, old_titles = unique(olds, "ref"), unique(olds, "title")
    new_refs, new_titles = unique(news, "ref"), unique(news, "title")
    found = []
    for item in news:
        ref, title = str(item.get("ref") or ""), str(item.get("title") or "")
        match = old_refs.get(ref) if ref in new_refs else None
        if match is None and title in new_titles:
            match = old_titles.get(title)
        if match is not None:
            found.append((match, item))
    return found


def _keep_statuses(before: Plan, after: Plan) -> int:
    """The status list the board edited (labels, meanings, done) stays; a status the document
    uses that the list lacks is added from the document's list. 1 when the list was kept."""
    old = before.get("statuses")
    if not isinstance(old, list) or old == after.get("statuses"):
        return 0
    known = {str(s.get("key")) for s in old if isinstance(s, dict)}
    new = after.get("statuses")
    listed = (preset(new) or []) if isinstance(new, str) else (new or [])
    every = _actions(after).values()
    used = {str(a[k]) for a in every for k in ("status", "impact") if a.get(k)}
    used |= {str(u["status"]) for a in every for u in a.get("updates") or [] if u.get("status")}
    added = [s for s in listed if str(s.get("key")) in used - known]
    after["statuses"] = [*old, *added]
    return 1


def _status(action: dict[str, Any]) -> str:
    return str(action.get("status") or "none")


def compare(before: Plan, after: Plan) -> Changes:
    old, new = _actions(before), _actions(after)
    changes = Changes(actions=new, labels=(status_labels(before), status_labels(after)))
    changes.added = [name for name in new if name not in old]
    changes.removed = [name for name in old if name not in new]
    for name in new.keys() & old.keys():
        if _status(old[name]) != _status(new[name]):
            changes.statuses.append((name, _status(old[name]), _status(new[name])))
        seen = {(str(u.get("date")), str(u.get("text"))) for u in old[name].get("updates") or []}
        fresh = [u for u in new[name].get("updates") or [] if (u["date"], u["text"]) not in seen]
        if fresh:
            changes.new_updates.append((name, len(fresh)))
        for key in REPORTED:
            was, now = _text(old[name], key), _text(new[name], key)
            if was != now:
                changes.fields.append((name, key, was, now))
    order = list(new)
    changes.fields.sort(key=lambda s: (order.index(s[0]), REPORTED.index(s[1])))
    changes.statuses.sort(key=lambda s: order.index(s[0]))
    changes.new_updates.sort(key=lambda s: order.index(s[0]))
    return changes


# an action's fields a re-import lists when the document changed them (besides its status)
REPORTED = ["title", "leads", "due", "outcome", "measure", "impact", "source"]


def _text(action: dict[str, Any], key: str) -> str:
    """A field's value in words, as the report shows it ("" when the action has none)."""
    value = action.get(key)
    if value is None and key == "leads":
        value = action.get("lead")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return " ".join(str(value or "").split())


def status_labels(plan: Plan) -> dict[str, str]:
    """Each status key of a plan and the word its readers see."""
    listed = plan.get("statuses")
    if isinstance(listed, str):
        listed = preset(listed) or []
    found = {}
    for status in listed if isinstance(listed, list) else []:
        if isinstance(status, dict) and status.get("key"):
            found[str(status["key"])] = str(status.get("label") or status["key"])
    return found


def _carry(keys: list[str], before: dict[str, Any], after: dict[str, Any]) -> int:
    """Copy into `after` each of `keys` that only `before` has (added by hand); how many."""
    carried = [
        k
        for k in keys
        if k in before and k not in after and k not in CHILDREN and ALIASES.get(k) not in after
    ]
    for key in carried:
        after[key] = before[key]
    return len(carried)


def _priority_key(priority: dict[str, Any]) -> str:
    """A priority's ref, or its title when the document gives it no number."""
    return str(priority.get("ref") or priority.get("title"))
