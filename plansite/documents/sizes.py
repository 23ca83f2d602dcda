"""A published file's size on the pages that link it, filled in once the file is made.

A page renderer never waits for a file, nor makes one: a page that shows a file's size
(a plan's home page, a yearly report, the reports index) carries an inert placeholder, an HTML
comment naming the file. The build makes the files on its workers while the pages are rendered,
and once every file is made it fills each placeholder with the file's size as the page words
it (`fill`), in the few pages that carry one (plansite/engine/build.py). A comment is left alone
by everything that reads a page's text on the way (abbreviations, glossary links, the search
plugin), as the size, a number and a unit, was.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from markupsafe import Markup, escape

from plansite.render.figures import size_text

MARK = "<!--plansite-size:"
PLACEHOLDER = re.compile(re.escape(MARK) + r"([^<>]+)-->")


class MissingSize(RuntimeError):
    """A page names a file the build did not make."""


def placeholder(path: str) -> Markup:
    """Where the size of the published file at `path` (inside site/) goes on a page."""
    return Markup(f"{MARK}{escape(path)}-->")


def carries_sizes(html: str) -> bool:
    return MARK in html


def fill(html: str, sizes: Mapping[str, int], page: str = "") -> str:
    """`html` with each placeholder replaced by its file's size, escaped as the page's
    template escapes a value."""

    def size(match: re.Match[str]) -> str:
        path = match[1]
        if path not in sizes:
            raise MissingSize(
                f"{page or 'a page'} shows the size of {path}, which the build did not make"
            )
        return str(escape(size_text(sizes[path])))

    return PLACEHOLDER.sub(size, html)


# A size in a page's search entries, cut from its HTML before the file is made: a mark in the
# entry's words (two private-use characters no page holds) until the build fills it in.
_WORDS_MARK = re.compile("\ue000([^\ue001]+)\ue001")


def as_words(html: str) -> str:
    """`html` with each size placeholder a mark the search entries' words keep (a comment
    would be dropped with its words)."""
    return PLACEHOLDER.sub(lambda match: f"\ue000{match[1]}\ue001", html)


def fill_words(words: str, sizes: Mapping[str, int]) -> str:
    """A search entry's `words` with each mark replaced by its file's size."""
    return _WORDS_MARK.sub(lambda match: size_text(sizes[html.unescape(match[1])]), words)
