"""Gate 7, small screens and the keyboard, in Chromium: every page of the site fits a 320 px
wide screen (WCAG 1.4.10 reflow, the width of 1280 px zoomed to 400%), a wide table scrolls
inside its own region that the keyboard can reach and a screen reader names, and the first Tab
on every page reaches "Skip to main content", which leads to the page's content."""

from __future__ import annotations

from pathlib import Path

from tests.gates.conftest import NARROW_WINDOW, BrowserRun, html_pages, parsed_pages

NARROW = NARROW_WINDOW["width"]


def test_every_page_fits_320_px(browser_run: BrowserRun, gated_site: Path) -> None:
    """Read from the gates' one visit (tests/gates/conftest.py), which narrows each page's
    window to 320 px after its checks at 1280 px, as zooming to 400% does."""
    visits = browser_run.visits
    assert len(visits) == len(html_pages(gated_site)) > 1
    too_wide = [f"{v.url}: {v.narrow_width} px wide" for v in visits if v.narrow_width > NARROW]
    assert not too_wide, f"wider than a {NARROW} px screen:\n" + "\n".join(too_wide)


def test_every_table_scrolls_in_a_named_focusable_region(gated_site: Path) -> None:
    bare = []
    tables = 0
    for url, soup in parsed_pages(gated_site).items():
        for table in soup.select("table.ps-table"):
            tables += 1
            region = table.parent
            if not (
                region.name == "div"
                and "ps-table-wrap" in (region.get("class") or [])
                and region.get("role") == "region"
                and region.get("tabindex") == "0"
                and str(region.get("aria-label", "")).split()
                == (table.caption.get_text().split() if table.caption else [])
            ):
                bare.append(f"{url}: {table.caption}")
    assert tables > 0
    assert not bare, "tables outside a labelled scroll region:\n" + "\n".join(bare)


def test_first_tab_reaches_the_skip_link_and_it_leads_to_the_content(
    browser_run: BrowserRun,
) -> None:
    wanted = {"text": "Skip to main content", "href": "#main-content", "target": True}
    wrong = [
        f"{v.url}: first Tab reached {v.first_focus}, Enter focused #{v.focus_after_enter}"
        for v in browser_run.visits
        if v.first_focus != wanted or v.focus_after_enter != "main-content"
    ]
    assert not wrong, "\n".join(wrong)
