"""A plan's status words found in a document: by word, by cell shading, and from its key."""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field

from plansite.model.status_presets import preset
from plansite.office.columns import find_header
from plansite.office.document import Cell, Table
from plansite.office.words import (
    CLOSED_WORDS,
    FAMILIES,
    FAMILY_COLOURS,
    FAMILY_LABELS,
    FILL_ANCHORS,
    KEY_HEADINGS,
    PRESET_ORDER,
    STATUS_WORDS,
    means_done,
    normalise,
)

COLOUR_WORD = r"(?i:blue|red|amber|green|grey|gray)|[BRAG]"  # letters only as capitals
# "Red: Off Target; Amber: On Target", "R = off target", "Green means complete"
KEY_LINE = re.compile(
    rf"(?<![\w'’])({COLOUR_WORD})\s*(?:[:=–—-]|\b(?i:means|is)\b)\s*([^;,\n]+?)\s*"
    rf"(?=[;,.\n]|$|(?<![\w'’])(?:{COLOUR_WORD})\s*(?:[:=–—-]|\b(?i:means|is)\b))"
)
PLAN_COLUMNS = {"ref", "leads", "due", "progress"}  # beside the action: a plan table, not a key
LETTERS = {"b": "blue", "r": "red", "a": "amber", "g": "green"}
YES = {"yes", "y", "true", "done"}
COLOUR_NAMES = {"b", "r", "a", "g", "blue", "red", "amber", "green", "grey", "gray"}


# hue bands in degrees, red wrapping round from 330: yellow is amber in a RAG scheme
HUE_BANDS = [
    (15, "red"),
    (70, "amber"),
    (165, "green"),
    (260, "blue"),
    (330, "purple"),
    (361, "red"),
]
GREY_SATURATION = 0.15


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def nearest_family(fill: str) -> str:
    """The colour family of a fill (red, amber, green, blue or grey), by its hue: a theme's
    accent lightened or darkened ("Green, Accent 6, Lighter 40%") keeps its family however pale.
    Greys by their lack of colour; purples, which no RAG scheme names, by the nearest anchor."""
    r, g, b = _rgb(fill)
    hue, lightness, saturation = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    if saturation < GREY_SATURATION or lightness < 0.08:
        return "grey"
    degrees = hue * 360
    for upto, family in HUE_BANDS:
        if degrees < upto and family != "purple":
            return family
        if degrees < upto:
            break
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
    unexplained: bool = False  # no key and no usual word says what it means
    first_place: str = ""  # where it was first met, for the report's advice

    @property
    def plain(self) -> bool:
        """Named by its colour alone ("Green"), with no word of the board's own."""
        return self.label == FAMILY_LABELS.get(self.family or "", "")

    @property
    def is_done(self) -> bool:
        """Finished: the key's yes/no, else its word ("Complete", never "Not yet completed"),
        else a plain colour's meaning in the key, else BRAG's convention (blue is complete)."""
        if self.done is not None:
            return self.done
        if self.unexplained or CLOSED_WORDS.search(self.label):
            return False
        if means_done(self.label):
            return True
        if self.plain and self.meaning:
            return means_done(self.meaning)
        return self.plain and self.family == "blue"

    @property
    def rank(self) -> int:
        family = self.family or nearest_family(self.colour)
        return FAMILIES.index(family) if not self.unexplained else len(FAMILIES)

    def as_dict(self) -> dict[str, object]:
        closed = bool(CLOSED_WORDS.search(self.label))
        result: dict[str, object] = {"key": self.key, "label": self.label, "colour": self.colour}
        if self.meaning:
            result["meaning"] = self.meaning
        if self.is_done and not closed:
            result["done"] = True
        if closed:  # neither done nor late: the action was stopped or moved elsewhere
            result["closed"] = True
        if self.unexplained:  # neither done nor late until the board says what it means
            result["unexplained"] = True
        return result

    def fits(self, preset: dict[str, object]) -> bool:
        """This status is the preset's: same key, and the label one of its words (or a bare
        colour), and no meaning of the document's own that the preset would lose."""
        if self.key != preset["key"] or self.meaning:
            return False
        words = [str(preset["label"]), str(preset["key"]), *preset.get("aliases", [])]  # type: ignore[misc]
        plain = self.label == FAMILY_LABELS.get(self.family or "", "")
        if self.from_key:  # the key's own words are published as it writes them ("On Target")
            return self.label in words
        return plain or any(w.lower() == self.label.lower() for w in words)


