"""plansite/engine/plugin.py: Plansite is the `plansite` MkDocs plugin, its options checked by MkDocs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from plansite.documents import pdf
from plansite.engine.plugin import PlansitePlugin
from plansite.load import load_board_data
from tests.conftest import FIXTURES, ROOT, site_files
from tests.without_pdfs import fingerprint_pdfs

REAL_PDF_JOB, REAL_PDF_JOBS = pdf.pdf_job, pdf.jobs


def test_mkdocs_finds_the_plugin_by_its_entry_point() -> None:
    (found,) = entry_points(group="mkdocs.plugins", name="plansite")
    assert found.load() is PlansitePlugin


@pytest.mark.parametrize(
    ("option", "error"),
    [
        (
            "reading_grade: five",
            "Config value 'plugins': Plugin 'plansite' option 'reading_grade': "
            "`five` is not a number; write a number, e.g. 5",
        ),
        (
            "cache_dir: [a, b]",
            "Config value 'plugins': Plugin 'plansite' option 'cache_dir': "
            "Expected type: <class 'str'> but received: <class 'list'>",
        ),
        (
            "worker: true",  # the option of earlier versions (issue 18 removed the worker)
            "Config value 'plugins': Plugin 'plansite' option 'worker': "
            "Unrecognised configuration name: worker",
        ),
        (
            "data_folder: data",  # a misspelt option: a warning, which --strict counts
            "Config value 'plugins': Plugin 'plansite' option 'data_folder': "
            "Unrecognised configuration name: data_folder",
        ),
    ],
)
def test_a_wrong_option_fails_the_build_with_mkdocs_own_error(
    tmp_path: Path, option: str, error: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Options\nplugins:\n  - plansite:\n      {option}\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1
    assert error in result.stderr
    assert "Aborted with" in result.stdout  # at the configuration, before any data is read
    assert not (tmp_path / "site").exists()  # stopped before anything was built


def build_in_this_process(data: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One `mkdocs build --strict`, as `mkdocs serve` rebuilds: in this same process."""
    monkeypatch.setenv("PLANSITE_DATA", str(data))
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def files_of(site: Path) -> dict[str, bytes]:
    """The site's files; the generator meta tag left out: the fresh-process build below is
    ProperDocs' (the default engine), the in-process one this process's engine."""
    return site_files(site)


@pytest.mark.usefixtures("example_charts")  # the first build reads the example's charts
def test_a_second_build_in_one_process_keeps_nothing_of_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build_fixture: Callable[[str], Path]
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    # the first build's PDFs are stand-ins (no PDF of it is read; WeasyPrint took most of this
    # test's time), the replacement undone before the second build, whose real PDFs are compared
    with monkeypatch.context() as first_build:
        fingerprint_pdfs(first_build)
        build_in_this_process(ROOT / "data", tmp_path / "first", first_build)
    assert pdf.pdf_job is REAL_PDF_JOB and pdf.jobs is REAL_PDF_JOBS
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the first plan's date does not date the next
    # the sitemap's dates are the plan's "as at" date, given to the engine, not the clock's
    as_at = load_board_data(ROOT / "data").current_plan.as_at_date.isoformat()
    sitemap = (tmp_path / "first" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {as_at}
    build_in_this_process(FIXTURES / "plans-attention", tmp_path / "second", monkeypatch)
    alone = files_of(build_fixture("plans-attention"))  # built in a fresh process
    second = files_of(tmp_path / "second")
    assert len(second) > 20
    assert sorted(second) == sorted(alone)
    assert [name for name in alone if second[name] != alone[name]] == []


def test_make_check_reads_the_reading_grade_from_the_plugin_options(tmp_path: Path) -> None:
    from plansite.pages.guide_gate import configured_grade as _reading_grade

    settings = tmp_path / "mkdocs.yml"
    settings.write_text("plugins:\n  - search\n  - plansite:\n      reading_grade: 7\n")
    assert _reading_grade(settings) == 7.0
    settings.write_text("plugins:\n  - plansite:\n      reading_grade: five\n")
    assert _reading_grade(settings) == (
        "mkdocs.yml: plansite: reading_grade: `five` is not a number; write a number, e.g. 5"
    )
    settings.write_text("site_name: x\n")
    assert _reading_grade(settings) == 5.0
    assert _reading_grade(ROOT / "mkdocs.yml") == 5.0  # the example board's setting
