"""Targets judged from the figures, and each group's rate against all children's (issue 27).

The example board (data/) has N12c with a target of at most 20.0% by 2026-03-31, marked "On
track" (its latest figure, 2025-26, is 19.8%), and L20, children starting a child protection
plan by ethnicity, with indicator_population.csv: in 2025-26 White 212 of 41,200 children, Mixed
31 of 3,100, Asian 18 of 4,300, Black 22 of 1,900, Other 9 of 1,500; 292 of all 52,000.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.targets import judge
from plansite.read.problems import DataError
from plansite.render.indicator_groups import group_words, largest_findings
from plansite.render.indicator_targets import target_words
from plansite.render.yearly_report import body, indicator_table
from tests.conftest import ROOT
from tests.example_copies import changed, line_of


@pytest.fixture(scope="module")
def example() -> BoardData:
    return load_board_data(ROOT / "data")


# --- targets ----------------------------------------------------------------------------------


def test_a_target_met_is_said_from_the_figures(example: BoardData) -> None:
    indicator = example.indicator_by_ref["N12c"]
    judged = judge(indicator, example.values_for("N12c"), example.disclosure)
    assert judged is not None and judged.met is True and not judged.contradicted
    words = target_words(example, indicator)
    assert words is not None
    assert (words.target, words.judged, words.status, words.contradiction) == (
        "Target: 20.0% or less by 2026-03-31.",
        "The latest figure (2025-26: 19.8%) meets it.",
        "The board's own status: On track.",
        "",
    )


def test_a_target_missed_contradicts_on_track(tmp_path: Path) -> None:
    site, path = changed(
        tmp_path, "indicators.yml", "target: {value: 20.0,", "target: {value: 19.0,"
    )
    words = target_words(site, site.indicator_by_ref["N12c"])
    assert words is not None
    assert words.judged == "The latest figure (2025-26: 19.8%) does not meet it."
    assert words.contradiction == (
        'The board marks it "On track", but the figures do not meet the target.'
    )
    advice = [str(a) for a in site.advice if "N12c is marked" in a.message]
    assert advice == [
        f'{path}:{line_of(path, "status: On track")}: indicator N12c is marked "On track", but '
        "its latest figure (2025-26: 19.8) does not meet its target of 19. It is published as "
        "written, with a note saying what the figures say; give it the status the board agrees"
    ]


def test_a_status_saying_missed_while_the_figures_meet_it_is_a_contradiction(
    tmp_path: Path,
) -> None:
    site, _ = changed(tmp_path, "indicators.yml", "status: On track", "status: Red")
    words = target_words(site, site.indicator_by_ref["N12c"])
    assert words is not None
    assert words.contradiction == 'The board marks it "Red", but the figures meet the target.'


def test_a_target_with_no_direction_on_an_indicator_with_no_polarity_is_refused(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "indicators.yml"
    text = path.read_text("utf-8")
    text = text.replace(
        "    source: Children's social care case records\n",
        "    source: Children's social care case records\n    target: {value: 250}\n",
    )
    path.write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load_board_data(data)
    assert [str(p) for p in caught.value.problems.items] == [
        f"{path}:{line_of(path, 'target: {value: 250}')}: indicator L20's target has no direction "
        "and the indicator no polarity: write `direction: at_least` (reach it or go above) or "
        "`direction: at_most` under `target:`"
    ]


# --- rates by group ---------------------------------------------------------------------------


def test_each_groups_rate_against_all_children(example: BoardData) -> None:
    said = group_words(example, example.indicator_by_ref["L20"], "ethnicity")
    assert said is not None
    assert said.intro == (
        "In 2025-26, per 10,000 children in each group. The rate for all children was 56.2."
    )
    assert said.lines == [
        "White: 51.5 per 10,000 children, 0.9 times the rate for all children.",
        "Mixed: 100.0 per 10,000 children, 1.8 times the rate for all children.",
        "Asian: 41.9 per 10,000 children, 0.7 times the rate for all children.",
        "Black: 115.8 per 10,000 children, 2.1 times the rate for all children.",
        # fewer than thresholds.min_count (10): its rate, but no comparison
        "Other: 60.0 per 10,000 children (too few children, 9, to compare with all children).",
    ]


def test_a_breakdown_suppresses_primary_and_secondary_counts(tmp_path: Path) -> None:
    site, _ = changed(
        tmp_path, "indicator_values.csv", "L20,2025-26,local,Other,9,", "L20,2025-26,local,Other,4,"
    )
    hidden = {
        (v.period, v.category)
        for v in site.values_for("L20")
        if v.dimension and site.disclosure.is_hidden(v)
    }
    # 4 is small; 18, the next smallest, hides too, or the total would give the 4 away
    assert hidden == {("2025-26", "Other"), ("2025-26", "Asian")}
    said = group_words(site, site.indicator_by_ref["L20"], "ethnicity")
    assert said is not None
    assert said.lines[2] == "Asian: not published ([c]), as the number of children is small."
    assert said.lines[4] == "Other: not published ([c]), as the number of children is small."


def test_a_group_with_too_few_children_gets_its_rate_but_no_comparison(tmp_path: Path) -> None:
    site, _ = changed(
        tmp_path,
        "indicators.yml",
        "thresholds: {suppress_below: 6}",
        "thresholds: {suppress_below: 6, min_count: 25}",
    )
    said = group_words(site, site.indicator_by_ref["L20"], "ethnicity")
    assert said is not None
    assert said.lines[3] == (
        "Black: 115.8 per 10,000 children (too few children, 22, to compare with all children)."
    )
    assert said.lines[0].endswith("0.9 times the rate for all children.")  # 212 is enough


def test_without_population_figures_make_check_says_what_is_missing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "indicator_population.csv").unlink()
    site = load_board_data(data)
    assert group_words(site, site.indicator_by_ref["L20"], "ethnicity") is None
    path = data / "indicators.yml"
    advice = [str(a) for a in site.advice if "breakdown by ethnicity" in a.message]
    assert advice == [
        f"{path}:{line_of(path, 'ref: L20')}: indicator L20's breakdown by ethnicity (2025-26) "
        "cannot show each group's rate against all children's: indicator_population.csv has no "
        "population for White, Mixed, Asian, Black, Other (area local, period 2025-26, dimension "
        "ethnicity); add a row for each (area,period,dimension,category,population), and "
        "`All children` for the whole area"
    ]


def test_one_group_without_a_population_is_named(tmp_path: Path) -> None:
    site, _ = changed(
        tmp_path, "indicator_population.csv", "local,2025-26,ethnicity,Black,1900\n", ""
    )
    advice = [a.message for a in site.advice if "breakdown by ethnicity" in a.message]
    assert len(advice) == 1 and "has no population for Black (area local" in advice[0]
    said = group_words(site, site.indicator_by_ref["L20"], "ethnicity")
    assert said is not None and not any(line.startswith("Black") for line in said.lines)


def test_the_largest_findings_in_words(example: BoardData) -> None:
    assert largest_findings(example, {"L20"}) == [
        "Children starting a child protection plan: the rate for Black children (ethnicity) was "
        "2.1 times the rate for all children in 2025-26.",
        "Children starting a child protection plan: the rate for Mixed children (ethnicity) was "
        "1.8 times the rate for all children in 2025-26.",
    ]


# --- the yearly report's impact section -------------------------------------------------------


def test_the_impact_table_judges_targets_and_every_comparator(example: BoardData) -> None:
    table = indicator_table(example, ["N12a", "N12c"], "2025-26")
    assert table is not None
    assert table.columns == [
        "Indicator",
        "2024-25",
        "2025-26",
        "Change",
        "Compared with England",
        "Against its target",
        "Compared with others",
    ]
    assert [row.cells[3:] for row in table.rows] == [
        [
            "similar to England",
            "No target",
            "similar to statistical neighbours (39.0); higher than the region (37.6)",
        ],
        [
            "better than England",
            "Target: 20.0% or less by 2026-03-31. The 2025-26 figure (19.8%) meets it.",
            "similar to statistical neighbours (20.1%); similar to Westbridge (closest neighbour) "
            "(19.1%)",
        ],
    ]


def test_the_report_shows_the_largest_differences_under_their_priority(
    example: BoardData,
) -> None:
    report = next(r for r in example.reports if r.year == "2025-26")
    html = BeautifulSoup(body(example, report, "annual-report/2025-26/"), "lxml")
    found = [p for p in html.find_all("p") if "times the rate for all children" in p.get_text()]
    assert [p.get_text() for p in found] == largest_findings(example, {"N12a", "L20"})
    assert len(found) == 2
    assert found[0].find_previous(["h2", "h3"]).get_text(strip=True) == (
        "Evidence of impact, priority by priority"
    )
