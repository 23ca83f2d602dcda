"""Gate 7, small screens and the keyboard, in Chromium: every page of the site fits a 320 px
wide screen (WCAG 1.4.10 reflow, the width of 1280 px zoomed to 400%), a wide table scrolls
inside its own region that the keyboard can reach and a screen reader names, and the first Tab
on every page reaches "Skip to main content", which leads to the page's content."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import page
from tests.gates.conftest import CHROMIUM_ARGS, chromium_path, html_pages, page_url

NARROW = 320  # CSS pixels: 1280 px at 400% zoom


# What the first Tab reached, and where Enter on it led.
FIRST_FOCUS = """() => {
  const el = document.activeElement;
  const href = el && el.getAttribute('href') || '';
  return {text: el ? el.textContent.trim() : '', href: href,
          target: href.startsWith('#') && !!document.getElementById(href.slice(1))};
}"""
FOCUS_ID = "() => document.activeElement ? document.activeElement.id : ''"


@dataclass(frozen=True)
class NarrowVisit:
    url: str
    scroll_width: int
    first_focus: dict[str, object]
    focus_after_enter: str


@pytest.fixture(scope="module")
def narrow_visits(gated_site: Path, served_site: str) -> list[NarrowVisit]:
    """Every page, loaded once in a 320 px wide window."""
    from playwright.sync_api import sync_playwright

    visits = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        window = browser.new_page(viewport={"width": NARROW, "height": 640})
        # nothing leaves the machine: the site is on 127.0.0.1
        window.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(served_site) else route.abort()
            ),
        )
        for file in html_pages(gated_site):
            url = served_site + page_url(gated_site, file)
            window.goto(url, wait_until="load")
            width = window.evaluate("document.documentElement.scrollWidth")
            window.keyboard.press("Tab")
            first = window.evaluate(FIRST_FOCUS)
            focused = ""
            if first["href"] == "#main-content":  # Enter on any other link would leave the page
                window.keyboard.press("Enter")
                focused = window.evaluate(FOCUS_ID)
            visits.append(NarrowVisit(url, int(width), first, focused))
        browser.close()
    return visits


def test_every_page_fits_320_px(narrow_visits: list[NarrowVisit], gated_site: Path) -> None:
    assert len(narrow_visits) == len(html_pages(gated_site)) > 1
    too_wide = [
        f"{v.url}: {v.scroll_width} px wide" for v in narrow_visits if v.scroll_width > NARROW
    ]
    assert not too_wide, f"wider than a {NARROW} px screen:\n" + "\n".join(too_wide)


def test_every_table_scrolls_in_a_named_focusable_region(gated_site: Path) -> None:
    bare = []
    tables = 0
    for file in html_pages(gated_site):
        for table in page(gated_site, str(file.relative_to(gated_site))).select("table.ps-table"):
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
                bare.append(f"{page_url(gated_site, file)}: {table.caption}")
    assert tables > 0
    assert not bare, "tables outside a labelled scroll region:\n" + "\n".join(bare)


def test_first_tab_reaches_the_skip_link_and_it_leads_to_the_content(
    narrow_visits: list[NarrowVisit],
) -> None:
    wanted = {"text": "Skip to main content", "href": "#main-content", "target": True}
    wrong = [
        f"{v.url}: first Tab reached {v.first_focus}, Enter focused #{v.focus_after_enter}"
        for v in narrow_visits
        if v.first_focus != wanted or v.focus_after_enter != "main-content"
    ]
    assert not wrong, "\n".join(wrong)
