"""Issue 27's remaining gaps: education and childcare settings as relevant agencies, targets
judged on the report year's figure, the catalogue's comparators, and breakdown sentences.

The example board (data/board.yml) names five settings: two schools (Ashbridge Community
College, Harrowby Church of England Primary School), one college, one early years setting and
one childcare provider.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.check.__main__ import main as check_main
from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.read.problems import DataError
from plansite.render.annual_tables import membership
from plansite.render.indicator_targets import target_words
from plansite.render.indicators import catalogue, indicator_page
from plansite.render.yearly_report import body, target_cell
from tests.conftest import ROOT
from tests.example_copies import changed, line_of


@pytest.fixture(scope="module")
def example() -> BoardData:
    return load_board_data(ROOT / "data")


# --- education and childcare settings as relevant agencies -------------------------------------

SETTINGS = [
    ("Education and childcare settings", "h2"),
    ("Schools", "h3"),
    ("Ashbridge Community College", "li"),
    ("Harrowby Church of England Primary School", "li"),
    ("Colleges", "h3"),
    ("Northvale College of Further Education", "li"),
    ("Early years settings", "h3"),
    ("Little Oaks Day Nursery, Ashbridge", "li"),
    ("Childcare providers", "h3"),
    ("Northvale Registered Childminders Network", "li"),
]
RELEVANT = (
    "The board names these education and childcare settings as relevant agencies: the "
    "safeguarding arrangements include them, as the Children's Wellbeing and Schools Act 2026 "
    "(section 2) requires."
)


def settings_shown(html: BeautifulSoup) -> list[tuple[str, str]]:
    heading = html.find("h2", id="education-and-childcare")
    assert heading is not None
    assert heading.find_next("p").get_text() == RELEVANT
    shown = [(heading.get_text(), "h2")]
    for tag in heading.find_all_next(["h2", "h3", "li"]):
        if tag.name == "h2":
            break
        shown.append((tag.get_text(), tag.name))
    return shown


def test_the_membership_page_lists_the_settings_by_kind(example: BoardData) -> None:
    html = BeautifulSoup(membership(example, "about/membership/"), "lxml")
    assert settings_shown(html) == SETTINGS
    assert len(html.select("tbody tr")) == len(example.members) == 25


def test_the_yearly_report_lists_the_settings_by_kind(example: BoardData) -> None:
    report = next(r for r in example.reports if r.year == "2025-26")
    html = BeautifulSoup(body(example, report, "annual-report/2025-26/"), "lxml")
    assert settings_shown(html) == SETTINGS


def test_a_board_naming_no_settings_is_told_by_make_check_and_shows_no_heading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "board.yml"
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("education_and_childcare:")], "utf-8")
    monkeypatch.chdir(tmp_path)
    assert check_main(["data"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if "education or childcare" in line] == [
        f"data/board.yml:{line_of(path, 'name: Northvale')}: the board names no education or "
        "childcare settings as relevant agencies, which the Children's Wellbeing and Schools Act "
        "2026 (section 2) now expects; add `education_and_childcare:` with each school, college, "
        "early years or childcare setting, e.g. `- {name: Ashbridge Primary School, kind: "
        "school}` (information)"
    ]
    site = load_board_data(path.parent)
    assert not [a for a in site.advice if "education or childcare" in a.message]
    html = BeautifulSoup(membership(site, "about/membership/"), "lxml")
    assert html.find(id="education-and-childcare") is None
    assert "Education and childcare" not in html.get_text()


def test_the_example_board_is_told_nothing_about_settings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert check_main(["data"]) == 0
    assert "education or childcare" not in capsys.readouterr().out


def test_a_setting_of_an_unknown_kind_is_an_error_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(DataError) as error:
        changed(tmp_path, "board.yml", "kind: college}", "kind: university}")
    path = tmp_path / "data" / "board.yml"
    line = line_of(path, "kind: university")
    assert f"{path}:{line}" in str(error.value)
    assert (
        "kind `university` is not one of: school, college, early years, childcare; write the one "
        "that fits the setting, e.g. kind: school" in str(error.value)
    )


# --- targets judged on the report year's figure ------------------------------------------------
# N12c: target 20.0% or less by 2026-03-31; local figures 2022-23 23.4%, 2023-24 22.1%,
# 2024-25 21.6%, 2025-26 19.8%.

TARGET = "Target: 20.0% or less by 2026-03-31."


def test_the_report_judges_the_target_on_its_own_year(example: BoardData) -> None:
    indicator = example.indicator_by_ref["N12c"]
    assert target_cell(example, indicator, "2024-25") == (
        f"{TARGET} The 2024-25 figure (21.6%) does not meet it."
    )
    assert target_cell(example, indicator, "2025-26") == (
        f"{TARGET} The 2025-26 figure (19.8%) meets it."
    )
    # the indicator's own page still judges the latest figure
    words = target_words(example, indicator)
    assert words is not None
    assert words.judged == "The latest figure (2025-26: 19.8%) meets it."


def test_without_the_years_figure_the_latest_before_it_is_judged_and_named(
    tmp_path: Path,
) -> None:
    site, _ = changed(tmp_path, "indicator_values.csv", "N12c,2025-26,local,,19.8,\n", "")
    indicator = site.indicator_by_ref["N12c"]
    assert target_cell(site, indicator, "2025-26") == (
        f"{TARGET} There is no 2025-26 figure yet. The latest figure (2024-25: 21.6%) does not "
        "meet it."
    )
    report = next(r for r in site.reports if r.year == "2025-26")
    html = BeautifulSoup(body(site, report, "annual-report/2025-26/"), "lxml")
    cells = [td.get_text() for td in html.find_all("td") if td.get_text().startswith(TARGET)]
    assert cells == [
        f"{TARGET} There is no 2025-26 figure yet. The latest figure (2024-25: 21.6%) does not "
        "meet it."
    ]


def test_a_year_before_every_figure_has_none_to_judge(example: BoardData) -> None:
    indicator = example.indicator_by_ref["N12c"]
    assert target_cell(example, indicator, "2021-22") == (
        f"{TARGET} There is no figure for 2021-22 or before to judge it by."
    )


# --- the catalogue compares with every comparator the board has ---------------------------------


def catalogue_rows(html: BeautifulSoup, theme: str) -> list[list[str]]:
    table = next(
        t for t in html.find_all("table") if t.caption.get_text() == f"{theme}: latest figures"
    )
    rows = [[th.get_text() for th in table.thead.find_all("th")]]
    for tr in table.tbody.find_all("tr"):
        rows.append([cell.get_text() for cell in tr.find_all(["th", "td"])])
    return rows


def test_the_catalogue_has_a_column_for_each_comparator_of_a_theme(example: BoardData) -> None:
    html = BeautifulSoup(catalogue(example, "indicators/"), "lxml")
    assert html.p.get_text().startswith(
        "Each indicator shows the latest figure for Northvale, how it has moved since the period "
        "before, and how it compares with England, our statistical neighbours (the councils most "
        "like ours), the region and Westbridge (closest neighbour). A figure is similar when"
    )
    rows = catalogue_rows(html, "Children in need")
    assert rows[0] == [
        "Indicator", "Period", "Northvale", "Since the period before", "Compared with England",
        "Compared with neighbours", "Compared with the region",
        "Compared with Westbridge (closest neighbour)",
    ]  # fmt: skip
    n12c = next(r for r in rows if r[0].startswith("N12c:"))
    assert n12c[1:] == [
        "2025-26", "19.8%", "down, better", "better than England (20.9%)",
        "similar to statistical neighbours (20.1%)", "–",
        "similar to Westbridge (closest neighbour) (19.1%)",
    ]  # fmt: skip
    n25 = next(r for r in rows if r[0].startswith("N25:"))
    assert n25[6] == "similar to the region (290.1)"
    # a theme whose indicators have only England and neighbours keeps those two columns
    assert catalogue_rows(html, "Early help")[0][4:] == [
        "Compared with England",
        "Compared with neighbours",
    ]


def test_a_board_with_no_comparators_has_no_comparison_columns(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "indicator_values.csv"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(line for n, line in enumerate(lines) if n == 0 or line.split(",")[2] == "local"),
        "utf-8",
    )
    site = load_board_data(tmp_path / "data")
    html = BeautifulSoup(catalogue(site, "indicators/"), "lxml")
    assert html.p.get_text() == (
        "Each indicator shows the latest figure for Northvale and how it has moved since the "
        "period before."
    )
    rows = catalogue_rows(html, "Child protection")
    assert rows[0] == ["Indicator", "Period", "Northvale", "Since the period before"]
    l7 = next(tr for tr in html.find_all("tr") if tr.th and tr.th.get_text().startswith("L7:"))
    assert l7.td["colspan"] == "3"


# --- a breakdown's latest figures in words -----------------------------------------------------
# L20 by ethnicity, 2024-25 then 2025-26: White 230, 212; Mixed 27, 31; Asian 15, 18; Black 19,
# 22; Other 7, 9.


def breakdown_lines(site: BoardData) -> tuple[str, list[str]]:
    html = BeautifulSoup(
        indicator_page(site, site.indicator_by_ref["L20"], "indicators/l20/"), "lxml"
    )
    heading = html.find("h2", id="latest-1")
    return heading.get_text(), [li.get_text() for li in heading.find_next("ul").find_all("li")]


def test_each_groups_latest_figure_and_its_change_in_words(example: BoardData) -> None:
    assert breakdown_lines(example) == (
        "Latest figures by ethnicity",
        [
            "White: 212 in 2025-26, compared with 230 in 2024-25 (down).",
            "Mixed: 31 in 2025-26, compared with 27 in 2024-25 (up).",
            "Asian: 18 in 2025-26, compared with 15 in 2024-25 (up).",
            "Black: 22 in 2025-26, compared with 19 in 2024-25 (up).",
            "Other: 9 in 2025-26, compared with 7 in 2024-25 (up).",
        ],
    )


def test_a_suppressed_group_is_not_given_a_change(tmp_path: Path) -> None:
    site, _ = changed(
        tmp_path,
        "indicator_values.csv",
        "L20,2025-26,local,Other,9,ethnicity",
        "L20,2025-26,local,Other,3,ethnicity",
    )
    # 3 is hidden, and the next smallest group (Asian, 18) with it, as in the table
    assert breakdown_lines(site)[1] == [
        "White: 212 in 2025-26, compared with 230 in 2024-25 (down).",
        "Mixed: 31 in 2025-26, compared with 27 in 2024-25 (up).",
        "Asian: [c] in 2025-26, compared with 15 in 2024-25.",
        "Black: 22 in 2025-26, compared with 19 in 2024-25 (up).",
        "Other: [c] in 2025-26, compared with 7 in 2024-25.",
    ]