def _joins(entry: Entry, text: str) -> bool:
    """Whether a word of a colour's family is that family's status: a bare colour or letter
    always is; a word that differs on being finished never is ("On track" is not the key's
    "Complete"); two phrases of one colour with no key are two statuses ("Not yet started",
    "Not yet completed but on-track"), but finished words are one ("Complete", "Achieved")."""
    if normalise(text) in COLOUR_NAMES or not (entry.by_word or entry.by_colour or entry.from_key):
        return True
    if entry.is_done != means_done(text):
        return False
    return entry.from_key or entry.plain or entry.is_done


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
        same = [e for e in self.entries if e.family == family and family is not None]
        if same and same[0].from_key and same[0].label.lower() == label.lower():
            return  # the same key read twice (a key line above and below the table)
        if same and same[0].from_key and (label == FAMILY_LABELS.get(family or "") or (
                same[0].plain and not same[0].meaning)):  # fmt: skip
            # coloured swatches with their words beside them: one status per colour
            entry = same[0]
            if entry.plain and label != FAMILY_LABELS.get(family or ""):
                entry.label, entry.meaning = label, meaning or entry.meaning
            entry.done = entry.done if done is None else done
            entry.colour = colour or entry.colour
            return
        if same and not same[0].from_key:  # met before the key: the key names it
            entry = same[0]
            entry.label, entry.meaning, entry.done, entry.from_key = label, meaning, done, True
            entry.colour = colour or entry.colour
            return
        taken = bool(same)
        key = _slug(label) if family is None or taken else family
        if any(e.key == key for e in self.entries):
            key = f"{key}-{len(self.entries) + 1}"
        entry = Entry(key, label, colour or FAMILY_COLOURS.get(family or "grey", "#b1b4b6"),
                      None if taken else family, meaning, done, from_key=True)  # fmt: skip
        self.entries.append(entry)

    def from_word(self, word: str, place: str = "") -> str | None:
        """The status a cell's word names: the key's (by its label, colour or letter), a usual
        status word's, or the word itself as a status of its own (unexplained when nothing
        says what it means, to be asked about in the report)."""
        text = " ".join(word.split()).strip(" .")
        if not text:
            return None
        for known in self.entries:
            if known.label.lower() == text.lower() or text in known.words:
                return self._count(known, text, place)
        family = word_family(text)
        entry: Entry | None = self._family_entry(family) if family is not None else None
        if entry is not None and not _joins(entry, text):
            entry = None
        if entry is None:
            colour = FAMILY_COLOURS[family or "grey"]
            unknown = family is None and not CLOSED_WORDS.search(text)
            entry = Entry(_slug(text), text, colour, None, unexplained=unknown)
            if any(e.key == entry.key for e in self.entries):
                entry.key = f"{entry.key}-{len(self.entries) + 1}"
            self.entries.append(entry)
        elif not entry.from_key and entry.plain and normalise(text) not in COLOUR_NAMES:
            entry.label = text  # the board's own word, e.g. "On Target"
        return self._count(entry, text, place)

    def _count(self, entry: Entry, text: str, place: str) -> str:
        entry.words.add(text)
        entry.by_word += 1
        entry.first_place = entry.first_place or place
        return entry.key

    def key_labels(self) -> set[str]:
        return {e.label for e in self.entries if e.from_key}

    def unexplained(self) -> list[Entry]:
        return [e for e in self.entries if e.unexplained]

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
        plain = all(e.plain for e in self.entries)
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
            return entry.rank

        keyed = [e for e in entries if e.from_key]
        if keyed:  # the key's own order, best first (many keys list red first: turned round)
            if rank(keyed[0]) > rank(keyed[-1]):
                keyed.reverse()
            rest = sorted((e for e in entries if not e.from_key), key=rank)
            return [e.as_dict() for e in keyed + rest]
        return [e.as_dict() for e in sorted(entries, key=rank)]


def key_entries(text: str) -> list[tuple[str, str]]:
    """(family, words) of a key line: "Red: Off Target; Amber: On Target; Green: Complete",
    "R = off target, A = on target, G = complete", "Green means complete". Two colours at least,
    each named once: a sentence that mentions one colour is not a key."""
    found = []
    for m in KEY_LINE.finditer(text):
        colour, label = m.group(1), m.group(2)
        word = colour.lower()
        before = text[: m.start()].rstrip()
        if len(word) == 1 and before and before[-1] not in ";,.:(–-" and before[-3:] != "key":
            continue  # "Plan B - agreed": a letter is a colour only at the start of a key entry
        found.append((LETTERS.get(word, "grey" if word == "gray" else word), label.strip()))
    families = [f for f, _ in found]
    if len(found) < 2 or len(set(families)) < len(families):
        return []
    return found


