"""Issue 26: a large plan's generated pages are not all held as text at once. MkDocs reads every
page before it writes the first; each generated page's HTML waits compressed
(plansite/engine/held_pages.py) and is let go once written."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.search.plugin import SearchIndex

from plansite.engine import plugin, search_index
from plansite.engine.held_pages import HeldEntries, HeldPages
from plansite.engine.search_index import write_entries
from tests.conftest import FIXTURES
from tests.test_plugin import build_in_this_process


def _page(path: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=path), content=None)


def test_a_held_page_comes_back_as_it_was_and_is_let_go_once_written() -> None:
    held, page = HeldPages(), _page("plans/p/1.md")
    html = "<h2 id='a'>Priority 1 – neglect</h2>" + "<p>An update’s text.</p>\n" * 5000
    page.content = held.hold(page, html)
    assert page.content == ""
    held.put_back(page)
    assert page.content == html
    held.let_go(page)
    assert page.content is None
    held.put_back(page)  # put back once only: nothing is held for it any more
    assert page.content is None


def test_no_generated_page_is_held_as_text_when_the_first_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[tuple[Any, int]] = []  # each generated page and its HTML's length
    seen_when_written: list[list[str | None]] = []
    hold, put_back = HeldPages.hold, HeldPages.put_back

    def holding(self: HeldPages, page: Any, html: str) -> str:
        held.append((page, len(html)))
        return hold(self, page, html)

    def putting_back(self: HeldPages, page: Any) -> None:
        if not seen_when_written:
            seen_when_written.append([p.content for p, _ in held])
        put_back(self, page)

    monkeypatch.setattr(HeldPages, "hold", holding)
    monkeypatch.setattr(HeldPages, "put_back", putting_back)
    monkeypatch.setenv("PLANSITE_CACHE", "")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_in_this_process(FIXTURES / "plans-attention", tmp_path / "site", monkeypatch)
    assert len(held) > 10 and all(size > 0 for _, size in held)
    assert seen_when_written == [[""] * len(held)]  # every page read, none kept as text
    assert [p.content for p, _ in held] == [None] * len(held)  # each let go once written
    priority = (tmp_path / "site" / "plans").rglob("index.html")
    assert any("<h2" in f.read_text(encoding="utf-8") for f in priority)


def _material_index(entries: list[Any]) -> str:
    """The search index Material's search plugin writes with `entries` (as mkdocs.yml sets
    it up)."""
    index = SearchIndex(lang=["en"], separator=r"[\s\-]+", pipeline=["stopWordFilter"], fields={})
    index.entries = entries
    written: str = index.generate_search_index(None)
    return written


def test_held_search_entries_are_written_in_their_place_as_material_writes_them(
    tmp_path: Path,
) -> None:
    """The index's entries taken out, the search plugin writes it with none, and they are
    written into it a page's at a time: the bytes Material writes with every entry."""
    first = [{"location": "a/", "title": "A – “one”", "text": "Ünïcode and <b> kept \ue000"}]
    second = [{"location": "b/#x", "title": "B", "text": " spaced "}] * 3
    narrative = {"location": "c/", "title": "C", "text": "from the search plugin", "tags": []}
    index = tmp_path / "search_index.json"
    index.write_text(_material_index([]), "utf-8")
    items = [HeldEntries(first), narrative, HeldEntries([]), HeldEntries(second)]
    write_entries(index, items)
    assert index.read_text("utf-8") == _material_index([*first, narrative, *second])

    def sized(entries: list[Any]) -> None:  # as SiteBuild.search_sizes fills a page's in
        for entry in entries:
            entry["text"] = entry["text"].replace("\ue000", "1 MB")

    index.write_text(_material_index([]), "utf-8")
    write_entries(index, items, sized)
    shown = [{**first[0], "text": "Ünïcode and <b> kept 1 MB"}, narrative, *second]
    assert index.read_text("utf-8") == _material_index(shown)


def test_no_generated_page_s_search_entries_are_held_as_text_while_pages_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each generated page's entries wait compressed in the index until it is written; then
    the index is written a page's entries at a time, with the build's data let go."""
    seen: list[list[str]] = []  # the kinds of the index's items when the index is written
    data_held: list[bool] = []
    write = search_index.write_entries

    def writing(path: Path, items: list[Any], fill: Any = None) -> None:
        seen.append([type(item).__name__ for item in items])
        made = build_of.get("plugin")
        data_held.append(made is not None and made.build._site is not None)
        write(path, items, fill)

    build_of: dict[str, Any] = {}
    pages_written = plugin.SiteBuild.pages_written

    def written(self: Any) -> None:
        build_of["plugin"] = SimpleNamespace(build=self)
        pages_written(self)

    monkeypatch.setattr(plugin, "write_entries", writing)
    monkeypatch.setattr(plugin.SiteBuild, "pages_written", written)
    monkeypatch.setenv("PLANSITE_CACHE", "")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_in_this_process(FIXTURES / "plans-attention", tmp_path / "site", monkeypatch)
    assert len(seen) == 1
    assert seen[0].count("HeldEntries") > 10  # every generated page's
    assert set(seen[0]) == {"HeldEntries", "dict"}  # and the narrative pages' own entries
    assert data_held == [False]
    written_index = (tmp_path / "site" / "search" / "search_index.json").read_text("utf-8")
    assert '"location":"plans/' in written_index
    assert len(json.loads(written_index)["docs"]) > len(seen[0])
