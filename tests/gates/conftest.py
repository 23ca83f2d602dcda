"""What the quality gates share: the site under test, served on 127.0.0.1, visited once in Chromium.

The gates check the example board's site (the `example_site` fixture) so every page type is
checked as it lands. PLANSITE_GATES_DATA=<folder> checks another board's data instead, and
PLANSITE_GATES_SITE=<folder> an already built site.
Every page is visited once (`browser_run`), at 1280 px and then on the same tab at 320 px: the
accessibility gate reads the axe results of that visit, the privacy gate the requests and
cookies it recorded, the small-screen and phone gates what it measured at 320 px.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import (
    BROWSER_TIMEOUT_MS,
    ROOT,
    WORKER,
    made_once,
    made_once_unless_busy,
    page,
    run_build,
)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def gated_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site every gate checks."""
    built = os.environ.get("PLANSITE_GATES_SITE")
    if built:  # an already built site, e.g. site/ before it is published
        return Path(built).resolve()
    other = os.environ.get("PLANSITE_GATES_DATA")
    if not other:
        site: Path = request.getfixturevalue("example_site")
        return site
    out = tmp_path_factory.mktemp("gated") / "site"
    result = run_build(ROOT / other, out)
    assert result.returncode == 0, result.stderr
    return out


# Not a page for readers: the /admin/ forms are Decap CMS's own interface (a React app the site
# does not write), unlinked and `noindex`, whose script looks for the local git proxy on
# localhost. tests/test_admin_forms.py checks its page is valid HTML and, while the forms are
# used, that it asks nothing of another host.
NOT_FOR_READERS = "admin"


def html_pages(site: Path) -> list[Path]:
    """Every page a reader can reach: each folder's index.html, and the 404 page."""
    pages = [
        p
        for p in sorted(site.rglob("index.html"))
        if p.relative_to(site).parts[0] != NOT_FOR_READERS
    ]
    if (site / "404.html").exists():
        pages.append(site / "404.html")
    return pages


def page_url(site: Path, file: Path) -> str:
    """The address a page is served at, relative to the site root: "", "plans/", "404.html"."""
    relative = file.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


@functools.cache
def parsed_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every page a reader can reach (`html_pages`), by its address (`page_url`), parsed once in
    this test process for the tests that read a whole site: six modules do, and a parse of the
    example's pages is about 1.5 CPU-s. The same soups go to each: read them, never change them."""
    return {page_url(site, file): page(site, page_url(site, file)) for file in html_pages(site)}


