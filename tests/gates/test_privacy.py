"""Gate 3, privacy: loading every page (and using the search) asks no other host for anything
and sets no cookie."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.gates.conftest import BrowserRun


def foreign(requests: list[str]) -> list[str]:
    return [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]


def test_pages_request_nothing_from_other_hosts(browser_run: BrowserRun) -> None:
    leaks = [
        f"{visit.url} asked {url}"
        for visit in browser_run.visits
        for url in foreign(visit.requests)
    ]
    assert not leaks, "\n".join(leaks)


def test_every_page_loaded_its_own_assets(browser_run: BrowserRun) -> None:
    # the recorder saw the page and its stylesheets: an empty record would hide leaks
    for visit in browser_run.visits:
        assert visit.url in visit.requests
        assert any(url.endswith(".css") for url in visit.requests), visit.url


def test_search_requests_stay_local(browser_run: BrowserRun) -> None:
    assert any(url.endswith("search_index.json") for url in browser_run.search_requests)
    assert foreign(browser_run.search_requests) == []


def test_no_cookies_are_set(browser_run: BrowserRun) -> None:
    assert browser_run.cookies == []
