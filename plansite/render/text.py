"""Text from data on its way to a page: Markdown rendered, then cleaned with an allowlist."""

from __future__ import annotations

import functools
import html
import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ul",
    "ol",
    "li",
    "a",
    "br",
    "code",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}


@functools.lru_cache(maxsize=4096)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists"])


def clean_html(html: str) -> str:
    """Keep bold, italics, lists and links; drop scripts, event handlers and javascript: links."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


# One line with none of Markdown's or HTML's special characters, not starting like a list: Markdown
# would only wrap it in <p>. Most update texts are like this, and Markdown is the slow part.
SPECIAL = r"\\`*_\[\]<>&#!\x00-\x1f\x7f"
PLAIN_LINE = re.compile(rf"[^\s\d+=\-{SPECIAL}][^{SPECIAL}]*")
# The same, with **bold** and *italics* around plain words: what update texts mostly add.
_WORD, _TEXT = rf"[^\s{SPECIAL}]", rf"[^{SPECIAL}]"
_STRONG = rf"\*\*({_WORD}(?:{_TEXT}*{_WORD})?)\*\*(?!\*)"
_EM = rf"\*({_WORD}(?:{_TEXT}*{_WORD})?)\*(?!\*)"
EMPHASIS_LINE = re.compile(rf"(?:[^\s\d+=\-{SPECIAL}]|{_STRONG}|{_EM})(?:{_TEXT}|{_STRONG}|{_EM})*")
STRONG, EM = re.compile(_STRONG), re.compile(_EM)


# The same text reaches several pages (priority, "What changed", downloads...): convert it once.
# Bounded, so a long `mkdocs serve` session cannot grow it without limit; 12,000 actions fit.
@functools.lru_cache(maxsize=1 << 17)
def rich(text: str) -> str:
    """Markdown (with the HTML fragments real plans carry) as safe HTML."""
    if not text:
        return ""
    one_line = not text[-1].isspace()
    if one_line and PLAIN_LINE.fullmatch(text):
        return clean_html(f"<p>{text}</p>")
    if one_line and EMPHASIS_LINE.fullmatch(text):
        marked = EM.sub(r"<em>\1</em>", STRONG.sub(r"<strong>\1</strong>", text))
        return clean_html(f"<p>{marked}</p>")
    converter = _converter()
    converter.reset()
    return clean_html(converter.convert(text))


PAGE_TAGS = ALLOWED_TAGS | {"h2", "h3", "h4", "blockquote"}


def rich_page(text: str) -> str:
    """A board's own page of prose (data/pages/*.md): Markdown with headings, as safe HTML."""
    if not text.strip():
        return ""
    converter = _converter()
    converter.reset()
    return nh3.clean(
        converter.convert(text),
        tags=PAGE_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def rich_inline(text: str) -> str:
    """Like `rich`, for a table cell or a heading: no wrapping paragraph for one line."""
    html = rich(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def title_text(text: str) -> str:
    """A title for MkDocs (nav, <title>, search): its theme templates do not escape, so we do."""
    return html.escape(plain(text), quote=False)


@functools.lru_cache(maxsize=1 << 17)
def plain(text: str) -> str:
    """Text with every tag removed, for CSV files, titles and search."""
    return html.unescape(nh3.clean(text, tags=set()))
