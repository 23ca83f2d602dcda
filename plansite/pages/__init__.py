"""Pages generated from data: one `PageType` record per page type says how to render a page of
it, and each module of this package lists its site's pages of its types (`PageGroup`);
`registry.py` collects the groups.

A generated page's Markdown is only a macro call (`{{ plansite_page("priority", ...) }}`): the
plugin renders the page itself in `on_page_markdown` (plansite/engine/plugin.py), so mkdocs-macros never
sees the call, and text from data is never read as a template.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.render.text import plain, title_text
from plansite.search.entries import Entry, page_entries


@dataclass(frozen=True)
class PageType:
    """A page type: its name in macro calls (`{{ plansite_page("membership") }}`) and its
    renderer, called with the site, the page's path and the page's arguments."""

    name: str
    render: Callable[..., str]
    # the renderer also takes the build's published files (their sizes): rendered by the build
    with_published_files: bool = False
    # the class of the headings its search entries are cut at (plansite/search/entries.py), ""
    # for every heading with an id, as the search plugin cuts a page
    search_at: str = ""


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # inside docs/, e.g. "plans/business-plan-2025-28/1.md"
    title: str
    page_type: PageType
    args: tuple[str, ...] = ()
    nav_section: str = ""  # the section index this page belongs under in the nav
    nav_group: str = ""  # a sub-section title inside that section, if any
    template: str = ""  # a page frame in plansite/theme/ other than Material's, e.g. "guide.html"
    feed: tuple[str, str] = ("", "")  # an Atom feed's path in site/ and title, for the <head>

    def markdown(self) -> str:
        call = ", ".join(repr(a) for a in (self.page_type.name, *self.args))
        # JSON strings are YAML strings: quotes, backslashes and line breaks stay inside them
        title = json.dumps(self.nav_title)
        # a page in its own frame (the guide) has no breadcrumbs into the adult site
        template = f"template: {self.template}\nhide: [path]\n" if self.template else ""
        path, name = self.feed
        # plansite/theme/main.html links it as <link rel="alternate feed" type="application/atom+xml">
        feed = f"feed: {json.dumps(path)}\nfeed_title: {json.dumps(name)}\n" if path else ""
        return f"---\ntitle: {title}\n{template}{feed}---\n\n{{{{ plansite_page({call}) }}}}\n"

    def search_entries(self, html: str, url: str) -> list[Entry]:
        """Its search entries, cut from its HTML (`html`, as its renderer made it) at the
        headings its type says; `url`: its address, e.g. "plans/p/all-actions/"."""
        return page_entries(html, url, plain(self.title), split_at=self.page_type.search_at)

    @property
    def nav_title(self) -> str:
        """The title as MkDocs shows it in the menu and <title>: plain text, escaped."""
        return title_text(self.title)


PageLister = Callable[[BoardData], list[GeneratedPage]]


def no_pages(site: BoardData) -> list[GeneratedPage]:
    """The lister of page types that hand-written pages place with a macro call."""
    return []


@dataclass(frozen=True)
class PageGroup:
    """One module's page types, and the function listing a site's pages of them in menu order."""

    types: tuple[PageType, ...]
    list_pages: PageLister = no_pages
