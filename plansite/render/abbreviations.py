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
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet

from plansite.read.files import stamp
from plansite.render.templates import FRAGMENTS, environment

ABBR = "shared/abbr.html"

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
    html: str,
    change: Callable[[str], str],
    leave_alone: AbstractSet[str] = LEAVE_ALONE,
    finds: re.Pattern[str] | None = None,
    done: Callable[[], bool] | None = None,
    region: tuple[int, int] | None = None,
) -> str:
    """`html` with `change` applied to each run of its text outside the `leave_alone` elements:
    tags, comments and attributes are never changed. Walked tag by tag, keeping only what
    changed: a large plan's What changed page (30 MB, 700,000 tags) cut into a list of its
    pieces took more memory than the rest of its build.

    Calling `change` on each of a large page's runs took most of its time (issue 26), so:
    `finds`, a pattern that finds at least where `change` would change something (and cannot
    match a `<` or `>`): only the runs where the whole page has a match are given to `change`,
    as a run without one is left as it is either way. `done`: true once `change` changes
    nothing more (every phrase linked once): the rest of the page is left as it is.
    `region`: where in `html` to change text (the page's article), the rest left as it is: the
    page is not cut and put together again (copies of a 30 MB page, issue 26)."""
    first, last = region or (0, len(html))
    found = [m.start() for m in finds.finditer(html, first, last)] if finds is not None else None
    if found is not None and not found:
        return html
    pieces = _pieces(frozenset(leave_alone))
    kept: list[str] = []  # the unchanged stretches and the changed runs, in order
    inside: list[str] = []  # the leave_alone elements open at this point
    unchanged_from, text_from = 0, first
    next_found = 0  # the first of `found` not passed yet
    for tag in pieces.finditer(html, first, last):
        if done is not None and kept and done():
            break
        start = tag.start()
        if found is None:
            if not inside:
                unchanged_from = _changed_run(html, text_from, start, change, kept, unchanged_from)
        elif next_found < len(found) and found[next_found] < start:
            if not inside:  # a match before this tag: in the run before it, or in a tag
                unchanged_from = _changed_run(html, text_from, start, change, kept, unchanged_from)
            while next_found < len(found) and found[next_found] < start:
                next_found += 1
        text_from = tag.end()
        name = tag.group(3)
        if name is not None and not tag.group().endswith("/>"):
            name = name.lower()
            if not tag.group(2):
                inside.append(name)
            elif name in inside:
                del inside[len(inside) - 1 - inside[::-1].index(name)]
    else:  # every tag walked: the text after the last one
        if not inside and (found is None or next_found < len(found)):
            unchanged_from = _changed_run(html, text_from, last, change, kept, unchanged_from)
    if not kept:
        return html
    kept.append(html[unchanged_from:])
    return "".join(kept)


@functools.lru_cache(maxsize=8)
def _pieces(leave_alone: frozenset[str]) -> re.Pattern[str]:
    """A comment or a tag (`<!--...-->`, `<...>`; the text between them is the page's words),
    naming a tag's element (group 3) when it is one of `leave_alone` (any case, the whole name:
    `<abbr`, not `<abbrx`) and whether it is an end tag (group 2)."""
    names = "|".join(re.escape(n) for n in sorted(leave_alone, key=len, reverse=True))
    return re.compile(rf"(<!--.*?-->|<(?:(/?)((?ai:{names}))(?![a-zA-Z0-9-]))?[^>]*>)", re.S)


def _candidates(terms: Iterable[str]) -> re.Pattern[str] | None:
    """Where `_pattern(terms)` may match: the terms alone, which the regular expression engine
    finds by their first letters (the whole pattern, which starts by looking behind, tries
    every position); None when a term could match across a tag's `<` or `>`."""
    if any("<" in t or ">" in t for t in terms):
        return None
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))


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


def expand_abbreviations(
    html: str, terms: Mapping[str, str], region: tuple[int, int] | None = None
) -> str:
    """`html` with its abbreviations explained (in `region` of it only, when given)."""
    pattern = _pattern(terms)
    if pattern is None:
        return html
    finds = _candidates(terms)  # none in the page: returned as it is (most pages have none)
    if finds is None and pattern.search(html, *(region or (0, len(html)))) is None:
        return html
    return edit_text(
        html,
        lambda text: pattern.sub(lambda m: _abbr(m.group(1) + m.group(2), terms[m.group(1)]), text),
        finds=finds,
        region=region,
    )


def in_article(page_html: str, change: Callable[[str, tuple[int, int]], str]) -> str:
    """The page with `change` applied to its <article> (its content and title) only: `change`
    is given the page and where in it the article is."""
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    if start < 0 or end < start:
        return page_html
    return change(page_html, (start, end))


def expand_in_article(page_html: str, terms: Mapping[str, str]) -> str:
    if not terms:
        return page_html
    return in_article(page_html, lambda page, article: expand_abbreviations(page, terms, article))
