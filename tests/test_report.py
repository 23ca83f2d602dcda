"""Annual report: budget totals checked and computed, figures in prose equal the tables."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.load import load_board_data
from plansite.model.annual_tables import Budget
from plansite.model.board_data import BoardData
from plansite.pages.narrative import NarrativeError, narrative_macros
from plansite.read.problems import DataError
from plansite.render.figures import money
from tests.conftest import FIXTURES, ROOT, page

REPORT = "annual-report/2025-26/"  # the example board's latest yearly report


@pytest.fixture(scope="module")
def data() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def budget(data: BoardData) -> Budget:
    assert data.budget is not None
    return data.budget


def text_of(site: Path, url: str) -> str:
    article = page(site, url).select_one("article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    return re.sub(r" ([,.;:])", r"\1", text)  # "<b>19.8%</b>," reads "19.8% ," otherwise


def totals(table: BeautifulSoup) -> list[str]:
    row = table.select_one("tr.ps-total")
    assert row is not None
    return [td.get_text(strip=True) for td in row.select("td")]


# --- validation --------------------------------------------------------------------------


def test_a_stated_total_that_disagrees_with_its_lines_fails_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "corpus-base", data)
    path = data / "budget.yml"
    text = path.read_text(encoding="utf-8")
    assert "expenditure_budget: 30075\n" in text
    path.write_text(text.replace("expenditure_budget: 30075", "expenditure_budget: 30076"))
    line = text.splitlines().index("  expenditure_budget: 30075") + 1
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as caught:
        load_board_data(Path("data"))
    assert [str(p) for p in caught.value.problems.items] == [
        f"data/budget.yml:{line}: expenditure budget total is stated as 30,076.00 but its "
        "lines add up to 30,075.00; correct the lines or the total"
    ]


# --- tables ------------------------------------------------------------------------------


def test_budget_tables_total_the_lines(example_site: Path, budget: Budget) -> None:
    html = page(example_site, REPORT)
    tables = {t.caption.get_text(strip=True): t for t in html.select("table.ps-figures")}
    spent_plan = sum(line.budget or 0 for line in budget.expenditure)
    spent = sum(line.actual or 0 for line in budget.expenditure)
    income = sum(line.actual or 0 for line in budget.income)
    given = sum(c.amount for c in budget.contributions)
    expenditure = tables[f"Expenditure: budget and actual, {budget.year}"]
    assert totals(expenditure) == [money(spent_plan), money(spent), money(spent - spent_plan)]
    assert len(expenditure.select("tbody tr")) == len(budget.expenditure) + 1
    contributions = tables[f"Partner contributions, {budget.year}"]
    assert totals(contributions)[-1] == money(given)
    summary = tables[f"Income and expenditure, {budget.year}"]
    assert totals(summary)[1] == money(given + income - spent)
    # right-aligned numbers
    assert all("ps-num" in td["class"] for t in tables.values() for td in t.select("td"))


def test_training_table_has_every_course_and_the_total(example_site: Path, data: BoardData) -> None:
    tables = page(example_site, REPORT).select("table.ps-figures")
    table = next(t for t in tables if "training courses" in t.caption.get_text())
    assert len(table.select("tbody tr")) == len(data.training) + 1
    assert totals(table)[-1] == f"{sum(c.delegates for c in data.training):,}"


def test_membership_and_structure_pages(example_site: Path, data: BoardData) -> None:
    rows = page(example_site, "about/membership/").select("tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == [m.agency for m in data.members]
    structure = page(example_site, "about/structure/")
    headings = [h.get_text(" ", strip=True) for h in structure.select("h2")]
    for subgroup in data.subgroups:
        assert any(h.startswith(subgroup.name) for h in headings)
    targets = [a["href"] for a in structure.select("article a") if "subgroups/" in a["href"]]
    assert len(targets) == len(data.subgroups)
    assert all((example_site / "about/structure" / t / "index.html").exists() for t in targets)


# --- prose pulls its figures from the data -----------------------------------------------


def test_budget_prose_agrees_with_the_tables(example_site: Path, budget: Budget) -> None:
    text = text_of(example_site, REPORT)
    given = money(sum(c.amount for c in budget.contributions))
    asked = money(sum(c.budget or 0 for c in budget.contributions))
    spent = money(sum(line.actual or 0 for line in budget.expenditure))
    planned = money(sum(line.budget or 0 for line in budget.expenditure))
    assert f"Partners contributed {given} against {asked} agreed." in text
    assert f"The partnership spent {spent} against a budget of {planned}." in text
    tables = {t.caption.get_text(strip=True): t for t in page(example_site, REPORT).select("table")}
    against = tables[f"Partner contributions: agreed and paid, {budget.year}"]
    assert totals(against)[:2] == [asked, given]


def test_training_prose_agrees_with_the_table(example_site: Path, data: BoardData) -> None:
    text = text_of(example_site, REPORT)
    delegates = sum(c.delegates for c in data.training)
    assert (
        f"The partnership ran {len(data.training)} multi-agency courses, attended by "
        f"{delegates:,} delegates." in text
    )


def test_a_missing_figure_fails_the_build_naming_the_page(data: BoardData) -> None:
    macros = narrative_macros(lambda: data, lambda: "annual-report/performance.md")
    with pytest.raises(NarrativeError) as caught:
        macros["indicator_value"]("N99")
    assert str(caught.value) == (
        "docs/annual-report/performance.md: indicator `N99` is not in indicators.yml; "
        "correct the ref"
    )
    with pytest.raises(NarrativeError, match="status `purple` is not one of"):
        macros["actions_in_status"]("purple")
