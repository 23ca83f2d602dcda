"""The All actions table's script in a real browser: filters by URL and by form, counts, sorting.

The table is complete without the script (checked by the plan page tests); this checks what the
script adds, on the example board, by keyboard where a reader would use one.
"""

from __future__ import annotations

import re
from typing import Any

from plansite.load import load_board_data
from plansite.model import links
from tests.conftest import ROOT
from tests.gates.conftest import InFlight, load


def test_filter_count_and_sort(served_site: str, chromium: Any) -> None:
    site = load_board_data(ROOT / "data")
    plan = site.current_plan
    worst = plan.statuses[-1]
    worst_count = sum(1 for a in plan.actions if a.status == worst.key)
    url = served_site + links.served_dir(links.plan_page(plan.id, "all-actions"))
    page = chromium.new_page()  # in a context of its own, closed with it
    in_flight = InFlight(page)
    load(page, f"{url}?status={worst.key}", in_flight)
    visible = page.locator("#all-actions tbody tr:not([hidden])")
    assert visible.count() == worst_count
    assert page.locator(".ps-filter-count").inner_text() == (
        f"Showing {worst_count} of {len(plan.actions)} actions."
    )

    page.select_option("select[name=status]", "")
    assert visible.count() == len(plan.actions)
    assert page.url == url  # the address follows the filters: nothing chosen, no query

    # a filtered view can be shared: the address says what is chosen
    page.select_option("select[name=priority]", plan.priorities[1].ref)
    page.select_option("select[name=status]", worst.key)
    assert page.url == f"{url}?priority={plan.priorities[1].ref}&status={worst.key}"
    shared = sum(1 for a in plan.priorities[1].all_actions if a.status == worst.key)
    load(page, page.url, in_flight)
    assert visible.count() == shared > 0
    page.select_option("select[name=priority]", "")
    page.select_option("select[name=status]", "")

    ref_button = page.locator("#all-actions thead th button").first
    ref_button.focus()
    page.keyboard.press("Enter")
    head = page.locator("#all-actions thead th").first
    assert head.get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Enter")
    assert head.get_attribute("aria-sort") == "descending"
    first_ref = visible.first.locator("th, td").first.inner_text().strip()
    page.close()
    refs = [a.ref for a in plan.actions]
    assert first_ref == max(refs, key=_natural)


def _natural(ref: str) -> list[object]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", ref)]


def test_the_planner_filter_is_written_into_the_address(served_site: str, chromium: Any) -> None:
    url = served_site + links.served_dir(links.planner())
    page = chromium.new_page()  # in a context of its own, closed with it
    in_flight = InFlight(page)
    load(page, url, in_flight)
    rows = page.locator("#planner-table tbody tr:not([hidden])")
    everyone = rows.count()
    group = page.locator("select[name=group] option").nth(1).get_attribute("value")
    page.select_option("select[name=group]", group)
    assert page.url == f"{url}?group={group}"
    chosen = rows.count()
    load(page, page.url, in_flight)
    assert rows.count() == chosen and 0 < chosen < everyone
    assert page.locator("select[name=group]").input_value() == group
    page.close()
