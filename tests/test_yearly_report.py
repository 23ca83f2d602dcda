"""Yearly reports: counts as at the year end from the histories, optional sections listed by
`make check`, the section left out without a report, and words that agree with the tables."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.progress import summary
from plansite.model.year_end import year_end
from plansite.render.yearly_report import year_end_sentence
from tests.conftest import FIXTURES, ROOT, page, run_build

YEAR_END = date(2026, 3, 31)


@pytest.fixture(scope="module")
def fixture() -> BoardData:
    return load_board_data(FIXTURES / "report-year-end")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """A fixture board built strict, once; no test here reads a PDF: stand-ins, made in no time
    (made for the PDFs the real build makes, so a PDF that is not made is not there either)."""
    sites: dict[str, Path] = {}

    def site(name: str) -> Path:
        if name not in sites:
            out = tmp_path_factory.mktemp(name) / "site"
            result = run_build(FIXTURES / name, out, pdfs=False)
            assert result.returncode == 0, result.stderr
            sites[name] = out
        return sites[name]

    return site


def counts(found: object) -> dict[str | None, int]:
    return {c.status.key if c.status else None: c.count for c in found.counts}  # type: ignore[attr-defined]


def test_counts_are_the_plan_as_it_stood_at_the_year_end(fixture: BoardData) -> None:
    plan = fixture.current_plan
    at_end = year_end(plan, YEAR_END)
    # by hand, from the histories in tests/fixtures/report-year-end/plans/plan-a.yml:
    # A1 amber (green only in May), A2 green, A3 red (amber only in June), A5 no status yet
    # (first update in July), A6 amber (red from 1 April); A4 was added in May: not counted
    assert counts(at_end.summary) == {"green": 1, "amber": 2, "red": 1, None: 1}
    assert at_end.summary.total == 5
    assert counts(summary(plan, plan.actions)) == {"green": 3, "amber": 2, "red": 1}
    assert [a.ref for a in at_end.added_since] == ["A4"]
    assert [r.action.ref for r in at_end.done_since] == ["A1"]
    assert [r.action.ref for r in at_end.stuck] == ["A3", "A5"]
    by_priority = {p.priority.ref: counts(p.summary) for p in at_end.priorities}
    assert by_priority == {
        "1": {"green": 1, "amber": 1, "red": 1},
        "2": {"green": 0, "amber": 1, "red": 0, None: 1},
    }
    assert year_end_sentence(at_end) == (
        "At 31 March 2026, the Plan A had 5 actions: 1 complete, 2 on target, 1 off target "
        "and 1 with no status yet."
    )


def test_the_report_page_shows_year_end_counts_and_since_then(
    built: Callable[[str], Path],
) -> None:
    site = built("report-year-end")
    html = page(site, "annual-report/2025-26/")
    article = html.select_one("article")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    assert "1 complete, 2 on target, 1 off target and 1 with no status yet." in text
    assert (
        "Since then, to 30 September 2026, 1 more action was completed and 1 action was "
        "added to the plan." in text
    )
    total = article.select_one("table.ps-counts tr.ps-total")
    assert total is not None
    assert [td.get_text() for td in total.select("td")] == ["1", "2", "1", "1", "5"]
    stuck = article.select("#little-progress ~ .ps-table-wrap table tbody th a")
    assert [a.get_text() for a in stuck] == ["A3", "A5"]
    # the sections the data leaves out are left out of the page
    assert [h["id"] for h in article.select("h2")] == ["effectiveness", "little-progress"]
    # the earlier year has no section at all, and still builds
    earlier = page(site, "annual-report/2024-25/").select_one("article")
    assert earlier is not None and earlier.select("h2") == []
    index = page(site, "annual-report/")
    links = [a["href"] for a in index.select("article a:not(.ps-term)")]  # not the glossary's
    assert links[0] == "2025-26/" and "2024-25/" in links


def test_make_check_lists_each_missing_section_as_information() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "plansite.check", "tests/fixtures/report-year-end"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    gaps = [line for line in result.stdout.splitlines() if line.endswith("(information)")]
    settings = [line for line in gaps if "education or childcare settings" in line]
    assert len(settings) == 1 and settings[0].startswith(
        "tests/fixtures/report-year-end/board.yml:1: the board names no education"
    )  # its members name none: the 2026 Act's relevant agencies, said once
    # 2024-25 has no section; 2025-26 has two of the eleven
    assert len(gaps) - len(settings) == 11 + 9
    assert gaps[0] == (
        "tests/fixtures/report-year-end/reports/2024-25.yml:1: the 2024-25 report has no "
        "`foreword` section: a foreword by the safeguarding partners; the statutory guidance "
        "expects it (information)"
    )
    assert (
        "tests/fixtures/report-year-end/reports/2025-26.yml:5: the 2025-26 report has no "
        "`funding` section: funding: the budget and each partner's contribution; the statutory "
        "guidance expects it (information)" in gaps
    )
    example = subprocess.run(
        [sys.executable, "-m", "plansite.check", "data"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "2025-26 report has no" not in example.stdout  # the example's latest is complete


def test_a_board_without_reports_has_no_annual_report_section(
    built: Callable[[str], Path],
) -> None:
    site = built("minimal")
    assert not (site / "annual-report").exists()
    menu = " ".join(page(site, "").select_one("nav").get_text(" ").split())  # type: ignore[union-attr]
    assert "Annual report" not in menu
    assert not list((site / "downloads").glob("annual-report-*.pdf"))


def test_a_chapter_that_is_missing_is_a_problem_with_its_line(
    data_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = data_copy("report-year-end")
    (folder / "reports" / "2025-26" / "effectiveness.md").unlink()
    monkeypatch.chdir(folder.parent)
    result = subprocess.run(
        [sys.executable, "-m", "plansite.check", "data"],
        cwd=folder.parent, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/reports/2025-26.yml:6: chapter `effectiveness.md` not found; create "
        "data/reports/2025-26/effectiveness.md or correct the name"
    )


# --- the example board's complete report ------------------------------------------------


def test_the_example_report_has_every_section(example_site: Path) -> None:
    article = page(example_site, "annual-report/2025-26/").select_one("article")
    assert article is not None
    assert [h["id"] for h in article.select("h2")] == [
        "foreword", "scrutineer", "effectiveness", "little-progress", "reviews", "training",
        "voices", "data", "education-and-childcare", "funding", "scrutiny", "next-year",
    ]  # fmt: skip


def test_example_words_agree_with_the_tables(example_site: Path) -> None:
    data = load_board_data(ROOT / "data")
    article = page(example_site, "annual-report/2025-26/").select_one("article")
    assert article is not None
    for table in article.select("table.ps-counts"):
        sentence = table.find_previous("p", class_="ps-sentence")
        assert sentence is not None
        heads = [th.get_text(" ", strip=True).lower() for th in table.select("thead th")[1:-1]]
        total = [td.get_text() for td in table.select("tr.ps-total td")]
        said = re.findall(r"(\d+) ([a-z ]+?)(?:,| and |\.)", sentence.get_text(" ", strip=True))
        words = {label.removeprefix("with ").strip(): count for count, label in said}
        for head, count in zip(heads, total[:-1], strict=True):
            assert words[head.replace("no status yet", "no status yet")] == count
        assert f"had {total[-1]} actions" in sentence.get_text()
    plan = data.plan_by_id["business-plan-2025-28"]
    at_end = year_end(plan, YEAR_END)
    assert at_end.summary.total == len(plan.actions) - len(at_end.added_since)
    assert counts(at_end.summary) != counts(summary(plan, plan.actions))
