"""Chromium for the tests: in each test process, one Playwright driver and one browser, started
when a test first asks (the `chromium` fixture, tests/conftest.py) and closed when the
process's tests end.

A test opens a context of its own in it (`browser.new_context`, or `browser.new_page`, whose
context closes with the page): its own cookies, storage and cache, as a fresh browser has. A
start of the driver and the browser costs about 1.6 CPU-seconds; a run started them 17 times,
once for each part of the gates' visit and each module that used a browser.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
