"""One build: `SiteBuild` owns everything a build of one board works with (the loaded data, its
words, its cache folder, the fragments' Jinja environment, its published files) and returns
what the site engine writes: the pages (HTML, headings, search entries), the published files
and the menu additions. The engine's adapter (plansite/engine/plugin.py) only translates the
engine's events to its calls.

The settings read deep inside the renderers (the words, the cache folder, the environment, the
published files) are context variables, set only inside the build's own `contextvars.Context`:
every public call runs through it (`_inside`), so two builds in one process, interleaved, each
keep their own (tests/test_interleaved_builds.py). Why context variables and not arguments:
docs/maintainers/engines.md.

A new `SiteBuild` is made for every build (every rebuild under `mkdocs serve`), so nothing one
build worked out can reach the next: a result remembered for the loaded data lives on that data,
which the build owns and then lets go.
"""

from __future__ import annotations

import calendar
import contextvars
import dataclasses
import functools
import json
import os
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

from jinja2 import Environment
from markupsafe import Markup

from plansite.documents import made_files
from plansite.documents.inputs import Inputs, files_key, inputs_of
from plansite.documents.kept_files import keep_under_inputs
from plansite.documents.made_files import Output
from plansite.documents.sizes import as_words, carries_sizes, fill, fill_words
from plansite.engine import held_pages, kept_model, kept_pages
from plansite.engine.held_pages import HeldPages
from plansite.load import load_board_data
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.sections import sections_on
from plansite.pages import GeneratedPage
from plansite.pages.narrative_pages import left_out, page_needs
from plansite.pages.reading_gate import DEFAULT_GRADE, gate_message, short_page_note
from plansite.pages.registry import generated_pages, render_page
from plansite.publish import admin, every_file
from plansite.render import chart_store, templates
from plansite.render.abbreviations import expand_in_article
from plansite.render.cache_files import prune
from plansite.render.chart_store import Labels
from plansite.render.glossary_in_place import link_phrases_in_article
from plansite.render.headings import anchor_ids, toc_tokens
from plansite.search.entries import Entry
from plansite.words import wording

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])
# the mark of the SiteBuild whose context is entered: a call from inside it runs there directly
# (a context cannot be entered twice). A mark, not the build: the context holds no reference back
# to its build, so a finished build is freed at once.
_running: contextvars.ContextVar[object] = contextvars.ContextVar("plansite_site_build")


@dataclass(frozen=True)
class Options:
    """How a board is built. `preview`: `mkdocs serve` (no PDF: WeasyPrint would take seconds
    at every edit; files made in this process; a file that did not change left as it was)."""

    language: str = wording.ENGLISH
    words: Path | None = None  # a words file instead of the language's (PLANSITE_WORDS)
    cache: Path | None = None  # charts, PDFs, Word and Excel files, compiled templates
    site_url: str = ""  # the site's address, when board.yml gives none (or while previewing)
    # the build's date (the sitemap's): None, the current plan's "as at" date
    date: datetime | None = None
    docs: Path | None = None  # the narrative pages (docs/), whose `needs:` may leave them out
    reading_grade: float = DEFAULT_GRADE
    preview: bool = False
    workers: int | None = None  # processes making the files; None, made_files.workers()


@dataclass(frozen=True)
class RenderedPage:
    """A generated page as the engine writes it."""

    html: str
    headings: list[Any]  # the table of contents' tokens (plansite/render/headings.py)
    anchors: set[str]
    entries: list[Entry] | None  # None: the search plugin indexes the page's HTML


def _inside(method: F) -> F:
    """The method runs inside the build's own context."""

    @functools.wraps(method)
    def run(self: SiteBuild, *args: Any, **kwargs: Any) -> Any:
        if _running.get(None) is self.mark:
            return method(self, *args, **kwargs)
        return self.context.run(method, self, *args, **kwargs)

    return cast(F, run)


