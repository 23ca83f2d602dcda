"""Charts kept between builds. Drawing one with matplotlib takes about a tenth of a second (and
importing matplotlib about a second), so a chart whose figures have not changed is read back
from `.cache/plansite/charts/`, as Material keeps its social cards in `.cache/`.

A chart's file is named by a hash of everything its drawing depends on: the chart's inputs, the
version of matplotlib and the source of charts.py. A change to any of them draws it afresh; the
folder can be deleted at any time (`make clean`). The plugin's `cache_dir` option (or
PLANSITE_CACHE) names another folder, or with an empty value turns the cache off: the build sets
the folder when it starts and unsets it when it ends; outside a build nothing is kept.
"""

from __future__ import annotations

import functools
import hashlib
import os
from importlib.metadata import version
from pathlib import Path
from typing import Any

CACHE_ENV = "PLANSITE_CACHE"
_folder: list[Path | None] = [None]  # a setting of the running build, not data (see above)
CHARTS_SOURCE = Path(__file__).with_name("charts.py")


def chart(chart_name: str, *args: Any) -> str:
    """The inline SVG that `charts.<chart_name>(*args)` draws: from the cache when drawn before."""
    path = _cached_file(chart_name, args)
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8")
    from macros.render import charts  # matplotlib: imported only when a chart must be drawn

    svg: str = getattr(charts, chart_name)(*args)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")  # never half a file
        partial.write_text(svg, encoding="utf-8")
        partial.replace(path)
    return svg


def use_folder(folder: Path | None) -> None:
    """The build's chart folder (macros/plugin.py), or None: draw every chart."""
    _folder[0] = folder


def cache_folder() -> Path | None:
    return _folder[0]


def _cached_file(chart_name: str, args: tuple[Any, ...]) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    key = hashlib.sha256(repr((chart_name, args, _drawing_version())).encode("utf-8")).hexdigest()
    return folder / "charts" / f"{key}.svg"


@functools.cache
def _drawing_version() -> tuple[str, str]:
    source = hashlib.sha256(CHARTS_SOURCE.read_bytes()).hexdigest()
    return version("matplotlib"), source
