"""A plan's status words found in a document: by word, by cell shading, and from its key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.model.status_presets import preset
from macros.read.office.document import Cell, Table
from macros.read.office.words import (
    CLOSED_WORDS,
    DONE_WORDS,
    FAMILIES,
    FAMILY_COLOURS,
    FAMILY_LABELS,
    FILL_ANCHORS,
    PRESET_ORDER,
    STATUS_WORDS,
    normalise,
)

KEY_LINE = re.compile(
    r"\b(blue|red|amber|green|grey|gray)\s*[:=–—-]\s*([^;,\n]+?)\s*(?=[;,\n]|$|\b(?:blue|red|amber|green|grey)\b\s*[:=–—-])",
    re.I,
)
YES = {"yes", "y", "true", "done"}
COLOUR_NAMES = {"b", "r", "a", "g", "blue", "red", "amber", "green", "grey", "gray"}


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def nearest_family(fill: str) -> str:
    """The colour family closest to a fill (red, amber, green, blue or grey)."""
    r, g, b = _rgb(fill)
    best = min(
        ((r - x) ** 2 + (g - y) ** 2 + (b - z) ** 2, family)
        for family, anchors in FILL_ANCHORS.items()
        for x, y, z in map(_rgb, anchors)
    )
    return best[1]


def word_family(word: str) -> str | None:
    text = word.strip().strip(".").strip()
    for pattern, family in STATUS_WORDS:
        if pattern.search(text):
            return family
    return None


def _slug(text: str) -> str:
    return "-".join(normalise(text).split()[:4]) or "status"


@dataclass
class Entry:
    key: str
    label: str
    colour: str
    family: str | None
    meaning: str = ""
    done: bool | None = None
    from_key: bool = False
    words: set[str] = field(default_factory=set)  # as written in status cells
    by_word: int = 0
    by_colour: int = 0

    def as_dict(self) -> dict[str, object]:
        closed = bool(CLOSED_WORDS.search(self.label))
        done = self.done if self.done is not None else bool(DONE_WORDS.search(self.label))
        result: dict[str, object] = {"key": self.key, "label": self.label, "colour": self.colour}
        if self.meaning:
            result["meaning"] = self.meaning
        if done and not closed:
            result["done"] = True
        if closed:  # neither done nor late: the action was stopped or moved elsewhere
            result["closed"] = True
        return result

    def fits(self, preset: dict[str, object]) -> bool:
        """This status is the preset's: same key, and the label one of its words (or a bare
        colour), and no meaning of the document's own that the preset would lose."""
        if self.key != preset["key"] or self.meaning:
            return False
        words = [str(preset["label"]), str(preset["key"]), *preset.get("aliases", [])]  # type: ignore[misc]
        plain = self.label == FAMILY_LABELS.get(self.family or "", "")
        return plain or any(w.lower() == self.label.lower() for w in words)


