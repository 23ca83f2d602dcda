"""Material's search index written a page's entries at a time (issue 26).

Material's search plugin writes its index as one `json.dumps` of every entry of every page: at
12,000 actions 26 MB of words, held as entries, then as the encoder's pieces, then as one
28 MB string and its bytes, all at once at the end of the build (about 90 MB above the rest of
it). Instead the plugin takes the entries out of the index before the search plugin writes it
(a generated page's are held compressed, plansite/engine/held_pages.py), lets it write the
index with none, and writes them into that file after it, a page's at a time, with the files'
sizes filled in. The bytes are the ones `json.dumps` of the whole index makes, with Material's
separators: a list's items are each item's JSON joined by ",".
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from plansite.engine.held_pages import HeldEntries
from plansite.search.entries import Entry

NO_ENTRIES = '"docs":[]}'  # how the index the search plugin wrote with no entries ends


def write_entries(
    path: Path, items: list[Any], fill: Callable[[list[Entry]], None] | None = None
) -> None:
    """The search index at `path`, written with no entries, written again with `items`' (an
    entry, or a generated page's held entries); `fill` fills in the files' sizes in a page's
    entries."""
    written = path.read_text("utf-8")
    if not written.endswith(NO_ENTRIES):  # not as Material writes it: written whole, as it does
        whole = json.loads(written)
        whole["docs"] = [entry for entries in _pages(items, fill) for entry in entries]
        path.write_text(_json(whole), "utf-8")
        return
    with path.open("w", encoding="utf-8", newline="") as index:
        index.write(written[: -len("]}")])
        first = True
        for entries in _pages(items, fill):
            for entry in entries:
                index.write(_json(entry) if first else "," + _json(entry))
                first = False
        index.write("]}")


def _pages(items: list[Any], fill: Callable[[list[Entry]], None] | None) -> Iterator[list[Entry]]:
    """Each page's entries in the index's order, a generated page's unpacked only now."""
    for item in items:
        entries: list[Entry] = item.entries() if isinstance(item, HeldEntries) else [item]
        if fill is not None:
            fill(entries)
        yield entries


def _json(value: object) -> str:
    """As Material's search plugin writes its index (material/plugins/search/plugin.py)."""
    return json.dumps(value, separators=(",", ":"), default=str)
