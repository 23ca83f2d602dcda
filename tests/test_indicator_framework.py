"""Indicators as a real performance framework (issue 27).

tests/fixtures/framework is the performance management framework of the reference annual
report (/work/shared/reference/003_*.txt, part 2) written in the data format as the document has
it: its refs (`N12 a`, `N10a`, several rows written `N2`, rows with no ref), the rows under a
parent, the cohorts (CIN / CN / CP), the periods as written (2011/12, Academic year 2012/13,
July 09 - June 10 cohort, As at 30 September 2013, the calendar years of L17), the paired
figures (`392 (28.7%)`, `1.35 ... 40.5%`, `153 (785 per 100,000)`, `16 (4 modifiable)`), the
values in words (Not available, N/A, No longer reported) and every comparator named in the
comment column (England, Statistical Neighbours, "<area> (all children)", each with its own
period). Board and area names are invented; the titles are our own words.

Counted from the document: 230 of the board's own values and 85 comparator values (England,
statistical neighbours and the area's all-children figures in the comment cells; comparators
given only in running prose, such as the CAADA averages, are left as commentary).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import frictionless
import pytest
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.model.disclosure import SUPPRESSED
from plansite.model.indicators import Value
from plansite.model.periods import period_start
from plansite.render.indicator_values import periods_of
from tests.conftest import FIXTURES

FIXTURE = "framework"
DOCUMENT_VALUES = 230
DOCUMENT_COMPARATORS = 85
WORDS = {"n/a", "not available", "no longer reported"}


def fixture_rows() -> list[dict[str, str]]:
    with (FIXTURES / FIXTURE / "indicator_values.csv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def built(build_fixture: Callable[[str], Path]) -> Path:
    return build_fixture(FIXTURE)


@pytest.fixture(scope="module")
def units() -> dict[str, tuple[str, str]]:
    site = load_board_data(FIXTURES / FIXTURE)
    return {i.key: (i.unit, i.second_unit) for i in site.indicators}


@pytest.fixture(scope="module")
def slugs() -> dict[str, str]:
    site = load_board_data(FIXTURES / FIXTURE)
    return {i.key: i.slug for i in site.indicators}


def expected_text(row: dict[str, str], unit: str) -> str:
    """The figure as the document gives it, in the unit's usual form: worked out here, apart
    from the site's own formatting code. A count of 1 to 5 is never published."""
    value = row["value"]
    if value.lower() in WORDS:
        return value
    number = float(value)
    places = len(value.split(".")[1]) if "." in value else 0
    if unit == "count":
        return SUPPRESSED if 0 < number < 6 else f"{number:,.0f}"
    if unit == "percent":
        return f"{number:,.{max(1, places)}f}%"
    if unit == "ratio":
        return f"{number:.{max(2, places)}f}"
    if unit == "rate_per_100000":
        return f"{number:,.{places}f}"
    return f"{number:,.{max(1, places)}f}"


def page_text(site: Path, slug: str) -> str:
    soup = BeautifulSoup((site / "indicators" / slug / "index.html").read_text("utf-8"), "lxml")
    main = soup.select_one("article") or soup
    # a glossary link inside a sentence ("statistical neighbours</a>: 33.1") reads as it shows
    return re.sub(r" ([:;,.)])", r"\1", " ".join(main.get_text(" ").split()))


def cells_of(site: Path, slug: str) -> set[str]:
    soup = BeautifulSoup((site / "indicators" / slug / "index.html").read_text("utf-8"), "lxml")
    return {" ".join(td.get_text(" ").split()) for td in soup.select("table td")}


def test_the_fixture_has_every_value_and_comparator_of_the_document() -> None:
    rows = fixture_rows()
    assert sum(1 for r in rows if r["area"] == "local") == DOCUMENT_VALUES
    assert sum(1 for r in rows if r["area"] != "local") == DOCUMENT_COMPARATORS
    assert {r["area"] for r in rows} == {
        "local",
        "England",
        "Statistical Neighbours",
        "Westcombe (all children)",
        "Westcombe: all children",
        "Westcombe: secondary only",
    }


def test_the_framework_checks_clean_and_keeps_refs_as_written() -> None:
    site = load_board_data(FIXTURES / FIXTURE)
    refs = [i.ref for i in site.indicators]
    assert "N12 a" in refs and refs.count("N2") == 3 and refs.count("") == 6
    assert {i.slug for i in site.indicators} >= {"n12-a", "n2-sessions", "n16-ended"}