def legend_entry(text: str) -> tuple[str, str] | None:
    """A paragraph that is one line of a legend: "Red – off target"."""
    text = text.strip().rstrip(".;,")
    m = KEY_LINE.match(text)
    if m is None or m.end() < len(text) or len(text) > 120:
        return None
    word = m.group(1).lower()
    return LETTERS.get(word, "grey" if word == "gray" else word), m.group(2).strip()


def add_key_entries(found: list[tuple[str, str]], statuses: Statuses) -> None:
    for family, words in found:
        if len(words.split()) <= 5:
            statuses.add_key(family, words, "", None, None)
        else:  # a sentence: what the colour means, the colour its name
            statuses.add_key(family, FAMILY_LABELS[family], words, None, None)


def key_from_line(text: str, statuses: Statuses) -> bool:
    found = key_entries(text)
    add_key_entries(found, statuses)
    return bool(found)


Found = tuple[str | None, str, str, str | None, bool | None]


def _cell_family(cell: Cell) -> str | None:
    if cell.fill is not None:
        return nearest_family(cell.fill)
    if normalise(cell.text) in COLOUR_NAMES:
        word = normalise(cell.text)
        return LETTERS.get(word, "grey" if word in ("grey", "gray") else word)
    return None


def _key_row(cells: list[Cell]) -> list[Found]:
    """The key entries of one row: [colour][label][meaning][yes/no], or [coloured label]
    [meaning], or several side by side ([colour][label][colour][label], or coloured cells with
    their words inside, as a 1x3 key). A heading row ("Colour | Status | Meaning") has none."""
    texts = [normalise(c.text) for c in cells if c.text]
    if len(texts) >= 2 and all(t in KEY_HEADINGS for t in texts):
        return []
    groups: list[list[Cell]] = []
    for cell in cells:
        if _cell_family(cell) is not None or not groups:
            groups.append([cell])
        else:
            groups[-1].append(cell)
    found = [_key_group(g) for g in groups]
    if any(f is None for f in found) or (len(groups) > 1 and any(len(g) > 2 for g in groups)):
        return []
    return [f for f in found if f is not None]


def _key_group(cells: list[Cell]) -> Found | None:
    first = cells[0]
    family = _cell_family(first)
    if family is None or len(cells) > 4:
        return None
    rest = [c.text for c in cells[1:]]
    done = None
    if rest and normalise(rest[-1]) in YES | {"no", "n", "false"}:
        done = normalise(rest[-1]) in YES
        rest = rest[:-1]
    if first.text and normalise(first.text) not in COLOUR_NAMES:
        label, meaning = first.text, " ".join(rest)
    elif rest and len(rest[0].split()) <= 5:
        label, meaning = rest[0], " ".join(rest[1:])
    else:
        label, meaning = FAMILY_LABELS[family], " ".join(rest)
    return family, " ".join(label.split()), meaning, first.fill, done


def _row_cells(row: list[Cell]) -> list[Cell]:
    return [c for c in row if (c.text or c.fill) and not c.continues]


def is_key_table(table: Table) -> bool:
    """A small table of coloured cells (or colour words) and what each means: every row a
    key row, but for one heading or title row; or one row (1x3) of coloured cells with their
    words inside or beside them. Never a table with a plan's heading row."""
    rows = [r for r in (_row_cells(r) for r in table.rows) if r]
    found = [_key_row(r) for r in rows]
    keyed = [f for f in found if f]
    if not keyed or len(rows) > 8 or len(rows) - len(keyed) > 1:
        return False
    header = find_header(table, {})
    if header is not None and "title" in header.used() and header.used() & PLAN_COLUMNS:
        return False
    if len(keyed) >= 2:
        return True
    (row,) = [r for r, f in zip(rows, found, strict=True) if f]
    shaded = [c for c in row if c.fill is not None]
    return len(keyed[0]) >= 2 and len(shaded) == len(keyed[0])


def key_row(row: list[Cell]) -> list[Found]:
    """A row of coloured cells with their words (two at least), as a key the height of one
    row: over a plan's heading row when a key table sat straight above the plan's table
    (LibreOffice joins two tables that touch)."""
    cells = _row_cells(row)
    found = _key_row(cells)
    shaded = [c for c in cells if c.fill is not None]
    return found if len(found) >= 2 and len(shaded) == len(found) else []


def key_from_table(table: Table, statuses: Statuses) -> None:
    for row in table.rows:
        for found in _key_row(_row_cells(row)):
            statuses.add_key(*found)
