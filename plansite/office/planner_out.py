"""A reporting planner read from a plan document, written to the board's planner file.

The board's own planner.yml is never overwritten without FORCE=1: the import then writes the
document's planner beside the document and says where; with FORCE=1 it merges the document's
items into planner.yml (an item with the same `what` is replaced, keeping the fields the
document does not hold, such as `months` or `actions`), and says how many of each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from plansite.office.words import MESSAGES, normalise
from plansite.office.yaml_out import planner_yaml


def write_planner(items: list[dict[str, Any]], data: Path, document: Path, force: bool) -> str:
    """Write the items; the sentence that says where, for the report ("" with no planner)."""
    if not items:
        return ""
    target = data / "planner.yml"
    if not target.exists():
        target.write_text(planner_yaml({"items": items}), encoding="utf-8")
        return MESSAGES["planner_written"].format(count=len(items), target=target)
    if not force:
        beside = document.parent / f"{document.stem}-planner.yml"
        beside.write_text(planner_yaml({"items": items}), encoding="utf-8")
        return MESSAGES["planner_beside"].format(count=len(items), target=target, beside=beside)
    before = yaml.load(target.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    old_items = before.get("items") if isinstance(before, dict) else None
    merged, replaced = _merge(old_items if isinstance(old_items, list) else [], items)
    target.write_text(planner_yaml({**before, "items": merged}), encoding="utf-8")
    return MESSAGES["planner_merged"].format(
        target=target,
        replaced=replaced,
        added=len(items) - replaced,
        kept=len(merged) - len(items),
    )


def _merge(old: list[Any], new: list[dict[str, Any]]) -> tuple[list[Any], int]:
    by_what = {normalise(str(i.get("what", ""))): i for i in new}
    merged: list[Any] = []
    replaced = 0
    for item in old:
        key = normalise(str(item.get("what", ""))) if isinstance(item, dict) else ""
        if key in by_what:
            merged.append({**item, **by_what.pop(key)})
            replaced += 1
        else:
            merged.append(item)
    merged.extend(by_what.values())
    return merged, replaced
