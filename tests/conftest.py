"""Shared fixtures: builds of the example board and of small fixture boards, made once.

Made once per test run, even under pytest-xdist (`pytest -n auto`): the first worker to ask for
a build makes it under a file lock and the others wait for it and read the same folder
(`made_once`). The workers share one build cache for the run (PLANSITE_CACHE, set below), never
the repository's `.cache/`. A module runs whole on one worker (`--dist loadfile`, pyproject.toml), so
its module fixtures are made once; what two modules share is made once with `made_once` (the
gates' one browser visit of every page, tests/gates/conftest.py).

`make quick` leaves out the slow tests (`-m "not slow"`): a test is marked slow when it, a
fixture it uses, or a helper of its module builds a site, re-saves a file with LibreOffice,
drives Chromium or starts `mkdocs serve` (it names one of `SLOW_NAMES` or runs one of
`SLOW_COMMANDS`), or when it is marked `@pytest.mark.slow` itself.
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import fcntl
import os
import re
import shutil
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from plansite.documents.made_files import WORKERS_ENV
from tests.browser import CHROMIUM_ARGS, chromium_path
from tests.build_server import BuildServer

# PLANSITE_TEST_ENGINE=properdocs runs this process's in-process builds (`mkdocs.*` imports) under
# ProperDocs, as `python -m properdocs` does: it redirects `mkdocs.*` imports to `properdocs.*`
# (tests/test_engines.py runs the preview's tests so). Done before any test module imports MkDocs.
TEST_ENGINE = os.environ.get("PLANSITE_TEST_ENGINE", "mkdocs")
if TEST_ENGINE == "properdocs":
    assert "mkdocs" not in sys.modules, "MkDocs was imported before ProperDocs could replace it"
    import properdocs.replacement  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONFIG = ROOT / "mkdocs.yml"  # named by its full path, as `make build` names it
# the site engines: ProperDocs is the default (`make build`), MkDocs builds the same bytes
ENGINES = ("properdocs", "mkdocs")
ENGINE = ENGINES[0]
# How long a page may take to load before a test gives up: generous, as a
# busy machine (parallel workers, other builds) is slow, not wrong; speed is `make bench`'s.
BROWSER_TIMEOUT_MS = 300_000
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1", ...; "" without xdist

# What makes a test slow: the names a test, its fixtures or its module's helpers call.
SLOW_NAMES = frozenset(
    {
        "run_build",  # a `properdocs build --strict` in a new process
        "engine_command",  # the site engine's command (build, serve, gh-deploy)
        "build",  # mkdocs.commands.build.build, in this process
        "build_in_this_process",  # the same, tests/test_plugin.py's helper
        "WITHOUT_PDFS",  # the engine's command with stand-in PDFs
        "example_site",
        "example_site_again",
        "example_charts",
        "build_fixture",
        "gated_site",
        "libreoffice_resave",
        "libreoffice_resave_all",
        "sync_playwright",  # Chromium
        "chromium",  # the test process's Chromium (tests/browser.py)
        "start_serve",  # `mkdocs serve`
    }
)
# ... and the commands it runs in a new process: a build, the bench, every bad input at once
SLOW_COMMANDS = frozenset({"scripts/bench.py", "tests.bad_inputs.run", "soffice"})
MKDOCS_BUILDS = frozenset({"build", "serve", "gh-deploy"})


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """The folder `name`, made by `make(folder)` once per test run and shared by every xdist
    worker: the first to ask makes it under a lock, the others wait and reuse it. A failed
    `make` leaves nothing behind, so whoever asks next tries again (and fails the same way)."""
    folder = _made_once(tmp_path_factory, name, make, wait=True)
    assert folder is not None  # waited for
    return folder


def made_once_unless_busy(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path | None:
    """`made_once`, or None at once while another worker is making the folder: the caller makes
    something else first rather than wait (the gates' visit in parts), then asks again."""
    return _made_once(tmp_path_factory, name, make, wait=False)


def _made_once(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    make: Callable[[Path], None],
    *,
    wait: bool,
) -> Path | None:
    root = run_folder(tmp_path_factory)
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        try:  # released when the file closes
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None  # another worker is making it now
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            done.touch()
    return folder


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test run's own folder, shared by every xdist worker (each has its folder in it)."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if WORKER else root


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | None]:
    """The run's build cache (charts, PDFs, templates), shared by every worker as it is by the
    tests of one process: a file is kept under a hash of all it is made from and written whole
    (a rename), so what one worker made another reads unchanged, and a PDF both need is made
    once. Builds in the tests never read or write the repository's `.cache/`. A PLANSITE_CACHE
    set before the run is kept (empty: no cache at all)."""
    if "PLANSITE_CACHE" in os.environ:
        yield None
        return
    folder = run_folder(tmp_path_factory) / "plansite-cache"
    folder.mkdir(exist_ok=True)
    with run_setting("PLANSITE_CACHE", str(folder)):
        yield folder


