"""Status lists a plan can name instead of writing its own: `statuses: brag`.

Each is written best first, then the closed statuses every preset shares (cancelled,
superseded, merged): an action in one of them is neither done nor outstanding, so no count
treats it as late. Colours are GOV.UK palette colours whose tag text (black or white, chosen by
macros/model/colours.py) reaches at least 4.5:1; a test checks every one.
"""

from __future__ import annotations

from typing import Any

GREEN, AMBER, RED, BLUE = "#00703c", "#ffdd00", "#d4351c", "#1d70b8"
ORANGE, GREY = "#f47738", "#505a5f"

CLOSED: list[dict[str, Any]] = [
    {"key": "cancelled", "label": "Cancelled", "colour": GREY, "closed": True,
     "meaning": "The action was stopped and will not be done.", "aliases": ["Withdrawn"]},
    {"key": "superseded", "label": "Superseded", "colour": GREY, "closed": True,
     "meaning": "Other work, often a newer plan, has taken the action's place.",
     "aliases": ["Carried forward"]},
    {"key": "merged", "label": "Merged into another action", "colour": GREY, "closed": True,
     "meaning": "The action continues as part of another action.", "aliases": ["Merged"]},
]  # fmt: skip

PRESETS: dict[str, list[dict[str, Any]]] = {
    # Standard RAG: green is on track, so finished actions need a status of their own.
    "rag": [
        {"key": "complete", "label": "Complete", "colour": BLUE, "done": True,
         "meaning": "The action is finished.", "aliases": ["Completed", "Done", "C"]},
        {"key": "green", "label": "On track", "colour": GREEN, "aliases": ["G", "Green"],
         "meaning": "Work is under way and expected to finish by the due date."},
        {"key": "amber", "label": "At risk", "colour": AMBER, "aliases": ["A", "Amber"],
         "meaning": "Work is under way but may not finish by the due date."},
        {"key": "red", "label": "Off track", "colour": RED, "aliases": ["R", "Red"],
         "meaning": "The action is late or stuck."},
    ],
    # The key many business plans print: "Red: Off Target; Amber: On Target; Green: Complete".
    "rag-amber-on-target": [
        {"key": "green", "label": "Complete", "colour": GREEN, "done": True,
         "aliases": ["G", "Green", "Completed"], "meaning": "The action is finished."},
        {"key": "amber", "label": "On target", "colour": AMBER,
         "aliases": ["A", "Amber", "On track"],
         "meaning": "Work is under way and expected to finish by the due date."},
        {"key": "red", "label": "Off target", "colour": RED,
         "aliases": ["R", "Red", "Off track"], "meaning": "The action is late or stuck."},
    ],
    # BRAG: blue is complete and embedded (the change shows in practice); green is complete.
    "brag": [
        {"key": "blue", "label": "Complete and embedded", "colour": BLUE, "done": True,
         "aliases": ["B", "Blue", "Embedded"],
         "meaning": "The action is finished and the change is part of everyday practice."},
        {"key": "green", "label": "Complete", "colour": GREEN, "done": True,
         "aliases": ["G", "Green", "Completed"],
         "meaning": "The action is finished; it is too early to show the difference it makes."},
        {"key": "amber", "label": "On track", "colour": AMBER,
         "aliases": ["A", "Amber", "On target", "In progress"],
         "meaning": "Work is under way and expected to finish by the due date."},
        {"key": "red", "label": "Off track", "colour": RED,
         "aliases": ["R", "Red", "Off target"], "meaning": "The action is late or stuck."},
    ],
    # Plans that write their status as a phrase. Not started ranks above off-track: an action
    # that falls behind has got worse; one that has not started yet may still be on time.
    "phrases": [
        {"key": "completed", "label": "Completed", "colour": GREEN, "done": True,
         "aliases": ["Complete"], "meaning": "The action has been completed."},
        {"key": "on-track", "label": "Not yet completed but on-track", "colour": BLUE,
         "aliases": ["Not yet completed and on-track", "On track"],
         "meaning": "Work is continuing and is expected to finish on time."},
        {"key": "not-started", "label": "Not yet started", "colour": ORANGE,
         "aliases": ["Not started"], "meaning": "Work has not started yet."},
        {"key": "off-track", "label": "Not yet completed and off-track", "colour": RED,
         "aliases": ["Not yet completed but off-track", "Off track"],
         "meaning": "Work is continuing but is behind schedule."},
    ],
}  # fmt: skip


def preset(name: str) -> list[dict[str, Any]] | None:
    """The statuses of preset `name` (any case), with the shared closed ones, or None."""
    found = PRESETS.get(name.strip().lower())
    return None if found is None else [*found, *CLOSED]
