"""Gate 7b, phones and the keyboard (issue 24), in Chromium:

- on a 320 px screen an action table reads as one labelled block per row: the first row's status
  tag and due date are in view without scrolling sideways, and no table on those pages is wider
  than its box; the rows keep their table roles, and sorting and filtering still work;
- Tab never lands on something hidden or off-screen (the closed menu drawer, the closed search
  box), and the menu button is a Tab stop that opens the drawer with Enter;
- chart text is drawn at 12 px or more on a 320 px screen, and "[c] is not published." is said
  only under a chart that shows a [c];
- no page logs a JavaScript error or asks for a file that is not there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from plansite.words.wording import word
from tests.gates.conftest import (
    NARROW_WINDOW,
    STILL,
    WIDE_WINDOW,
    BrowserRun,
    InFlight,
    html_pages,
    load,
    parsed_pages,
)

NARROW, WIDE = NARROW_WINDOW["width"], WIDE_WINDOW["width"]
HEIGHT = NARROW_WINDOW["height"]
TAB_STOPS = 60
SMALLEST_TEXT = 12  # px, on a 320 px screen


def open_page(chromium: Any, served_site: str, url: str, width: int) -> Any:
    """A new tab `width` px wide at `url` (relative to the site), fully loaded and still."""
    tab = chromium.new_page(viewport={"width": width, "height": HEIGHT})
    tab.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(served_site) else route.abort()
        ),
    )
    load(tab, served_site + url, InFlight(tab))
    tab.add_style_tag(content=STILL)
    return tab


@pytest.fixture(scope="module")
def soups(gated_site: Path) -> dict[str, BeautifulSoup]:
    """Every page, parsed once for the module's checks, by its URL ("", "plans/", "404.html")."""
    return parsed_pages(gated_site)


def stacked_pages(soups: dict[str, BeautifulSoup]) -> list[str]:
    """Every page with a table of actions (rows named by their refs) or a table that stacks on
    a phone (the planner's, the indicators')."""
    return [url for url, soup in soups.items() if soup.select_one("table.ps-refs, table.ps-stack")]


# --- 1. action tables on a phone -------------------------------------------------------------


@dataclass(frozen=True)
class TableView:
    url: str
    tables: list[dict[str, Any]]  # the first row of each (FIRST_ROW, tests/gates/conftest.py)
    every_table: list[dict[str, Any]]
    scroll_x: int


@pytest.fixture(scope="module")
def narrow_tables(browser_run: BrowserRun, soups: dict[str, BeautifulSoup]) -> list[TableView]:
    """The stacked tables of each page that has them, read at 320 px in the gates' one visit."""
    views = []
    for url in stacked_pages(soups):
        visit = browser_run.at(url)
        views.append(TableView(visit.url, visit.tables, visit.every_table, visit.scroll_x))
    return views


def test_the_stacked_tables_are_on_the_pages_the_issue_names(
    soups: dict[str, BeautifulSoup],
) -> None:
    urls = stacked_pages(soups)
    for wanted in ("all-actions/", "what-changed/", "priority-1/", "planner/", "indicators/"):
        assert any(u.endswith(wanted) for u in urls), wanted


def test_first_row_status_and_due_date_are_in_view_on_a_phone(
    narrow_tables: list[TableView],
) -> None:
    out_of_view = []
    tags = dues = 0
    for view in narrow_tables:
        assert view.scroll_x == 0, view.url
        for table in view.tables:
            where = f"{view.url} {table['caption']!r}"
            for name, found in (("status tag", table["tag"]), ("due date", table["due"])):
                if found is None:
                    continue
                tags += name == "status tag"
                dues += name == "due date"
                if found[0] < 0 or found[1] > NARROW:
                    out_of_view.append(f"{where}: the first row's {name} at x={found}")
            for left, right in table["cells"]:
                if left < 0 or right > NARROW:
                    out_of_view.append(f"{where}: a cell of the first row at x={left}..{right}")
    assert tags > 10 and dues > 10
    assert not out_of_view, "\n".join(out_of_view)


def test_no_table_is_wider_than_its_box_on_a_phone(narrow_tables: list[TableView]) -> None:
    too_wide = [
        f"{view.url} {table['caption']!r}: {table['width']:.0f} px in a {table['box']} px box"
        for view in narrow_tables
        for table in view.every_table
        if table["width"] > table["box"] + 0.5
    ]
    assert not too_wide, "\n".join(too_wide)


def test_each_field_is_shown_with_its_column_name(
    narrow_tables: list[TableView], soups: dict[str, BeautifulSoup]
) -> None:
    unlabelled = [
        f"{view.url} {table['caption']!r}: {label}"
        for view in narrow_tables
        for table in view.tables
        for label, shown in table["labels"]
        if not shown
    ]
    assert not unlabelled, "labels not drawn:\n" + "\n".join(unlabelled)
    # the labels are the column headers' own words (the words file), cell by cell
    for url in stacked_pages(soups):
        for table in soups[url].select("table.ps-stack"):
            heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
            for row in table.select("tbody tr"):
                for index, cell in enumerate(row.find_all(["th", "td"], recursive=False)):
                    if cell.get("data-label") and not cell.get("colspan"):
                        assert cell["data-label"] == heads[index], (url, cell["data-label"])
    priority = soups["plans/business-plan-2025-28/priority-1/"]
    first_cells = priority.select("table.ps-actions tr.ps-action td[data-label]")[:5]
    labels = [td["data-label"] for td in first_cells]
    assert labels == [
        word("plans_priority", key) for key in ("lead", "due", "status", "latest_update")
    ] + [word("plans_priority", "lead")]