@contextlib.contextmanager
def run_setting(name: str, value: str) -> Iterator[None]:
    """`name` set to `value` in this test process's environment (so in its builds') while
    the run lasts, unless it was set before the run."""
    if name in os.environ:
        yield
        return
    os.environ[name] = value
    try:
        yield
    finally:
        os.environ.pop(name, None)


@pytest.fixture(scope="session", autouse=True)
def one_process_a_build() -> Iterator[None]:
    """Each build of the run makes its published files in its own process (PLANSITE_WORKERS=1)
    unless a test says otherwise: both cores already run a test worker each, so a build's
    worker processes add forking and copying, not speed (a sixth of the CPU of the builds'
    tests). Workers are tested where they are the point: the example site is built as `make
    build` builds it (one a core), `example_site_again` with three, and
    tests/test_parallel_build.py compares one with several. A PLANSITE_WORKERS set before the
    run is kept."""
    with run_setting(WORKERS_ENV, "1"):
        yield


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """This test process's Chromium, with the gates' flags (tests/browser.py), started at a
    test's first ask: a test opens a context or a page of its own in it and closes it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=list(CHROMIUM_ARGS), headless=True
        )
        yield browser
        browser.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if not any(item.iter_markers("slow")) and _calls_something_slow(item):
            item.add_marker(pytest.mark.slow)
    items[:] = longest_first(items)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds a site, or runs LibreOffice or Chromium")
    # xdist hands out the modules in the order collected (its default reorders them by their
    # number of tests): `longest_first` decides it, so no long module is left for last
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


# The modules that take longest: CPU seconds in one serial run (2026-12, a loaded machine), the
# fixtures they build first included (test_parallel_build's estimated from its builds). Update
# when a module grows past the last of them.
# Under `pytest -n auto` each runs whole on one worker, longest first, and the short modules fill
# the gaps at the end, so neither worker waits long for the other's last module.
LONGEST_MODULES = {
    # The gates' one browser visit of every page (tests/gates/conftest.py: 38 s of CPU in its
    # process, 140 s with Chromium's, at a load of 9) is made by the first two modules that read
    # it, in parts (`VISIT_PARTS`): the phone gate's worker builds the example site and starts
    # it while the other runs test_parallel_build.py (`longest_first`), then the accessibility
    # gate takes the parts not yet begun; test_small_screens.py and test_privacy.py only read it.
    "tests/gates/test_phone_pages.py": 75,  # and its own tabs: Tab stops, the drawer, sorting
    "tests/gates/test_accessibility.py": 70,
    # the bench's builds, a small board built twice (example_site_again's 20 s not counted)
    "tests/test_parallel_build.py": 60,
    "tests/test_interleaved_builds.py": 32,  # four builds of the example, two in Welsh, no PDF
    "tests/gates/test_injection.py": 26,  # the attacked board made (63 loads) and built
    "tests/test_no_traceback.py": 19,  # every bad-input case checked and built, one process
    "tests/test_bench.py": 20,
    "tests/test_hostile_office.py": 13,  # LibreOffice re-saves a 300-action plan
    "tests/test_import_statuses.py": 9,  # LibreOffice started twice (a .docx, a .xlsx call)
    "tests/test_serve_preview.py": 27,  # rebuilds of the example board in one process
    "tests/test_import_structure.py": 9,  # LibreOffice started twice, as above
    "tests/test_serve_corpus.py": 17,  # a rebuild under `serve` for each bad-input case
    # 14 s of CPU, but its `pip install` took 65 s of wall time on a loaded machine: early
    "tests/test_package_install.py": 30,
    "tests/test_search_entries.py": 28,  # every page rendered; builds the framework board (shared)
    "tests/test_any_board.py": 25,
    "tests/test_engines.py": 28,  # example_site_again's 20 s not counted
    "tests/gates/test_determinism.py": 20,  # the second build of the example board
    "tests/gates/test_guide_exit.py": 19,
    "tests/test_words_site.py": 19,  # the example built in XX, every chart drawn
    "tests/test_admin_forms.py": 18,
    "tests/test_admin_signin.py": 18,
    "tests/test_workflow.py": 17,
    "tests/test_yearly_report.py": 16,
    "tests/test_indicator_framework.py": 16,  # the framework board's build
    # the Nu Html Checker's one run on the example site (3.4 s), made by whichever of these two
    # modules comes first (`site_checked_once`); the other reads it
    "tests/gates/test_html_validity.py": 5,
    # slow modules that were unlisted, so handed out in name order among the last (a 16 s one
    # could end the run with the other worker idle): CPU-s of the 2-worker profile of 2026-12-07
    "tests/test_glossary_in_place.py": 8,  # the checker's run above; axe read from the gates' visit
    "tests/test_print_layout.py": 16,
    "tests/test_safe_defaults.py": 14,
    "tests/test_plugin.py": 12,
    "tests/test_import_end_to_end.py": 10,
    "tests/test_untidy_plans.py": 9,
    "tests/test_guide.py": 7,
    "tests/test_import_roundtrip.py": 7,
    "tests/test_document_inputs.py": 7,
    "tests/test_pdf.py": 7,
    "tests/test_cli.py": 6,
    "tests/test_planner.py": 6,
}


def module_cost(item: pytest.Item) -> float:
    """An item's module's known cost; an unlisted slow module before the fast ones."""
    module = item.nodeid.split("::", 1)[0]
    if module in LONGEST_MODULES:
        return LONGEST_MODULES[module]
    return 1.0 if item.get_closest_marker("slow") else 0.0


def longest_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The items, module by module, the longest modules first; each module's own order kept.
    When the first needs the example site, which its worker builds (`example_site`), the
    longest module that does not comes second: the other worker starts on it, not waiting."""
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    cost = {name: max(module_cost(item) for item in its) for name, its in modules.items()}
    ordered = sorted(modules, key=lambda name: -cost[name])  # stable: ties keep their order
    if ordered and _needs_example_site(modules[ordered[0]]):
        without = [name for name in ordered[1:] if not _needs_example_site(modules[name])]
        if without:
            ordered.remove(without[0])
            ordered.insert(1, without[0])
    return [item for name in ordered for item in modules[name]]