def test_every_value_and_comparator_is_on_its_page(
    built: Path, units: dict[str, tuple[str, str]], slugs: dict[str, str]
) -> None:
    missing = []
    pages: dict[str, set[str]] = {}  # each page read once: many rows share one indicator's page
    for row in fixture_rows():
        unit, _ = units[row["indicator"]]
        text = expected_text(row, unit)
        slug = slugs[row["indicator"]]
        cells = pages[slug] if slug in pages else pages.setdefault(slug, cells_of(built, slug))
        if not any(cell == text or cell.startswith(f"{text} (") for cell in cells):
            missing.append((row["indicator"], row["period"], row["area"], row["category"], text))
    assert missing == []


def test_every_value_and_comparator_is_in_the_open_data(built: Path) -> None:
    with (built / "data/indicators.csv").open(encoding="utf-8-sig") as file:
        published = list(csv.DictReader(file))
    by_key = {
        (r["indicator"], r["period"], r["area"], r["dimension"], r["category"]): r
        for r in published
    }
    areas = {"England": "england", "Statistical Neighbours": "neighbours"}
    found = 0
    for row in fixture_rows():
        area = areas.get(row["area"], row["area"])
        out = by_key[(row["indicator"], row["period"], area, row["dimension"], row["category"])]
        if row["value"].lower() in WORDS:
            assert (out["value"], out["value_words"]) == ("", row["value"])
        elif out["value"] != SUPPRESSED:
            assert float(out["value"]) == float(row["value"])
        found += 1
    assert found == DOCUMENT_VALUES + DOCUMENT_COMPARATORS == len(published)


def test_the_open_data_schema_still_validates(built: Path) -> None:
    report = frictionless.validate(built / "data/datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    package = json.loads((built / "data/datapackage.json").read_text("utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "indicators")["schema"]["fields"]
    assert {"dimension", "value_words", "second_value", "second_unit", "ref"} <= {
        f["name"] for f in fields
    }


# --- periods --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "period_type", "start"),
    [
        ("2011/12", "", date(2011, 4, 1)),
        ("2011-12", "", date(2011, 4, 1)),
        ("2011/12", "academic_year", date(2011, 9, 1)),
        ("Academic year 2012/13", "", date(2012, 9, 1)),
        ("Academic Year 2012/13", "", date(2012, 9, 1)),
        ("Q3 2014-15", "", date(2014, 10, 1)),
        ("Q4 2014-15", "", date(2015, 1, 1)),
        ("2025 Q3", "", date(2025, 7, 1)),
        ("as at 31 March 2014", "", date(2014, 3, 31)),
        ("As at 30 September 2013", "", date(2013, 9, 30)),
        ("2026-03-31", "", date(2026, 3, 31)),
        ("2013", "", date(2013, 1, 1)),
        ("July 09 - June 10 cohort", "", date(2009, 7, 1)),
        ("July 11 – June 12 cohort", "", date(2011, 7, 1)),
        ("12 months ending December 2013", "", date(2013, 1, 1)),
    ],
)
def test_each_period_form_has_a_start(written: str, period_type: str, start: date) -> None:
    assert period_start(written, period_type) == start


@pytest.mark.parametrize("written", ["last year", "2011/14", "Q5 2014-15", "31 February 2014"])
def test_an_unclear_period_has_no_start(written: str) -> None:
    assert period_start(written) is None


def test_periods_are_ordered_by_their_start_not_their_spelling() -> None:
    written = [
        "Q1 2015-16",
        "last year",
        "Q4 2014-15",
        "Academic year 2014/15",
        "as at 31 March 2014",
    ]
    values = [Value(indicator="X", period=p, area="local", value="1") for p in written]
    assert periods_of(values) == [
        "as at 31 March 2014",
        "Academic year 2014/15",
        "Q4 2014-15",
        "Q1 2015-16",
        "last year",  # its start cannot be worked out: last, as written
    ]


def test_cohorts_are_rows_in_order_on_the_page(built: Path) -> None:
    soup = BeautifulSoup((built / "indicators/l8/index.html").read_text("utf-8"), "lxml")
    assert [th.get_text(strip=True) for th in soup.select("table tbody th")] == [
        "July 09 - June 10 cohort",
        "July 10 - June 11 cohort",
        "July 11 - June 12 cohort",
    ]


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "framework"
    shutil.copytree(FIXTURES / FIXTURE, data)
    return data


