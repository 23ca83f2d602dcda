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

Each build's state lives in one `Build` (plansite/engine/build.py), made in `on_config`: under `mkdocs
serve` the plugin object lasts between rebuilds, each rebuild gets a new `Build`. Under `mkdocs
serve --dirty` (`make serve`) it also keeps what the last rebuild wrote, so a rebuild rewrites
only the pages whose content changed (plansite/engine/preview.py).
"""

from __future__ import annotations

import calendar
import logging
import os
import sys
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
from mkdocs.utils import CountHandler, clean_directory
from mkdocs.utils.templates import TemplateContext

from plansite.documents import made_files
from plansite.documents.made_files import Output
from plansite.engine import menu
from plansite.engine.build import Build
from plansite.engine.identity import identity_files, set_identity, write_cname
from plansite.engine.preview import KeptTemplates, Preview, QuietDirtyWarning, build_logger
from plansite.load import load_board_data
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.sections import sections_on
from plansite.pages import GeneratedPage
from plansite.pages.narrative_pages import NeedsError, left_out, page_needs
from plansite.pages.reading_gate import DEFAULT_GRADE, gate_message, short_page_note
from plansite.read.problems import DataError, strict_report
from plansite.render import chart_store, templates
from plansite.render.abbreviations import expand_in_article
from plansite.render.cache_files import UNUSED_DAYS, prune
from plansite.render.glossary_in_place import link_phrases_in_article
from plansite.render.headings import anchor_ids, toc_tokens
from plansite.render.problems import problems_page
from plansite.words import wording

DATA_ENV = "PLANSITE_DATA"
# under the engine's own logger (`mkdocs.plugins.plansite`, `properdocs.plugins.plansite`), so
# `--strict` counts its warnings whichever engine runs
log = logging.getLogger(f"{engine_plugins.__name__}.plansite")
# MkDocs' own file watching: it looks for changes every half second, then waits a tenth of one
# for changes to stop. Under `make serve` the plugin looks every tenth of a second and waits a
# twentieth, so an edit's rebuild starts about 0.25 s sooner (each look lists the watched folders:
# milliseconds). An editor saves a file at once; a rebuild that starts early is just redone.
POLL_SECONDS = 0.1
SETTLE_SECONDS = 0.05


class Grade(base.BaseConfigOption[float]):
    """A reading grade: a number (5 is about reading age 10)."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise base.ValidationError(f"`{value}` is not a number; write a number, e.g. 5")
        return float(value)


class PlansiteConfig(base.Config):  # type: ignore[no-untyped-call]
    data_dir = c.Type(str, default="data")
    reading_grade = Grade(default=DEFAULT_GRADE)
    cache_dir = c.Type(str, default=".cache/plansite")


class PlansitePlugin(BasePlugin[PlansiteConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.serving = False
        self.build: Build | None = None
        self.problems: str | None = None  # `mkdocs serve` with broken data: the report
        self.folder: Path | None = None
        self.pinned_date = False  # this build set SOURCE_DATE_EPOCH: unset it when it ends
        # `mkdocs serve --dirty`: a rebuild rewrites only the pages whose content changed
        self.fast = False
        self.preview = Preview()
        self.nav: Navigation | None = None
        self._quiet = QuietDirtyWarning()
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
        self.folder = folder = project / _data_dir(self.config.data_dir)
        self._end()  # nothing of a build that stopped early (a problem in its data) is kept
        self.build, self.problems = None, None
        chart_store.use_folder(self._chart_folder(project))
        try:
            wording.use_language(str(config.theme.get("language") or wording.ENGLISH))
        except ValueError as error:
            raise PluginError(str(error)) from None
        try:
            site = load_board_data(folder, wording.language())
        except DataError as error:
            if not self.serving:
                raise PluginError("\n" + error.problems.report()) from None
            return self._show_problems(config, error.problems.report())
        if site.warnings and self.serving:
            # a strict rebuild would stop on them and leave the preview stuck: show them instead
            warnings = [str(w) for w in site.warnings]
            return self._show_problems(config, strict_report(warnings, site.advice))
        for warning in site.warnings:
            log.warning(str(warning))
        for advice in site.advice:  # `make check` lists these as advice; the build goes on
            log.info(str(advice))
        self.pinned_date = _pin_build_date(site)
        set_identity(config, site, serving=self.serving)
        site.url = config.site_url or ""  # PDFs link to the pages
        # A preview rebuilds on every edit: WeasyPrint would take seconds each time, so the PDFs
        # are made by `make build` only (their links say so while previewing).
        site.pdfs = not self.serving
        try:
            needs = page_needs(Path(config.docs_dir))
            left = left_out(needs, sections_on(site), lambda ref: _publishes(site, ref))
        except NeedsError as error:
            raise PluginError(str(error)) from None
        self.build = Build(site, folder, left_out_pages=left)
        menu.prune(config, self.build.pages, left)
        menu.extend(config, self.build.pages)
        # the footer links the glossary page only when there is one (overrides/partials/footer.html)
        config.extra["glossary"] = any(p.path == links.glossary() for p in self.build.pages)
        return config

    def _show_problems(self, config: MkDocsConfig, report: str) -> MkDocsConfig:
        """While editors preview, the browser shows the problems instead of a stale site."""
        # printed, not logged: a logged error would stop the build before the page is written
        print(report, file=sys.stderr)
        config.nav = None
        self.preview.forget()  # every page changes; so does every page once the data is fixed
        self.problems = report
        return config

    def _chart_folder(self, project: Path) -> Path | None:
        """The cache folder, made if need be; when it cannot be made (a file in its place, no
        permission), the build says so once and goes on without a cache."""
        setting = os.environ.get(chart_store.CACHE_ENV, self.config.cache_dir)
        if not setting:
            return None
        folder = project / setting
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / f".plansite-{os.getpid()}"
            probe.touch()
            probe.unlink()
        except OSError as error:
            log.info(f"the cache folder {folder} cannot be used ({error.strerror}); building "
                     "without it: every chart, PDF and download is made afresh")  # fmt: skip
            return None
        return folder

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's templates look Plansite's words up as the fragments do: t("theme.key").
        Every page has been read by now: under `make serve`, which of them to write is decided."""
        env.globals["t"] = wording.t
        env.bytecode_cache = self.templates if self.serving else templates.compiled_templates()
        if self.fast and self.build is not None and self.nav is not None:
            self.preview.decide(config, files, self.nav, self.build.site.glossary_terms)
        return env

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
        site_dir = Path(config.site_dir)
        # a preview's rebuilds make their files here: no worker is forked from the server
        processes = 1 if self.serving else made_files.workers()
        self.build.start_files(Output(made_files.staging_folder(site_dir), processes))
        generated = [p for p in self.build.pages if files.get_file_from_path(p.path) is None]
        self.build.generated = {p.path: p for p in generated}

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

    def _problem_files(self, files: Files, config: MkDocsConfig) -> Files:
        """`mkdocs serve` with broken data: every address shows the list of problems to fix."""
        if self.fast:  # a dirty build keeps the last good site's pages: take them away
            clean_directory(config.site_dir)
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
        if self.fast:
            self.preview.read(page.file.src_uri)
        generated = self.build.generated.get(page.file.src_uri)
        if generated is None:
            return markdown
        self.build.final_html[generated.path] = self.build.page(
            generated.path, generated.page_type.name, *generated.args
        )
        if (entries := self.build.search_entries(generated, page.url)) is not None:
            page.meta["search"] = {"exclude": True}  # the search plugin skips its HTML
            self.build.entries[generated.path] = entries
        page.meta["render_macros"] = False  # nothing left for mkdocs-macros to render
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML and "On this page" from its headings; then the reading-age
        gate: a young people's guide page above the target grade warns."""
        if self.build is None:
            return html
        path = page.file.src_uri
        if path in self.build.final_html:
            html = self.build.final_html.pop(path)
            page.toc = get_toc(toc_tokens(html))  # type: ignore[arg-type]
            page.present_anchor_ids = anchor_ids(html)
        problem = gate_message(self.build.site, path, html, self.config.reading_grade)
        if problem:
            log.warning(problem)
        elif note := short_page_note(path, html):
            log.info(note)
        return html

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        """A page's search entries made from the model, added where the search plugin (listed
        before this one) would have added the entries it cut from the page's HTML."""
        if self.build is None:
            return
        index = _search_index(config)
        entries = self.build.entries.pop(page.file.src_uri, [])
        if index is not None:
            index.entries.extend(entries)
            if self.fast:
                self.preview.indexed(page.file.src_uri, index.entries)

    def _explain_terms(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Every abbreviation the board's glossary knows is explained where it appears in the
        page's content, its title (written by the theme) included; each glossary phrase's first
        use links to its entry."""
        if self.build is None:
            return output
        site = self.build.site
        output = link_phrases_in_article(output, site.glossary_terms, page.file.src_uri)
        return expand_in_article(output, site.abbreviations)

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
        """A fast rebuild indexed only the pages it wrote: the others' entries are the last
        rebuild's, in page order, as a full build would have them."""
        # Material keeps the last index under `--dirty` and merges the next one into it (also into
        # a later build in the same process): every index here is whole
        search = config.plugins.get("material/search")
        if search is not None and hasattr(search, "search_index_prev"):
            search.search_index_prev = None
        index = _search_index(config)
        if self.fast and self.build is not None and index is not None:
            index.entries = self.preview.search_entries()

    def _write_published(self, *, config: MkDocsConfig) -> None:
        if self.build is None:
            return
        site_dir = Path(config.site_dir)
        if _fails_strictly(config):  # MkDocs stops the build next: none of its files written
            self._end()
            return
        # a preview's rebuild leaves a file it made the same as it was
        self.build.finish_files(site_dir, keep_unchanged=self.serving)
        write_cname(self.build.site, site_dir)
        if (cache := chart_store.cache_folder()) is not None and (removed := prune(cache)):
            log.info(f"removed {len(removed)} files from the cache folder {cache} that no build "
                     f"has used for {UNUSED_DAYS} days")  # fmt: skip
        if self.fast:
            self.preview.finish(config)
        self._end()

    on_post_build = CombinedEvent(_whole_search_index, _write_published)

    def on_build_error(self, *, error: Exception) -> None:
        self.preview.forget()
        self._end()

    def _end(self) -> None:
        """The next build (under serve, or in the same process) starts from nothing of this one:
        a build that stopped leaves none of its published files (nor the folder they were
        written to) and no worker running."""
        if self.build is not None:
            self.build.end()
        if self.pinned_date:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self.pinned_date = False
        chart_store.use_folder(None)
        wording.use_language(wording.ENGLISH)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.folder is not None:
            server.watch(str(self.folder))
        if self.fast:
            _poll_often(server)
        return server


def _poll_often(server: Any) -> None:
    """MkDocs' watcher (watchdog's polling observer) looks every `POLL_SECONDS`: its watches made
    so far are not started yet, and those made later take the observer's interval. Private
    attributes of watchdog 7: without them the preview is only slower."""
    server.build_delay = SETTLE_SECONDS
    observer = getattr(server, "observer", None)
    if observer is None or not hasattr(observer, "_timeout"):
        return
    observer._timeout = POLL_SECONDS
    for emitter in getattr(observer, "emitters", ()):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = POLL_SECONDS


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
    """The search plugin's index (Material's, or MkDocs' own), whose entries the plugin adds."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
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


def _pin_build_date(site: BoardData) -> bool:
    """Sitemap dates come from the plan's "as at" date, never the build machine's clock. True
    when this build set it (a date set from outside, e.g. by CI, is left alone)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return False
    as_at = site.current_plan.as_at_date
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(as_at.timetuple()))
    return True


def _publishes(site: BoardData, ref: str) -> bool:
    """The board has indicator `ref` with at least one local figure."""
    return ref in site.indicator_by_ref and any(v.area == "local" for v in site.values_for(ref))
