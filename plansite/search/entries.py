"""A generated page's search entries, cut from the HTML its renderer made, in the search
plugin's own index format (`{"location", "title", "text"}`): what a page says is written once,
by its renderer, and search finds what the page shows.

The page is cut as Material's search plugin cuts a page (`material/plugins/search/plugin.py`,
`Parser`), which the plugin is told to skip for these pages (it took a quarter of a build in pure
Python; lxml parses the same HTML in C):

- one entry for the page (its words above the first heading, titled with the page's title) and
  one per heading with an `id`, at `page/#id`, titled with the heading's text;
- a section ends at the next such heading, or where the element holding its heading ends (the
  words after it belong to the section around it again);
- a heading inside a table heads the rows down to the next heading: an action's row and the row
  of its details are one section, up to the table's end;
- what the page keeps out of search (`data-search-exclude`: tables listing actions indexed on
  their priority page, charts, filters), scripts and styles, and what is `hidden` are left out.

Where this differs from the search plugin, on purpose:

- the text is plain words, one space apart (the plugin kept `<p>` and `<li>` tags and glued a
  table cell to the next: "StatusComplete");
- the page's own `<h1>` is its entry's title, not also its text;
- the "Last updated" line at a page's foot is left out (it would be found under whichever section
  comes last), and so is an action's "New since ..." marker (not part of its name).

A page type may cut its pages at fewer headings (`PageType.search_at`, plansite/pages): the
priority pages are cut at their actions' headings only; the words of any other heading, and what
follows it up to the next action, are the page's. So the words above the actions (focus,
outcomes, evidence) and the issues' titles are one entry for the priority, and each action one
at its anchor.

The plugin cuts a page in `on_page_content`, from its renderer's HTML (plansite/engine/plugin.py).
About 0.6 s of CPU for the 14 MB of a 1,200-action board's generated pages (Material's parser:
2.2 s); the walk is Python's, one step per element, and grows with the pages.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

Entry = dict[str, str]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# never content: their text is code, styling or drawing
SKIPPED_TAGS = frozenset({"script", "style", "object", "template", "svg"})
# words a page shows that are no part of what a section says (see the module's docstring)
NOT_CONTENT = frozenset({"ps-last-updated", "ps-new"})
# elements whose text runs on into the words around them; every other element is a block, whose
# words are kept apart from its neighbours' ("Status" "Complete", not "StatusComplete")
INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    }
)  # fmt: skip


@dataclass
class _Section:
    depth: float  # the section ends when an element at a lower depth ends
    anchor: str = ""
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def page_entries(content: str, url: str, title: str, *, split_at: str = "") -> list[Entry]:
    """The entries of a page at `url` ("plans/p/all-actions/") whose HTML is `content`; `title`:
    the page's title as plain text. `split_at`: a class; when given, only headings of that class
    start a section, and the words of any other heading (and what follows it) are the page's."""
    page = _Section(0)
    sections = [page]
    current = page
    heading: etree._Element | None = None  # the heading whose words are being read
    skipping: etree._Element | None = None  # an element left out, with everything inside it
    tables = 0  # depth of the innermost table the walk is in, 0: none
    table_depths: list[int] = []
    depth = 0
    # an element's text (after its start) or tail (after its end), and the words it belongs to:
    # read at the next event, once the parser has read all of it
    pending: tuple[etree._Element, bool, list[str]] | None = None
    done: list[etree._Element] = []  # ended, their tails read: let go of
    for event, element in _walk(content):
        if pending is not None:
            words_of, is_tail, words = pending
            if (found := words_of.tail if is_tail else words_of.text) is not None:
                words.append(found)
            pending = None
        if len(done) >= LET_GO_AT:  # what is read is let go of: the page is never a whole tree
            for finished in done:
                finished.getparent().remove(finished)
            done.clear()
        tag = element.tag
        if tag.__class__ is not str:  # a comment
            tag = ""
        if event == "start":
            depth += 1
            if skipping is not None:
                continue
            if tag == "table":
                table_depths.append(depth)
                tables = depth
            if _left_out(element, tag):
                skipping = element
                continue
            if tag in HEADINGS and heading is None and element.get("id"):
                if split_at and split_at not in (element.get("class") or "").split():
                    current = page  # a heading not cut at: its words are the page's
                else:
                    # a heading in a table heads its rows: the section ends with the table
                    current = _Section(tables + 1 if tables else depth, element.get("id", ""))
                    sections.append(current)
                    heading = element
            words = current.title if heading is not None else current.text
            if tag not in INLINE:
                words.append(" ")
            pending = (element, False, words)
            continue
        # the end of the element
        if event == "end-of-page":
            break
        if skipping is not None:
            if element is not skipping:
                depth -= 1
                done.append(element)
                continue
            skipping = None
        else:
            words = current.title if heading is not None else current.text
            if tag not in INLINE:
                words.append(" ")
            if element is heading:
                heading = None
        if tag == "table":
            table_depths.pop()
            tables = table_depths[-1] if table_depths else 0
        if current.depth > depth:  # the element holding the section's heading ended
            current.depth = float("inf")  # never to be gone back to
            current = next(s for s in reversed(sections) if s.depth <= depth)
        depth -= 1
        if depth:  # not <body>, whose end is the page's
            pending = (element, True, current.title if heading is not None else current.text)
            done.append(element)
    return [_entry(url, title, s) for s in sections]


READ_AT_ONCE = 1 << 16  # characters of a page given to the parser at a time
LET_GO_AT = 1024  # elements read, let go of together


def _walk(content: str) -> Iterator[tuple[str, etree._Element]]:
    """The start and end of each element inside the page's <body>, in order, as libxml2 reads
    the page in one <div> (it puts words outside any element in a <p> of their own; what a
    stray end tag would put after the <div> is read too); then ("end-of-page", <body>).

    Read a piece at a time, as lxml's `iterwalk` would walk the whole page's tree: the walk lets
    go of each element once read, so a large plan's page (30 MB) is never held as a tree
    (hundreds of MB, issue 26). Comments are not walked, as `iterwalk` walks none."""
    parser = etree.HTMLPullParser(events=("start", "end"))
    body: etree._Element | None = None
    pieces = (content[i : i + READ_AT_ONCE] for i in range(0, len(content), READ_AT_ONCE))
    for piece in itertools.chain(["<div>"], pieces, ["</div>"], [None]):
        if piece is None:
            parser.close()
        else:
            parser.feed(piece)
        for event, element in parser.read_events():
            if body is None:
                if event == "start" and element.tag == "body":
                    body = element
                    yield event, element
                continue
            if element is body:  # its end
                yield event, element
                yield "end-of-page", element
                return
            yield event, element
    if body is not None:  # no end
        yield "end-of-page", body


def _left_out(element: etree._Element, tag: str) -> bool:
    attributes = element.attrib
    if tag in SKIPPED_TAGS or (tag == "h1" and "id" not in attributes):  # h1: the page's title
        return True
    if not attributes:
        return False
    if "data-search-exclude" in attributes or "hidden" in attributes:
        return True
    classes = attributes.get("class")
    return classes is not None and not NOT_CONTENT.isdisjoint(classes.split())


def _entry(url: str, page_title: str, section: _Section) -> Entry:
    title = " ".join("".join(section.title).split()) if section.anchor else page_title
    return {
        "location": f"{url}#{section.anchor}" if section.anchor else url,
        "title": html.escape(title, quote=False),
        "text": html.escape(" ".join("".join(section.text).split()), quote=False),
    }