def test_an_unclear_period_is_advice_with_its_line(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "indicator_values.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("L4,2013/14,"))
    lines[number] = lines[number].replace("2013/14", "this year")
    path.write_text("".join(lines), "utf-8")
    site = load_board_data(data)
    said = [str(a) for a in site.advice if "this year" in a.message]
    assert said == [
        f"{path}:{number + 1}: period `this year`: its start date cannot be worked out, so it is "
        "shown as written after the other periods; write it like 2013/14, Academic year 2013/14, "
        "Q3 2014-15, as at 31 March 2014, 2013 or July 13 - June 14 cohort"
    ]


# --- words, paired figures, comparators -------------------------------------------------------


def test_values_in_words_are_words_never_zero_and_not_drawn(built: Path) -> None:
    text = page_text(built, "n5a")
    assert "2013/14 No longer reported" in text
    soup = BeautifulSoup((built / "indicators/n5a/index.html").read_text("utf-8"), "lxml")
    description = soup.select_one("figure svg desc").get_text()
    assert "Not drawn, as they are written in words: Westcombe 2013/14: No longer reported." in (
        description
    )
    assert "0.0" not in " ".join(td.get_text() for td in soup.select("table td"))


def test_a_figure_only_in_words_draws_no_chart(built: Path) -> None:
    soup = BeautifulSoup((built / "indicators/n10b/index.html").read_text("utf-8"), "lxml")
    assert soup.select("figure svg") == []
    assert "Not available" in {td.get_text(strip=True) for td in soup.select("table td")}


def test_paired_figures_are_shown_together(built: Path) -> None:
    assert "July 11 - June 12 cohort 0.94 (33.8%) 1.02 (35.3%)" in page_text(built, "l8")
    assert "2011/12 785 (153 young people)" in page_text(built, "l9")
    assert "3 months or less, 2011/12 28.7% (392)" in page_text(built, "n16-at-31-march")


def test_a_small_second_count_is_suppressed_on_its_own(built: Path) -> None:
    text = page_text(built, "l16")
    assert "2011/12 16 ([c] modifiable)" in text and "2013/14 13" in text
    assert "CP, Academic year 2011/12 25.0% ([c]) (English and Maths)" in page_text(built, "n1-ks2")


def test_a_comparator_from_an_earlier_period_is_compared_with_its_period(built: Path) -> None:
    text = page_text(built, "n19")
    assert "In 2013/14 the figure for Westcombe was 26.8" in text
    assert "Statistical neighbours: 33.1 (2012/13)" in text or (
        "statistical neighbours: 33.1 (2012/13)" in text
    )
    assert "England: 37.9 (2012/13)" in text


def test_a_comparator_the_board_names_is_a_column_of_its_own(built: Path) -> None:
    soup = BeautifulSoup((built / "indicators/n2-sessions/index.html").read_text("utf-8"), "lxml")
    headings = [th.get_text(strip=True) for th in soup.select("table thead th")]
    assert headings == [
        "Group and period",
        "Westcombe",
        "England",
        "Statistical neighbours",
        "Westcombe (all children)",
    ]


def test_rows_under_a_parent_are_listed_with_their_figures(built: Path) -> None:
    text = page_text(built, "n12")
    assert "N12 a: Physical 6.5 8.3 8.4" in text
    assert "N12 d: Neglect 11.8 7.6 20.6" in text
    assert "This is a row under N12:" in page_text(built, "n12-a")


def test_a_breakdown_has_a_table_and_a_chart_described_in_words(built: Path) -> None:
    soup = BeautifulSoup((built / "indicators/n10a/index.html").read_text("utf-8"), "lxml")
    captions = [c.get_text(" ", strip=True) for c in soup.select("table caption")]
    assert captions == [
        "Share of referrals from each agency: percentage by referring agency and period"
    ]
    description = soup.select_one("figure svg desc").get_text()
    assert description.startswith(
        "Line chart of the percentage for each referring agency group in each period (Westcombe). "
        "Police: 2011/12: 28.0%; 2012/13: 24.0%; 2013/14: 26.0%."
    )


def test_a_comparator_that_looks_mistyped_is_advised_on_once(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "indicator_values.csv"
    text = path.read_text("utf-8")
    path.write_text(text.replace("2012/13,England,", "2012/13,Englnd,"), "utf-8")
    site = load_board_data(data)
    first = next(n for n, line in enumerate(text.splitlines(), 1) if "2012/13,England," in line)
    assert [str(a) for a in site.advice if "Englnd" in a.message] == [
        f"{path}:{first}: `Englnd` is published as a comparator of its own, named as written; "
        "if you meant `england`, correct it"
    ]
    assert not [a for a in site.advice if "Westcombe" in a.message]


def test_the_catalogue_points_a_parent_to_its_rows(built: Path) -> None:
    soup = BeautifulSoup((built / "indicators/index.html").read_text("utf-8"), "lxml")
    rows = {
        " ".join(tr.th.get_text(" ").split()): " ".join(tr.td.get_text(" ").split())
        for tr in soup.select("table tbody tr")
    }
    assert rows["N12: New child protection plans by category of abuse, per 10,000 children"] == (
        "Figures for each row or group: see the indicator's page"
    )
    assert rows["N2: Sessions missed"] == "Figures for each row or group: see the indicator's page"
    assert rows["Children in need at 31 March"] == (
        "Figures for each row or group: see the indicator's page"
    )
    assert rows["N19: Children with a child protection plan, per 10,000 children"] == "2013/14"
