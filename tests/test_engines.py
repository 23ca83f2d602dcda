"""Both site engines make the same site: ProperDocs (the default, `make build` and `make serve`)
and MkDocs 1.6, whose maintained continuation it is. The example board built with
`properdocs build --strict` and with `mkdocs build --strict` (the suite's two builds of it,
tests/conftest.py) differ only in the generator meta tag, which names the engine.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plansite.documents import pdf
from plansite.engine.preview import POLL_SECONDS, SETTLE_SECONDS, poll_often
from plansite.load import load_board_data
from plansite.read.board_folder import named_folder
from plansite.read.site_config import site_config
from plansite.render import abbreviations, templates
from plansite.words import wording
from plansite.words.wording import WORDS
from tests.conftest import ENGINES, FIXTURES, GENERATOR, ROOT, engine_command, run_build
from tests.test_plugin import build_in_this_process
from tests.without_pdfs import stand_in_job


def test_both_engines_build_the_same_site(example_site: Path, example_site_again: Path) -> None:
    properdocs = {f.relative_to(example_site).as_posix(): f for f in example_site.rglob("*")}
    mkdocs = {
        f.relative_to(example_site_again).as_posix(): f for f in example_site_again.rglob("*")
    }
    assert sorted(properdocs) == sorted(mkdocs)
    differ = []
    for path, file in properdocs.items():
        if file.is_file():
            first, second = file.read_bytes(), mkdocs[path].read_bytes()
            if GENERATOR.sub(b"", first) != GENERATOR.sub(b"", second):
                differ.append(path)
    assert differ == [], "files that differ between the engines' sites: " + ", ".join(differ)


def generators(site: Path) -> dict[str, list[str]]:
    """Each page's generator meta tags' content (a page Plansite publishes as it is has none)."""
    return {
        page.relative_to(site).as_posix(): re.findall(
            r'<meta name="generator" content="([^"]*)">', page.read_text(encoding="utf-8")
        )
        for page in site.rglob("*.html")
    }


def test_only_the_generator_tag_names_the_engine(
    example_site: Path, example_site_again: Path
) -> None:
    properdocs, mkdocs = generators(example_site), generators(example_site_again)
    named = sorted(page for page, found in properdocs.items() if found)
    assert len(named) > 80
    assert named == sorted(page for page, found in mkdocs.items() if found)
    assert {tuple(properdocs[page]) for page in named} == {
        ("mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1",)
    }
    assert {tuple(mkdocs[page]) for page in named} == {("mkdocs-1.6.1, mkdocs-material-9.8.1",)}


# --- configuration in one place -------------------------------------------------------------

ENGINE_MODULES = ("mkdocs", "properdocs", "material", "mkdocs_macros")


def loaded_engine_modules(code: str) -> list[str]:
    """The site engine's modules a Python process has loaded after running `code`."""
    probe = (
        f"{code}\nimport sys\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {ENGINE_MODULES!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return list(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_make_check_and_make_import_do_not_load_the_site_engine() -> None:
    """All three in one process (a process each was a second of start-up each): what one of
    them loaded would be among the modules the process holds after them."""
    check = "import runpy, sys\nsys.argv = ['check', 'data']\n" + (
        "try:\n    runpy.run_module('plansite.check', run_name='__main__')\n"
        "except SystemExit as stop:\n    assert stop.code in (0, None), stop.code\n"
    )
    imports = "import plansite.office.__main__\nimport plansite.publish.__main__\n"
    assert loaded_engine_modules(check + imports) == []


def test_the_check_and_import_commands_do_not_load_the_site_engine(tmp_path: Path) -> None:
    """`plansite check` and `plansite import`, as the console command runs them (its entry point
    is plansite.cli:main)."""
    command = "from plansite.cli import main\nassert main({argv!r}) == {code}\n"
    missing = ["import", str(tmp_path / "plan.docx"), "p", "--data", str(tmp_path)]
    both = command.format(argv=["check", "data"], code=0) + command.format(argv=missing, code=1)
    assert loaded_engine_modules(both) == []  # one process, as above
    # the probe sees the engine when it is loaded: `plansite build`'s adapter is
    assert "mkdocs" in loaded_engine_modules("import plansite.engine.plugin")


def test_a_data_dir_that_does_not_read_plansite_data_stops_the_build(tmp_path: Path) -> None:
    """An mkdocs.yml written before `!ENV`: PLANSITE_DATA would be ignored, so the build stops
    and says how to write `data_dir`."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Folder\ntheme: material\nplugins:\n  - plansite:\n"
        "      data_dir: boards/eastmoor\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [*engine_command(), "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")],
        cwd=tmp_path,
        env={**os.environ, "PLANSITE_DATA": "boards/westmoor", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert (
        "PLANSITE_DATA (or make DATA=) names the folder `boards/westmoor`, but mkdocs.yml's "
        "`data_dir: boards/eastmoor` does not read it; under `plugins: - plansite:` write "
        "`data_dir: !ENV [PLANSITE_DATA, boards/eastmoor]`"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def plansite_options() -> dict[str, object]:
    """The `plansite` plugin's options in mkdocs.yml, `!ENV` resolved as the engines do."""
    plugins = site_config(ROOT / "mkdocs.yml")["plugins"]
    options: dict[str, object] = next(p["plansite"] for p in plugins if "plansite" in p)
    return options


def test_mkdocs_yml_names_the_folder_once_and_plansite_data_names_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PLANSITE_DATA", raising=False)
    options = plansite_options()
    assert set(options) == {"data_dir", "reading_grade", "cache_dir"}
    plugins = site_config(ROOT / "mkdocs.yml")["plugins"]
    macros = next(p["macros"] for p in plugins if isinstance(p, dict) and "macros" in p)
    assert "include_dir" not in macros  # no narrative page includes a fragment
    assert options["data_dir"] == named_folder(ROOT / "mkdocs.yml") == "data"
    monkeypatch.setenv("PLANSITE_DATA", "boards/eastmoor")
    assert plansite_options()["data_dir"] == "boards/eastmoor"


# --- the preview under both engines ---------------------------------------------------------


@pytest.mark.parametrize(
    ("engine", "logger", "plugin_logger"),
    [
        ("mkdocs", "mkdocs.commands.build", "mkdocs.plugins.plansite"),
        ("properdocs", "properdocs.commands.build", "properdocs.plugins.plansite"),
    ],
)
def test_the_preview_quiets_the_dirty_warning_on_the_engines_own_logger(
    engine: str, logger: str, plugin_logger: str
) -> None:
    """ProperDocs warns of a dirty build on `properdocs.commands.build`: a filter on MkDocs'
    logger name would let it through, and `strict: true` would stop the first rebuild."""
    replace = "import properdocs.replacement\n" if engine == "properdocs" else ""
    code = (
        f"{replace}from plansite.engine.preview import build_logger\nfrom plansite.engine.plugin import log\n"
        "print(build_logger().name, log.name)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [logger, plugin_logger]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_preview_polls_often_under_both_engines(engine: str, tmp_path: Path) -> None:
    """The watcher's interval is watchdog's private `_timeout`: set where it is found, read back
    through watchdog's public `timeout`, for the engine's own live-reload server."""
    server_class = importlib.import_module(f"{engine}.livereload").LiveReloadServer
    server = server_class(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        assert server.observer.timeout == 0.5  # the engine's own pace
        poll_often(server)
        assert server.build_delay == SETTLE_SECONDS
        assert server.observer.timeout == POLL_SECONDS
        emitters = list(server.observer.emitters)
        server.watch(str(tmp_path / "later"))  # a watch made later takes the observer's pace
        assert [e.timeout for e in server.observer.emitters] == [POLL_SECONDS] * (len(emitters) + 1)
    finally:
        server.server_close()


def test_the_preview_falls_back_to_the_engines_pace_without_the_private_attribute() -> None:
    """A watcher without `_timeout` (another watchdog) is left as it is: only slower."""

    class Observer:
        timeout = 0.5

    class Server:
        build_delay = 0.1
        observer = Observer()

    server = Server()
    poll_often(server)
    assert server.build_delay == SETTLE_SECONDS
    assert server.observer.timeout == 0.5 and not hasattr(server.observer, "_timeout")
    bare = Server()
    bare.observer = None  # type: ignore[assignment]
    poll_often(bare)
    assert bare.build_delay == SETTLE_SECONDS


def test_the_preview_keeps_the_pace_of_a_watcher_whose_timeout_is_not_the_interval() -> None:
    """A `_timeout` that is not a number, one that the public `timeout` does not read back, and
    one that cannot be set: each watcher keeps its own pace, and nothing fails."""

    class NotANumber:
        _timeout = "soon"

    class NotReadBack:
        _timeout = 0.5
        timeout = 0.5  # a fixed value, not the attribute

    class ReadOnly:
        @property
        def _timeout(self) -> float:
            return 0.5

        @property
        def timeout(self) -> float:
            return self._timeout

    class Observer:
        _timeout = 0.5
        emitters = (NotANumber(), NotReadBack(), ReadOnly())

        @property
        def timeout(self) -> float:
            return self._timeout

    class Server:
        observer = Observer()

    server = Server()
    poll_often(server)
    assert server.observer.timeout == POLL_SECONDS  # the one that is the interval
    assert [e._timeout for e in server.observer.emitters] == ["soon", 0.5, 0.5]
    assert not hasattr(server, "build_delay")  # a server without one is not given one


# What of the engine the preview's rebuilds go through that differs between the two: in
# commands/build.py (the build loop, its dirty-build skip, its empty-output skip) and
# structure/files.py (the files, `exclude_docs`) only ProperDocs' template variable
# `properdocs_version`, and the names (its loggers are `properdocs.*`). (structure/pages.py
# differs in how a page's links are checked, which a dirty and a full rebuild do alike.)
SAME_BUT_FOR = {"commands.build": {"get_context"}, "structure.files": set()}


def _definitions(module: str) -> dict[str, str]:
    """Each top-level function and class of the module, as its syntax tree, with the engine's
    name written as MkDocs'."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    text = Path(spec.origin).read_text(encoding="utf-8")
    for name, same in (
        ("properdocs", "mkdocs"),
        ("ProperDocs", "MkDocs"),
        ("PROPERDOCS", "MKDOCS"),
    ):
        text = text.replace(name, same)
    tree = ast.parse(text)
    kinds = (ast.FunctionDef, ast.ClassDef)
    return {node.name: ast.dump(node) for node in tree.body if isinstance(node, kinds)}


@pytest.mark.parametrize("module", sorted(SAME_BUT_FOR))
def test_the_engine_code_the_preview_rebuilds_through_is_the_same_in_both(module: str) -> None:
    """Why the preview's tests that compare a dirty rebuild with a full one run under MkDocs
    only (below): a rebuild goes through the same code in both engines. A new ProperDocs
    whose build or files differ fails here: run every preview test under it again."""
    ours, theirs = _definitions(f"properdocs.{module}"), _definitions(f"mkdocs.{module}")
    differ = {name for name in ours.keys() | theirs.keys() if ours.get(name) != theirs.get(name)}
    assert differ == SAME_BUT_FOR[module]


# the preview's tests whose outcome depends on the engine's own names: the log a dirty rebuild
# writes (its loggers), and a page `exclude_docs` names (the engine's own files' listing)
UNDER_PROPERDOCS = (
    "tests/test_serve_preview.py::test_a_plan_taken_out_takes_its_pages_and_files_out_and_the_log_stays_quiet",
    "tests/test_serve_preview.py::test_a_page_excluded_in_mkdocs_yml_is_taken_out",
)


@pytest.mark.slow  # pytest in a new process, which rebuilds the example board
@pytest.mark.usefixtures("example_charts")  # kept in the run's cache, which that process reads
def test_the_previews_tests_of_the_engines_log_pass_under_properdocs() -> None:
    """tests/test_serve_preview.py rebuilds as `make serve` does, in one process; the suite runs
    it under MkDocs, and these of its tests here under ProperDocs (conftest's
    PLANSITE_TEST_ENGINE), whose dirty build warns on its own logger and would stop a strict
    rebuild if the preview missed it. The others compare a dirty rebuild with a full one, which
    go through the same engine code in both (the test above)."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *UNDER_PROPERDOCS],
        cwd=ROOT,
        env={**os.environ, "PLANSITE_TEST_ENGINE": "properdocs"},
        capture_output=True,
        text=True,
        timeout=1200,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:]
    assert re.search(rf"\b{len(UNDER_PROPERDOCS)} passed\b", result.stdout), result.stdout[-2000:]


# --- file caches under serve ----------------------------------------------------------------


def test_an_edited_words_file_is_read_by_the_next_build_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make serve` rebuilds in one process: a translator's edit to the words file shows at the
    next rebuild, not only after a restart."""
    words = tmp_path / "words" / "en.yml"
    words.parent.mkdir()
    shutil.copy(WORDS / "en.yml", words)
    monkeypatch.setenv("PLANSITE_WORDS", str(words))
    # a cache of this test's own: the second build reads the first's charts; no PDF is read
    monkeypatch.setenv("PLANSITE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(pdf, "pdf_job", stand_in_job)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_in_this_process(FIXTURES / "minimal", tmp_path / "first", monkeypatch)
    home = (tmp_path / "first" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Menu"' in home and "Menu of pages" not in home
    text = words.read_text(encoding="utf-8")
    assert text.count("\n  menu: Menu ") == 1
    words.write_text(text.replace("\n  menu: Menu ", "\n  menu: Menu of pages "), "utf-8")
    build_in_this_process(FIXTURES / "minimal", tmp_path / "second", monkeypatch)
    again = (tmp_path / "second" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Menu of pages"' in again and 'aria-label="Menu"' not in again


def test_an_edited_abbreviation_fragment_is_used_by_the_next_page(tmp_path: Path) -> None:
    """The explained abbreviations are kept once made; an edit to their fragment
    (shared/abbr.html) is used from the next page on."""
    fragments = tmp_path / "fragments"
    shutil.copytree(templates.FRAGMENTS, fragments)
    page = "<body><article><p>The MASH met.</p></article></body>"
    terms = {"MASH": "Multi-Agency Safeguarding Hub"}
    saved = templates.FRAGMENTS
    try:
        templates.FRAGMENTS = abbreviations.FRAGMENTS = fragments
        before = abbreviations.expand_in_article(page, terms)
        assert '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr>' in before
        fragment = fragments / "shared" / "abbr.html"
        fragment.write_text(
            fragment.read_text(encoding="utf-8").replace("<abbr ", '<abbr class="edited" '),
            encoding="utf-8",
        )
        after = abbreviations.expand_in_article(page, terms)
        assert '<abbr class="edited" title="Multi-Agency Safeguarding Hub">MASH</abbr>' in after
    finally:
        templates.FRAGMENTS = abbreviations.FRAGMENTS = saved


# --- plurals by CLDR's rules (Babel) --------------------------------------------------------

WELSH_FORMS = ("zero", "one", "two", "few", "many", "other")


@pytest.fixture
def welsh_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `cy` words file holding placeholder translations for the plural keys: each form says
    which it is."""
    forms = {form: f"[cy {form}] {{count}}" for form in WELSH_FORMS}
    words = {
        "counted": {"actions": forms, "reports": {"one": "[cy one] {count}", "other": "[cy other]"}}
    }
    path = tmp_path / "cy.yml"
    path.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("PLANSITE_WORDS", str(path))
    return path


@pytest.mark.usefixtures("welsh_words")
@pytest.mark.parametrize(
    ("count", "form"), [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (6, "many"), (7, "other")]
)
def test_welsh_takes_each_of_its_six_plural_forms(count: int, form: str) -> None:
    assert wording.language() == "cy"
    assert wording.plural("counted", "actions", count=count) == f"[cy {form}] {count}"
    assert str(wording.t("counted.actions", count=count)) == f"[cy {form}] {count}"


@pytest.mark.usefixtures("welsh_words")
def test_a_form_the_words_file_does_not_give_is_its_other_form() -> None:
    assert wording.plural("counted", "reports", count=1) == "[cy one] 1"
    assert [wording.plural("counted", "reports", count=n) for n in (0, 2, 3, 6, 7)] == [
        "[cy other]"
    ] * 5


def test_english_keeps_its_one_and_other_forms() -> None:
    assert [wording.plural("counted", "actions", count=n) for n in (0, 1, 2, 3, 6, 7, 21)] == [
        "0 actions", "1 action", "2 actions", "3 actions", "6 actions", "7 actions", "21 actions"
    ]  # fmt: skip
    assert str(wording.t("counted.actions", count=1)) == "1 action"
    assert str(wording.t("counted.actions", count=11)) == "11 actions"


# --- MkDocs' own search plugin --------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_mkdocs_own_search_plugin_indexes_every_generated_page_itself(
    engine: str, tmp_path: Path
) -> None:
    """With `- /search` in mkdocs.yml (the engine's own search plugin, not Material's), which
    can neither take entries nor skip a page, the generated pages are not told to be skipped:
    the plugin cuts each from its HTML, once."""
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - search:\n" in settings
    settings = settings.replace("\n  - search:\n", "\n  - /search:\n")
    docs = "docs_dir: plansite/starter_site/docs\n"
    assert docs in settings
    settings = settings.replace(docs, f"docs_dir: {ROOT / 'plansite' / 'starter_site' / 'docs'}\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(settings, encoding="utf-8")
    # the run's build cache (the two engines' builds share its charts), and stand-in PDFs: no
    # PDF is in the search index
    site = tmp_path / "site"
    result = run_build(FIXTURES / "minimal", site, engine, pdfs=False, config=config)
    assert result.returncode == 0, result.stderr
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["indexing"] == "full"  # the engine's own plugin wrote it
    places = [entry["location"] for entry in index["docs"]]
    pages = {place for place in places if "#" not in place}
    assert len(places) == len(set(places))  # each page, and each of its sections, once
    assert {"plans/", "plans/plan-a/", "plans/plan-a/all-actions/", "indicators/"} <= pages
    site = load_board_data(FIXTURES / "minimal")
    anchors = [place.partition("#")[2] for place in places if "#action-" in place]
    assert sorted(anchors) == sorted(a.anchor for plan in site.plans for a in plan.actions)
