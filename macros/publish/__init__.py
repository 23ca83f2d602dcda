"""Files published beside the pages: open data (CSV, JSON), calendars, downloads.

`published_files` returns every file as bytes keyed by its path inside site/, so a build
that fails never leaves half of them written.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.model.memo import per_object
from macros.model.site import Site
from macros.publish import calendar, documents, feeds, opendata, plan_docx, plan_downloads

Maker = Callable[[], dict[str, bytes]]
_elsewhere: list[tuple[Site, Maker]] = []  # a site whose files the build's worker makes


def make_files(site: Site) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    files.update(opendata.files(site))
    files.update(plan_downloads.files(site))
    files.update(calendar.files(site))
    files.update(feeds.files(site))
    files.update(plan_docx.files(site))
    files.update(documents.files(site))
    return files


def made_elsewhere(site: Site, result: Maker) -> None:
    """The build's worker process makes this site's files: `result` waits for them."""
    _elsewhere[:] = [(site, result)]


@per_object
def published_files(site: Site) -> dict[str, bytes]:
    """Made once per build: the Downloads page reads their sizes, the build then writes them."""
    for seen, result in _elsewhere:
        if seen is site:
            return result()
    return make_files(site)
