"""Files published beside the pages: open data (CSV, JSON), calendars, downloads.

`published_files` returns every file as bytes keyed by its path inside site/, so a build
that fails never leaves half of them written.
"""

from __future__ import annotations

from collections.abc import Callable

from macros.model.site import Site
from macros.publish import calendar, opendata, plan_downloads

Maker = Callable[[], dict[str, bytes]]
_made: list[tuple[Site, Maker | dict[str, bytes]]] = []  # the last site's files, or their maker


def make_files(site: Site) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    files.update(opendata.files(site))
    files.update(plan_downloads.files(site))
    files.update(calendar.files(site))
    return files


def made_elsewhere(site: Site, result: Maker) -> None:
    """The build's worker process makes this site's files: `result` waits for them."""
    _made[:] = [(site, result)]


def published_files(site: Site) -> dict[str, bytes]:
    """Made once per build: the Downloads page reads their sizes, the build then writes them."""
    if _made and _made[0][0] is site:
        made = _made[0][1]
        if callable(made):
            made = made()
            _made[:] = [(site, made)]
        return made
    files = make_files(site)
    _made[:] = [(site, files)]
    return files
