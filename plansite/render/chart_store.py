"""Charts kept between builds. Drawing one with matplotlib takes about a tenth of a second (and
importing matplotlib about a second), so a chart whose figures have not changed is read back
from `.cache/plansite/charts/`, as Material keeps its social cards in `.cache/`.

A chart's file is named by a hash of everything its drawing depends on: the chart's inputs, the
version of matplotlib and the source of charts.py. A change to any of them draws it afresh; the
folder can be deleted at any time (`make clean`). The plugin's `cache_dir` option (or
PLANSITE_CACHE) names another folder, or with an empty value turns the cache off: the build sets
the folder in its own context (plansite/engine/build.py); outside a build nothing is kept.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from contextvars import ContextVar
from importlib.metadata import version
from pathlib import Path
from typing import Any

from plansite.render.cache_files import read_kept, write_kept

CACHE_ENV = "PLANSITE_CACHE"
# the running build's cache folder, set only inside its own context (see above)
_folder: ContextVar[Path | None] = ContextVar("plansite_cache_folder", default=None)
FOLDER, SUFFIX = "charts", ".svg"
# a chart drawn beside the build: an HTML comment naming its key until its page is written
MARK = "<!--plansite-chart:"
PLACEHOLDER = re.compile(re.escape(MARK) + r"([0-9a-f]+)-->")
Drawer = Callable[[str, str, tuple[Any, ...]], None]
# who draws the running build's charts beside it, set only inside its own context, as `_folder`
_ahead: ContextVar[Drawer | None] = ContextVar("plansite_chart_drawer", default=None)
CHARTS_SOURCE = Path(__file__).with_name("charts.py")


def chart(chart_name: str, *args: Any) -> str:
    """The inline SVG that `charts.<chart_name>(*args)` draws: from the cache when drawn before.
    While a build's pages are rendered with workers beside it (`draw_ahead`), a placeholder
    instead: the chart is read or drawn by a worker, and filled in once the page is written."""
    folder, key = cache_folder(), _key(chart_name, args)
    ahead = _ahead.get()
    if ahead is not None and folder is not None:
        ahead(key, chart_name, args)
        return f"{MARK}{key}-->"
    kept = read_kept(folder / FOLDER, key, SUFFIX) if folder else None
    if kept is not None:
        return kept.decode("utf-8")
    svg = draw(chart_name, args)
    if folder is not None:
        write_kept(folder / FOLDER, key, SUFFIX, svg.encode("utf-8"))
    return svg


def draw(chart_name: str, args: tuple[Any, ...]) -> str:
    """The chart drawn (in a build's worker, or here)."""
    from plansite.render import charts  # matplotlib: imported only when a chart must be drawn

    svg: str = getattr(charts, chart_name)(*args)
    return svg


def draw_ahead(drawer: Drawer | None) -> None:
    """While a build renders its pages: `drawer(key, chart_name, args)` has each chart read or
    drawn beside the build (plansite/documents/made_files.py), or None: drawn here."""
    _ahead.set(drawer)


def carries_charts(html: str) -> bool:
    return MARK in html


def fill_charts(html: str, svg: Callable[[str], str]) -> str:
    """`html` with each placeholder replaced by its chart's SVG (`svg(key)`)."""
    return PLACEHOLDER.sub(lambda match: svg(match[1]), html)


def use_folder(folder: Path | None) -> Callable[[], None]:
    """The build's cache folder, or None: draw every chart (SiteBuild calls it in its own
    context, plansite/engine/build.py). A test may call the function returned to go back to
    the folder before."""
    token = _folder.set(folder)
    return lambda: _folder.reset(token)


def cache_folder() -> Path | None:
    return _folder.get()


def _key(chart_name: str, args: tuple[Any, ...]) -> str:
    return hashlib.sha256(repr((chart_name, args, _drawing_version())).encode("utf-8")).hexdigest()


@functools.cache
def _drawing_version() -> tuple[str, str]:
    source = hashlib.sha256(CHARTS_SOURCE.read_bytes()).hexdigest()
    return version("matplotlib"), source
