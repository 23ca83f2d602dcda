"""Issue 26: a build keeps its loaded data (plansite/engine/kept_model.py) and each generated
page's rendering under the key of its inputs (plansite/engine/kept_pages.py), and a page's
search entries and its final HTML (the glossary's links and abbreviations) under a hash of the
HTML they are made from. A warm build loads no data, renders no page, cuts no entries and links
no glossary phrase, and publishes what a build with no cache publishes; an edit of anything a
page shows publishes the pages a build with no cache makes."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from plansite import pages as page_types
from plansite.documents import pdf as documents
from plansite.engine import build as site_build
from plansite.engine import kept_pages
from plansite.engine.build import Options, SiteBuild
from plansite.engine.kept_model import MODEL
from plansite.render import templates
from plansite.render.cache_files import KEPT_FOLDERS, prune
from tests.conftest import FIXTURES, run_build, site_files
from tests.test_document_inputs import EDITS, Board, board_in, edit, fake_pdf

# what a warm build must not do again: load the data, render a page, cut its entries, link its
# glossary phrases
COUNTED = {
    "load": (site_build, "load_board_data"),
    "render": (site_build, "render_page"),
    "cut": (page_types, "page_entries"),
    "finish": (site_build, "link_phrases_in_article"),
}


@dataclass
class Pages:
    """Every generated page of a build, as the engine would write it: its rendering (HTML,
    headings, ids, entries) and its final HTML; the charts' placeholders filled in."""

    rendered: dict[str, Any]
    finished: dict[str, str]
    written: dict[str, bytes]  # the pages written again (charts and files' sizes filled in)

    def published(self) -> dict[str, bytes]:
        """Each page as published: written again, or as the engine wrote it."""
        return {
            path: self.written.get(html_path(path)) or html.encode()
            for path, html in self.finished.items()
        }


def html_path(path: str) -> str:
    return path.replace(".md", ".html")


def pages_of(board: Board, cache: Path | None, site: Path, workers: int = 1) -> Pages:
    """A build through the engine's API: each generated page rendered and finished as the
    plugin does (the page's HTML in an <article> stands in for the theme's page)."""
    options = Options(words=board.words, cache=cache, site_url=board.site_url, workers=workers)
    made = SiteBuild(board.data, options)
    made.start_files(site)
    rendered, finished = {}, {}
    for page in made.pages_to_add(lambda path: False):
        url = page.path.removesuffix(".md").removesuffix("index") + "/"
        result = made.render(page.path, url)
        assert result is not None
        rendered[page.path] = result
        framed = f"<html><body><article>{result.html}</article></body></html>"  # the theme's
        finished[page.path] = made.finish_page(page.path, framed)
        made.written(html_path(page.path), finished[page.path])
    made.finish_files(site)
    written = {
        p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html") if p.is_file()
    }
    return Pages(rendered, finished, written)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many times each step a kept page saves ran (WeasyPrint stood in for)."""
    monkeypatch.setattr(documents, "_weasyprint", fake_pdf)
    counts = dict.fromkeys(COUNTED, 0)
    for name, (module, function) in COUNTED.items():
        monkeypatch.setattr(module, function, counted(getattr(module, function), name, counts))
    return counts


def counted(function: Callable[..., Any], name: str, counts: dict[str, int]) -> Callable[..., Any]:
    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return function(*args, **kwargs)

    return call


@pytest.fixture
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Pages]:
    """Builds with the board's own fragments (as tests/test_document_inputs.py builds)."""
    sites = iter(range(1000))
    new_environment = templates.new_environment
    current: dict[str, Path] = {}

    def environment(cache: Path | None, fragments: Path = templates.FRAGMENTS) -> Any:
        return new_environment(cache, current.get("fragments", fragments))

    monkeypatch.setattr(site_build.templates, "new_environment", environment)

    def run(board: Board, cache: Path | None, workers: int = 1) -> Pages:
        current["fragments"] = board.fragments
        return pages_of(board, cache, tmp_path / f"site-{next(sites)}", workers)

    return run


@pytest.mark.parametrize("workers", [1, 2])
def test_a_warm_build_renders_no_page_and_publishes_the_same(
    workers: int, calls: dict[str, int], builds: Callable[..., Pages], tmp_path: Path
) -> None:
    """With one process (charts drawn in the pages) and with workers (charts drawn beside the
    build, their placeholders filled in once the page is written: a kept page asks for its
    charts again)."""
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    first = builds(board, cache, workers)
    pages = len(first.rendered)
    assert pages > 10
    assert calls == {"load": 1, "render": pages, "cut": pages, "finish": pages}
    if workers > 1:  # the indicators' charts: placeholders, filled in
        assert any("<!--plansite-chart:" in p.html for p in first.rendered.values())
    assert not any(b"<!--plansite-chart:" in html for html in first.written.values())
    # with one process the pages show their charts, else the pages written again do
    shown = [*(p.encode() for p in first.finished.values()), *first.written.values()]
    assert any(b"<svg" in html for html in shown)
    warm = builds(board, cache, workers)
    assert calls == {"load": 1, "render": pages, "cut": pages, "finish": pages}  # none more
    assert warm == first
    # with no cache the charts are drawn in the pages (no placeholders): the same pages
    assert builds(board, None, workers).published() == first.published()


