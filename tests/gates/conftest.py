"""What the quality gates share: the site under test, served on 127.0.0.1, visited once in Chromium.

The gates check the example board's site (the `example_site` fixture) so every page type is
checked as it lands. PLANSITE_GATES_DATA=<folder> checks another board's data instead, and
PLANSITE_GATES_SITE=<folder> an already built site.
Every page is visited once in one browser session: the accessibility gate reads the axe
results of that visit and the privacy gate reads the requests and cookies it recorded.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import BROWSER_TIMEOUT_MS, ROOT, WORKER, made_once, run_build

CHROMIUM = os.environ.get("PLANSITE_CHROMIUM", "/usr/bin/chromium")
# Chromium runs as root here, and must not phone home (sync, updates, safe browsing).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
INSTALL_HINT = "run scripts/install-test-tools.sh (or `make test`, which runs it)"


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


@pytest.fixture(scope="session")
def served_site(gated_site: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<free port>/, for as long as the session lasts."""
    handler = functools.partial(_QuietHandler, directory=str(gated_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@dataclass
class Visit:
    """What one page did in the browser."""

    url: str
    requests: list[str] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    # what went wrong while it loaded: console errors, script errors, answers of 400 and over,
    # failed requests to the site (tests/gates/test_phone_pages.py)
    problems: list[str] = field(default_factory=list)


@dataclass
class BrowserRun:
    visits: list[Visit]
    cookies: list[dict[str, Any]]
    search_requests: list[str]


def chromium_path() -> str:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; {INSTALL_HINT}")
    return CHROMIUM


# The visit in parts, each made once per run by whichever worker comes first: a worker waiting
# for the visit makes the part no one is making yet, so two workers share it.
VISIT_PARTS = 2


@pytest.fixture(scope="session")
def browser_run(
    gated_site: Path, served_site: str, tmp_path_factory: pytest.TempPathFactory
) -> BrowserRun:
    """Visit every page in Chromium; record requests, cookies and axe results. Once per test
    run: the accessibility and the privacy gates may run on two xdist workers, and both read
    the one visit (kept as JSON, see `made_once`), made in `VISIT_PARTS` parts of the pages, each
    in its own fresh browser session (the search is used in the first)."""
    pages = html_pages(gated_site)
    worker = int(WORKER.removeprefix("gw") or 0)
    parts = []
    for part in sorted(range(VISIT_PARTS), key=lambda p: (p - worker) % VISIT_PARTS):

        def visit(folder: Path, part: int = part) -> None:
            run = visit_pages(
                gated_site, pages[part::VISIT_PARTS], served_site, folder / "profile", part == 0
            )
            (folder / "run.json").write_text(json.dumps(asdict(run)), encoding="utf-8")

        folder = made_once(tmp_path_factory, f"browser-run-{part}", visit)
        parts.append(json.loads((folder / "run.json").read_text(encoding="utf-8")))
    # by path: each worker serves the site on a port of its own
    visits = {urlsplit(one["url"]).path: Visit(**one) for kept in parts for one in kept["visits"]}
    in_order = [visits["/" + page_url(gated_site, file)] for file in pages]
    cookies = [cookie for kept in parts for cookie in kept["cookies"]]
    search = [url for kept in parts for url in kept["search_requests"]]
    return BrowserRun(in_order, cookies, search)


def visit_pages(
    site: Path, pages: list[Path], served_site: str, profile: Path, search: bool
) -> BrowserRun:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Route, sync_playwright

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

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        context.route("**/*", record)
        page = context.new_page()
        problems = watch_for_problems(page, served_site)
        for file in pages:
            current = []
            problems.clear()
            url = served_site + page_url(site, file)
            page.goto(url, wait_until="networkidle")
            loading = list(problems)  # before axe runs its own script in the page
            results = axe.run(page, options=options)
            visits.append(Visit(url, current, results.response["violations"], loading))
        # The search box loads its worker and index only when used: use it once.
        current = []
        if search:
            page.goto(served_site, wait_until="networkidle")
            page.keyboard.press("/")
            page.keyboard.type("plan")
            page.wait_for_selector(".md-search-result__item, .md-search-result__meta")
            page.wait_for_load_state("networkidle")
        search_requests = current
        cookies = [dict(cookie) for cookie in context.cookies()]
        context.close()
    return BrowserRun(visits, cookies, search_requests)


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
