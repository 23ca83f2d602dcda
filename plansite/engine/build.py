"""One build's state: the loaded data, its generated pages and the published files.

The plugin makes a new `Build` each time MkDocs loads its configuration (every rebuild under
`mkdocs serve`), so nothing one build worked out can reach the next: a result remembered for the
loaded data lives on that data, which the build owns and then lets go.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from plansite.documents.kept_files import Job
from plansite.documents.made_files import Output
from plansite.documents.sizes import carries_sizes, fill
from plansite.model.board_data import BoardData
from plansite.pages import GeneratedPage
from plansite.pages.registry import generated_pages, render_page
from plansite.publish import admin, every_file
from plansite.render import chart_store
from plansite.search.entries import Entry


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
        # the published files, written as they are made (`start_files`)
        self.output: Output | None = None
        self.published_paths: list[str] = []  # inside site/, once the build wrote them
        # the pages that show a published file's size, as written, by their path in site/
        self.sized_pages: dict[str, str] = {}

    def start_files(self, output: Output) -> None:
        """Every published file made or set making before the pages: the workers make the
        PDFs, Word files and spreadsheets while this process renders the pages."""
        self.output = output
        for path, item in every_file(self.site):
            if isinstance(item, Job):
                output.make(path, item)
            else:
                output.write(path, item)
        # and the forms of /admin/, which name the board folder's path in the repository
        for path, content in admin.files(self.site, self.folder).items():
            output.write(path, content)
        # the pages' charts too (most of a first build's time in this process): drawn by the
        # workers while the pages are rendered, filled in once each page is written
        if output.draws_charts():
            chart_store.draw_ahead(output.chart)

    def written(self, path: str, html: str) -> None:
        """A page as the engine writes it (`path` inside site/): one that shows a published
        file's size, or a chart drawn beside the build, is kept, to be written again with them
        once they are made."""
        if carries_sizes(html) or chart_store.carries_charts(html):
            self.sized_pages[path] = html

    def finish_files(self, site_dir: Path, *, keep_unchanged: bool) -> None:
        """Once the pages are written and every file is made: the pages that show a file's
        size written again with it, and all moved into site/."""
        if self.output is None:
            return
        sizes = self.output.sizes()
        self.published_paths = list(sizes)
        for path, html in self.sized_pages.items():
            html = chart_store.fill_charts(html, self.output.chart_svg)
            self.output.write_page(path, fill(html, sizes, path))
        self.output.move_into(site_dir, keep_unchanged=keep_unchanged)
        self.end()

    def end(self) -> None:
        """Nothing of this build's files is left outside site/, and no worker runs."""
        chart_store.draw_ahead(None)
        if self.output is not None:
            self.output.discard()
        self.sized_pages.clear()

    def page(self, here: str, page_type: str, *args: str) -> str:
        """The generated page at `here`, as final HTML."""
        return render_page(self.site, here, page_type, *args, published=self.published_sizes)

    def search_entries(self, page: GeneratedPage, url: str) -> list[Entry] | None:
        """The page's search entries made from the model, or None: the search plugin indexes
        the page's HTML (its type says how, `PageType.search`)."""
        made = page.page_type.search
        return made(self.site, page, url) if made else None

    def published_sizes(self) -> Mapping[str, int]:
        """The published files' sizes (the Downloads page shows its open data's, written
        before the pages), each waited for only when asked for."""
        assert self.output is not None, "the build starts its files before its pages"
        return self.output.sizes_as_asked()