def target_file(site: Path, page_file: Path, href: str) -> Path | None:
    """The built file an internal link leads to, or None when nothing is there.

    Relative links resolve from the page's address; a link starting with "/" from the site root
    (the 404 page uses those, as it is served at any address).
    """
    here = "/" + page_url(site, page_file)
    path = unquote(urlsplit(urljoin(here, href)).path)
    target = site / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Not a connection the browser closed mid-answer (a test's tab or context closing):
        http.server prints those as errors."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`folder` on http://127.0.0.1:<free port>/ while the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(gated_site: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<free port>/, for as long as the session lasts."""
    with serving(gated_site) as address:
        yield address


class InFlight:
    """The requests a page (or a whole browser context) has started and not yet finished, so a
    visit can go on as soon as the page has loaded and nothing is still coming: Playwright's
    `networkidle` waits for 500 ms of quiet after the last request, on every page."""

    def __init__(self, target: Any) -> None:
        self.pending: set[Any] = set()
        target.on("request", self.started)
        target.on("requestfinished", self.ended)
        target.on("requestfailed", self.ended)

    def started(self, request: Any) -> None:
        self.pending.add(request)

    def ended(self, request: Any) -> None:
        self.pending.discard(request)

    def wait(self, page: Any) -> None:
        """Return once no request is in flight (Playwright delivers the events while it waits)."""
        deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
        while self.pending:
            if time.monotonic() > deadline:
                still = ", ".join(sorted(r.url for r in self.pending))
                raise AssertionError(f"{page.url}: still loading after the time limit: {still}")
            page.wait_for_timeout(10)


def load(page: Any, url: str, in_flight: InFlight) -> None:
    """Go to `url` and return when it has loaded and no request is in flight."""
    page.goto(url, wait_until="load")
    in_flight.wait(page)


@dataclass
class Visit:
    """What one page did in the browser: first at 1280 px, then on the same tab at 320 px."""

    url: str
    requests: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    # what went wrong while it loaded: console errors, script errors, answers of 400 and over,
    # failed requests to the site (tests/gates/test_phone_pages.py)
    problems: list[str] = field(default_factory=list)
    # at 320 px (tests/gates/test_small_screens.py, test_phone_pages.py)
    narrow_width: int = 0  # the page's scroll width
    first_focus: dict[str, Any] = field(default_factory=dict)  # what the first Tab reached
    focus_after_enter: str = ""  # the id Enter on the skip link moved the focus to
    chart_text: list[list[list[Any]]] = field(default_factory=list)  # [text, px, px high]
    tables: list[dict[str, Any]] = field(default_factory=list)  # FIRST_ROW, stacked tables
    every_table: list[dict[str, Any]] = field(default_factory=list)  # ALL_TABLES
    scroll_x: int = 0  # after the first rows were scrolled into view


@dataclass
class BrowserRun:
    visits: list[Visit]
    cookies: list[dict[str, Any]]
    search_requests: list[str]

    def at(self, url: str) -> Visit:
        """The visit of the page at `url`, relative to the site root ("", "plans/")."""
        found = [v for v in self.visits if urlsplit(v.url).path == "/" + url]
        assert len(found) == 1, f"{url}: {len(found)} visits"
        return found[0]


# The visit in parts, each made once per run by whichever worker comes first: a worker waiting
# for the visit makes the parts no one is making yet, so two workers share it. gw0 takes the
# parts from the first, the others from the last, so they meet in the middle; a part another
# worker is making is passed over until every free part is made, and waited for only then. A
# worker so waits for at most one part, not the whole visit. Each part is a fresh context in the
# worker's one browser (tests/browser.py), so more parts cost no browser starts.
VISIT_PARTS = 8


def parts_in_order(worker: str) -> list[int]:
    parts = list(range(VISIT_PARTS))
    return parts if int(worker.removeprefix("gw") or 0) % 2 == 0 else parts[::-1]


@pytest.fixture(scope="session")
def browser_run(
    gated_site: Path, served_site: str, chromium: Any, tmp_path_factory: pytest.TempPathFactory
) -> BrowserRun:
    """Visit every page in Chromium; record requests, cookies, axe results and the 320 px
    checks. Once per test run: the gates run on two xdist workers, and all read the one visit
    (kept as JSON, see `made_once`), made in `VISIT_PARTS` parts of the pages, each in a fresh
    browser context of its own (the search is used in the first)."""
    pages = html_pages(gated_site)

    def visit(folder: Path, part: int) -> None:
        run = visit_pages(chromium, gated_site, pages[part::VISIT_PARTS], served_site, part == 0)
        (folder / "run.json").write_text(json.dumps(asdict(run)), encoding="utf-8")

    made: dict[int, Path] = {}
    for part in parts_in_order(WORKER):  # the free parts, made or read now
        name, make = f"browser-run-{part}", functools.partial(visit, part=part)
        if (folder := made_once_unless_busy(tmp_path_factory, name, make)) is not None:
            made[part] = folder
    for part in parts_in_order(WORKER):  # ... and those another worker was making
        if part not in made:
            name, make = f"browser-run-{part}", functools.partial(visit, part=part)
            made[part] = made_once(tmp_path_factory, name, make)
    parts = [
        json.loads((made[part] / "run.json").read_text(encoding="utf-8")) for part in sorted(made)
    ]
    # by path: each worker serves the site on a port of its own
    visits = {urlsplit(one["url"]).path: Visit(**one) for kept in parts for one in kept["visits"]}
    in_order = [visits["/" + page_url(gated_site, file)] for file in pages]
    cookies = [cookie for kept in parts for cookie in kept["cookies"]]
    search = [url for kept in parts for url in kept["search_requests"]]
    return BrowserRun(in_order, cookies, search)


# as long as `networkidle`'s quiet window; axe takes about as long on most pages anyway
LATE_MS = 500
WIDE_WINDOW = {"width": 1280, "height": 720}  # Playwright's own default
NARROW_WINDOW = {"width": 320, "height": 640}  # CSS pixels: 1280 px at 400% zoom (WCAG 1.4.10)
# What the first Tab reached, and where Enter on it led.
FIRST_FOCUS = """() => {
  const el = document.activeElement;
  const href = el && el.getAttribute('href') || '';
  return {text: el ? el.textContent.trim() : '', href: href,
          target: href.startsWith('#') && !!document.getElementById(href.slice(1))};
}"""
FOCUS_ID = "() => document.activeElement ? document.activeElement.id : ''"
# each chart shown: its texts, with their drawn size and height in px
CHART_TEXT = """() => Array.from(document.querySelectorAll('svg.ps-chart'))
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => Array.from(svg.querySelectorAll('text')).map(t => {
    const m = t.getScreenCTM();
    return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
            t.getBoundingClientRect().height];
  }))"""
# the first row of each action, planner or indicator table, scrolled into view
FIRST_ROW = """() => Array.from(document.querySelectorAll('table.ps-refs, table.ps-stack')).map(table => {
  const wrap = table.parentElement;
  const row = Array.from(table.tBodies).flatMap(b => Array.from(b.rows))
    .find(r => !r.classList.contains('ps-issue') && !r.hidden);
  if (row) row.scrollIntoView({block: 'center'});
  const box = r => { const b = r.getBoundingClientRect(); return [b.left, b.right]; };
  const labelled = row ? Array.from(row.cells).filter(c => c.dataset.label) : [];
  return {
    caption: table.caption ? table.caption.textContent.trim() : '',
    tableWidth: table.getBoundingClientRect().width, boxWidth: wrap.clientWidth,
    scrollWidth: wrap.scrollWidth,
    cells: row ? Array.from(row.cells).filter(c => c.offsetWidth).map(box) : [],
    tag: row && row.querySelector('.ps-tag') ? box(row.querySelector('.ps-tag')) : null,
    due: row && row.querySelector('time') ? box(row.querySelector('time')) : null,
    labels: labelled.map(c => [c.dataset.label,
      getComputedStyle(c, '::before').content.startsWith('"' + c.dataset.label + '"')]),
  };
})"""
ALL_TABLES = """() => Array.from(document.querySelectorAll('table')).map(t => ({
  caption: t.caption ? t.caption.textContent.trim() : t.className,
  width: t.getBoundingClientRect().width, box: t.parentElement.clientWidth }))"""
# the end state is what counts: no focus ring, drawer or box is caught half-way through a slide
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# resize events and the layout they lead to are done by the second frame after a resize
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def visit_pages(
    chromium: Any, site: Path, pages: list[Path], served_site: str, search: bool
) -> BrowserRun:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Route

    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    visits: list[Visit] = []
    current: list[str] = []

    def record(route: Route) -> None:
        current.append(route.request.url)
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:  # recorded for the privacy gate, and never let out
            route.abort()

    context = chromium.new_context(viewport=WIDE_WINDOW)  # as a fresh browser: nothing kept
    try:
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        context.route("**/*", record)
        in_flight = InFlight(context)
        page = context.new_page()
        problems = watch_for_problems(page, served_site)
        for file in pages:
            current = []
            problems.clear()
            page.set_viewport_size(WIDE_WINDOW)
            visit = Visit(served_site + page_url(site, file), current)
            load(page, visit.url, in_flight)
            loaded = time.monotonic()
            visit.problems = list(problems)
            visit.violations = axe.run(page, options=options).response["violations"]
            problems.clear()  # what axe's own script did in the page is not the page's
            check_narrow(page, visit)
            # A request the page makes late (a timer after its load) is the page's too: it stays
            # open until nothing is in flight, and for at least `LATE_MS` after its load.
            page.wait_for_timeout(max(0, LATE_MS - 1000 * (time.monotonic() - loaded)))
            in_flight.wait(page)
            visit.problems += problems
            visits.append(visit)
        # The search box loads its worker and index only when used: use it once.
        current = []
        if search:
            page.set_viewport_size(WIDE_WINDOW)
            load(page, served_site, in_flight)
            press_until_focused(page, "/", "input.md-search__input")
            page.keyboard.type("plan")
            page.wait_for_selector(".md-search-result__item")  # the index has loaded
            in_flight.wait(page)
        search_requests = current
        cookies = [dict(cookie) for cookie in context.cookies()]
    finally:
        context.close()
    return BrowserRun(visits, cookies, search_requests)


def press_until_focused(page: Any, key: str, selector: str) -> None:
    """Press `key` until `selector` has the focus, or fail plainly: "plan" typed outside the
    search box would be Material's shortcuts for the previous and next page, and the visit
    would go on elsewhere. (At 320 px "/" does not open the search: it is used at 1280 px.)"""
    deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
    focused = f"document.activeElement && document.activeElement.matches({selector!r})"
    while True:
        page.keyboard.press(key)
        if page.evaluate(focused):
            return
        assert time.monotonic() < deadline, f"{page.url}: {key} never focused {selector}"
        page.wait_for_timeout(50)


def check_narrow(page: Any, visit: Visit) -> None:
    """The 320 px checks, on the same tab: the window narrowed as a reader zooms to 400%."""
    page.set_viewport_size(NARROW_WINDOW)
    page.evaluate(TWO_FRAMES)
    visit.narrow_width = int(page.evaluate("document.documentElement.scrollWidth"))
    visit.chart_text = page.evaluate(CHART_TEXT)
    page.keyboard.press("Tab")
    visit.first_focus = page.evaluate(FIRST_FOCUS)
    if visit.first_focus["href"] == "#main-content":  # Enter on any other link leaves the page
        page.keyboard.press("Enter")
        visit.focus_after_enter = page.evaluate(FOCUS_ID)
    page.add_style_tag(content=STILL)
    visit.tables = page.evaluate(FIRST_ROW)
    visit.every_table = page.evaluate(ALL_TABLES)
    visit.scroll_x = int(page.evaluate("scrollX"))


def watch_for_problems(page: Any, served_site: str) -> list[str]:
    """The list `page` adds to each console error, script error, answer of 400 or over and
    failed request to the site."""
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on(
        "response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page.on(
        "requestfailed",
        lambda r: (
            problems.append(f"failed {r.url}: {r.failure}")
            if r.url.startswith(served_site)
            else None
        ),
    )
    return problems
