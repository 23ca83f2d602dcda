"""Charts kept between builds. Drawing one with matplotlib takes about a tenth of a second (and
importing matplotlib about a second), so a chart whose figures have not changed is read back
from `.cache/plansite/charts/`, as Material keeps its social cards in `.cache/`.

A chart's file is named by a hash of everything its drawing depends on: the chart's inputs, the
version of matplotlib and the source of charts.py. It holds the drawing without its title and
description (plansite/render/chart_labels.py), which are added where it is shown: an indicator
page and the yearly report show the same drawing, described differently, drawn once. A change to any of them draws it afresh; the
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
from plansite.render.chart_labels import labelled

CACHE_ENV = "PLANSITE_CACHE"
# the running build's cache folder, set only inside its own context (see above)
_folder: ContextVar[Path | None] = ContextVar("plansite_cache_folder", default=None)
FOLDER, SUFFIX = "charts", ".svg"
# a chart drawn beside the build: an HTML comment naming its key until its page is written
MARK = "<!--plansite-chart:"
PLACEHOLDER = re.compile(re.escape(MARK) + r"([0-9a-f]+)-->")
Labels = tuple[str, str, str]  # a chart's ident, title and description
# (the drawing's key, the chart's name, its drawing's arguments, its labels): the placeholder's name
Drawer = Callable[[str, str, tuple[Any, ...], Labels], str]
# who draws the running build's charts beside it, set only inside its own context, as `_folder`
_ahead: ContextVar[Drawer | None] = ContextVar("plansite_chart_drawer", default=None)
CHARTS_SOURCE = Path(__file__).with_name("charts.py")


def chart(chart_name: str, ident: str, title: str, description: str, *args: Any) -> str:
    """The inline SVG that `charts.<chart_name>(ident, title, description, *args)` draws: its
    drawing from the cache when drawn before, with its title and description. While a build's
    pages are rendered with workers beside it (`draw_ahead`), a placeholder instead: the drawing
    is read or drawn by a worker, and filled in once the page is written."""
    folder, drawn_from = cache_folder(), (ident, *args)
    key = _key(chart_name, drawn_from)
    ahead = _ahead.get()
    if ahead is not None and folder is not None:
        return f"{MARK}{ahead(key, chart_name, drawn_from, (ident, title, description))}-->"
    kept = read_kept(folder / FOLDER, key, SUFFIX) if folder else None
    if kept is not None:
        return labelled(kept.decode("utf-8"), ident, title, description)
    svg = drawing(chart_name, drawn_from)
    if folder is not None:
        write_kept(folder / FOLDER, key, SUFFIX, svg.encode("utf-8"))
    return labelled(svg, ident, title, description)


def drawing(chart_name: str, drawn_from: tuple[Any, ...]) -> str:
    """The chart's drawing, without its title and description (in a build's worker, or
    here): `drawn_from` is its ident and the arguments after its description."""
    from plansite.render import charts  # matplotlib: imported only when a chart must be drawn

    return charts.drawing(chart_name, *drawn_from)


def draw(chart_name: str, args: tuple[Any, ...]) -> str:
    """The chart drawn here, labelled: `args` as `chart` takes them."""
    ident, title, description, *rest = args
    return labelled(drawing(chart_name, (ident, *rest)), ident, title, description)


def draw_ahead(drawer: Drawer | None) -> None:
    """While a build renders its pages: `drawer(key, chart_name, drawn_from, labels)` has each
    chart's drawing read or drawn beside the build (plansite/documents/made_files.py) and names
    its placeholder, or None: drawn here."""
    _ahead.set(drawer)


def carries_charts(html: str) -> bool:
    return MARK in html


def fill_charts(html: str, svg: Callable[[str], str]) -> str:
    """`html` with each placeholder replaced by its chart's SVG (`svg(name)`)."""
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