class Statuses:
    """The statuses met so far, keyed by colour family where there is one."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []

    def _family_entry(self, family: str) -> Entry:
        for entry in self.entries:
            if entry.family == family:
                return entry
        entry = Entry(family, FAMILY_LABELS[family], FAMILY_COLOURS[family], family)
        self.entries.append(entry)
        return entry

    def add_key(self, family: str | None, label: str, meaning: str, colour: str | None,
                done: bool | None) -> None:  # fmt: skip
        """A line of the plan's status key: it names (and colours) a status."""
        if family is None:
            family = word_family(label)
        taken = family is not None and any(e.family == family for e in self.entries)
        key = _slug(label) if family is None or taken else family
        if any(e.key == key for e in self.entries):
            key = f"{key}-{len(self.entries) + 1}"
        entry = Entry(key, label, colour or FAMILY_COLOURS.get(family or "grey", "#b1b4b6"),
                      None if taken else family, meaning, done, from_key=True)  # fmt: skip
        self.entries.append(entry)

    def from_word(self, word: str) -> str | None:
        text = " ".join(word.split()).strip(" .")
        if not text:
            return None
        for entry in self.entries:
            if entry.label.lower() == text.lower() or text in entry.words:
                entry.words.add(text)
                entry.by_word += 1
                return entry.key
        family = word_family(text)
        if family is not None:
            entry = self._family_entry(family)
        else:
            entry = Entry(_slug(text), text, FAMILY_COLOURS["grey"], None)
            self.entries.append(entry)
        default = entry.label == FAMILY_LABELS.get(entry.family or "", "")
        if not entry.from_key and default and normalise(text) not in COLOUR_NAMES:
            entry.label = text  # the board's own word, e.g. "On Target"
        entry.words.add(text)
        entry.by_word += 1
        return entry.key

    def known_word(self, word: str) -> str | None:
        """A status the word surely names (the key's, a colour's, a preset's), else None: an
        impact cell may hold a measure's figures, which must not become a status."""
        text = " ".join(word.split()).strip(" .")
        known = any(e.label.lower() == text.lower() or text in e.words for e in self.entries)
        short = len(text.split()) <= 6  # a rating, not a sentence that says "achieved"
        return self.from_word(text) if known or (short and word_family(text)) else None

    def from_fill(self, fill: str) -> str:
        for entry in self.entries:
            if entry.from_key and entry.colour == fill:
                entry.by_colour += 1
                return entry.key
        entry = self._family_entry(nearest_family(fill))
        entry.by_colour += 1
        return entry.key

    def label(self, key: str) -> str:
        return next((e.label for e in self.entries if e.key == key), key)

    def preset_name(self) -> str | None:
        """A preset (words.PRESET_ORDER) that says all the document says, or None."""
        if not self.entries:
            return "rag"
        plain = all(e.label == FAMILY_LABELS.get(e.family or "", "") for e in self.entries)
        # colours alone mean the usual RAG (or BRAG with blue); words may name another preset
        for name in ["rag", "brag"] if plain else PRESET_ORDER:
            statuses = {str(s["key"]): s for s in preset(name) or []}
            if all(e.key in statuses and e.fits(statuses[e.key]) for e in self.entries):
                return name
        return None

    def plan_list(self) -> list[dict[str, object]]:
        """Best first: blue, green, amber, red, grey, then the plan's own words."""
        entries = self.entries or [self._family_entry(f) for f in ("green", "amber", "red")]

        def rank(entry: Entry) -> int:
            return FAMILIES.index(entry.family) if entry.family else len(FAMILIES)

        keyed = [e for e in entries if e.from_key]
        if keyed:  # the key's own order, best first (many keys list red first: turned round)
            if rank(keyed[0]) > rank(keyed[-1]):
                keyed.reverse()
            rest = sorted((e for e in entries if not e.from_key), key=rank)
            return [e.as_dict() for e in keyed + rest]
        return [e.as_dict() for e in sorted(entries, key=rank)]


def key_from_line(text: str, statuses: Statuses) -> bool:
    """ "Red: Off Target; Amber: On Target; Green: Complete" -> three statuses."""
    found = KEY_LINE.findall(text)
    if len(found) < 2:
        return False
    for colour, label in found:
        family = "grey" if colour.lower() == "gray" else colour.lower()
        statuses.add_key(family, label.strip(), "", None, None)
    return True


def _key_row(cells: list[Cell]) -> tuple[str | None, str, str, str | None, bool | None] | None:
    texts = [c.text for c in cells]
    if not cells or len(cells) > 3:
        return None
    first = cells[0]
    family = None
    if first.fill is not None:
        family = nearest_family(first.fill)
    elif normalise(first.text) in COLOUR_NAMES:
        family = word_family(first.text) or ("grey" if "gr" in first.text.lower() else None)
    if family is None:
        return None
    rest = texts[1:]
    done = None
    if len(rest) == 2 and normalise(rest[1]) in YES | {"no", "n", "false"}:
        done = normalise(rest[1]) in YES
        rest = rest[:1]
    if first.text and normalise(first.text) not in COLOUR_NAMES:
        label, meaning = first.text, " ".join(rest)
    elif rest and len(rest[0].split()) <= 5:
        label, meaning = rest[0], " ".join(rest[1:])
    else:
        label, meaning = FAMILY_LABELS[family], " ".join(rest)
    return family, label, meaning, first.fill, done


def is_key_table(table: Table) -> bool:
    rows = [r for r in table.rows if any(c.text or c.fill for c in r)]
    keyed = [r for r in rows if _key_row([c for c in r if (c.text or c.fill) and not c.continues])]
    return len(keyed) >= 2 and len(rows) - len(keyed) <= 1 and len(rows) <= 8


def key_from_table(table: Table, statuses: Statuses) -> None:
    for row in table.rows:
        found = _key_row([c for c in row if (c.text or c.fill) and not c.continues])
        if found:
            statuses.add_key(*found)