def test_stacked_tables_keep_their_table_roles(
    chromium: Any, soups: dict[str, BeautifulSoup], served_site: str
) -> None:
    """Chromium's own accessibility tree, read at 320 px: a table, its rows and its cells."""
    url = "plans/business-plan-2025-28/all-actions/"
    tab = open_page(chromium, served_site, url, NARROW)
    assert tab.evaluate("getComputedStyle(document.querySelector('#all-actions tr')).display") in (
        "flex",
        "block",
    )
    tree = tab.context.new_cdp_session(tab).send("Accessibility.getFullAXTree")["nodes"]
    tab.close()
    roles: dict[str, int] = {}
    for node in tree:
        if not node.get("ignored"):
            role = node.get("role", {}).get("value", "")
            roles[role] = roles.get(role, 0) + 1
    table = soups[url].select_one("table#all-actions")
    body_rows = table.select("tbody tr")
    assert roles.get("table") == 1
    assert roles.get("row") == len(body_rows) + 1
    assert roles.get("rowheader") == len(body_rows)
    assert roles.get("columnheader") == len(table.select("thead th"))
    assert roles.get("cell") == len(table.select("tbody td"))


def test_sorting_and_filtering_work_on_a_phone(chromium: Any, served_site: str) -> None:
    tab = open_page(chromium, served_site, "plans/business-plan-2025-28/all-actions/", NARROW)
    due = tab.locator("#all-actions thead th button", has_text="Due")
    box = due.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= NARROW
    due.click()
    keys = tab.evaluate(
        "Array.from(document.querySelectorAll('#all-actions tbody tr'))"
        ".map(r => r.cells[4].dataset.sort)"
    )
    dated = [key for key in keys if key != "~"]  # "~": no date, which tables.js sorts apart
    assert len(dated) > 10 and dated == sorted(dated)
    assert tab.locator("#all-actions thead th").nth(4).get_attribute("aria-sort") == "ascending"
    shown_before = tab.locator("#all-actions tbody tr:visible").count()
    choice = tab.evaluate("document.querySelector('select[name=status] option:nth-child(2)').value")
    tab.select_option("select[name=status]", choice)
    visible = tab.locator("#all-actions tbody tr:visible")
    wanted = tab.evaluate(
        "Array.from(document.querySelectorAll('#all-actions tbody tr'))"
        f".filter(r => JSON.parse(r.dataset.status).includes({choice!r})).length"
    )
    assert 0 < visible.count() == wanted < shown_before
    tab.close()


