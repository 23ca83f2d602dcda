"""Annual report: budget totals checked and computed, figures in prose equal the tables."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.load import load_site
from macros.model.report import Budget
from macros.model.site import Site
from macros.narrative import NarrativeError, narrative_macros
from macros.read.problems import DataError
from macros.render.figures import money, value_text
from macros.render.indicators import find
from tests.conftest import FIXTURES, ROOT, page


@pytest.fixture(scope="module")
def data() -> Site:
    return load_site(ROOT / "data")


@pytest.fixture(scope="module")
def budget(data: Site) -> Budget:
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
        load_site(Path("data"))
    assert [str(p) for p in caught.value.problems.items] == [
        f"data/budget.yml:{line}: expenditure budget total is stated as 30,076.00 but its "
        "lines add up to 30,075.00; correct the lines or the total"
    ]


# --- tables ------------------------------------------------------------------------------


def test_budget_tables_total_the_lines(example_site: Path, budget: Budget) -> None:
    html = page(example_site, "annual-report/budget/")
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


def test_training_table_has_every_course_and_the_total(example_site: Path, data: Site) -> None:
    table = page(example_site, "annual-report/training/").select_one("table.ps-figures")
    assert table is not None
    assert len(table.select("tbody tr")) == len(data.training) + 1
    assert totals(table)[-1] == f"{sum(c.delegates for c in data.training):,}"


def test_membership_and_structure_pages(example_site: Path, data: Site) -> None:
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
    text = text_of(example_site, "annual-report/budget/")
    given = money(sum(c.amount for c in budget.contributions))
    spent = money(sum(line.actual or 0 for line in budget.expenditure))
    assert f"Partners paid {given} towards" in text
    assert f"We spent {spent} against a budget of" in text


def test_training_and_progress_prose(example_site: Path, data: Site) -> None:
    text = text_of(example_site, "annual-report/training/")
    delegates = sum(c.delegates for c in data.training)
    assert f"We ran {len(data.training)} multi-agency courses" in text
    assert f"{delegates:,} people from across the partnership" in text
    plan = data.current_plan
    complete = sum(1 for a in plan.actions if a.status == "green")
    progress = text_of(example_site, "annual-report/progress/")
    assert f"{complete} were complete" in progress


def test_indicator_prose_agrees_with_the_data(example_site: Path, data: Site) -> None:
    text = text_of(example_site, "annual-report/performance/")
    latest = max(v.period for v in data.values_for("N12c") if v.area == "local")
    value = find(data, "N12c", latest)
    assert value is not None
    assert f"Re-referrals within a year were {value_text(value.value, 'percent')}," in text
    faith = find(data, "L7", max(v.period for v in data.values_for("L7")), "local", "Faith groups")
    assert faith is not None
    expected = "[c]" if data.disclosure.is_hidden(faith) else f"{faith.value:g}"
    assert f"from faith groups in {faith.period} was {expected}." in text
    assert "[not in this data" not in text


def test_a_missing_figure_fails_the_build_naming_the_page(data: Site) -> None:
    macros = narrative_macros(data, lambda: "annual-report/performance.md")
    with pytest.raises(NarrativeError) as caught:
        macros["indicator_value"]("N99")
    assert str(caught.value) == (
        "docs/annual-report/performance.md: indicator `N99` is not in indicators.yml; "
        "correct the ref"
    )
    with pytest.raises(NarrativeError, match="status `purple` is not one of"):
        macros["actions_in_status"]("purple")
