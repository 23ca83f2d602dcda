"""Disclosure control: counts of 1 to 5 never reach the built site, in any file.

The fixture tests/fixtures/indicators-small plants counts of 1 to 5 (series, distributions,
comparators); the built site must show them only as [c].
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED, decide, hidden_cells, is_small
from plansite.model.indicators import Indicator, Value
from plansite.pages.narrative import narrative_macros
from plansite.render.indicators import suppressed_note
from tests.conftest import FIXTURES

FIXTURE = "indicators-small"
# A count on its own: not part of a longer number ("25", "4.5", "2024-25"), a ref ("C1") or
# a percentage ("5%" in the definition of "similar").
SMALL_COUNT = re.compile(r"(?<![\w.,\-])[1-5](?![\w.,%])")


@pytest.fixture(scope="module")
def small() -> BoardData:
    return load_board_data(FIXTURES / FIXTURE)


@pytest.fixture(scope="module")
def built(build_fixture: Callable[[str], Path]) -> Path:
    return build_fixture(FIXTURE)


def planted(site: BoardData) -> list[Value]:
    counts = {i.ref for i in site.indicators if i.unit == "count"}
    return [v for v in site.values if v.indicator in counts and is_small(v.value, 6)]


def test_the_fixture_plants_every_count_from_one_to_five(small: BoardData) -> None:
    assert {int(v.value) for v in planted(small)} == {1, 2, 3, 4, 5}
    assert all(0 < v.value < 6 for v in planted(small))


def test_the_scanner_finds_a_small_count_when_one_is_there() -> None:
    assert SMALL_COUNT.findall("Schools 30 Health 2 Police 4.5 2024-25 C1 within 5%") == ["2"]


# --- the rules, hand-worked ------------------------------------------------------------


def test_primary_suppression_hides_counts_below_the_threshold() -> None:
    assert [n for n in range(8) if is_small(n, 6)] == [1, 2, 3, 4, 5]
    assert [n for n in range(8) if is_small(n, 3)] == [1, 2]


def test_one_hidden_cell_hides_the_next_smallest_so_the_total_gives_nothing_away() -> None:
    hidden, hide_total = hidden_cells([("A", 20), ("B", 1), ("C", 17), ("D", 0)], 6)
    assert hidden == {"B", "C"} and not hide_total


def test_two_hidden_cells_need_no_secondary_cell() -> None:
    hidden, hide_total = hidden_cells([("A", 30), ("B", 2), ("C", 4), ("D", 25)], 6)
    assert hidden == {"B", "C"} and not hide_total


def test_a_lone_small_cell_among_zeros_hides_the_total() -> None:
    hidden, hide_total = hidden_cells([("A", 4), ("B", 0), ("C", 0)], 6)
    assert hidden == {"A"} and hide_total


def test_nothing_is_hidden_when_every_count_is_zero_or_large() -> None:
    assert hidden_cells([("A", 0), ("B", 6), ("C", 120)], 6) == (set(), False)


def test_rates_and_percentages_are_never_suppressed() -> None:
    rate = Indicator(ref="R", title="Rate", unit="rate_per_10000")
    values = [Value(indicator="R", period="2025-26", area="local", value=3)]
    assert decide([rate], values, 6).hidden == frozenset()


def test_the_threshold_comes_from_the_data(small: BoardData) -> None:
    values = [Value(indicator="C2", period="2025-26", area="local", value=7)]
    assert decide(small.indicators, values, 8).hidden == {("C2", "2025-26", "local", "", "")}
    assert decide(small.indicators, values, 6).hidden == frozenset()


def test_prose_macros_say_c_for_a_suppressed_count(small: BoardData) -> None:
    macros = narrative_macros(lambda: small, lambda: "annual-report/performance.md")
    assert macros["indicator_value"]("C1", "2023-24") == SUPPRESSED
    assert macros["indicator_value"]("C1", "2022-23") == "40"
    assert macros["indicator_value"]("D1", "2025-26", category="Police") == SUPPRESSED
    assert macros["indicator_value"]("R1", "2025-26") == "4.5"


# --- the built site ----------------------------------------------------------------------


def _visible_text(soup: BeautifulSoup) -> str:
    for tick in soup.select('g[id*="xtick_"], g[id*="ytick_"]'):  # ids carry the chart's name
        tick.decompose()  # the chart's axis scale: not figures from the data
    main = soup.select_one("article") or soup
    return main.get_text(" ")


def test_no_small_count_in_indicator_pages_or_their_charts(built: Path, small: BoardData) -> None:
    pages = sorted((built / "indicators").glob("**/index.html"))
    assert len(pages) == len(small.indicators) + 1
    for path in pages:
        text = _visible_text(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        assert SMALL_COUNT.findall(text) == [], path


def test_suppressed_cells_show_c_with_an_explanation(built: Path, small: BoardData) -> None:
    html = BeautifulSoup((built / "indicators/c1/index.html").read_text("utf-8"), "html.parser")
    table = html.select_one("table.ps-figures")
    assert table is not None
    by_period = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")]
        for row in table.select("tbody tr")
    }
    assert by_period["2023-24"][0] == SUPPRESSED and by_period["2025-26"][0] == SUPPRESSED
    assert by_period["2022-23"][0] == "40"
    assert suppressed_note(small) in html.get_text(" ")
    chart = html.select_one("svg.ps-chart")
    assert chart is not None and SUPPRESSED in [t.get_text() for t in chart.select("text")]
    assert SUPPRESSED in chart.select_one("desc").get_text()


def test_no_small_count_in_any_indicator_csv(built: Path, small: BoardData) -> None:
    files = [built / "data/indicators.csv", *sorted((built / "data/indicators").glob("*.csv"))]
    assert len(files) == len(small.indicators) + 1
    hidden = {(v.indicator, v.period, v.area, v.category) for v in planted(small)}
    seen_hidden = set()
    for path in files:
        for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            assert row["value"] not in {"1", "2", "3", "4", "5"}, (path, row)
            key = (row["indicator"], row["period"], row["area"], row["category"])
            if key in hidden:
                assert row["value"] == SUPPRESSED
                seen_hidden.add(key)
    assert seen_hidden == hidden


def test_no_small_count_in_the_search_index_or_json(built: Path) -> None:
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("indicators/")]
    assert entries
    for entry in entries:
        text = BeautifulSoup(entry["text"], "html.parser").get_text(" ")
        assert SMALL_COUNT.findall(f"{entry['title']} {text}") == [], entry["location"]
    package = json.loads((built / "data/datapackage.json").read_text(encoding="utf-8"))
    assert [leaf for leaf in _leaves(package) if SMALL_COUNT.findall(str(leaf))] == []


def _leaves(value: object, key: str = "") -> list[object]:
    """Every value in a JSON document, but not addresses (a licence's URL has a version)."""
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, k)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v, key)]
    return [] if key == "path" and str(value).startswith("https://") else [value]
