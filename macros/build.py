"""One build's state: the loaded data, its generated pages and the published files.

The plugin makes a new `Build` each time MkDocs loads its configuration (every rebuild under
`mkdocs serve`), so nothing one build worked out can reach the next: a result remembered for the
loaded data lives on that data, which the build owns and then lets go.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from macros.model.board_data import BoardData
from macros.pages import GeneratedPage
from macros.pages.registry import generated_pages, render_page
from macros.publish import admin, make_files
from macros.render.search_entries import Entry


class Build:
    def __init__(self, site: BoardData, folder: Path, *, left_out_pages: frozenset[str]) -> None:
        self.site = site
        self.folder = folder  # the data folder, watched under `mkdocs serve`
        # pages of docs/ whose data the board does not have (`needs:` in their front matter)
        self.left_out_pages = left_out_pages
        self.pages: list[GeneratedPage] = generated_pages(site)
        # the pages this build generates (a page of docs/ at the same path replaces one), by path
        self.generated: dict[str, GeneratedPage] = {}
        # a generated page's HTML between `on_page_markdown` and `on_page_content`
        self.final_html: dict[str, str] = {}
        # search entries made from the model, from `on_page_markdown` to `on_page_context`
        self.entries: dict[str, list[Entry]] = {}
        self._published: dict[str, bytes] | None = None

    def page(self, here: str, page_type: str, *args: str) -> str:
        """The generated page at `here`, as final HTML."""
        return render_page(self.site, here, page_type, *args, published=self.published_files)

    def search_entries(self, page: GeneratedPage, url: str) -> list[Entry] | None:
        """The page's search entries made from the model, or None: the search plugin indexes
        the page's HTML (its type says how, `PageType.search`)."""
        made = page.page_type.search
        return made(self.site, page, url) if made else None

    def published_files(self) -> Mapping[str, bytes]:
        """Made once per build: the Downloads page reads their sizes, the build then writes them."""
        if self._published is None:
            # and the forms of /admin/, which name the board folder's path in the repository
            self._published = {**make_files(self.site), **admin.files(self.site, self.folder)}
        return self._published