# each edit a document's key covers (tests/test_document_inputs.py), and the glossary: on the
# pages only, its links and abbreviations added to the engine's HTML (`finish_page`)
PAGE_EDITS: dict[str, Callable[[Board], None]] = {
    **{what: change for what, (change, _) in EDITS.items()},
    "a glossary entry": lambda b: edit(
        b.data / "glossary.yml", "Practice Group", "Procedures Group"
    ),
}


@pytest.mark.parametrize("what", list(PAGE_EDITS))
def test_an_edit_publishes_the_pages_a_build_with_no_cache_makes(
    what: str, calls: dict[str, int], builds: Callable[..., Pages], tmp_path: Path
) -> None:
    change = PAGE_EDITS[what]
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    before = builds(board, cache)
    change(board)
    after = builds(board, cache)
    pages = len(before.rendered)
    # the inputs changed: the data loaded and every page rendered again
    assert calls["load"] == 2
    assert calls["render"] == 2 * pages
    assert after == builds(board, None)
    if what == "a glossary entry":  # the same pages' HTML: only their final HTML changes
        assert any("Procedures Group" in html for html in after.finished.values())


def test_pages_whose_html_is_the_same_are_finished_and_cut_from_the_cache(
    calls: dict[str, int], builds: Callable[..., Pages], tmp_path: Path
) -> None:
    """An update's words edited: every page is rendered again (the inputs changed), but only
    the pages that show the update are cut and finished again."""
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    before = builds(board, cache)
    pages = len(before.rendered)
    plan = board.data / "plans" / "plan-a.yml"
    plan.write_text(plan.read_text("utf-8").replace("Survey delayed.", "Survey late."), "utf-8")
    after = builds(board, cache)
    changed = {path for path in before.finished if after.finished[path] != before.finished[path]}
    assert 0 < len(changed) < pages / 2
    assert calls["render"] == 2 * pages
    assert calls["cut"] == calls["finish"] == pages + len(changed)
    assert after == builds(board, None)


def test_a_page_rendered_while_an_input_was_saved_is_not_kept_under_the_inputs(
    builds: Callable[..., Pages],
    calls: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As a document is not (tests/test_document_inputs.py): the next build renders it again."""
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    with monkeypatch.context() as during:
        during.setattr(site_build.Inputs, "unchanged", lambda self: False)
        first = builds(board, cache)
    assert not [*(cache / kept_pages.PAGE).glob("*.made"), *(cache / MODEL).glob("*.made")]
    pages = len(first.rendered)
    assert builds(board, cache) == first
    assert calls["render"] == 2 * pages  # rendered again ...
    assert calls["load"] == 2  # ... and loaded again
    assert len(list((cache / kept_pages.PAGE).glob("*.made"))) == pages  # ... and now kept
    assert len(list((cache / MODEL).glob("*.made"))) == 1
    assert builds(board, cache) == first
    assert calls["render"] == 2 * pages
    assert calls["load"] == 2


def test_the_kept_pages_are_pruned(builds: Callable[..., Pages], tmp_path: Path) -> None:
    """The new kinds are pruned as every kept file is, once no build has used them."""
    kinds = {*kept_pages.KINDS, MODEL}
    assert kinds <= set(KEPT_FOLDERS)
    board, cache = board_in(tmp_path / "board"), tmp_path / "cache"
    builds(board, cache)
    kept = [p for kind in kinds for p in (cache / kind).iterdir()]
    assert {p.parent.name for p in kept} == kinds
    assert prune(cache) == []  # just used
    assert set(prune(cache, unused_days=-1)) >= set(kept)


def test_a_build_from_a_warm_cache_writes_the_site_a_build_with_no_cache_writes(
    tmp_path: Path,
) -> None:
    """The whole site through the engine (stand-in PDFs): a first build, a warm one, and one
    with no cache at all."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    cache = str(tmp_path / "cache")
    sites = []
    for name, setting in (("first", cache), ("warm", cache), ("none", "")):
        result = run_build(data, tmp_path / name, pdfs=False, PLANSITE_CACHE=setting)
        assert result.returncode == 0, result.stderr
        sites.append(site_files(tmp_path / name))
    assert list((Path(cache) / kept_pages.PAGE).glob("*.made"))
    assert sites[0] == sites[1] == sites[2]