# --- 2. the keyboard -------------------------------------------------------------------------

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  let opacity = 1, hidden = '';
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const s = getComputedStyle(n);
    opacity *= Number(s.opacity);
    if (s.visibility !== 'visible' || s.display === 'none') hidden = n.className || n.tagName;
  }
  const name = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40);
  return {name: el.tagName + ' ' + name, x: r.left, y: r.top, right: r.right, bottom: r.bottom,
          width: r.width, height: r.height, opacity: opacity, hidden: hidden,
          menu: el.matches('button[data-ps-toggle="__drawer"]')};
}"""


def lost_focus(stop: dict[str, Any], width: int) -> str:
    """Why the reader cannot see where the focus is, or "" when they can."""
    if stop["hidden"]:
        return f"inside a hidden {stop['hidden']}"
    if stop["opacity"] < 0.5:
        return f"at opacity {stop['opacity']:.2f}"
    if stop["width"] < 1 or stop["height"] < 1:
        return f"{stop['width']:.0f}x{stop['height']:.0f} px"
    if stop["right"] <= 0 or stop["x"] >= width or stop["bottom"] <= 0 or stop["y"] >= HEIGHT:
        return f"off-screen at x={stop['x']:.0f}, y={stop['y']:.0f}"
    return ""


def tab_through(tab: Any, width: int, stops: int) -> list[dict[str, Any]]:
    seen = []
    for _ in range(stops):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUSED)
        if stop is not None:
            seen.append(stop)
    return seen


@pytest.mark.parametrize("width", [NARROW, WIDE])
@pytest.mark.parametrize("url", ["", "plans/business-plan-2025-28/priority-1/"])
def test_every_tab_stop_can_be_seen(chromium: Any, served_site: str, url: str, width: int) -> None:
    tab = open_page(chromium, served_site, url, width)
    stops = tab_through(tab, width, TAB_STOPS)
    tab.close()
    assert len(stops) >= TAB_STOPS - 2
    lost = [
        f"stop {number}, {stop['name']!r}: {lost_focus(stop, width)}"
        for number, stop in enumerate(stops, start=1)
        if lost_focus(stop, width)
    ]
    assert not lost, f"/{url} at {width} px:\n" + "\n".join(lost)
    if width == NARROW:
        assert any(s["menu"] for s in stops[:5]), "the menu button is not among the first Tabs"


@pytest.mark.parametrize("url", ["", "plans/business-plan-2025-28/priority-1/"])
def test_the_menu_button_opens_the_drawer_with_enter(
    chromium: Any, served_site: str, url: str
) -> None:
    tab = open_page(chromium, served_site, url, NARROW)
    for _ in range(5):
        tab.keyboard.press("Tab")
        if tab.evaluate(FOCUSED)["menu"]:
            break
    assert tab.evaluate(FOCUSED)["menu"]
    menu = tab.locator('button[data-ps-toggle="__drawer"]')
    assert menu.get_attribute("aria-expanded") == "false"
    assert menu.get_attribute("aria-label") == word("theme", "menu")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    drawer = tab.evaluate(
        "(() => { const d = document.querySelector('.md-sidebar--primary');"
        " const r = d.getBoundingClientRect();"
        " return [r.left, getComputedStyle(d).visibility]; })()"
    )
    assert drawer[0] >= 0 and drawer[1] == "visible"
    # the focus moved into the drawer, which covers the button; there every stop can be seen
    assert tab.evaluate(
        "document.querySelector('.md-sidebar--primary').contains(document.activeElement)"
    )
    inside = [tab.evaluate(FOCUSED), *tab_through(tab, NARROW, 12)]
    lost = [f"{s['name']!r}: {lost_focus(s, NARROW)}" for s in inside if lost_focus(s, NARROW)]
    assert not lost, "\n".join(lost)
    assert any(s["right"] <= drawer[0] + 242 for s in inside)  # some stops are in the drawer
    tab.keyboard.press("Escape")
    assert not tab.evaluate("document.getElementById('__drawer').checked")
    assert tab.evaluate(FOCUSED)["menu"]  # back on the button that opened it
    tab.close()


# --- 3. charts on a phone --------------------------------------------------------------------


def chart_pages(soups: dict[str, BeautifulSoup]) -> list[str]:
    return [url for url, soup in soups.items() if soup.select_one("svg.ps-chart")]


def test_chart_text_is_at_least_12_px_on_a_phone(
    browser_run: BrowserRun, soups: dict[str, BeautifulSoup]
) -> None:
    """Read at 320 px in the gates' one visit of every page (tests/gates/conftest.py)."""
    urls = chart_pages(soups)
    assert len(urls) > 10
    small = []
    texts = 0
    for url in urls:
        charts = browser_run.at(url).chart_text
        assert charts, f"{url}: no chart shown at {NARROW} px"
        for chart in charts:
            for text, size, height in chart:
                texts += 1
                if size < SMALLEST_TEXT or height < SMALLEST_TEXT:
                    small.append(f"{url}: {text!r} at {size:.1f} px ({height:.1f} px high)")
    assert texts > 100
    assert not small, "\n".join(small[:40])


def test_one_layout_of_each_chart_is_shown(
    chromium: Any, soups: dict[str, BeautifulSoup], served_site: str
) -> None:
    url = chart_pages(soups)[0]
    for width, shown in ((NARROW, "ps-chart--narrow"), (WIDE, "ps-chart--wide")):
        tab = open_page(chromium, served_site, url, width)
        classes = tab.evaluate(
            "Array.from(document.querySelectorAll('svg.ps-chart'))"
            ".filter(s => s.getBoundingClientRect().width > 0).map(s => s.getAttribute('class'))"
        )
        tab.close()
        assert classes and all(shown in c for c in classes), (width, classes)


def test_c_is_explained_only_under_a_chart_that_shows_one(
    soups: dict[str, BeautifulSoup],
) -> None:
    note = word("indicator_charts", "suppressed_note", suppressed="[c]")
    said = shown = 0
    for url in chart_pages(soups):
        for svg in soups[url].select("svg.ps-chart"):
            has_c = any(t.get_text() == "[c]" for t in svg.select("text"))
            description = svg.select_one("desc").get_text()
            assert (note in description) == has_c, (url, svg["id"])
            said += note in description
            shown += has_c
    assert said == shown > 0  # the example board has suppressed figures to explain


# --- 4. no errors, no missing files ----------------------------------------------------------


def test_no_page_logs_an_error_or_asks_for_a_missing_file(
    browser_run: BrowserRun, gated_site: Path
) -> None:
    """Read from the gates' one visit of every page at 1280 px (tests/gates/conftest.py), which
    records each page's errors and failed requests as it loads."""
    found = [
        f"{visit.url}: {problem}" for visit in browser_run.visits for problem in visit.problems
    ]
    assert len(browser_run.visits) == len(html_pages(gated_site)) > 20
    assert not found, "\n".join(found)


def test_the_404_page_says_page_not_found_in_its_title(soups: dict[str, BeautifulSoup]) -> None:
    title = soups["404.html"].title
    assert title is not None and title.get_text().startswith(word("theme", "not_found") + " - ")
