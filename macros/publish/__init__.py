"""Files published beside the pages: open data (CSV, JSON), calendars, downloads.

`published_files` returns every file as bytes keyed by its path inside site/, so a build
that fails never leaves half of them written.
"""

from __future__ import annotations

from macros.model.site import Site
from macros.publish import calendar, opendata, plan_downloads

_made: list[tuple[Site, dict[str, bytes]]] = []  # the last site's files


def published_files(site: Site) -> dict[str, bytes]:
    """Made once per build: the Downloads page reads their sizes, the build then writes them."""
    if _made and _made[0][0] is site:
        return _made[0][1]
    files: dict[str, bytes] = {}
    files.update(opendata.files(site))
    files.update(plan_downloads.files(site))
    files.update(calendar.files(site))
    _made[:] = [(site, files)]
    return files