class SiteBuild:
    """The build of the board in `folder`. Raises what stops a build before it starts:
    ValueError (no words for the language), DataError (the data's problems), NeedsError (a
    narrative page's `needs:`)."""

    def __init__(self, folder: Path, options: Options | None = None) -> None:
        self.folder = folder  # the data folder, watched under `mkdocs serve`
        self.options = options = options or Options()
        self.cache = options.cache
        self.words = wording.Words.of(options.language, file=options.words)
        self.environment = templates.new_environment(options.cache)
        self.mark = object()
        self.context = contextvars.copy_context()
        self.context.run(_settle, self.mark, self.words, self.cache, self.environment)
        # what the published documents are made from, taken before the data is read (an edit
        # meanwhile is seen at the end: `finish_files`); only with a cache to keep them in
        self.inputs = self._inputs() if self.cache is not None else None
        # (its kind, key, what it is kept as): the loaded data and each page rendered, kept under
        # the build's inputs once the build ends with its inputs unchanged (`finish_files`)
        self.kept: list[tuple[str, str, str]] = []
        self._site: BoardData | None = self._kept_or_loaded()
        self.board = self.site.board  # what the build still needs once it let go of its data
        self.date = options.date or _as_at(self.site)
        # pages of docs/ whose data the board does not have (`needs:` in their front matter)
        self.left_out_pages = self._left_out()
        self.pages: list[GeneratedPage] = self._generated_pages()
        self.has_glossary = any(p.path == links.glossary() for p in self.pages)
        # the pages this build generates (a page of docs/ at the same path replaces one), by path
        self.generated: dict[str, GeneratedPage] = {}
        self.output: Output | None = None  # the published files, written as they are made
        # generated pages' HTML, compressed from `on_page_content` until each is written
        self.held = HeldPages()
        self.published_paths: list[str] = []  # inside site/, once the build wrote them
        # the pages that show a published file's size, as written, by their path in site/:
        # compressed, as the held pages are (a long plan's priority pages show their PDFs'
        # sizes, about 60 MB of HTML at 12,000 actions)
        self.sized_pages: dict[str, bytes] = {}
        # the charts the page being rendered asked for, kept with its rendering (a kept page
        # asks for them again: they are drawn beside the build and filled in once written)
        self.charts_asked: list[tuple[str, str, tuple[Any, ...], Labels]] = []

    @property
    def site(self) -> BoardData:
        """The board's loaded data, until the pages are written (`pages_written`)."""
        if self._site is None:
            raise RuntimeError("the build let go of its data once its pages were written")
        return self._site

    def pages_written(self) -> None:
        """Every page is written: the build lets go of its data (most of what it holds at
        12,000 actions, about 95 MB) before the engine writes the search index, which holds
        every page's words at once (issue 26). Nothing else holds it: the narrative pages'
        macros look it up through the build."""
        self._site = None

    def _inputs(self) -> Inputs | None:
        # every option that could change a document (not where the cache is, nor how many
        # workers make the files: the same bytes either way)
        settings = dataclasses.replace(self.options, cache=None, workers=None)
        fragments = [Path(folder) for folder in getattr(self.environment.loader, "searchpath", [])]
        return inputs_of(self.folder, self.words.path, fragments, repr(settings))

    def _kept_or_loaded(self) -> BoardData:
        """The data as a build with the same inputs loaded it (plansite/engine/kept_model.py),
        or loaded now, and kept."""
        if self.inputs is None or self.cache is None:
            return self._load()
        key = kept_model.model_key(self.inputs.key, repr(self._loading))
        site = kept_model.kept_model(self.cache, key)
        if site is None:
            site = self._load()
            self.kept.append((kept_model.MODEL, key, kept_model.keep_model(self.cache, site)))
        return site

    @property
    def _loading(self) -> dict[str, Any]:
        """How the data is loaded, besides its folder and language."""
        preview = self.options.preview
        # the preview's address is the server's; it makes no PDF
        return {"url": self.options.site_url, "own_url": not preview, "pdfs": not preview}

    @_inside
    def _load(self) -> BoardData:
        return load_board_data(self.folder, self.words.language, **self._loading)

    @_inside
    def _left_out(self) -> frozenset[str]:
        if self.options.docs is None:
            return frozenset()
        site = self.site
        return left_out(
            page_needs(self.options.docs), sections_on(site), lambda ref: _publishes(site, ref)
        )

    @_inside
    def _generated_pages(self) -> list[GeneratedPage]:
        return generated_pages(self.site)

    # --- the engine's steps, in order ---------------------------------------------------------

    @_inside
    def start_files(self, site_dir: Path) -> None:
        """Every published file made or set making before the pages (the plan pages show their
        PDFs' sizes, the Downloads page every file's): the workers make the PDFs, Word files
        and spreadsheets while this process renders the pages. They are written beside
        `site_dir` until `finish_files` moves them in."""
        # a preview's rebuilds make their files here: no worker is forked from the server
        processes = 1 if self.options.preview else (self.options.workers or made_files.workers())
        staging = made_files.staging_folder(site_dir)
        inputs = self.inputs.key if self.inputs is not None else None
        self.output = output = Output(staging, processes, inputs)
        for path, item in every_file(self.site):
            if isinstance(item, bytes):
                output.write(path, item)
            else:
                output.make(path, item)
        # and the forms of /admin/, which name the board folder's path in the repository
        for path, content in admin.files(self.site, self.folder).items():
            output.write(path, content)
        # the pages' charts too (most of a first build's time in this process): drawn by the
        # workers while the pages are rendered, filled in once each page is written
        if output.draws_charts():
            chart_store.draw_ahead(self._chart)

    def _chart(self, key: str, chart_name: str, drawn_from: tuple[Any, ...], labels: Labels) -> str:
        assert self.output is not None
        self.charts_asked.append((key, chart_name, drawn_from, labels))
        return self.output.chart(key, chart_name, drawn_from, labels)

    def pages_to_add(self, written: Callable[[str], bool]) -> list[GeneratedPage]:
        """The generated pages the engine adds: those no page of docs/ replaces (`written`:
        whether docs/ has a page at that path)."""
        added = [p for p in self.pages if not written(p.path)]
        self.generated = {p.path: p for p in added}
        return added

    @_inside
    def written(self, path: str, html: str) -> None:
        """A page as the engine writes it (`path` inside site/): one that shows a published
        file's size, or a chart drawn beside the build, is kept, to be written again with them
        once they are made."""
        if carries_sizes(html) or chart_store.carries_charts(html):
            self.sized_pages[path] = zlib.compress(html.encode("utf-8"), held_pages.LEVEL)

    @_inside
    def page(self, here: str, page_type: str, *args: str) -> str:
        """The generated page at `here`, as final HTML (a narrative page's macro asks too)."""
        return render_page(self.site, here, page_type, *args, published=self.published_sizes)

    @_inside
    def render(self, path: str, url: str, *, entries: bool = True) -> RenderedPage | None:
        """The generated page at `path` (served at `url`), or None: a page of docs/. Its search
        entries are cut from its HTML (plansite/search/entries.py) when `entries`: with no
        search index to take them, the engine's search reads the page's HTML itself."""
        generated = self.generated.get(path)
        if generated is None:
            return None
        key = self._page_key(generated, url, entries)
        if key is not None and self.cache is not None:
            kept = kept_pages.kept_page(self.cache, key)
            if kept is not None:
                html, (headings, anchors, cut, charts) = kept
                for chart in charts:  # drawn, or read, beside the build as when rendered
                    self._chart(*chart)
                return RenderedPage(html, headings, anchors, cut)
        self.charts_asked.clear()
        html = self.page(generated.path, generated.page_type.name, *generated.args)
        cut = self._search_entries(generated, html, url) if entries else None
        page = RenderedPage(html, toc_tokens(html), anchor_ids(html), cut)
        if key is not None and self.cache is not None:
            rest = (page.headings, page.anchors, cut, tuple(self.charts_asked))
            kept_as = kept_pages.keep_page(self.cache, html, rest)
            self.kept.append((kept_pages.PAGE, key, kept_as))
        self.charts_asked.clear()
        return page

    def _page_key(self, generated: GeneratedPage, url: str, entries: bool) -> str | None:
        """The key a page's rendering is kept under: the build's inputs, the page, its address,
        whether its charts are placeholders (drawn beside the build) and its entries cut."""
        if self.inputs is None or self.output is None:
            return None
        how = f"charts ahead={self.output.draws_charts()} entries={entries}"
        page_type, args = generated.page_type.name, repr(generated.args)
        return kept_pages.page_key(self.inputs.key, generated.path, page_type, args, url, how)

    def _search_entries(self, generated: GeneratedPage, html: str, url: str) -> list[Entry]:
        words = as_words(html)
        if self.cache is None:
            return generated.search_entries(words, url)
        about = (url, generated.title, generated.page_type.search_at)
        return kept_pages.entries(
            self.cache, words, about, lambda: generated.search_entries(words, url)
        )

    @_inside
    def search_sizes(self, entries: list[Entry]) -> None:
        """The published files' sizes in the search entries cut from the pages that show them
        (once every file is made: the search index is written after the pages)."""
        if self.output is None:
            return
        marked = [entry for entry in entries if "\ue000" in entry["text"]]
        if marked:
            sizes = self.output.sizes()
            for entry in marked:
                entry["text"] = fill_words(entry["text"], sizes)

    @_inside
    def reading_check(self, path: str, html: str) -> tuple[str | None, str | None]:
        """A page's warning (a young people's guide page above the target grade) and note."""
        problem = gate_message(self.site, path, html, self.options.reading_grade)
        return problem, None if problem else short_page_note(path, html)

    @_inside
    def finish_page(self, path: str, output: str) -> str:
        """Every abbreviation the board's glossary knows is explained where it appears in the
        page's content, its title (written by the theme) included; each glossary phrase's first
        use links to its entry."""
        site = self.site

        def finish() -> str:
            linked = link_phrases_in_article(output, site.glossary_terms, path)
            return expand_in_article(linked, site.abbreviations)

        if self.cache is None:
            return finish()
        return kept_pages.finished(self.cache, output, (path, *self._finishing), finish)

    @functools.cached_property
    def _finishing(self) -> tuple[str, str]:
        """What a page's final HTML depends on besides its own: the glossary (its abbreviations
        are among its terms) and the fragments that write the links and <abbr> tags."""
        terms = json.dumps(list(self.site.glossary_terms.items()))
        searchpath = getattr(self.environment.loader, "searchpath", [])
        return terms, files_key(Path(folder) for folder in searchpath)

    @_inside
    def t(self, key: str, count: int | None = None, **values: Any) -> Markup:
        """The interface's words for the engine's own templates (`t("theme.key")`)."""
        return wording.t(key, count, **values)

    def macro(self, function: Callable[P, R]) -> Callable[P, R]:
        """A narrative page's macro, run inside the build (mkdocs-macros calls it)."""

        @functools.wraps(function)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            if _running.get(None) is self.mark:
                return function(*args, **kwargs)
            return self.context.run(function, *args, **kwargs)

        return run

    @_inside
    def finish_files(self, site_dir: Path) -> list[Path]:
        """The published files moved into site/ once the pages are written (a preview leaves a
        file that did not change as it was); the cache's files no build used for a while
        removed, and returned."""
        if self.output is None:
            return []
        sizes = self.output.sizes()
        self.published_paths = list(sizes)
        # a document rendered from a file edited during the build is not kept under the key
        # of the file as it was when the build began
        if self.inputs is not None:
            # asked once, for the documents and the pages alike (every input file looked at)
            unchanged = functools.cache(self.inputs.unchanged)
            self.output.remember_inputs(unchanged)
            if self.kept and self.cache is not None and unchanged():
                for kind, key, kept_as in self.kept:
                    keep_under_inputs(self.cache, kind, key, kept_as)
            self.kept.clear()
        # the pages that show a file's size or a chart drawn beside the build, written again
        for path, held in self.sized_pages.items():
            html = chart_store.fill_charts(
                zlib.decompress(held).decode("utf-8"), self.output.chart_svg
            )
            self.output.write_page(path, fill(html, sizes, path))
        self.output.move_into(site_dir, keep_unchanged=self.options.preview)
        self.end()
        return prune(self.cache) if self.cache is not None else []

    @_inside
    def end(self) -> None:
        """Nothing of this build's files is left outside site/, and no worker runs (a build
        that stopped, or one that finished)."""
        chart_store.draw_ahead(None)
        if self.output is not None:
            self.output.discard()
        self.sized_pages.clear()

    @_inside
    def published_sizes(self) -> Mapping[str, int]:
        """The published files' sizes (the Downloads page shows its open data's, written
        before the pages), each waited for only when asked for."""
        assert self.output is not None, "the build starts its files before its pages"
        return self.output.sizes_as_asked()


def _settle(mark: object, words: wording.Words, cache: Path | None, env: Environment) -> None:
    """A new build's settings, in its own context."""
    _running.set(mark)
    wording.speaking(words)
    chart_store.use_folder(cache)
    templates.use_environment(env)


def usable_cache(project: Path, setting: str) -> tuple[Path | None, str | None]:
    """The cache folder `setting` names (relative to the project), made if need be; when it
    cannot be made (a file in its place, no permission), None and why, once."""
    if not setting:
        return None, None
    folder = project / setting
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".plansite-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError as error:
        return None, (
            f"the cache folder {folder} cannot be used ({error.strerror}); building without it: "
            "every chart, PDF and download is made afresh"
        )
    return folder, None


def _as_at(site: BoardData) -> datetime:
    """Sitemap dates come from the plan's "as at" date, never the build machine's clock."""
    as_at = site.current_plan.as_at_date
    return datetime.fromtimestamp(calendar.timegm(as_at.timetuple()), UTC)


def _publishes(site: BoardData, ref: str) -> bool:
    """The board has indicator `ref` with at least one local figure."""
    return ref in site.indicator_by_ref and any(v.area == "local" for v in site.values_for(ref))
