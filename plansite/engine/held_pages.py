"""Generated pages' HTML held compressed while MkDocs reads the other pages (issue 26).

MkDocs reads every page (`page.content`) before it writes the first. A large plan's generated
pages are hundreds of megabytes as Python strings (two bytes a character once one character
is not ASCII), all held until the last page is written. Between `on_page_content` and its turn
to be written, each generated page's HTML is held zlib-compressed (about a tenth of its size);
it is put back just before its page is written and let go once written. The bytes written are
the same.
"""

from __future__ import annotations

import json
import zlib

from mkdocs.structure.pages import Page

from plansite.search.entries import Entry

# zlib's fastest level: about a tenth of the HTML's size, and 160 MB of HTML in about a second
LEVEL = 1


class HeldPages:
    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def hold(self, page: Page, html: str) -> str:
        """What MkDocs keeps as the page's content until it is written: nothing; `html` is kept
        here, compressed."""
        self._held[page.file.src_uri] = zlib.compress(html.encode("utf-8"), LEVEL)
        return ""

    def put_back(self, page: Page) -> None:
        """The page's HTML as `page.content` again, before anything reads it to write it."""
        held = self._held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = zlib.decompress(held).decode("utf-8")

    @staticmethod
    def let_go(page: Page) -> None:
        """Once the page is written, nothing reads its content again (its headings and ids were
        taken when it was read)."""
        page.content = None


class HeldEntries:
    """A generated page's search entries, held zlib-compressed from when its HTML is cut until
    the search index is written: at 12,000 actions the entries are 32 MB as Python strings,
    held while every page is written (issue 26). In the search index's list of entries, in the
    page's place, until the entries are written into the index, a page's at a time
    (plansite/engine/search_index.py)."""

    def __init__(self, entries: list[Entry]) -> None:
        self._packed = zlib.compress(json.dumps(entries).encode("utf-8"), LEVEL)

    def entries(self) -> list[Entry]:
        found: list[Entry] = json.loads(zlib.decompress(self._packed))
        return found
