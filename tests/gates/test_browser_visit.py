"""The gates' one browser visit (tests/gates/conftest.py) sees what the gates need to fail: a
request a page makes late, after its load, to another host (the privacy gate); a page wider
than 320 px only on a small screen (the small-screen gate); an axe violation (the
accessibility gate). A tiny site of two pages, served and visited as the example's is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gates import test_accessibility, test_privacy, test_small_screens
from tests.gates.conftest import html_pages, serving, visit_pages

LATE = "https://tracker.example/late.gif"
STYLE = "body { margin: 0 } @media (max-width: 600px) { .wide { width: 400px } }"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/style.css"></head><body><main><h1>{title}</h1>
<div class="wide">Some words.{body}</div></main></body></html>"""
LATE_REQUEST = (
    "<script>addEventListener('load', () => setTimeout(() =>"
    f" fetch('{LATE}').catch(() => null), 300));</script>"
)


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("tiny")
    (site / "style.css").write_text(STYLE, encoding="utf-8")
    (site / "index.html").write_text(PAGE.format(title="Home", body=LATE_REQUEST), encoding="utf-8")
    (site / "other").mkdir()
    (site / "other" / "index.html").write_text(
        PAGE.format(title="Other", body='<img src="/none.png">'), encoding="utf-8"
    )
    return site


@pytest.mark.slow  # Chromium, through tests/gates/conftest.py's visit_pages
def test_the_visit_records_what_fails_the_gates(tiny_site: Path, chromium: Any) -> None:
    with serving(tiny_site) as served:
        run = visit_pages(chromium, tiny_site, html_pages(tiny_site), served, False)
    home, other = run.visits
    assert home.url == served and other.url == served + "other/"
    # the late request, made 300 ms after the load, is the home page's, and fails the privacy gate
    assert LATE in home.requests and LATE not in other.requests
    with pytest.raises(AssertionError, match=f"{served} asked {LATE}"):
        test_privacy.test_pages_request_nothing_from_other_hosts(run)
    # wider than 320 px only below 600 px: the window was narrowed on the same tab
    assert home.narrow_width == other.narrow_width == 400
    with pytest.raises(AssertionError, match="400 px wide"):
        test_small_screens.test_every_page_fits_320_px(run, tiny_site)
    # the image without a text alternative, on the other page only
    assert [v["id"] for v in home.violations] == []
    assert "image-alt" in [v["id"] for v in other.violations]
    with pytest.raises(AssertionError, match="image-alt"):
        test_accessibility.test_no_page_has_axe_violations(run)
    # no skip link on these pages: the first Tab reaches nothing
    with pytest.raises(AssertionError, match="first Tab reached"):
        test_small_screens.test_first_tab_reaches_the_skip_link_and_it_leads_to_the_content(run)