def _needs_example_site(items: list[pytest.Item]) -> bool:
    # the gates' `gated_site` asks for it when the test runs (request.getfixturevalue)
    needing = {"example_site", "gated_site"}
    return any(needing & set(getattr(item, "fixturenames", ())) for item in items)


def _calls_something_slow(item: pytest.Item) -> bool:
    function = getattr(item, "function", None)
    if function is None:
        return False
    if SLOW_NAMES & set(getattr(item, "fixturenames", ())):
        return True
    todo = [function]
    fixtures = getattr(item, "_fixtureinfo", None)
    if fixtures is not None:
        for definitions in fixtures.name2fixturedefs.values():
            todo += [d.func for d in definitions if isinstance(d.func, types.FunctionType)]
    seen: set[types.CodeType] = set()
    while todo:
        called = todo.pop()
        codes = [called.__code__]
        while codes:
            code = codes.pop()
            if code in seen:
                continue
            seen.add(code)
            words = {c for c in code.co_consts if isinstance(c, str)}
            if SLOW_NAMES & set(code.co_names) or SLOW_COMMANDS & words:
                return True
            if {"mkdocs", "properdocs"} & words and MKDOCS_BUILDS & words:
                return True
            codes += [c for c in code.co_consts if isinstance(c, types.CodeType)]  # inner defs
            for name in code.co_names:  # the module's own helpers and classes, followed into
                helper = called.__globals__.get(name)
                if getattr(helper, "__module__", None) != called.__module__:
                    continue
                if isinstance(helper, types.FunctionType):
                    todo.append(helper)
                elif isinstance(helper, type):
                    todo += [f for f in vars(helper).values() if isinstance(f, types.FunctionType)]
    return False


