"""`make serve` (`mkdocs serve --dirty`): a rebuild rewrites only the pages an edit changed
(plansite/engine/preview.py), and what it serves is the same as a full rebuild's, byte for byte.

The rebuilds run in this process as `mkdocs serve` runs them (the same plugin object from one to
the next, `build(..., serve_url=..., dirty=True)`), on a copy of the example board. Each is
compared with a full rebuild of the same data (plain `mkdocs serve`, which rebuilds everything).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from plansite.load import load_board_data
from plansite.model import links
from plansite.model.progress import needs_attention
from tests.conftest import FIXTURES, ROOT

URL = "http://127.0.0.1:8000/"
ADMIN_PAGE = "admin/index.html"
Snapshot = dict[str, tuple[bytes, int]]  # file in site/ -> its bytes and modification time


class Serve:
    """`mkdocs serve` in this process: one plugin object across rebuilds, as serve keeps it."""

    def __init__(self, site: Path, *, dirty: bool, config_file: Path = ROOT / "mkdocs.yml") -> None:
        self.site = site
        self.started = False
        self.dirty = dirty
        self.config_file = config_file

    def rebuild(self) -> Snapshot:
        config = load_config(str(self.config_file), site_dir=str(self.site))
        config.site_url = URL
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=self.dirty)
            self.started = True
        self.config = config
        build(config, serve_url=URL, dirty=self.dirty)
        return snapshot(self.site)

    def stop(self) -> None:
        if self.started:
            self.config.plugins.on_shutdown()


def snapshot(site: Path) -> Snapshot:
    return {
        p.relative_to(site).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in site.rglob("*")
        if p.is_file()
    }


def age_pages(site: Path) -> None:
    """Every page's time set to 0: a page the next rebuild writes has a new one."""
    for page in site.rglob("*.html"):
        os.utime(page, ns=(0, 0))


def rewritten_pages(after: Snapshot) -> set[str]:
    return {path for path, (_, time) in after.items() if path.endswith(".html") and time != 0}


def contents(snap: Snapshot) -> dict[str, bytes]:
    return {path: content for path, (content, _) in snap.items()}


