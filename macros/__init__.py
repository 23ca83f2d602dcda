"""The only module that touches MkDocs: the build pipeline, top to bottom.

1. on_config (mkdocs-macros calls `define_env`): load and check `data/` once; a problem fails
   the build with every `file:line: message`. Register the macros narrative pages use, and
   put the generated pages into the navigation.
2. on_files: add the generated pages (each is one macro call, rendered by `plansite_page`), and
   start the worker process that renders them and makes the published files (macros/worker.py).
3. on_page_markdown (mkdocs-macros): every macro renders through macros.render; a generated
   page takes what the worker rendered.
4. on_post_build: write the open data files into site/data/.
"""

from __future__ import annotations

import calendar
import logging
import os
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.check.reading_gate import gate_message, short_page_note, target_grade
from macros.load import load_site
from macros.model.memo import forget_all
from macros.model.sections import sections_on
from macros.model.site import Site
from macros.narrative import narrative_macros
from macros.pages import GeneratedPage
from macros.pages.narrative_pages import NeedsError, left_out, page_needs, prune_nav
from macros.pages.registry import generated_pages, render_page
from macros.publish import made_elsewhere, published_files
from macros.read.problems import DataError, strict_report
from macros.render import links
from macros.render.abbreviations import expand_in_article
from macros.render.brand import BRAND_CSS, brand_css
from macros.render.data_view import rich_filter, view
from macros.render.problems import problems_page
from macros.render.text import plain, title_text
from macros.worker import Worker, second_core

DATA_ENV = "PLANSITE_DATA"
log = logging.getLogger("mkdocs.plugins.plansite")


def data_folder(config: MkDocsConfig) -> Path:
    project = Path(config.config_file_path or ".").resolve().parent
    return project / os.environ.get(DATA_ENV, "data")


def define_env(env: Any) -> None:
    config: MkDocsConfig = env.conf
    folder = data_folder(config)
    parallel = second_core() and not _serving()
    forget_all()
    try:
        site = load_site(folder)
    except DataError as error:
        if not _serving():
            raise PluginError("\n" + error.problems.report()) from None
        _show_problems(config, error.problems.report(), folder)
        return
    if site.warnings and _serving():
        # a strict rebuild would stop on them and leave the preview stuck: show them instead
        _show_problems(config, strict_report([str(w) for w in site.warnings], site.advice), folder)
        return
    for warning in site.warnings:
        log.warning(str(warning))
    for advice in site.advice:  # `make check` lists these as warnings; the build goes on
        log.info(str(advice))
    _pin_build_date(site)
    _set_identity(config, site)
    site.url = config.site_url or ""  # before the worker is forked: PDFs link to the pages
    # A preview rebuilds on every edit: WeasyPrint would take seconds each time, so the PDFs
    # are made by `make build` only (their links say so while previewing).
    site.pdfs = not _serving()
    pages = generated_pages(site)
    try:
        needs = page_needs(Path(config.docs_dir))
        left_out_pages = left_out(needs, sections_on(site), lambda ref: _publishes(site, ref))
    except NeedsError as error:
        raise PluginError(str(error)) from None
    _prune_nav(config, pages, left_out_pages)
    _extend_nav(config, pages)
    # the footer links the glossary page only when there is one (overrides/partials/footer.html)
    config.extra["glossary"] = any(p.path == links.glossary() for p in pages)
    events = _PlansiteEvents(site, pages, folder, parallel, left_out_pages)
    config.plugins["plansite"] = events

    # narrative pages print data through a view that makes every string inert text
    env.variables["board"] = view(site.board)
    env.variables["plansite"] = view(site)
    env.filter(rich_filter, "rich")

    def here() -> str:
        return str(env.page.file.src_uri)

    def plansite_page(kind: str, *args: str) -> str:
        rendered = events.worker.page(here()) if events.worker else None
        return rendered() if rendered else render_page(site, here(), kind, *args)

    env.macro(plansite_page)

    def in_site(path: str) -> bool:
        """Whether a page of docs/ is in this board's site, for a link to it: `needs:` in a
        page's front matter leaves it out when the board does not have its data."""
        return (Path(config.docs_dir) / path).is_file() and path not in left_out_pages

    env.macro(in_site)

    # Narrative pages in docs/ work on any board's data: a figure they name that is missing
    # fails the build (a page that needs an optional part is left out without it).
    for name, function in narrative_macros(site, here).items():
        env.macro(function, name)


def _show_problems(config: MkDocsConfig, report: str, folder: Path) -> None:
    """While editors preview, the browser shows the problems instead of a stale site."""
    # printed, not logged: a logged error would stop the build before the page is written
    print(report, file=sys.stderr)
    config.nav = None
    config.plugins["plansite"] = _ProblemPages(report, folder)


def _serving() -> bool:
    return len(sys.argv) > 1 and sys.argv[1] == "serve"


def _pin_build_date(site: Site) -> None:
    """Sitemap dates come from the plan's "as at" date, never the build machine's clock."""
    if "SOURCE_DATE_EPOCH" not in os.environ:
        as_at = site.current_plan.as_at_date
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(as_at.timetuple()))


