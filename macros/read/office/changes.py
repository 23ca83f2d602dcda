"""What a re-import changed: actions added or removed, status changes, new dated updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from macros.read.office.mapper import Plan


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    statuses: list[tuple[str, str, str]] = field(default_factory=list)  # ref, before, after
    new_updates: list[tuple[str, int]] = field(default_factory=list)  # ref, how many

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.statuses or self.new_updates)


def _actions(plan: Plan) -> dict[str, dict[str, Any]]:
    """Each action by "<priority ref> <action ref or title>" (refs may restart per priority)."""
    found: dict[str, dict[str, Any]] = {}
    for priority in plan.get("priorities") or []:
        grouped = [a for i in priority.get("issues") or [] for a in i.get("actions") or []]
        for action in grouped + list(priority.get("actions") or []):
            name = str(action.get("ref") or action.get("title") or "?")
            found[f"{_priority_key(priority)}: {name}"] = action
    return found


# fields a document does not hold, added by hand after the first import: kept on a re-import
PRIORITY_KEEP = ["description", "focus", "outcomes", "owner", "young_people",
                 "young_people_title", "evidence",
                 "children_will_say"]  # fmt: skip
ACTION_KEEP = ["outcome", "measure", "related", "source", "young_people", "indicators", "new"]


def keep_hand_edits(before: Plan, after: Plan) -> int:
    """Copy into `after` what was added by hand to `before` and the document does not hold:
    a priority's fields by its ref, an action's by its priority and ref (or title). Also the
    status list, when it still has every status the document uses. How many fields kept."""
    kept = 0
    old_priorities = {_priority_key(p): p for p in before.get("priorities") or []}
    for priority in after.get("priorities") or []:
        old = old_priorities.get(_priority_key(priority))
        if old is None:
            continue
        kept += _carry(PRIORITY_KEEP, old, priority)
    old_actions = _actions(before)
    # impact ratings added by hand are kept only when the document rates no measure itself
    rated = any("impact" in action for action in _actions(after).values())
    keep = ACTION_KEEP if rated else [*ACTION_KEEP, "impact"]
    for name, action in _actions(after).items():
        earlier = old_actions.get(name)
        if earlier is None:
            continue
        kept += _carry(keep, earlier, action)
    statuses = before.get("statuses")
    if isinstance(statuses, list):
        known = {str(s.get("key")) for s in statuses if isinstance(s, dict)}
        used = {
            str(a[k]) for a in _actions(after).values() for k in ("status", "impact") if a.get(k)
        }
        if used <= known:
            after["statuses"] = statuses
    return kept


def _status(action: dict[str, Any]) -> str:
    return str(action.get("status") or "none")


def compare(before: Plan, after: Plan) -> Changes:
    old, new = _actions(before), _actions(after)
    changes = Changes()
    changes.added = [name for name in new if name not in old]
    changes.removed = [name for name in old if name not in new]
    for name in new.keys() & old.keys():
        if _status(old[name]) != _status(new[name]):
            changes.statuses.append((name, _status(old[name]), _status(new[name])))
        seen = {(str(u.get("date")), str(u.get("text"))) for u in old[name].get("updates") or []}
        fresh = [u for u in new[name].get("updates") or [] if (u["date"], u["text"]) not in seen]
        if fresh:
            changes.new_updates.append((name, len(fresh)))
    order = list(new)
    changes.statuses.sort(key=lambda s: order.index(s[0]))
    changes.new_updates.sort(key=lambda s: order.index(s[0]))
    return changes


def _priority_key(priority: dict[str, Any]) -> str:
    """A priority is known again by its ref; one the document gives no number, by its title."""
    return str(priority.get("ref") or priority.get("title") or "")


def _carry(keys: list[str], before: dict[str, Any], after: dict[str, Any]) -> int:
    """Copy into `after` each of `keys` that only `before` has (added by hand); how many."""
    carried = [key for key in keys if key in before and key not in after]
    for key in carried:
        after[key] = before[key]
    return len(carried)
