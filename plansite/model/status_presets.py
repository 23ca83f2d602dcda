"""Status lists a plan can name instead of writing its own: `statuses: brag`.

Each is written best first, then the closed statuses every preset shares (cancelled,
superseded, merged): an action in one of them is neither done nor outstanding, so no count
treats it as late. Colours are GOV.UK palette colours whose tag text (black or white, chosen by
plansite/model/colours.py) reaches at least 4.5:1; a test checks every one.

A status's label and meaning are words for readers: they are in the interface's words file
(plansite/words/<language>.yml, `status_presets:`), in the build's language. The words a
plan may write for a status (its key, its English label, the aliases below) match in every
language, so a plan written "On Target" or "G" reads the same whatever the site's language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from plansite.model.status import match_word
from plansite.read.yamlfile import package_yaml

GREEN, AMBER, RED, BLUE = "#00703c", "#ffdd00", "#d4351c", "#1d70b8"
ORANGE, GREY = "#f47738", "#505a5f"
ENGLISH_WORDS = Path(__file__).parents[1] / "words" / "en.yml"

CLOSED: list[dict[str, Any]] = [
    {"key": "cancelled", "colour": GREY, "closed": True, "aliases": ["Withdrawn"]},
    {"key": "superseded", "colour": GREY, "closed": True, "aliases": ["Carried forward"]},
    {"key": "merged", "colour": GREY, "closed": True, "aliases": ["Merged"]},
]  # fmt: skip

PRESETS: dict[str, list[dict[str, Any]]] = {
    # Standard RAG: green is on track, so finished actions need a status of their own.
    "rag": [
        {"key": "complete", "colour": BLUE, "done": True, "aliases": ["Completed", "Done", "C"]},
        {"key": "green", "colour": GREEN, "aliases": ["G", "Green"]},
        {"key": "amber", "colour": AMBER, "aliases": ["A", "Amber"]},
        {"key": "red", "colour": RED, "aliases": ["R", "Red"]},
    ],
    # The key many business plans print: "Red: Off Target; Amber: On Target; Green: Complete".
    "rag-amber-on-target": [
        {"key": "green", "colour": GREEN, "done": True, "aliases": ["G", "Green", "Completed"]},
        {"key": "amber", "colour": AMBER, "aliases": ["A", "Amber", "On track"]},
        {"key": "red", "colour": RED, "aliases": ["R", "Red", "Off track"]},
    ],
    # BRAG: blue is complete and embedded (the change shows in practice); green is complete.
    "brag": [
        {"key": "blue", "colour": BLUE, "done": True, "aliases": ["B", "Blue", "Embedded"]},
        {"key": "green", "colour": GREEN, "done": True, "aliases": ["G", "Green", "Completed"]},
        {"key": "amber", "colour": AMBER, "aliases": ["A", "Amber", "On target", "In progress"]},
        {"key": "red", "colour": RED, "aliases": ["R", "Red", "Off target"]},
    ],
    # Plans that write their status as a phrase. Not started ranks above off-track: an action
    # that falls behind has got worse; one that has not started yet may still be on time.
    "phrases": [
        {"key": "completed", "colour": GREEN, "done": True, "aliases": ["Complete"]},
        {"key": "on-track", "colour": BLUE,
         "aliases": ["Not yet completed and on-track", "On track"]},
        {"key": "not-started", "colour": ORANGE, "aliases": ["Not started"]},
        {"key": "off-track", "colour": RED,
         "aliases": ["Not yet completed but off-track", "Off track"]},
    ],
}  # fmt: skip


@functools.cache
def english_words() -> dict[str, Any]:
    """The presets' words in English: the labels plans write, whatever the site's language."""
    loaded: dict[str, Any] = package_yaml(ENGLISH_WORDS)["status_presets"]
    return loaded


# The presets' words in the language in use: the words layer hands its lookup down inside a
# build's own context (plansite/words/wording.py, `speaking`), since the model may not import
# from the layers above it. Outside one, English.
WORDS: ContextVar[Callable[[], dict[str, Any]]] = ContextVar("plansite_preset_words")


def preset(name: str) -> list[dict[str, Any]] | None:
    """The statuses of preset `name` (any case), with the shared closed ones, or None."""
    found = PRESETS.get(name.strip().lower())
    if found is None:
        return None
    group = name.strip().lower()
    return [*(_worded(group, s) for s in found), *(_worded("closed", s) for s in CLOSED)]


def _worded(group: str, status: dict[str, Any]) -> dict[str, Any]:
    """A preset's status with its label and meaning; its English label, when the label is in
    another language, is one more word a plan may write for it."""
    shown = WORDS.get(english_words)()[group][status["key"]]
    english = str(english_words()[group][status["key"]]["label"])
    label = str(shown["label"])
    aliases = list(status["aliases"])
    if match_word(english) != match_word(label):
        aliases.append(english)
    return {**status, "label": label, "meaning": str(shown["meaning"]), "aliases": aliases}
