"""Chromium for the tests: in each test process, one Playwright driver and one browser for each
set of flags, started when a test first asks (the `browsers` and `chromium` fixtures,
tests/conftest.py) and closed when the process's tests end.

A test opens a context of its own in it (`browser.new_context`, or `browser.new_page`, whose
context closes with the page): its own cookies, storage and cache, as a fresh browser has. A
start of the driver and the browser costs about 1.6 CPU-seconds; a run started them 17 times,
once for each part of the gates' visit and each module that used a browser.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

# Debian's Chromium, as its headless shell (package chromium-headless-shell, built from the same
# source): the same Blink and V8 without the desktop browser's window machinery, which was a
# sixth of the CPU of the gates' visit of every page (what Playwright itself runs headless).
CHROMIUM = os.environ.get("PLANSITE_CHROMIUM", "/usr/bin/chromium-headless-shell")
# Chromium runs as root here, and must not phone home (sync, updates, safe browsing).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # V8 without its optimising compiler: a page's scripts, and axe (put into each page afresh),
    # run too briefly for optimised code to repay compiling it: a tenth of the visit's CPU
    "--js-flags=--no-opt",
)
INSTALL_HINT = "run scripts/install-test-tools.sh (or `make test`, which runs it)"


def chromium_path() -> str:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; {INSTALL_HINT}")
    return CHROMIUM


class Browsers:
    """This test process's Playwright and its browsers, by their flags, each started once."""

    def __init__(self) -> None:
        self._playwright: Playwright | None = None
        self._launched: dict[tuple[str, ...], Browser] = {}

    def launched(self, args: Sequence[str] = CHROMIUM_ARGS) -> Browser:
        if self._playwright is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
        if tuple(args) not in self._launched:
            self._launched[tuple(args)] = self._playwright.chromium.launch(
                executable_path=chromium_path(), args=list(args), headless=True
            )
        return self._launched[tuple(args)]

    def close(self) -> None:
        for browser in self._launched.values():
            browser.close()
        self._launched.clear()
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None
