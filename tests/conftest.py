"""Shared fixtures: builds of the example board and of small fixture boards, made once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

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


def engine_command(engine: str = ENGINE) -> list[str]:
    """The engine's command; each is given `-f <full path>/mkdocs.yml` (ProperDocs' own name for
    the file is properdocs.yml: it reads mkdocs.yml too, with a note, when not told which file)."""
    return [sys.executable, "-m", engine]


def run_build(
    data: Path, out: Path, engine: str = ENGINE, **settings: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANSITE_DATA": str(data), "NO_MKDOCS_2_WARNING": "1", **settings}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        # no --quiet: it silences warnings before --strict counts them, so nothing would fail
        [*engine_command(engine), "build", "--strict", "-f", str(CONFIG), "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example board (data/), built once with `properdocs build --strict` (`make build`)."""
    out = tmp_path_factory.mktemp("example") / "site"
    result = run_build(ROOT / "data", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def example_site_again(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second, independent build of the example board, for checks that builds repeat: drawing
    every chart and making every published file afresh (no cache), so the checks also show that
    the cache changes no byte of the site. Built with the other engine, `mkdocs build --strict`:
    the same checks show that both engines make the same site (tests/test_engines.py), with no
    build more."""
    out = tmp_path_factory.mktemp("example-again") / "site"
    result = run_build(ROOT / "data", out, "mkdocs", PLANSITE_CACHE="")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def build_fixture(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Build a board from tests/fixtures/<name>, once per name."""
    built: dict[str, Path] = {}

    def build(name: str) -> Path:
        if name not in built:
            out = tmp_path_factory.mktemp(name) / "site"
            result = run_build(FIXTURES / name, out)
            assert result.returncode == 0, result.stderr
            built[name] = out
        return built[name]

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
