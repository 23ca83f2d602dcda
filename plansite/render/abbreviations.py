"""Abbreviations explained on every page: each glossary abbreviation in a page's text becomes
`<abbr title="what it means">`, which Material shows as a tooltip.

Python-Markdown's `abbr` extension cannot do this: most pages are HTML fragments, which Markdown
leaves alone. So the finished HTML of each page's <article> (its content and title) is read
here, text only: tags, attributes and the text of elements that cannot hold an <abbr> (options,
code, scripts) are never changed. The header, menu and footer are left as they are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet

from plansite.read.files import stamp
from plansite.render.templates import FRAGMENTS, environment

ABBR = "shared/abbr.html"

# a tag, a comment, or a run of text between them
PIECES = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# text inside these is left alone: it cannot hold markup, is code, or is already explained
LEAVE_ALONE = {
    "abbr",
    "code",
    "pre",
    "kbd",
    "script",
    "style",
    "option",
    "textarea",
    "title",
    "svg",
}


def _abbr(text: str, meaning: str) -> str:
    return _abbr_as(text, meaning, stamp(FRAGMENTS / ABBR))


# keyed by the fragment's time and size too: an edit to it under `make serve` is seen
@functools.lru_cache(maxsize=4096)
def _abbr_as(text: str, meaning: str, fragment: tuple[int, int]) -> str:
    return environment().get_template(ABBR).render(text=text, meaning=meaning).strip()


def _pattern(terms: Mapping[str, str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    words = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    # whole words only ("MASH" not in "SMASH"), an English plural included ("GPs")
    return re.compile(rf"(?<![\w&-])({words})(s?)(?![\w&-])")


def edit_text(
    html: str, change: Callable[[str], str], leave_alone: AbstractSet[str] = LEAVE_ALONE
) -> str:
    """`html` with `change` applied to each run of its text outside the `leave_alone` elements:
    tags, comments and attributes are never changed. Walked tag by tag, keeping only what
    changed: a large plan's What changed page (30 MB, 700,000 tags) cut into a list of its
    pieces took more memory than the rest of its build."""
    kept: list[str] = []  # the unchanged stretches and the changed runs, in order
    inside: list[str] = []  # the leave_alone elements open at this point
    unchanged_from = text_from = 0
    for tag in PIECES.finditer(html):
        if not inside:
            unchanged_from = _changed_run(
                html, text_from, tag.start(), change, kept, unchanged_from
            )
        text_from = tag.end()
        match = TAG_NAME.match(html, tag.start(), tag.end())
        if match and match.group(2).lower() in leave_alone and not tag.group().endswith("/>"):
            name = match.group(2).lower()
            if not match.group(1):
                inside.append(name)
            elif name in inside:
                del inside[len(inside) - 1 - inside[::-1].index(name)]
    if not inside:
        unchanged_from = _changed_run(html, text_from, len(html), change, kept, unchanged_from)
    if not kept:
        return html
    kept.append(html[unchanged_from:])
    return "".join(kept)


def _changed_run(
    html: str, start: int, end: int, change: Callable[[str], str], kept: list[str], since: int
) -> int:
    """The text html[start:end] changed, when `change` changes it (what came before it since
    the last change kept first): where the unchanged stretch now starts."""
    text = html[start:end]
    if not text or text.isspace():  # a change finds words: skip the line breaks between tags
        return since
    changed = change(text)
    if changed == text:
        return since
    kept.append(html[since:start])
    kept.append(changed)
    return end


def expand_abbreviations(html: str, terms: Mapping[str, str]) -> str:
    pattern = _pattern(terms)
    if pattern is None or pattern.search(html) is None:  # most of a page has none: one pass
        return html
    return edit_text(
        html,
        lambda text: pattern.sub(lambda m: _abbr(m.group(1) + m.group(2), terms[m.group(1)]), text),
    )


def in_article(page_html: str, change: Callable[[str], str]) -> str:
    """The page with `change` applied to its <article> (its content and title) only."""
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    if start < 0 or end < start:
        return page_html
    return page_html[:start] + change(page_html[start:end]) + page_html[end:]


def expand_in_article(page_html: str, terms: Mapping[str, str]) -> str:
    if not terms:
        return page_html
    return in_article(page_html, lambda article: expand_abbreviations(article, terms))
