"""Issue 17's bad inputs through `mkdocs serve`'s rebuild: one server, the watched data folder
changed case after case (each case costs a rebuild, about two seconds here: the whole corpus
goes through `make check` and the build in tests/test_no_traceback.py instead). The server must keep answering, show each case's first problem or
warning (or the site when the data is valid), and never print a traceback or fail a rebuild.
Served by ProperDocs (`make serve`'s), or by MkDocs with PLANSITE_TEST_ENGINE=mkdocs."""

from __future__ import annotations

import html
import os
import shutil
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.bad_inputs.careless import ISSUE_CASES
from tests.conftest import ENGINE
from tests.test_bad_inputs import report
from tests.test_serve import free_port, start_serve

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "corpus-base"


def load_into(folder: Path, source: Path) -> None:
    """Make the watched folder hold `source`'s files, changing only what differs: each change
    starts a rebuild, and an editor saves one file at a time."""
    wanted = {p.relative_to(source) for p in source.rglob("*")}
    for entry in sorted(folder.rglob("*"), reverse=True):  # files before their folders
        if entry.relative_to(folder) not in wanted or _differs(
            entry, source / entry.relative_to(folder)
        ):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    for relative in sorted(wanted):
        entry, target = source / relative, folder / relative
        if target.exists() or target.is_symlink():
            continue
        if entry.is_symlink():
            target.symlink_to(os.readlink(entry))
        elif entry.is_dir():
            target.mkdir()
        else:
            shutil.copy2(entry, target)


def _differs(here: Path, there: Path) -> bool:
    if here.is_symlink() or there.is_symlink():
        return here.is_symlink() != there.is_symlink() or os.readlink(here) != os.readlink(there)
    if here.is_dir() or there.is_dir():
        return here.is_dir() != there.is_dir()
    return not there.exists() or here.read_bytes() != there.read_bytes()


def wait_for(url: str, test: Callable[[str], bool], seconds: float) -> None:
    """Ask until the page passes `test`; a page is answered once the rebuild under way is done."""
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                last = response.read().decode("utf-8")
            if test(last):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never passed the test; last page:\n{last[:1500]}")


def shows(case_first_line: str | None) -> Callable[[str], bool]:
    if case_first_line is None:
        return lambda page: "ps-problems" not in page and "Testshire" in page
    message = case_first_line.split(": ", 1)[1]
    return lambda page: "ps-problems" in page and message in html.unescape(page)


def test_serve_survives_every_issue_case(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    port = free_port()
    server = start_serve(data, port, os.environ.get("PLANSITE_TEST_ENGINE", ENGINE))
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(server.stderr or []), daemon=True)
    reader.start()
    home = f"http://127.0.0.1:{port}/"
    try:
        wait_for(home, shows(None), seconds=600)
        for case in ISSUE_CASES:
            with tempfile.TemporaryDirectory() as scratch:
                prepared = Path(scratch) / "data"
                shutil.copytree(BASE, prepared)
                case.breaks(prepared)
                load_into(data, prepared)
            # warnings too: a strict rebuild would stop on them, so the preview shows them
            try:
                lines, status = report(case.expected)
                wait_for(home, shows(lines[0] if status else None), seconds=600)
            except AssertionError as error:
                raise AssertionError(f"{case.name}: {error}"[:3000]) from None
        load_into(data, BASE)
        wait_for(home, shows(None), seconds=600)
    finally:
        server.terminate()
        server.wait(timeout=300)
        reader.join(timeout=10)
    output = "".join(log)
    assert "Traceback" not in output, output[-5000:]
    assert "An error happened during the rebuild" not in output
