"""macros/worker.py: the second process renders exactly what the build would, and its failures
reach the build."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from macros.load import load_board_data
from macros.model.board_data import BoardData
from macros.pages import GeneratedPage
from macros.pages.indicators import INDICATOR
from macros.pages.registry import generated_pages, render_page
from macros.publish import make_files
from macros.worker import Worker, worker_helps
from tests.conftest import ROOT

Started = tuple[Worker, list[GeneratedPage], BoardData]


@pytest.fixture(scope="module")
def started() -> Iterator[Started]:
    site = load_board_data(ROOT / "data")
    pages = generated_pages(site)
    worker = Worker(site, [p for p in pages if not p.slow], [p for p in pages if p.slow])
    yield worker, pages, site
    worker.close()


def test_the_worker_renders_what_the_build_renders(started: Started) -> None:
    worker, pages, site = started
    assert len(pages) > 50 and any(p.slow for p in pages)
    for page in pages:
        rendered = worker.page(page.path)
        assert rendered is not None, page.path
        assert rendered() == render_page(site, page.path, page.page_type.name, *page.args), (
            page.path
        )
    assert worker.page(pages[0].path) is None  # each page is taken once
    assert worker.published() == make_files(site)


def test_an_error_in_the_worker_reaches_the_build() -> None:
    site = load_board_data(ROOT / "data")
    broken = GeneratedPage("indicators/none.md", "None", INDICATOR, ("NO-SUCH-REF",))
    worker = Worker(site, [broken], [])
    try:
        rendered = worker.page(broken.path)
        assert rendered is not None
        with pytest.raises(KeyError, match="NO-SUCH-REF"):
            rendered()
    finally:
        worker.close()


def test_a_worker_needs_a_spare_core_and_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr("sys.platform", "linux")
    assert worker_helps()
    monkeypatch.setattr("sys.platform", "darwin")
    assert not worker_helps()
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("PLANSITE_WORKER", "0")
    assert not worker_helps()
    monkeypatch.setenv("PLANSITE_WORKER", "1")
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert not worker_helps()
