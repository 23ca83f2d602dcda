"""Issue 17's fixes that show on pages and in files rather than in `make check`'s report: `$`
drawn as typed, text cells in workbooks, leads with `|`, entities, the period of a figure that
is not the latest, one slug function, unreadable files."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup

from plansite.check.__main__ import main
from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.slugs import slug
from plansite.pages.narrative import narrative_macros
from plansite.pages.registry import generated_pages
from plansite.publish.spreadsheet import workbook_bytes
from plansite.render.all_actions import all_actions_page
from plansite.render.charts import bar_chart, series_chart

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "corpus-base"


def site_after(tmp_path: Path, file: str, old: str, new: str) -> BoardData:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_board_data(data)


def test_dollars_in_chart_text_are_drawn_as_typed() -> None:
    categories = ["$5 to $10", "Education $\\frac{1}{$"]
    svg = bar_chart("c", "T", "D", categories, [("Local", [1.0, 2.0], ["1", "2"])], "Cost $")
    texts = [t.text for t in BeautifulSoup(svg, "html.parser").find_all("text")]
    assert "$5 to $10" in texts and "Education $\\frac{1}{$" in texts and "Cost $" in texts
    svg = series_chart("s", "T", "D", ["$a$"], [("$5 to $10", [1.0])], "x")
    texts = [t.text for t in BeautifulSoup(svg, "html.parser").find_all("text")]
    assert "$5 to $10" in texts and "$a$" in texts


def test_a_formula_is_a_text_cell_in_a_workbook_without_an_apostrophe() -> None:
    rows = [['=HYPERLINK("http://x.example","y")', "-3", "@SUM(A1)", "plain", 4]]
    book = openpyxl.load_workbook(
        io.BytesIO(workbook_bytes("s", list("abcde"), rows, date(2026, 1, 1)))
    )
    [cells] = list(book.active.iter_rows(min_row=2))
    assert [c.value for c in cells] == rows[0]
    assert [c.data_type for c in cells] == ["s", "s", "s", "s", "n"]


def test_a_lead_with_a_bar_is_one_filter_choice(tmp_path: Path) -> None:
    site = site_after(tmp_path, "plans/plan-a.yml", "lead: CSE Group", "lead: Police | Council")
    plan = site.current_plan
    soup = BeautifulSoup(all_actions_page(site, plan, "plans/plan-a/all-actions.md"), "html.parser")
    leads = {
        tr.th.get_text(strip=True): json.loads(tr["data-lead"]) for tr in soup.select("tbody tr")
    }
    assert leads["1.2"] == ["Police | Council"]
    assert leads["1.1a"] == ["PPPG", "Head of Education"]
    options = [o["value"] for o in soup.select("select[name=lead] option")]
    assert options == ["", "Head of Education", "Police | Council", "PPPG"]
    priorities = [json.loads(tr["data-priority"]) for tr in soup.select("tbody tr")]
    assert priorities == [["1"], ["1"], ["1"]]


def test_entities_typed_in_data_are_read_as_characters(tmp_path: Path) -> None:
    site = site_after(
        tmp_path,
        "plans/plan-a.yml",
        "title: Train staff",
        "title: Train staff &amp; carers &lt;b&gt; &para and R&D &#x2014;",
    )
    # a complete entity is its character; without its `;` it is text
    assert site.current_plan.actions[-1].title == "Train staff & carers <b> &para and R&D —"


def test_a_pasted_space_in_a_lead_still_finds_its_subgroup(tmp_path: Path) -> None:
    site = site_after(tmp_path, "plans/plan-a.yml", "lead: CSE Group", "lead: CSE\u00a0Group")
    action = site.current_plan.actions[-1]
    assert action.leads == ["CSE Group"]
    found = site.subgroup_for(action.leads[0])
    assert found is not None and found.id == "cse"
    assert [(w.line, w.message[:40]) for w in site.advice] == [
        (40, "`CSE Group` contains a non-breaking spac")
    ]


def test_a_figure_not_for_the_latest_period_says_its_period(tmp_path: Path) -> None:
    site = site_after(
        tmp_path,
        "indicator_values.csv",
        "N19,2024-25,england,,37.9",
        "N19,2024-25,england,,37.9\nN19,2025-26,england,,36.0",
    )
    macros = narrative_macros(lambda: site, lambda: "annual-report/performance.md")
    assert macros["indicator_value"]("N19") == "23.4 (in 2024-25)"
    assert macros["indicator_value"]("N19", "2024-25") == "23.4"  # the text names the period
    assert macros["latest_period"]("N19") == "2024-25"
    latest = load_board_data(BASE)
    assert narrative_macros(lambda: latest, lambda: "x.md")["indicator_value"]("N19") == "23.4"


def test_one_slug_for_every_address() -> None:
    assert slug("1") == slug("1.") == "1"
    assert slug("N12a") == slug("n12a") == "n12a"
    assert slug("R 3.1a") == "r-3-1a"
    assert slug("Café & co") == "cafe-co"
    assert slug("\U0001f6e1") == slug(".") == ""
    site = load_board_data(BASE)
    paths = [page.path for page in generated_pages(site)]
    assert "plans/plan-a/priority-1.md" in paths and "indicators/n19.md" in paths
    assert len(paths) == len(set(paths))


def test_an_unreadable_file_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "board.yml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(["data"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/board.yml:1: file cannot be opened (Permission denied); give yourself permission "
        "to read it (or save a fresh copy), then try again",
        "1 problem found in the data; nothing was published.",
    ]
