"""Phrases explained where they appear: the first use on a page of each glossary phrase (a term
of more than one word that is not an abbreviation: "early help", "strategy discussion") links to
its entry on the glossary page, with its meaning as the link's tooltip. Abbreviations are
explained as <abbr> (plansite/render/abbreviations.py).

Only the text of the page's <article> changes, and never its words: tags, attributes, headings,
links and the elements that cannot hold a link (buttons, labels, summaries, options) are left as
they are. A phrase matches whole words, with a capital or a small first letter ("Early help" at
the start of a sentence, "early help" inside one) and an English plural ("strategy
discussions"); its other letters as the glossary writes them, so "Working Together" (the
government's guide) is not the words "working together". One-word terms ("Prevent", "Channel")
are left to the glossary page: as ordinary words they would be linked where they mean something
else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from plansite.model import links
from plansite.model.glossary import is_abbreviation
from plansite.render.abbreviations import LEAVE_ALONE, edit_text, in_article
from plansite.render.glossary import anchor
from plansite.render.templates import environment

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# no link inside these: a link in a link, a heading, or a control is refused or lost
NO_LINK_INSIDE = LEAVE_ALONE | HEADINGS | {"a", "button", "label", "summary", "select", "dfn"}


def phrases(terms: Mapping[str, str]) -> dict[str, str]:
    """The glossary terms explained in place by a link: more than one word, not abbreviations."""
    return {t: m for t, m in terms.items() if " " in t and not is_abbreviation(t)}


def _first_letter_either_case(term: str) -> str:
    """The term as a pattern: its first letter either case, any white space between words (a
    Markdown page may break a line inside a phrase)."""
    first, rest = term[0], r"\s+".join(re.escape(w) for w in term[1:].split(" "))
    if first.lower() == first.upper():
        return re.escape(first) + rest
    return f"[{re.escape(first.upper())}{re.escape(first.lower())}]" + rest


def _key(written: str) -> str:
    """A phrase as written on the page, as the glossary's terms are looked up."""
    words = " ".join(written.split())
    return words[0].lower() + words[1:]


@functools.lru_cache(maxsize=16)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(_first_letter_either_case(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&-])({words})(s?)(?![\w&-])")


@functools.lru_cache(maxsize=4096)
def _link(text: str, meaning: str, href: str) -> str:
    template = environment().get_template("shared/term.html")
    return template.render(text=text, meaning=meaning, href=href).strip()


def link_phrases(
    html: str, terms: Mapping[str, str], here: str, region: tuple[int, int] | None = None
) -> str:
    """`html` (the page `here`, a path inside docs/) with each phrase's first use linked (in
    `region` of it only, when given)."""
    if not terms:
        return html
    by_key = {_key(t): t for t in terms}
    pattern = _pattern(tuple(terms))
    explained: set[str] = set()

    def explain(match: re.Match[str]) -> str:
        written = match.group(1)
        term = by_key[_key(written)]
        if term in explained:
            return match.group(0)
        explained.add(term)
        href = links.href(here, links.glossary(), anchor(term))
        return _link(match.group(0), terms[term], href)

    # once each phrase is linked, the rest of the page is left as it is
    return edit_text(
        html,
        lambda text: pattern.sub(explain, text),
        NO_LINK_INSIDE,
        done=lambda: len(explained) == len(terms),
        region=region,
    )


def link_phrases_in_article(page_html: str, terms: Mapping[str, str], here: str) -> str:
    """The page with its article's phrases linked; the glossary page itself is left as it is."""
    found = phrases(terms)
    if not found or here == links.glossary():
        return page_html
    return in_article(page_html, lambda page, article: link_phrases(page, found, here, article))
