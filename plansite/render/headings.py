"""What MkDocs would have learnt from Python-Markdown about a generated page, read from the final
HTML our renderers made: its headings, as the table of contents ("On this page"), and the ids a
link may point at. Generated pages skip Python-Markdown (plansite/engine/plugin.py), which re-parsed every
tag of them for nothing; these two regular expressions read only what MkDocs needs.

Our fragments write every heading as `<hN id="...">` on one element with no nested heading, so a
regular expression is exact here (it would not be for hand-written HTML).
"""

from __future__ import annotations

import re
from typing import Any

HEADING = re.compile(r'<h([2-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
ANY_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]+)"')
TAG = re.compile(r"<[^>]+>")
NEW_MARKER = re.compile(r'<strong class="ps-new">.*?</strong>\s*', re.S)
SPACES = re.compile(r"\s+")


def toc_tokens(html: str) -> list[dict[str, Any]]:
    """The headings h2–h6 with an id, nested by level, in Python-Markdown's `toc_tokens` form
    (`mkdocs.structure.toc.get_toc` turns them into "On this page"). A heading's name is its text
    as HTML (entities kept, tags dropped), without the "new" marker, which is not its title."""
    root: list[dict[str, Any]] = []
    open_levels: list[dict[str, Any]] = []  # the innermost heading of each level still open
    for level_text, anchor, inner in HEADING.findall(html):
        level = int(level_text)
        name = SPACES.sub(" ", TAG.sub("", NEW_MARKER.sub("", inner))).strip()
        token: dict[str, Any] = {"level": level, "id": anchor, "name": name, "children": []}
        while open_levels and open_levels[-1]["level"] >= level:
            open_levels.pop()
        (open_levels[-1]["children"] if open_levels else root).append(token)
        open_levels.append(token)
    return root


def anchor_ids(html: str) -> set[str]:
    """Every id on the page: MkDocs checks links to `page.md#anchor` against them."""
    return set(ANY_ID.findall(html))