def engine_command(engine: str = ENGINE) -> list[str]:
    """The engine's command; each is given `-f <full path>/mkdocs.yml` (ProperDocs' own name for
    the file is properdocs.yml: it reads mkdocs.yml too, with a note, when not told which file)."""
    return [sys.executable, "-m", engine]


# the engine, every PDF a stand-in (tests/without_pdfs.py)
WITHOUT_PDFS = "from tests.without_pdfs import main; main()"


def run_build(
    data: Path,
    out: Path,
    engine: str = ENGINE,
    *,
    pdfs: bool = True,
    config: Path = CONFIG,
    first: str = "",
    fresh: bool = False,
    **settings: str,
) -> subprocess.CompletedProcess[str]:
    """`<engine> build --strict` of the board `data` into `out`; `pdfs=False` for a test that
    reads no PDF: each is a stand-in of a few bytes, made in no time (tests/without_pdfs.py).
    `first`: Python run in the build's process before it (with stand-in PDFs). The build is a
    process forked from one that has imported the engine already (tests/build_server.py);
    `fresh=True`: a new Python process, with a hash seed of its own."""
    env = {**os.environ, "PLANSITE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1", **settings}
    env.pop("SOURCE_DATE_EPOCH", None)
    # no --quiet: it silences warnings before --strict counts them, so nothing would fail
    arguments = [engine, "build", "--strict", "-f", str(config), "-d", str(out)]
    code = None if pdfs else first + WITHOUT_PDFS
    if not fresh:
        return build_server(engine).run(arguments, env=env, cwd=ROOT, code=code, timeout=600)
    command = engine_command(engine) if code is None else [sys.executable, "-c", code, engine]
    return subprocess.run(
        [*command, *arguments[1:]], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


_BUILD_SERVERS: dict[str, BuildServer] = {}


def build_server(engine: str) -> BuildServer:
    """This test process's parent of `engine` builds (tests/build_server.py), started once."""
    if engine not in _BUILD_SERVERS:
        _BUILD_SERVERS[engine] = BuildServer(engine)
        atexit.register(_BUILD_SERVERS[engine].close)
    return _BUILD_SERVERS[engine]


def _built(
    data: Path, engine: str = ENGINE, *, pdfs: bool = True, fresh: bool = False, **settings: str
) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        result = run_build(data, folder / "site", engine, pdfs=pdfs, fresh=fresh, **settings)
        assert result.returncode == 0, result.stderr

    return make


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example board (data/), built once with `properdocs build --strict` (under `make test`
    too: its strict build of the example is this one); PLANSITE_TEST_EXAMPLE_SITE=<folder>
    reads a site already built instead (`make build`'s site/)."""
    built = os.environ.get("PLANSITE_TEST_EXAMPLE_SITE")
    if built:
        return Path(built).resolve()
    # PLANSITE_WORKERS empty: a worker process a core, as `make build` makes the files
    made = _built(ROOT / "data", fresh=True, PLANSITE_WORKERS="")
    return made_once(tmp_path_factory, "example", made) / "site"


@pytest.fixture(scope="session")
def example_site_again(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second, independent build of the example board, for checks that builds repeat: drawing
    every chart and making every published file afresh (no cache), so the checks also show that
    the cache changes no byte of the site. Built with the other engine, `mkdocs build --strict`:
    the same checks show that both engines make the same site (tests/test_engines.py), with no
    build more. Its files are made by three worker processes (even on fewer cores): the
    determinism gate compares it with `example_site` (the default number of workers), and
    tests/test_parallel_build.py checks the sizes its pages show."""
    made = _built(ROOT / "data", "mkdocs", fresh=True, PLANSITE_CACHE="", PLANSITE_WORKERS="3")
    return made_once(tmp_path_factory, "example-again", made) / "site"


@pytest.fixture(scope="session")
def example_charts(tmp_path_factory: pytest.TempPathFactory, build_cache: Path | None) -> None:
    """The example board's charts kept in the run's build cache, drawn once for the tests that
    build the example board in a pytest process or a child sharing that cache (the preview's
    rebuilds, tests/test_plugin.py's, tests/test_engines.py's pytest under ProperDocs): drawing
    them is most of such a build's time, and each such module, on whichever worker, drew them
    again when another had not yet kept them. They are kept under a hash of all each is drawn
    from, as a build keeps them, so a build reads exactly what it would draw. A PLANSITE_CACHE
    set before the run (build_cache None) is left as it is."""
    if build_cache is not None:
        cache = build_cache
        made_once(tmp_path_factory, "example-charts", lambda _: _draw_charts(ROOT / "data", cache))


def _draw_charts(data: Path, cache: Path) -> None:
    """Every generated page of the board rendered (its charts drawn and kept in `cache`), in a
    context of its own: the cache folder is set for this alone, as a build sets its own."""
    from plansite.load import load_board_data
    from plansite.pages.registry import generated_pages, render_page
    from plansite.render import chart_store

    def render() -> None:
        chart_store.use_folder(cache)
        site = load_board_data(data)
        for page in generated_pages(site):
            render_page(site, page.path, page.page_type.name, *page.args)

    contextvars.copy_context().run(render)


@pytest.fixture(scope="session")
def build_fixture(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Build a board from tests/fixtures/<name>, once per name; `pdfs=False` for tests that read
    no PDF (stand-ins, as `run_build` makes them), once too, apart from the real build."""

    def build(name: str, *, pdfs: bool = True) -> Path:
        made = _built(FIXTURES / name, pdfs=pdfs)
        folder = f"fixture-{name}" if pdfs else f"fixture-{name}-no-pdfs"
        return made_once(tmp_path_factory, folder, made) / "site"

    return build


@pytest.fixture
def data_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A writable copy of a data folder (`data` or a fixture name), to break on purpose."""

    def copy(name: str = "data") -> Path:
        source = ROOT / "data" if name == "data" else FIXTURES / name
        target = tmp_path / "data"
        shutil.copytree(source, target)
        return target

    return copy


# the one line in which the engines' sites differ: <meta name="generator" content="mkdocs-1.6.1, ...">
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path; the generator meta tag, which names the engine,
    taken out of the pages (nothing else is changed)."""
    found = {f.relative_to(site).as_posix(): f.read_bytes() for f in site.rglob("*") if f.is_file()}
    return {
        path: GENERATOR.sub(b"", content) if path.endswith(".html") else content
        for path, content in found.items()
    }


def page(site: Path, url: str) -> BeautifulSoup:
    """A built page by its URL path, e.g. "plans/" or "plans/plan-a/priority-1/"."""
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_footer(file: Path) -> Tag | None:
    """A built page's footer, parsed from where it opens: it ends the page, so the rest (most of
    a large page, which BeautifulSoup takes seconds over for a whole site) is never parsed."""
    text = file.read_text(encoding="utf-8")
    opens = re.search(r"<footer[\s>]", text)
    if opens is None:
        return None
    found = BeautifulSoup(text[opens.start() :], "html.parser").find("footer")
    return found if isinstance(found, Tag) else None


@pytest.fixture(autouse=True)
def no_cache_folder_left() -> Iterator[None]:
    """A test that plays a build's part (chart_store.use_folder, as a SiteBuild does in its own
    context) leaves no cache folder to the next."""
    from plansite.render import chart_store

    undo = chart_store.use_folder(None)
    yield
    undo()
