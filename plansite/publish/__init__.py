"""Files published beside the pages: open data (CSV, JSON), calendars, downloads.

`every_file` gives each file's path inside site/ with its bytes, or the `Later` that renders
the `Job` making it (PDFs, Word files, spreadsheets: made by the build's worker processes,
plansite/documents/made_files.py, and rendered only when not kept under their inputs' key).
The build writes each into a folder beside site/ as it is made and moves them into place when
it succeeds, so a build that fails never leaves any of them written (plansite/engine/build.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from plansite.documents import pdf as documents
from plansite.documents.kept_files import Later, Together, contents
from plansite.model.board_data import BoardData
from plansite.publish import calendar, feeds, opendata, plan_docx, plan_downloads


def every_file(site: BoardData) -> Iterator[tuple[str, bytes | Later | Together]]:
    """The slowest to make first: the workers start on them while the rest are written. The
    feeds and the open data are made only when a build does not find them kept under the key
    of their inputs (seconds at 12,000 actions)."""
    yield from documents.jobs(site)
    yield from plan_docx.jobs(site)
    yield from plan_downloads.items(site)
    yield from Together(opendata.paths(site), partial(opendata.files, site)).each()
    yield from calendar.files(site).items()
    yield from Together(feeds.paths(site), partial(feeds.files, site)).each()


def make_files(site: BoardData) -> dict[str, bytes]:
    """Every file's bytes, made in this process (outside a build)."""
    return contents(dict(every_file(site)))
