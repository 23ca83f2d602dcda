"""Gate 8, the young people's guide is safe to read, in Chromium: every guide page has GOV.UK's
"Exit this page"; the button and Shift pressed three times both leave for the neutral site, and
Back does not return to the guide page, nor to any guide page after moving through the guide. Nothing is asked of the neutral site before then.

The neutral site is answered by the test (Playwright routing): no request leaves the machine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.gates.conftest import html_pages, page_url

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

NEUTRAL_PAGE = "<!doctype html><title>Weather</title><p>Weather</p>"


@dataclass
class ExitTrial:
    url: str
    exit_href: str
    requests_before: list[str] = field(default_factory=list)
    landed_on: str = ""
    back_on: str = ""


def guide_urls(site: Path, served: str) -> list[str]:
    files = [f for f in html_pages(site) if page_url(site, f).startswith("guide/")]
    return [served + page_url(site, f) for f in files]


def run_trials(
    chromium: Browser, served: str, urls: list[str], leave: Callable[[Page, Locator], None]
) -> list[ExitTrial]:
    """From the home page open each guide page, leave it with `leave`, then press Back."""
    from playwright.sync_api import Route

    trials: list[ExitTrial] = []
    foreign: list[str] = []

    def answer(route: Route) -> None:
        if route.request.url.startswith(served):
            route.continue_()
        else:  # recorded; answered here, or refused: never let out
            foreign.append(route.request.url)
            if route.request.resource_type == "document":
                route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
            else:
                route.abort()

    context = chromium.new_context(viewport={"width": 390, "height": 800})
    context.route("**/*", answer)
    window = context.new_page()
    for url in urls:
        if window.url != served:  # Back from the trial before has already led there
            window.goto(served, wait_until="load")
        foreign.clear()
        window.goto(url, wait_until="load")
        button = window.get_by_role("link", name="Exit this page")
        trial = ExitTrial(url, str(button.get_attribute("href") or ""), list(foreign))
        if trial.exit_href:
            with window.expect_navigation(wait_until="load"):
                leave(window, button)
            trial.landed_on = window.url
            window.go_back(wait_until="load")
            trial.back_on = window.url
        trials.append(trial)
    context.close()
    return trials


def click(window: Page, button: Locator) -> None:
    button.click()


def shift_three_times(window: Page, button: Locator) -> None:
    for _ in range(3):
        window.keyboard.press("Shift")


@pytest.mark.parametrize("leave", [click, shift_three_times], ids=["button", "shift-x3"])
def test_every_guide_page_can_be_left_at_once(
    chromium: Browser,
    gated_site: Path,
    served_site: str,
    leave: Callable[[Page, Locator], None],
) -> None:
    urls = guide_urls(gated_site, served_site)
    assert len(urls) > 2
    problems = []
    for trial in run_trials(chromium, served_site, urls, leave):
        if not trial.exit_href.startswith("https://"):
            problems.append(f"{trial.url}: no 'Exit this page' link to a neutral site")
            continue
        if trial.requests_before:
            problems.append(f"{trial.url}: asked {trial.requests_before} before leaving")
        if trial.landed_on.rstrip("/") != trial.exit_href.rstrip("/"):
            problems.append(f"{trial.url}: left for {trial.landed_on!r}, not {trial.exit_href}")
        if trial.back_on != served_site:
            problems.append(f"{trial.url}: Back went to {trial.back_on!r}, not the page before")
    assert not problems, "\n".join(problems)


def test_back_after_moving_through_the_guide_is_not_a_guide_page(
    chromium: Browser, served_site: str
) -> None:
    """A reader opens the guide, follows its links from page to page, then leaves: Back goes to
    the page before the guide (the accessibility statement says so), never to a guide page."""
    from playwright.sync_api import Route

    def answer(route: Route) -> None:
        if route.request.url.startswith(served_site):
            route.continue_()
        elif route.request.resource_type == "document":
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
        else:
            route.abort()

    guide = served_site + "guide/"
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    context.route("**/*", answer)
    window = context.new_page()
    window.goto(served_site, wait_until="load")
    window.goto(guide, wait_until="load")
    visited = [window.url]
    links = window.locator("article a[href]")
    for _ in range(2):  # two links on, each to another guide page
        index = links.evaluate_all(
            "(links, seen) => { const fresh = links.map((a, i) => [a.href, i]).filter(([h]) =>"
            " h.startsWith(seen[0]) && !seen.slice(1).includes(h.split('#')[0]));"
            " const goal = fresh.find(([h]) => h.includes('/goal-'));"  # a goal page first
            " return (goal || fresh[0] || [null, -1])[1]; }",
            [guide, *visited],
        )
        assert index >= 0, f"no link from {window.url} to another guide page"
        with window.expect_navigation(wait_until="load"):
            links.nth(index).click()
        visited.append(window.url)
    with window.expect_navigation(wait_until="load"):
        window.get_by_role("link", name="Exit this page").click()
    assert window.url.startswith("https://")
    window.go_back(wait_until="load")
    back_on = window.url
    context.close()
    assert len(set(visited)) == 3, visited
    assert back_on == served_site, f"after {visited}, Back went to {back_on!r}"
