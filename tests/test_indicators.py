"""Indicator catalogue and pages: comparison words, charts with text alternatives, tables."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.comparison import Travel, direction, judgement, side
from plansite.render import chart_store
from plansite.render.cache_files import write_kept
from plansite.render.chart_labels import labelled
from plansite.render.charts import SVG, series_chart, series_drawing
from plansite.render.figures import value_text
from plansite.render.indicator_figures import latest, travel_words
from plansite.render.indicator_values import find
from plansite.words.wording import word
from tests.conftest import ROOT, page


@pytest.fixture(scope="module")
def data() -> BoardData:
    return load_board_data(ROOT / "data")


# --- hand-worked comparisons --------------------------------------------------------------
# "Similar" means within 5% of the comparator: for England 22.1 that is 20.995 to 23.205.


@pytest.mark.parametrize(
    ("local", "england", "polarity", "words"),
    [
        (19.8, 22.1, "lower_is_better", "better than"),  # 2.3 below, more than 1.105
        (25.0, 22.1, "lower_is_better", "worse than"),
        (22.9, 22.1, "lower_is_better", "similar to"),  # 0.8 above, within 1.105
        (21.0, 22.1, "lower_is_better", "similar to"),  # 1.1 below, within 1.105
        (20.9, 22.1, "lower_is_better", "better than"),  # 1.2 below, just outside
        (19.8, 22.1, "higher_is_better", "worse than"),
        (25.0, 22.1, "higher_is_better", "better than"),
        (22.9, 22.1, "higher_is_better", "similar to"),
        (80.0, 100.0, "higher_is_better", "worse than"),
        (96.0, 100.0, "higher_is_better", "similar to"),
        (0.0, 0.0, "higher_is_better", "similar to"),
        (25.0, 22.1, "none", "higher than"),
        (19.8, 22.1, "none", "lower than"),
        (22.9, 22.1, "none", "similar to"),
    ],
)
def test_comparison_words(local: float, england: float, polarity: str, words: str) -> None:
    fact = judgement(local, england, polarity)  # type: ignore[arg-type]
    assert fact == words.split()[0]  # the model says "better", the words file "better than"
    assert word("comparison", fact) == words


def test_no_judgement_without_polarity() -> None:
    for local, comparator in [(10.0, 30.0), (30.0, 10.0), (10.0, 10.2)]:
        assert judgement(local, comparator, "none") in {"higher", "lower", "similar"}
        assert direction(local, comparator, "none").judged == ""
        assert travel_words(direction(local, comparator, "none")) in {"up", "down", "no change"}


def test_direction_of_travel() -> None:
    assert direction(19.8, 23.4, "lower_is_better") == Travel("down", "better")
    assert travel_words(direction(19.8, 23.4, "lower_is_better")) == "down, better"
    assert travel_words(direction(19.8, 23.4, "higher_is_better")) == "down, worse"
    assert travel_words(direction(23.4, 19.8, "higher_is_better")) == "up, better"
    assert direction(5.0, 5.0, "lower_is_better") == Travel("same", "")
    assert travel_words(direction(5.0, 5.0, "lower_is_better")) == "no change"
    assert side(105.0, 100.0) == "similar" and side(105.1, 100.0) == "higher"


# --- charts ------------------------------------------------------------------------------


def test_charts_are_deterministic_text_svg_with_title_and_description() -> None:
    args = ("c", "A title", "A description", ["2024-25", "2025-26"], [("Here", [1.5, None])], "%")
    svg = series_chart(*args)
    assert svg == series_chart(*args)
    chart = BeautifulSoup(svg, "html.parser").svg
    assert chart is not None and chart["role"] == "img"
    assert chart["aria-labelledby"] == "c-title c-desc"
    assert chart.title.get_text() == "A title" and chart.desc.get_text() == "A description"
    texts = [t.get_text() for t in chart.select("text")]
    assert {"2024-25", "2025-26", "Here", "[c]"} <= set(texts)  # real text, not paths
    assert "<script" not in svg and "<style" not in svg and "Date" not in svg


# --- the example board's pages -----------------------------------------------------------


def test_every_indicator_has_a_page_with_chart_table_and_csv(
    example_site: Path, data: BoardData
) -> None:
    for indicator in data.indicators:
        url = links.served_dir(links.indicator(indicator.slug))
        html = page(example_site, url)
        chart = html.select_one("figure svg.ps-chart")
        assert chart is not None, indicator.ref
        assert chart.title.get_text().strip() and chart.desc.get_text().strip()
        assert chart["aria-labelledby"].split() == [chart.title["id"], chart.desc["id"]]
        tables = html.select("table.ps-figures")
        assert tables and all(t.caption and t.caption.get_text(strip=True) for t in tables)
        assert all("ps-num" in td["class"] for t in tables for td in t.select("tbody td"))
        link = html.find("a", href=re.compile(r"\.csv$"))
        assert link is not None
        target = (example_site / url / link["href"]).resolve()
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
        assert len(rows) == len(data.values_for(indicator.ref))


def test_latest_values_on_the_catalogue_match_the_data(example_site: Path, data: BoardData) -> None:
    html = page(example_site, links.served_dir(links.indicators_index()))
    rows = {row.th.get_text(" ", strip=True): row for row in html.select("tbody tr")}
    checked = 0
    for indicator in data.indicators:
        found = latest(data, indicator)
        if found is None:
            continue
        row = next(r for label, r in rows.items() if label.startswith(f"{indicator.ref}:"))
        value = find(data, indicator.ref, found.period)
        expected = value_text(data.disclosure.published(value) if value else None, indicator.unit)
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        assert cells[0] == found.period and cells[1] == expected, indicator.ref
        checked += 1
    assert checked >= len(data.indicators) - 2  # every series indicator


def test_a_chart_is_drawn_once_then_read_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart_store.use_folder(tmp_path)
    args = ("k", "Kept", "Kept between builds", ["2024-25"], [("Here", [2.0])], "%")
    drawn = chart_store.chart("series_chart", *args)
    assert drawn == series_chart(*args)
    (kept,) = (tmp_path / "charts").iterdir()
    key = kept.name.split("-")[0]
    kept.unlink()  # a kept file is named by its inputs and its own bytes' hash (cache_files.py)
    write_kept(tmp_path / "charts", key, ".svg", b"<svg>read back</svg>")
    # what is used: the kept drawing, with the chart's title and description
    read_back = '<svg><title id="k-title">Kept</title><desc id="k-desc">Kept between builds</desc>'
    assert chart_store.chart("series_chart", *args) == f"{read_back}read back</svg>"
    other = chart_store.chart("series_chart", *args[:-1], "per cent")  # other inputs: drawn
    assert other.startswith("<svg") and len(list((tmp_path / "charts").iterdir())) == 2


def test_the_chart_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # outside a build (or with `cache_dir: ""`) no folder is set
    args = ("o", "Off", "No cache", ["2024-25"], [("Here", [2.0])], "%")
    assert chart_store.chart("series_chart", *args) == series_chart(*args)
    assert chart_store.cache_folder() is None
    assert not any(tmp_path.iterdir())  # nothing kept


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Plain", "Words"),
        ("Tom & Jerry's <b>", 'Says "quoted" > and < & more\nover two lines'),
        ("", ""),  # ElementTree writes an empty element short
        ("Naïve café — £5", "\u00a0non-breaking"),
    ],
)
def test_a_drawing_is_labelled_as_elementtree_writes_its_title_and_description(
    title: str, description: str
) -> None:
    """The title and description added to a kept drawing: the bytes ElementTree wrote when
    they were part of the drawn tree."""
    drawn = series_drawing("d", ["2024-25", "2025-26"], [("Here", [2.0, None])], "%")
    root = ET.fromstring(drawn)
    for tag, text in (("desc", description), ("title", title)):
        element = ET.Element(f"{{{SVG}}}{tag}", {"id": f"d-{tag}"})
        element.text = text
        root.insert(0, element)
    ET.register_namespace("", SVG)
    assert labelled(drawn, "d", title, description) == ET.tostring(root, encoding="unicode")


def test_one_drawing_serves_each_place_that_describes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An indicator's page and the yearly report show the same chart with different words:
    it is drawn and kept once, and each place gets its own title and description."""
    chart_store.use_folder(tmp_path)
    drawn: list[tuple[object, ...]] = []
    drawing = chart_store.drawing
    monkeypatch.setattr(
        chart_store, "drawing", lambda name, args: drawn.append(args) or drawing(name, args)
    )
    figures = (["2024-25"], [("Here", [2.0])], "%")
    page = chart_store.chart("series_chart", "s", "Shared", "The table is below", *figures)
    report = chart_store.chart("series_chart", "s", "Shared", "The table is above", *figures)
    assert len(drawn) == 1 and len(list((tmp_path / "charts").iterdir())) == 1
    assert page == series_chart("s", "Shared", "The table is below", *figures)
    assert report == series_chart("s", "Shared", "The table is above", *figures)
