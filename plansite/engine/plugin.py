"""The `plansite` MkDocs plugin: loads and checks the data, adds the generated pages to the files
and the menu, writes the published files and, under `mkdocs serve`, watches the
data folder. The narrative pages' macros are registered by mkdocs-macros (plansite/engine/macros.py),
which is listed after this plugin in mkdocs.yml and reads the build from it.

    plugins:
      - plansite:
          data_dir: !ENV [PLANSITE_DATA, data]  # PLANSITE_DATA=<folder> (make DATA=) another
          reading_grade: 5      # the young people's guide's highest reading grade
          cache_dir: .cache/plansite  # charts, PDFs, Word and Excel files, compiled templates;
                                      # PLANSITE_CACHE overrides, empty turns off
      - macros: ...

Each build's state lives in one `SiteBuild` (plansite/engine/build.py), made in `on_config`: under
`mkdocs serve` the plugin object lasts between rebuilds, each rebuild gets a new `SiteBuild`. The
plugin only translates the engine's events to its calls (and the engine's settings to its
options). Under `mkdocs
serve --dirty` (`make serve`) it also keeps what the last rebuild wrote, so a rebuild rewrites
only the pages whose content changed (plansite/engine/preview.py).
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, Template
from mkdocs import plugins as engine_plugins
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler
from mkdocs.utils.templates import TemplateContext

from plansite.engine import menu
from plansite.engine.build import Options, RenderedPage, SiteBuild, usable_cache
from plansite.engine.held_pages import HeldEntries
from plansite.engine.identity import identity_files, set_identity, write_cname
from plansite.engine.preview import KeptTemplates, Preview, QuietPreview, build_logger, poll_often
from plansite.engine.search_index import write_entries
from plansite.engine.theme import add_theme
from plansite.pages import GeneratedPage
from plansite.pages.narrative_pages import NeedsError
from plansite.pages.reading_gate import DEFAULT_GRADE, reading_grade
from plansite.read.problems import DataError, strict_report
from plansite.render import chart_store, templates
from plansite.render.cache_files import UNUSED_DAYS
from plansite.render.problems import problems_page
from plansite.words import wording

DATA_ENV = "PLANSITE_DATA"
SEARCH_INDEX = "search/search_index.json"  # where Material's search plugin writes its index
# under the engine's own logger (`mkdocs.plugins.plansite`, `properdocs.plugins.plansite`), so
# `--strict` counts its warnings whichever engine runs
log = logging.getLogger(f"{engine_plugins.__name__}.plansite")


class Grade(base.BaseConfigOption[float]):
    """A reading grade: a number (5 is about reading age 10)."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> float:
        try:
            return reading_grade(value)
        except ValueError as error:
            raise base.ValidationError(str(error)) from None


class PlansiteConfig(base.Config):  # type: ignore[no-untyped-call]
    data_dir = c.Type(str, default="data")
    reading_grade = Grade(default=DEFAULT_GRADE)
    cache_dir = c.Type(str, default=".cache/plansite")


