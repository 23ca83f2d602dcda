"""Charts drawn at build time with matplotlib, as SVG with real text, a <title> and a <desc>.

Deterministic: a fixed hash salt and no date, so the same data makes the same bytes. No
JavaScript. Values arrive already suppressed (None); a suppressed point is left out and
labelled [c], never drawn at its true height.
"""

from __future__ import annotations

import functools
import io
import math
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("svg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from plansite.model.disclosure import SUPPRESSED
from plansite.render.chart_labels import labelled

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

STYLE: dict[Any, Any] = {
    "svg.hashsalt": "plansite",  # ids inside the SVG stay the same from build to build
    "svg.fonttype": "none",  # text stays text: readable, searchable, zoomable
    "text.parse_math": False,  # `$5 to $10` is drawn as typed, and `$\frac{1}{$` cannot fail
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # the browser falls back to its own sans-serif
    "font.size": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
# Okabe-Ito hues, darkened to at least 5.5:1 against white (WCAG asks 3:1 for graphics); each
# line also has its own marker and dash, so colour is never the only difference.
COLOURS = ["#005a9c", "#a63d00", "#00704a", "#8b3a8f", "#6b6b00"]
MARKERS = ["o", "s", "^", "D", "v"]
DASHES = ["-", "--", ":", "-.", (0, (5, 1, 1, 1))]
# Each chart is drawn twice: wide for a screen wider than about 640 px, and narrow for a phone,
# 4 inches (288 units) wide with 13-point text, so that on a 320 px screen (a 288 px column)
# every label is drawn at 12 px or more; plansite.css shows the one that fits.
WIDE_INCHES = 7.5
NARROW_INCHES = 4.0
NARROW_FONT = 13


def series_chart(
    ident: str,
    title: str,
    description: str,
    periods: Sequence[str],
    lines: Sequence[tuple[str, Sequence[float | None]]],
    axis_label: str,
    narrow: bool = False,
) -> str:
    """A line per area over the periods; the first line (the local area) is drawn thickest.

    A value is a number, None where it is suppressed (labelled [c]) or NaN where there is none.
    `narrow`: the phone's layout (see NARROW_INCHES).
    """
    drawn = series_drawing(ident, periods, lines, axis_label, narrow)
    return labelled(drawn, ident, title, description)


def series_drawing(
    ident: str,
    periods: Sequence[str],
    lines: Sequence[tuple[str, Sequence[float | None]]],
    axis_label: str,
    narrow: bool = False,
) -> str:
    """The series chart's <svg> without its title and description (chart_labels.py)."""
    frozen = tuple((label, tuple(values)) for label, values in lines)
    return _series_chart(ident, tuple(periods), frozen, axis_label, narrow)


# Drawing is the slow part of a build (about 0.1 s a chart); `mkdocs serve` rebuilds in the same
# process, so a chart whose figures did not change is not drawn again.
@functools.lru_cache(maxsize=1024)
def _series_chart(
    ident: str,
    periods: tuple[str, ...],
    lines: tuple[tuple[str, tuple[float | None, ...]], ...],
    axis_label: str,
    narrow: bool,
) -> str:
    with plt.rc_context(_style(narrow)):
        if narrow:  # laid out by matplotlib's constrained layout, which makes room for the legend
            figure = Figure(figsize=(NARROW_INCHES, 3.2 + 0.3 * len(lines)), layout="constrained")
        else:
            figure = Figure(figsize=(WIDE_INCHES, 3.8))
        axes = figure.subplots()
        positions = range(len(periods))
        for index, (label, values) in enumerate(lines):
            heights = [math.nan if v is None else v for v in values]
            axes.plot(
                positions,
                heights,
                label=label,
                color=COLOURS[index % len(COLOURS)],
                marker=MARKERS[index % len(MARKERS)],
                linestyle=DASHES[index % len(DASHES)],
                linewidth=3 if index == 0 else 1.8,
            )
            for position, value in zip(positions, values, strict=True):
                if value is None:
                    axes.annotate(SUPPRESSED, (position, 0), ha="center", va="bottom")
        axes.set_xticks(list(positions), list(periods))
        highest = max((v for _, vs in lines for v in vs if v is not None and v == v), default=1)
        axes.set_ylim(bottom=0, top=highest * 1.15 or 1)
        axes.grid(axis="y", color="#dddddd")
        if narrow:
            # the axis's name above it, as written, and the areas one under another below
            axes.set_title(_wrapped(axis_label, 36), loc="left")
            axes.yaxis.set_major_locator(MaxNLocator(4))
            if len(periods) > 4:  # no room for more periods side by side
                axes.tick_params(axis="x", labelrotation=45)
                for tick in axes.get_xticklabels():
                    tick.set_horizontalalignment("right")
                    tick.set_rotation_mode("anchor")
            figure.legend(loc="outside lower left", ncol=1, frameon=False)
            _fit_constrained(figure)
        else:
            axes.set_ylabel(axis_label)
            axes.legend(
                loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(lines), frameon=False
            )
            _fit(figure)
        return _svg(figure, ident, narrow)


def bar_chart(
    ident: str,
    title: str,
    description: str,
    categories: Sequence[str],
    bars: Sequence[tuple[str, Sequence[float | None], Sequence[str]]],
    axis_label: str,
    narrow: bool = False,
) -> str:
    """Horizontal bars per category, one bar per area, each labelled with its value text.
    `narrow`: the phone's layout (see NARROW_INCHES)."""
    drawn = bar_drawing(ident, categories, bars, axis_label, narrow)
    return labelled(drawn, ident, title, description)


def bar_drawing(
    ident: str,
    categories: Sequence[str],
    bars: Sequence[tuple[str, Sequence[float | None], Sequence[str]]],
    axis_label: str,
    narrow: bool = False,
) -> str:
    """The bar chart's <svg> without its title and description (chart_labels.py)."""
    frozen = tuple((label, tuple(values), tuple(texts)) for label, values, texts in bars)
    return _bar_chart(ident, tuple(categories), frozen, axis_label, narrow)


def drawing(chart_name: str, ident: str, *args: Any) -> str:
    """The drawing of the chart `chart_name` ("series_chart", "bar_chart") takes its
    arguments without the title and description."""
    drawn: str = (
        series_drawing(ident, *args) if chart_name == "series_chart" else bar_drawing(ident, *args)
    )
    return drawn


@functools.lru_cache(maxsize=1024)
def _bar_chart(
    ident: str,
    categories: tuple[str, ...],
    bars: tuple[tuple[str, tuple[float | None, ...], tuple[str, ...]], ...],
    axis_label: str,
    narrow: bool,
) -> str:
    count = max(len(bars), 1)
    height = 0.8 / count
    with plt.rc_context(_style(narrow)):
        if narrow:  # each category's name on up to three short lines, beside its bars
            names = [_wrapped(category, 16) for category in categories]
            rows = sum(max(0.5 * count, 0.25 + 0.22 * (name.count("\n") + 1)) for name in names)
            figure = Figure(figsize=(NARROW_INCHES, 1.4 + rows), layout="constrained")
        else:
            names = list(categories)
            figure = Figure(figsize=(WIDE_INCHES, 1.2 + 0.5 * len(categories) * count))
        axes = figure.subplots()
        for index, (label, values, texts) in enumerate(bars):
            offsets = [c + (index - (count - 1) / 2) * height for c in range(len(categories))]
            widths = [0 if v is None else v for v in values]
            drawn = axes.barh(
                offsets, widths, height=height * 0.9, label=label,
                color=COLOURS[index % len(COLOURS)], hatch=None if index == 0 else "//",
                edgecolor="#0b0c0c", linewidth=0.5,
            )  # fmt: skip
            axes.bar_label(drawn, labels=list(texts), padding=3)
        axes.set_yticks(range(len(categories)), names)
        axes.invert_yaxis()  # first category at the top, as in the table
        axes.set_xlabel(_wrapped(axis_label, 30) if narrow else axis_label)
        axes.margins(x=0.15)
        if narrow:
            axes.margins(x=0.35)  # room for the value written after the longest bar
            axes.xaxis.set_major_locator(MaxNLocator(3))
            if count > 1:
                figure.legend(loc="outside lower left", ncol=1, frameon=False)
            _fit_constrained(figure)
            return _svg(figure, ident, narrow)
        if count > 1:
            axes.legend(loc="lower right", frameon=False)
        _fit(figure)
        return _svg(figure, ident, narrow)


def _style(narrow: bool) -> dict[Any, Any]:
    return {**STYLE, "font.size": NARROW_FONT} if narrow else STYLE


def _fit(figure: Figure) -> None:
    """Make room for the labels, then fix the layout: otherwise savefig would lay out (draw) again."""
    figure.tight_layout()
    figure.set_layout_engine(None)


def _fit_constrained(figure: Figure) -> None:
    """Lay out a constrained figure once, then fix it, as _fit does."""
    figure.draw_without_rendering()
    figure.set_layout_engine("none")


def _wrapped(text: str, width: int) -> str:
    """`text` on lines of at most `width` characters (a word longer than that keeps its line)."""
    return "\n".join(textwrap.wrap(text, width)) or text


URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")
HREFS = ("href", f"{{{XLINK}}}href")


def _own_ids(root: ET.Element, ident: str) -> None:
    """matplotlib names the parts of every figure alike (figure_1, axes_1): a page with several
    charts would repeat ids, so each id, and every reference to it, takes the chart's own name."""
    for element in root.iter():
        if old := element.get("id"):
            element.set("id", f"{ident}-{old}")
        for name, value in element.attrib.items():
            if name in HREFS and value.startswith("#"):
                element.set(name, f"#{ident}-{value[1:]}")
            elif "url(#" in value:
                element.set(name, URL_REFERENCE.sub(rf"url(#{ident}-\1)", value))


def _svg(figure: Figure, ident: str, narrow: bool = False) -> str:
    """The figure as an inline <svg> element, its ids its own; the title and description for
    screen readers are added where it is shown (`labelled`)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    root = ET.fromstring(buffer.getvalue())
    # matplotlib's <metadata>, and its `* {...}` style that would reach the whole page inline
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{{{SVG}}}metadata", f"{{{SVG}}}style"):
                parent.remove(child)
    for name in ("width", "height"):
        root.attrib.pop(name, None)  # the viewBox keeps the shape; CSS sets the width
    _own_ids(root, ident)
    root.set("role", "img")
    root.set("class", "ps-chart ps-chart--narrow" if narrow else "ps-chart ps-chart--wide")
    root.set("aria-labelledby", f"{ident}-title {ident}-desc")
    # again each time: WeasyPrint registers a default namespace of its own, which would write ns0:
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    return ET.tostring(root, encoding="unicode")