def page_html(src_path: str) -> str:
    return links.served_dir(src_path) + "index.html"


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_charts: None) -> Iterator[Path]:
    """A copy of the example board; its charts kept in the run's cache (conftest), so the first
    rebuild reads them as the next ones do."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PLANSITE_DATA", str(data))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    yield data


def an_update_edit(data: Path) -> tuple[Path, Callable[[str], str], set[str]]:
    """The current plan's file; an edit of its first action in Needs attention that a subgroup
    leads: a new latest update text and a new status, as the action's lead reports; and the
    pages that show that action."""
    site = load_board_data(data)
    plan = site.current_plan
    attention = needs_attention(plan).actions
    action, priority = next(
        (a, p)
        for p in plan.priorities
        for a in p.all_actions
        if a.anchor in attention and a.updates and a.status and any(map(site.subgroup_for, a.leads))
    )
    subgroups = [s for s in map(site.subgroup_for, action.leads) if s is not None]
    shown = {
        page_html(links.priority(plan.id, priority.slug)),
        page_html(links.plan_page(plan.id, "all-actions")),
        page_html(links.plan_page(plan.id, "what-changed")),
        page_html(links.plan_page(plan.id, "needs-attention")),
        *(page_html(links.subgroup(s.id)) for s in subgroups),
    }
    text = action.updates[-1].text.split("\n")[0][:50]
    status = next(s.key for s in plan.statuses if s.key != action.status and not s.done)
    ref = re.compile(rf"\n\s+- ref: \"?{re.escape(action.ref)}\"?\n")
    status_line = re.compile(rf"(\n\s+status: ){re.escape(action.status)}\n")

    def edit(original: str) -> str:
        assert original.count(text) == 1
        start = next(ref.finditer(original)).end()
        own = status_line.search(original, start)  # the action's status comes before its updates
        assert own is not None and own.start() < original.index("updates:", start)
        edited = original[: own.start()] + f"{own.group(1)}{status}\n" + original[own.end() :]
        return edited.replace(text, "Plansite preview check. " + text)

    return data / "plans" / f"{plan.id}.yml", edit, shown


def test_an_update_edit_rewrites_only_the_pages_that_show_it_a_title_edit_all(
    board: Path, tmp_path: Path
) -> None:
    plan_file, edit, shows_the_action = an_update_edit(board)
    original = plan_file.read_text(encoding="utf-8")
    edited = edit(original)
    retitled = edited.replace("\ntitle: ", "\ntitle: Plansite preview check ", 1)

    serve = Serve(tmp_path / "served", dirty=True)
    try:
        first = serve.rebuild()
        age_pages(serve.site)
        unchanged = serve.rebuild()
        plan_file.write_text(edited, encoding="utf-8")
        age_pages(serve.site)
        after_update = serve.rebuild()
        plan_file.write_text(retitled, encoding="utf-8")
        age_pages(serve.site)
        after_title = serve.rebuild()
    finally:
        serve.stop()

    # the same data rebuilt in full, as plain `mkdocs serve` does, in the same process (so also:
    # nothing of the `--dirty` serve's state reaches these builds)
    full = Serve(tmp_path / "full", dirty=False)
    try:
        plan_file.write_text(edited, encoding="utf-8")
        full_update = contents(full.rebuild())
        plan_file.write_text(retitled, encoding="utf-8")
        full_title = contents(full.rebuild())
    finally:
        full.stop()

    assert rewritten_pages(unchanged) == set()
    assert contents(unchanged) == contents(first)

    # every file is current (pages, search index, sitemap, open data, feeds, Word files)
    assert contents(after_update) == full_update
    changed = {p for p, content in full_update.items() if first[p][0] != content}
    assert shows_the_action <= changed
    # ... and no other page was written
    assert rewritten_pages(after_update) == {p for p in changed if p.endswith(".html")}

    assert contents(after_title) == full_title
    # the admin forms' page is a published file (plansite/publish/admin.py), not one of the
    # engine's pages: left as it is when its bytes are the same, as every published file is
    every_page = {p for p in after_title if p.endswith(".html")} - {ADMIN_PAGE}
    assert len(every_page) > 80
    assert rewritten_pages(after_title) == every_page


def test_broken_data_shows_only_its_problems_then_the_fixed_site_in_full(
    board: Path, tmp_path: Path
) -> None:
    plan_file = board / "plans" / f"{load_board_data(board).current_plan.id}.yml"
    original = plan_file.read_text(encoding="utf-8")
    serve = Serve(tmp_path / "served", dirty=True)
    try:
        good = serve.rebuild()
        plan_file.write_text(original.replace("status: red\n", "status: purple\n", 1), "utf-8")
        broken = serve.rebuild()
        plan_file.write_text(original, encoding="utf-8")
        fixed = serve.rebuild()
    finally:
        serve.stop()

    # no page of the last good site is left: every address shows the problems
    problem_pages = {"index.html", "404.html", "404/index.html"}
    assert {p for p in broken if p.endswith(".html")} == problem_pages
    assert "status `purple` is not one of this plan" in broken["index.html"][0].decode()
    assert contents(fixed) == contents(good)


def test_a_plan_taken_out_takes_its_pages_and_files_out_and_the_log_stays_quiet(
    board: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The folder is not emptied between rebuilds: what the last rebuild wrote and this one does
    not (the plan's pages, its Word file) is removed. The engine's note for each page left as
    written, and its dirty-build warning, are not shown."""
    taken_out = "improvement-plan-2026"
    report = board / "reports" / "2025-26.yml"
    serve = Serve(tmp_path / "served", dirty=True)
    try:
        before = serve.rebuild()
        (board / "plans" / f"{taken_out}.yml").unlink()
        listed = report.read_text(encoding="utf-8")
        assert listed.count(f", {taken_out}]") == 1
        report.write_text(listed.replace(f", {taken_out}]", "]"), encoding="utf-8")
        after = serve.rebuild()
        caplog.clear()
        with caplog.at_level(logging.INFO):
            again = serve.rebuild()
    finally:
        serve.stop()
    full = Serve(tmp_path / "full", dirty=False)
    try:
        expected = contents(full.rebuild())
    finally:
        full.stop()

    gone = {p for p in before if taken_out in p}
    assert f"plans/{taken_out}/index.html" in gone and f"downloads/{taken_out}.docx" in gone
    assert contents(after) == expected and contents(again) == expected
    assert not (tmp_path / "served" / "plans" / taken_out).exists()  # no empty folder either
    messages = [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if m.startswith(("Page skipped", "A 'dirty' build"))]
    assert any(m.startswith("Documentation built in") for m in messages)  # the log was read


def test_a_page_excluded_in_mkdocs_yml_is_taken_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of docs/ that mkdocs.yml's `exclude_docs` comes to name stays a file the engine
    lists but never writes: the preview removes what the last rebuild wrote of it. (The pages
    of docs/ are the point, not the board's: the minimal board, a fraction of the example's
    rebuilds, which this test made three of under each engine.)"""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PLANSITE_DATA", str(FIXTURES / "minimal"))  # only read
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = tmp_path / "project"
    project.mkdir()
    starter = ROOT / "plansite" / "starter_site"  # what `plansite new-board` copies
    shutil.copytree(starter / "docs", project / "docs")
    excluded = "exclude_docs: |\n  /maintainers/\n"
    settings = (starter / "mkdocs.yml").read_text(encoding="utf-8") + excluded
    config_file = project / "mkdocs.yml"
    config_file.write_text(settings, encoding="utf-8")
    serve = Serve(tmp_path / "served", dirty=True, config_file=config_file)
    try:
        before = serve.rebuild()
        config_file.write_text(
            settings.replace(excluded, excluded + "  /accessibility.md\n"), encoding="utf-8"
        )
        after = serve.rebuild()
    finally:
        serve.stop()
    full = Serve(tmp_path / "full", dirty=False, config_file=config_file)
    try:
        expected = contents(full.rebuild())
    finally:
        full.stop()
    assert "accessibility/index.html" in before and "accessibility/index.html" not in expected
    assert contents(after) == expected