def _set_identity(config: MkDocsConfig, site: Site) -> None:
    """mkdocs.yml holds nothing board-specific: name, address, colour and logo are board.yml's."""
    board = site.board
    # The theme prints these without escaping: escaped text, marked safe so that its own `| e`
    # does not escape it twice.
    name = Markup(escape(plain(board.name)))
    config.site_name = name
    config.copyright = name
    config.site_description = Markup(f"What the {name} is doing, and how it is going.")
    if board.site_url and not _serving():  # `mkdocs serve` points site_url at the preview
        config.site_url = board.site_url
    if board.colour and BRAND_CSS not in config.extra_css:
        config.extra_css.append(BRAND_CSS)
    if board.logo:
        config.theme["logo"] = _logo_path(board.logo)
    # the header's link to the young people's guide shows only when the site has the guide
    config.extra["plansite_parts"] = sorted(sections_on(site))


def _publishes(site: Site, ref: str) -> bool:
    """The board has indicator `ref` with at least one local figure."""
    return ref in site.indicator_by_ref and any(v.area == "local" for v in site.values_for(ref))


def _logo_path(logo: str) -> str:
    return f"assets/board/{Path(logo).name}"


def _prune_nav(
    config: MkDocsConfig, pages: list[GeneratedPage], left_out_pages: frozenset[str]
) -> None:
    """The menu lists only pages the site has: no section for a part whose data is absent."""
    if not config.nav:
        return
    docs = Path(config.docs_dir)
    generated = {p.path for p in pages}

    def kept(path: str) -> bool:
        if path in left_out_pages:
            return False
        return path in generated or (docs / path).is_file()

    config.nav = prune_nav(config.nav, kept)


def _extend_nav(config: MkDocsConfig, pages: list[GeneratedPage]) -> None:
    """Put generated pages under their section's index page in the `nav:` of mkdocs.yml."""
    if not config.nav:
        return
    by_section: dict[str, list[GeneratedPage]] = {}
    for page in pages:
        if page.nav_section and page.path != page.nav_section:
            by_section.setdefault(page.nav_section, []).append(page)

    def expand(items: list[Any]) -> list[Any]:
        result: list[Any] = []
        for item in items:
            if isinstance(item, dict):
                ((title, value),) = item.items()
                if isinstance(value, list):
                    result.append({title: expand(value)})
                elif value in by_section:
                    result.append({title: [value, *_grouped(by_section[value])]})
                else:
                    result.append(item)
            else:
                result.append(item)
        return result

    config.nav = expand(config.nav)


def _grouped(pages: list[GeneratedPage]) -> list[Any]:
    entries: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for page in pages:
        if page.nav_group:
            if page.nav_group not in groups:
                groups[page.nav_group] = []
                entries.append({title_text(page.nav_group): groups[page.nav_group]})
            groups[page.nav_group].append({page.nav_title: page.path})
        else:
            entries.append({page.nav_title: page.path})
    return entries


class _PlansiteEvents(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """MkDocs events the macros plugin does not pass on to its module."""

    def __init__(
        self,
        site: Site,
        pages: list[GeneratedPage],
        folder: Path,
        parallel: bool,
        left_out_pages: frozenset[str],
    ) -> None:
        super().__init__()
        self.site, self.pages, self.folder, self.parallel = site, pages, folder, parallel
        self.left_out_pages = left_out_pages
        self.worker: Worker | None = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        generated = [p for p in self.pages if files.get_file_from_path(p.path) is None]
        quick = [p for p in generated if not p.slow]
        slow = [p for p in generated if p.slow]
        if self.parallel and generated:
            self.worker = Worker(self.site, quick, slow)
            made_elsewhere(self.site, self.worker.published)

        # MkDocs reads the pages in this order, the worker renders them in the same order: quick
        # generated pages, then the narrative pages (while the worker makes the published files
        # that Downloads lists), then the pages with charts, which take the worker longest.
        def added(pages: list[GeneratedPage]) -> list[File]:
            return [File.generated(config, p.path, content=p.markdown()) for p in pages]

        # a page whose data the board does not have is not in the site at all (nor in search)
        narrative = [f for f in files if f.src_uri not in self.left_out_pages]
        return Files([*added(quick), *narrative, *self._identity_files(config), *added(slow)])

    def _identity_files(self, config: MkDocsConfig) -> list[File]:
        board = self.site.board
        made = []
        if board.colour:
            made.append(File.generated(config, BRAND_CSS, content=brand_css(board.colour)))
        if board.logo:
            logo = (self.folder / board.logo).read_bytes()
            made.append(File.generated(config, _logo_path(board.logo), content=logo))
        return made

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The reading-age gate: a young people's guide page above the target grade warns."""
        path = page.file.src_uri
        problem = gate_message(self.site, path, html, target_grade(config.extra))
        if problem:
            log.warning(problem)
        elif note := short_page_note(path, html):
            log.info(note)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Every abbreviation the board's glossary knows is explained where it appears in the
        page's content, its title (written by the theme) included."""
        return expand_in_article(output, self.site.abbreviations)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        for relative, content in published_files(self.site).items():
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        # gh-deploy replaces the whole published branch: the domain survives only as site/CNAME
        if host := urlsplit(self.site.board.site_url).hostname:
            (site_dir / "CNAME").write_text(host + "\n", encoding="utf-8")
        self._stop_worker()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_worker()

    def _stop_worker(self) -> None:
        if self.worker:
            self.worker.close()
            self.worker = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.folder))
        return server


class _ProblemPages(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """`mkdocs serve` with broken data: every address shows the list of problems to fix."""

    def __init__(self, report: str, folder: Path) -> None:
        super().__init__()
        self.report, self.folder = report, folder

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        kept = Files([f for f in files if not f.is_documentation_page()])
        content = problems_page(self.report)
        for path in ("index.md", "404.md"):
            kept.append(File.generated(config, path, content=content))
        return kept

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.folder))
        return server