class PlansitePlugin(BasePlugin[PlansiteConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.serving = False
        self.build: SiteBuild | None = None
        self.problems: str | None = None  # `mkdocs serve` with broken data: the report
        self.folder: Path | None = None
        self.cache: Path | None = None  # the cache folder of the build (none: not kept)
        # a generated page's HTML and headings, from `on_page_markdown` to `on_page_content`
        self.rendered: dict[str, RenderedPage] = {}
        # its search entries cut from its HTML, held compressed from `on_page_markdown` until
        # the search index is written (plansite/engine/held_pages.py)
        self.entries: dict[str, HeldEntries] = {}
        # the search index's entries, taken out before the search plugin writes it, written
        # into it after (`_search_entries_written`)
        self.search_items: list[Any] = []
        # `mkdocs serve --dirty`: a rebuild rewrites only the pages whose content changed
        self.fast = False
        self.preview = Preview()
        self.nav: Navigation | None = None
        self._quiet = QuietPreview(self.preview)
        self.templates = KeptTemplates()  # under serve: the theme's, compiled once

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.fast = self.serving and dirty
        self.preview.forget()
        if self.fast:
            build_logger().addFilter(self._quiet)

    def on_shutdown(self) -> None:
        """The plugin object outlives the command in a process that runs several (the tests)."""
        build_logger().removeFilter(self._quiet)
        self.serving = self.fast = False
        self.preview.forget()
        self.templates = KeptTemplates()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        project = Path(config.config_file_path or ".").resolve().parent
        add_theme(config)  # before anything returns: the problems page uses the theme too
        self.folder = folder = project / _data_dir(self.config.data_dir)
        self._end()  # nothing of a build that stopped early (a problem in its data) is kept
        self.build, self.problems = None, None
        self.cache = self._cache_folder(project)
        try:
            self.build = SiteBuild(folder, self._options(config))
        except (ValueError, NeedsError) as error:
            raise PluginError(str(error)) from None
        except DataError as error:
            if not self.serving:
                raise PluginError("\n" + error.problems.report()) from None
            return self._show_problems(config, error.problems.report())
        site = self.build.site
        if site.warnings and self.serving:
            # a strict rebuild would stop on them and leave the preview stuck: show them instead
            warnings = [str(w) for w in site.warnings]
            self.build = None
            return self._show_problems(config, strict_report(warnings, site.advice))
        for warning in site.warnings:
            log.warning(str(warning))
        for advice in site.advice:  # `make check` lists these as advice; the build goes on
            log.info(str(advice))
        set_identity(config, site, serving=self.serving)
        menu.prune(config, self.build.pages, self.build.left_out_pages)
        menu.extend(config, self.build.pages)
        # the footer links the glossary page only when there is one (plansite/theme/partials/footer.html)
        config.extra["glossary"] = self.build.has_glossary
        return config

    def _options(self, config: MkDocsConfig) -> Options:
        # a date set from outside (SOURCE_DATE_EPOCH, e.g. by CI) dates the build
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        words = os.environ.get(wording.WORDS_ENV)  # a translator's draft
        return Options(
            language=str(config.theme.get("language") or wording.ENGLISH),
            words=Path(words) if words else None,
            cache=self.cache,
            site_url=config.site_url or "",
            date=datetime.fromtimestamp(int(epoch), UTC) if epoch else None,
            docs=Path(config.docs_dir),
            reading_grade=self.config.reading_grade,
            preview=self.serving,
        )

    def _show_problems(self, config: MkDocsConfig, report: str) -> MkDocsConfig:
        """While editors preview, the browser shows the problems instead of a stale site."""
        # printed, not logged: a logged error would stop the build before the page is written
        print(report, file=sys.stderr)
        config.nav = None
        self.preview.forget()  # every page changes; so does every page once the data is fixed
        self.problems = report
        return config

    def _cache_folder(self, project: Path) -> Path | None:
        """The cache folder (PLANSITE_CACHE, else `cache_dir`); when it cannot be made, the
        build says so once and goes on without a cache."""
        folder, problem = usable_cache(
            project, os.environ.get(chart_store.CACHE_ENV, self.config.cache_dir)
        )
        if problem:
            log.info(problem)
        return folder

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's templates look Plansite's words up as the fragments do: t("theme.key").
        Every page has been read by now: under `make serve`, which of them to write is decided."""
        env.globals["t"] = self.build.t if self.build is not None else wording.t
        env.bytecode_cache = (
            self.templates if self.serving else templates.compiled_templates(self.cache)
        )
        if self.fast and self.build is not None and self.nav is not None:
            # the build's date is the sitemap's: part of every page's frame
            everywhere = (self.build.site.glossary_terms, self.build.date)
            self.preview.decide(env, config, files, self.nav, everywhere)
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.fast:
            self.preview.begin(config.site_dir)

    def on_pre_template(
        self, template: Template, *, template_name: str, config: MkDocsConfig
    ) -> Template | None:
        """The 404 page is all frame: a fast rebuild leaves it as written (an empty output is
        not written)."""
        if self.fast and template_name == "404.html" and self.preview.whole_frame_same():
            return template.environment.from_string("")
        return template

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.build is None:
            return self._problem_files(files, config)
        # the published files first: the workers make PDFs while this process renders pages
        self.build.start_files(Path(config.site_dir))
        generated = self.build.pages_to_add(lambda path: files.get_file_from_path(path) is not None)

        def added(pages: list[GeneratedPage]) -> list[File]:
            return [File.generated(config, p.path, content=p.markdown()) for p in pages]

        # a page whose data the board does not have is not in the site at all (nor in search)
        narrative = [f for f in files if f.src_uri not in self.build.left_out_pages]
        identity = identity_files(config, self.build.site, self.build.folder)
        result = Files([*added(generated), *narrative, *identity])
        if self.fast:
            self.preview.start(result)
        return result

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        self.nav = nav  # its titles are known once every page was read (`on_env`)
        if self.build is None:
            return
        # the sitemap's dates are the build's (the plan's "as at" date), never the clock's
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = self.build.date.strftime("%Y-%m-%d")

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if self.build is not None:
            context["build_date_utc"] = self.build.date
        return context

    def _problem_files(self, files: Files, config: MkDocsConfig) -> Files:
        """`mkdocs serve` with broken data: every address shows the list of problems to fix (under
        `--dirty`, in a folder the preview emptied: no page of the last good site is left)."""
        kept = Files([f for f in files if not f.is_documentation_page()])
        content = problems_page(self.problems or "")
        for path in ("index.md", "404.md"):
            kept.append(File.generated(config, path, content=content))
        return kept

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A generated page is final HTML from our renderers: Python-Markdown gets nothing to
        parse (it took most of a build re-reading every tag), the HTML is put back in
        `on_page_content`. Runs before mkdocs-macros (listed after this plugin), so its macro
        call is never rendered. Narrative pages of docs/ stay Markdown with macros."""
        if self.build is None:
            return markdown
        # its entries are cut from its HTML where Material's search plugin takes them
        indexed = _search_index(config) is not None
        rendered = self.build.render(page.file.src_uri, page.url, entries=indexed)
        if rendered is None:
            return markdown
        self.rendered[page.file.src_uri] = rendered
        if rendered.entries is not None:
            page.meta["search"] = {"exclude": True}  # the search plugin skips its HTML
            self.entries[page.file.src_uri] = HeldEntries(rendered.entries)
        page.meta["render_macros"] = False  # nothing left for mkdocs-macros to render
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML and "On this page" from its headings; then the reading-age
        gate: a young people's guide page above the target grade warns."""
        if self.build is None:
            return html
        path = page.file.src_uri
        generated = (rendered := self.rendered.pop(path, None)) is not None
        if rendered is not None:
            html = rendered.html
            page.toc = get_toc(rendered.headings)
            page.present_anchor_ids = rendered.anchors
        problem, note = self.build.reading_check(path, html)
        if problem:
            log.warning(problem)
        elif note:
            log.info(note)
        if generated and not self.serving:  # a preview compares every page's content
            return self.build.held.hold(page, html)
        return html

    @event_priority(100)  # before the search plugin, or anything else, reads the page's HTML
    def _held_content_back(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        if self.build is not None:
            self.build.held.put_back(page)

    def _search_entries(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        """A generated page's search entries, cut from its HTML, added where the search plugin
        (listed before this one) would have added its own."""
        if self.build is None:
            return
        context["build_date_utc"] = self.build.date
        index = _search_index(config)
        held = self.entries.pop(page.file.src_uri, None)
        if index is not None and held is not None:
            index.entries.append(held)  # put back, in this place, before the index is written

    on_page_context = CombinedEvent(_held_content_back, _search_entries)

    def _explain_terms(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Every abbreviation the board's glossary knows is explained where it appears in the
        page's content, its title (written by the theme) included; each glossary phrase's first
        use links to its entry."""
        if self.build is None:
            return output
        if page.file.src_uri in self.build.generated and not self.serving:
            self.build.held.let_go(page)  # written next: its content is not read again
        return self.build.finish_page(page.file.src_uri, output)

    @event_priority(-100)  # after every plugin's: the page as the engine writes it
    def _keep_sized_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """A page that shows a published file's size is written again with it, once the file
        is made (`on_post_build`): rendering it never waits for the file."""
        if self.build is not None:
            self.build.written(page.file.dest_uri, output)
        return output

    on_post_page = CombinedEvent(_explain_terms, _keep_sized_page)

    @event_priority(50)  # before the search plugin writes its index
    def _whole_search_index(self, *, config: MkDocsConfig) -> None:
        """Material keeps the last index under `--dirty` and merges the next one into it (also
        into a later build in the same process): every index here is whole, the preview's too
        (every page goes through `on_page_context`, plansite/engine/preview.py). The search
        plugin writes it with no entries: they are written into it next, a page's at a time
        (`_search_entries_written`, plansite/engine/search_index.py)."""
        search = config.plugins.get("material/search")
        if search is not None and hasattr(search, "search_index_prev"):
            search.search_index_prev = None
        if self.build is not None:
            self.build.pages_written()  # its data let go before the index is written
        index = _search_index(config)
        if index is not None:
            self.search_items = list(index.entries)
            index.entries.clear()

    @event_priority(-10)  # after the search plugin wrote its index, before the files are moved
    def _search_entries_written(self, *, config: MkDocsConfig) -> None:
        items, self.search_items = self.search_items, []
        index = Path(config.site_dir) / SEARCH_INDEX
        if items and index.is_file():
            # the published files' sizes, now they are made, in the pages' entries that show them
            fill = self.build.search_sizes if self.build is not None else None
            write_entries(index, items, fill)

    @event_priority(-20)
    def _write_published(self, *, config: MkDocsConfig) -> None:
        if self.build is None:
            return
        site_dir = Path(config.site_dir)
        if _fails_strictly(config):  # MkDocs stops the build next: none of its files written
            self._end()
            return
        removed = self.build.finish_files(site_dir)
        write_cname(self.build.board, site_dir)
        if removed:
            log.info(f"removed {len(removed)} files from the cache folder {self.cache} that no "
                     f"build has used for {UNUSED_DAYS} days")  # fmt: skip
        if self.fast:
            self.preview.finish(config, self.build.published_paths)
        self._end()

    on_post_build = CombinedEvent(_whole_search_index, _search_entries_written, _write_published)

    def on_build_error(self, *, error: Exception) -> None:
        self.preview.forget()
        self._end()

    def _end(self) -> None:
        """The next build (under serve, or in the same process) starts from nothing of this one:
        a build that stopped leaves none of its published files (nor the folder they were
        written to) and no worker running."""
        if self.build is not None:
            self.build.end()
        self.rendered, self.entries, self.search_items = {}, {}, []

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.folder is not None:
            server.watch(str(self.folder))
        if self.fast:
            poll_often(server)
        return server


def _fails_strictly(config: MkDocsConfig) -> bool:
    """A strict build that logged a warning: MkDocs stops it once `on_post_build` has run (it
    counts the warnings with a handler on its logger, mkdocs/commands/build.py; under ProperDocs
    that logger is `properdocs`)."""
    if not config.strict:
        return False
    engine_logger = logging.getLogger(engine_plugins.__name__.split(".")[0])
    counters = [h for h in engine_logger.handlers if isinstance(h, CountHandler)]
    return any(h.get_counts() for h in counters)


def _search_index(config: MkDocsConfig) -> Any:
    """Material's search index, to which the plugin adds the generated pages' entries. MkDocs'
    own search plugin (`- /search` in mkdocs.yml) can neither take entries nor skip a page: it
    cuts every page, generated pages included, from the page's HTML itself."""
    search = config.plugins.get("material/search")
    index = getattr(search, "search_index", None)
    return index if index is not None and hasattr(index, "entries") else None


def _data_dir(configured: str) -> str:
    """The board's folder, named once in mkdocs.yml: `data_dir: !ENV [PLANSITE_DATA, <folder>]`
    reads PLANSITE_DATA when it is set. An mkdocs.yml whose `data_dir` does not read it would
    build another board's folder than the one PLANSITE_DATA (or make DATA=) names: an error."""
    named = os.environ.get(DATA_ENV)
    if named and Path(named) != Path(configured):
        raise PluginError(
            f"{DATA_ENV} (or make DATA=) names the folder `{named}`, but mkdocs.yml's "
            f"`data_dir: {configured}` does not read it; under `plugins: - plansite:` write "
            f"`data_dir: !ENV [{DATA_ENV}, {configured}]`"
        )
    return configured
