"""Files published beside the pages: open data (CSV, JSON), calendars, downloads.

`make_files` returns every file as bytes keyed by its path inside site/, so a build that fails
never leaves half of them written. The build makes them once (macros/build.py): the Downloads
page reads their sizes, the end of the build writes them.
"""

from __future__ import annotations

from macros.model.board_data import BoardData
from macros.publish import calendar, feeds, opendata, plan_docx, plan_downloads
from macros.render import documents


def make_files(site: BoardData) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    files.update(opendata.files(site))
    files.update(plan_downloads.files(site))
    files.update(calendar.files(site))
    files.update(feeds.files(site))
    files.update(plan_docx.files(site))
    files.update(documents.files(site))
    return files
