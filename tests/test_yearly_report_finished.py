"""The yearly report reads as finished (issue 24, part 4): no empty table cell, no sentence
about none of something, a review's publication linked or left out with advice in `make
check`, and chart descriptions that say where the table really is."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.year_end import year_end
from plansite.render.yearly_report import body, since_sentence
from tests.conftest import ROOT

HERE = "annual-report/2025-26.md"
ADDRESS = "https://www.northvale-scp.example.org/reviews/child-r.pdf"
NO_LINK = (
    "the review of Child R is marked `published: true` but has no `url:`, so the report does "
    "not say it is published; add `url:` with the address of the full review"
)


@pytest.fixture(scope="module")
def example() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def report(example: BoardData) -> BeautifulSoup:
    assert example.latest_report is not None
    return BeautifulSoup(body(example, example.latest_report, HERE), "html.parser")


def test_no_table_cell_is_empty(report: BeautifulSoup) -> None:
    cells = report.select("table th, table td")
    assert len(cells) > 200
    empty = [
        c.find_parent("tr").get_text(" ", strip=True) for c in cells if not c.get_text(strip=True)
    ]
    assert empty == []


def test_an_action_with_no_update_says_so(example: BoardData, report: BeautifulSoup) -> None:
    assert example.latest_report is not None
    end = example.latest_report.end_date
    silent = [
        row.action.ref
        for plan in example.report_plans(example.latest_report)
        for row in year_end(plan, end).stuck
        if not any(u.day.value <= end for u in row.action.updates_oldest_first)
    ]
    said = [
        tr.select_one("th a").get_text()
        for table in report.select("#little-progress ~ .ps-table-wrap table")
        for tr in table.select("tbody tr")
        if tr.select("td")[-1].get_text(strip=True) == "No update recorded by 31 March 2026"
    ]
    assert said == silent and len(said) == 5


def test_each_table_of_stuck_actions_uses_one_plans_status_words(
    example: BoardData, report: BeautifulSoup
) -> None:
    assert example.latest_report is not None
    plans = example.report_plans(example.latest_report)
    tables = [t for t in report.select("table") if "or not started" in t.caption.get_text()]
    assert len(tables) == len(plans) == 2
    for plan, table in zip(plans, tables, strict=True):
        caption = table.caption.get_text(" ", strip=True)
        assert caption.startswith(f"Actions of the {plan.title} off target or not started")
        labels = {s.label for s in plan.vocabulary.statuses} | {"No status yet"}
        shown = {tag.get_text(strip=True) for tag in table.select(".ps-tag")}
        assert shown and shown <= labels, (plan.id, shown - labels)


def test_no_sentence_counts_none(example: BoardData, report: BeautifulSoup) -> None:
    text = " ".join(report.get_text(" ").split())
    assert re.findall(r"\b0 (?:more )?actions?\b", text) == []
    # the improvement plan had 8 actions completed after the year end and none added
    assert example.latest_report is not None
    at_end = year_end(example.plan_by_id["improvement-plan-2026"], example.latest_report.end_date)
    assert (len(at_end.done_since), len(at_end.added_since)) == (8, 0)
    assert "Since then, to 30 September 2026, 8 more actions were completed." in text


@pytest.mark.parametrize(
    ("done", "added", "sentence"),
    [
        (0, 0, "From then to 30 September 2026, no more actions were completed and none were "
               "added to the plan."),
        (0, 1, "Since then, to 30 September 2026, 1 action was added to the plan."),
        (1, 0, "Since then, to 30 September 2026, 1 more action was completed."),
        (2, 3, "Since then, to 30 September 2026, 2 more actions were completed and 3 actions "
               "were added to the plan."),
    ],
)  # fmt: skip
def test_what_changed_since_is_worded_for_none(done: int, added: int, sentence: str) -> None:
    from datetime import date

    at_end = SimpleNamespace(
        done_since=[object()] * done,
        added_since=[object()] * added,
        plan=SimpleNamespace(as_at_date=date(2026, 9, 30)),
    )
    assert since_sentence(at_end) == sentence  # type: ignore[arg-type]


def test_a_published_review_without_its_address_is_advice(
    data_copy: Callable[[str], Path],
) -> None:
    folder = data_copy("data")
    path = folder / "reports" / "2025-26.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f"        url: {ADDRESS}\n") == 1
    path.write_text(text.replace(f"        url: {ADDRESS}\n", ""), encoding="utf-8")
    site = load_board_data(folder)
    advice = [(a.line, a.message) for a in site.advice if "review of" in a.message]
    assert advice == [(30, NO_LINK)]
    assert site.latest_report is not None
    html = BeautifulSoup(body(site, site.latest_report, HERE), "html.parser")
    assert "full review" not in html.get_text()


def test_a_published_review_with_its_address_is_linked(
    example: BoardData, report: BeautifulSoup
) -> None:
    assert [a for a in example.advice if "review of" in a.message] == []
    links = report.find_all("a", string="Read the full review of Child R")
    assert [a["href"] for a in links] == [ADDRESS]


def test_chart_descriptions_say_the_table_is_above(report: BeautifulSoup) -> None:
    charts = report.select("#data ~ figure svg")
    table = report.select_one("#data ~ .ps-table-wrap, #data ~ div table")
    # six charts, each drawn wide and narrow (for a phone): one description each
    assert table is not None and len(charts) == 12
    descriptions = [svg.find("desc").get_text() for svg in charts]
    above = "The figures for 2024-25 and 2025-26 are in the table above the charts"
    assert all(above in d for d in descriptions)
    assert not any("below" in d for d in descriptions)


def test_every_report_table_fits_its_column_at_1280_pixels(
    example_site: Path, chromium: Any
) -> None:
    """Measured in Chromium: no table of the report is wider than the column it sits in."""
    from tests.gates.conftest import serving

    with serving(example_site) as address:
        window = chromium.new_page(viewport={"width": 1280, "height": 900})
        window.goto(f"{address}annual-report/2025-26/")
        widths = window.evaluate(
            "[...document.querySelectorAll('article table')].map(t =>"
            " [t.caption ? t.caption.textContent : '', t.scrollWidth,"
            " t.parentElement.clientWidth])"
        )
        window.close()
    assert len(widths) > 20
    assert [w for w in widths if w[1] > w[2]] == []
