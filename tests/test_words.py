"""plansite/words/wording.py: the interface's words come from one file per language, by key.

A dummy language whose every word is XX shows which words come from the file: the
comparison and direction words, area names, units and the NEW marker. Month names and dates
are CLDR's for the language (Babel), not the file's: the dummy language, which CLDR does not
know, takes English's. The whole site in that
language is built by tests/test_words_site.py."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.documents.pdf import plan_document
from plansite.load import load_board_data
from plansite.model import links
from plansite.model.dates import parse_due
from plansite.model.plan import Plan
from plansite.pages.registry import render_page
from plansite.render.annual_tables import budget_tables, training_table
from plansite.render.indicator_figures import latest
from plansite.render.plans import new_label
from plansite.render.templates import environment
from plansite.render.yearly_report import reviews
from plansite.words import wording
from tests.conftest import ROOT

ENGLISH = yaml.safe_load((wording.WORDS / "en.yml").read_text(encoding="utf-8"))
# CLDR's English month names: what the dummy language, unknown to CLDR, shows
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip


def all_xx(words: Any) -> Any:
    """The same keys, every word XX (placeholders kept, so sentences still fill in)."""
    if isinstance(words, dict):
        return {key: all_xx(value) for key, value in words.items()}
    if isinstance(words, list):
        return [all_xx(value) for value in words]
    return "XX" + "".join(f" {{{name}}}" for name in _placeholders(str(words)))


def _placeholders(text: str) -> list[str]:
    return [part.split("}")[0] for part in text.split("{")[1:]]


@pytest.fixture
def dummy_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "en.yml").write_text(yaml.safe_dump(ENGLISH), encoding="utf-8")
    (tmp_path / "xx.yml").write_text(yaml.safe_dump(all_xx(ENGLISH)), encoding="utf-8")
    undo = wording.speaking(wording.Words.of("xx", tmp_path))
    yield
    undo()


def test_english_is_the_language_outside_a_build() -> None:
    assert wording.month_name(date(2026, 6, 1)) == "June"
    assert wording.month_year(date(2026, 6, 1)) == "June 2026"
    assert wording.word("comparison", "better") == "better than"


@pytest.mark.usefixtures("dummy_language")
def test_month_names_are_cldrs_for_the_language_not_the_words_file() -> None:
    day = date(2026, 9, 30)
    assert wording.month_year(day) == "September 2026"  # the dummy language: CLDR's English
    filters = environment().filters
    assert filters["long_date"](day) == "30 September 2026"
    assert (filters["month_name"](day), filters["month_short"](day)) == ("September", "Sep")
    assert new_label("2026-06") == "XX June 2026"  # "New since {month}": the words are the file's
    assert new_label("yes") == "XX"


def test_month_names_and_dates_are_welsh_in_welsh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cy.yml").write_text(yaml.safe_dump(all_xx(ENGLISH)), encoding="utf-8")
    undo = wording.speaking(wording.Words.of("cy", tmp_path))
    try:
        day = date(2026, 9, 30)
        assert wording.month_year(day) == "Medi 2026"
        assert wording.long_date(day) == "30 Medi 2026"
        assert wording.month_name(date(2026, 6, 1)) == "Mehefin"
        assert wording.due_words(parse_due("31 March 2026")) == "31 Mawrth 2026"
        assert wording.due_words(parse_due("Mar-26")) == "Mawrth 2026"
    finally:
        undo()


@pytest.mark.usefixtures("dummy_language")
def test_pages_take_their_chosen_words_from_the_file() -> None:
    site = load_board_data(ROOT / "data")
    indicator = next(
        i
        for i in site.indicators
        if (found := latest(site, i)) and found.direction and found.comparisons
    )
    found = latest(site, indicator)
    assert found is not None
    assert found.direction in {"XX", "XX XX XX"}  # "no change", or "{moved}, {judgement}"
    assert {c.area for c in found.comparisons} == {"XX"}
    assert {c.words for c in found.comparisons} <= {"XX", ""}
    # the parts of the pages whose words the code chooses (the rest quotes the data)
    planner = BeautifulSoup(render_page(site, "planner.md", "planner"), "html.parser")
    intro = planner.select_one(".ps-asat")
    months_table = planner.select("thead")[-1]
    # "{from} to {to}": the words the file's, the months CLDR's
    assert intro is not None and "XX April 2026 March 2027" in intro.get_text()
    assert [a.get_text() for a in months_table.select("abbr")] == [m[:3] for m in MONTHS[3:]] + [
        m[:3] for m in MONTHS[:3]
    ]  # CLDR's names, from the planner's first month (April)
    here = f"indicators/{indicator.slug}.md"
    page = BeautifulSoup(render_page(site, here, "indicator", indicator.ref), "html.parser")
    latest_figure = page.select_one(".ps-latest")
    comparisons = page.select_one(".ps-comparisons")
    assert latest_figure is not None and comparisons is not None
    chosen = " ".join(
        [intro.get_text(), str(months_table), latest_figure.get_text(), comparisons.get_text()]
    )
    for english in ("England", "neighbours", "better", "worse", "similar", "up", "down"):
        assert english not in chosen.replace(indicator.title, ""), english


def test_a_language_without_words_is_refused_with_the_fix() -> None:
    with pytest.raises(ValueError) as error:
        wording.Words.of("cy")
    assert str(error.value).startswith(
        "mkdocs.yml: theme: language is `cy`, but Plansite has no words for it; add words/cy.yml"
    )
    assert wording.month_name(date(2026, 1, 1)) == "January"  # still English


def _calls(text: str) -> list[tuple[str, str]]:
    """Each t("key", ...) call in a template: its key and its arguments' text."""
    found = []
    for match in re.finditer(r'(?<![\w.])t\("([\w.]+)"', text):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        found.append((match.group(1), text[match.end() : end - 1]))
    return found


def test_every_word_a_template_looks_up_exists_with_its_placeholders_given() -> None:
    templates = sorted(
        [
            *(ROOT / "plansite" / "theme").rglob("*.html"),
            *(ROOT / "plansite" / "fragments").rglob("*.html"),
        ]
    )
    calls = [call for path in templates for call in _calls(path.read_text(encoding="utf-8"))]
    assert len(calls) > 400
    wrong = []
    for key, arguments in calls:
        forms = wording.words(*key.split("."))
        texts = forms.values() if isinstance(forms, dict) else [forms]
        given = set(re.findall(r"(\w+)=", arguments)) | (
            {"count"} if "count=" in arguments else set()
        )
        for text in texts:
            missing = set(_placeholders(str(text))) - given
            if missing:
                wrong.append(f"{key}: {sorted(missing)}")
    assert wrong == []


@pytest.mark.usefixtures("dummy_language")
def test_a_presets_words_come_from_the_file_and_a_plans_english_words_still_match() -> None:
    written = ["G", "On Target", "Complete and embedded", "off target", "Merged"]
    actions = [{"ref": str(n), "title": "A", "status": w} for n, w in enumerate(written)]
    plan = Plan.model_validate(
        {"id": "p", "title": "P", "as_at": "2026-06-30", "statuses": "brag",
         "priorities": [{"ref": "1", "title": "One", "actions": actions}]}
    )  # fmt: skip
    assert {s.label for s in plan.statuses} == {s.meaning for s in plan.statuses} == {"XX"}
    found = [plan.vocabulary.find(w) for w in written]
    assert [s.key if s else None for s in found] == ["green", "amber", "blue", "red", "merged"]
    # a plan that names no statuses still gets the preset whose English words it writes
    phrases = {"id": "q", "title": "Q", "as_at": "2026-06-30", "priorities": [{
        "ref": "1", "title": "One",
        "actions": [{"ref": "1", "title": "A", "status": "Not yet completed but on-track"}],
    }]}  # fmt: skip
    assert [s.key for s in Plan.model_validate(phrases).statuses][:2] == ["completed", "on-track"]


@pytest.mark.usefixtures("dummy_language")
def test_a_pdfs_own_words_and_language_come_from_the_file() -> None:
    site = load_board_data(ROOT / "data")
    plan = site.current_plan
    html = BeautifulSoup(plan_document(site, plan).html, "html.parser")
    root = html.select_one("html")
    cover = html.select_one(".ps-cover")
    assert root is not None and root["lang"] == "xx" and cover is not None
    # "Progress as at {day}", among the cover's lines (what it is, from whom, as at when)
    assert "XX 30 September 2026" in [p.get_text() for p in cover.select("p")]
    headings = [h.get_text() for h in html.select(".ps-part__title")]
    assert headings[0] == "XX" and len(headings) == len(plan.priorities) + 1
    assert [h.split(" ")[0] for h in headings[1:]] == ["XX"] * len(plan.priorities)


@pytest.mark.usefixtures("dummy_language")
def test_a_missing_budget_or_training_table_is_said_in_the_files_words() -> None:
    site = load_board_data(ROOT / "data")
    site.budget, site.training = None, []
    said = [
        BeautifulSoup(html, "html.parser").get_text().strip()
        for html in (budget_tables(site, "annual-report/index.md"), training_table(site, ""))
    ]
    assert said == ["XX XX budget.yml XX", "XX XX training.csv XX"]


@pytest.mark.usefixtures("dummy_language")
def test_a_kind_of_review_is_said_in_the_files_words() -> None:
    site = load_board_data(ROOT / "data")
    report = next(r for r in site.reports if r.sections.reviews)
    found = reviews(site, report, links.annual_report(report.year))
    assert {v.review.kind for v in found} == {"rapid review", "local review"}
    assert {v.kind for v in found} == {"XX"}


def _python_lookups() -> list[tuple[str, tuple[str, ...]]]:
    """Each word(...), plural(...) or words(...) call in plansite/ whose keys are all written
    out: its file and line, and the keys."""
    found = []
    for path in sorted((ROOT / "plansite").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            keys = node.args
            if node.func.id == "_w":  # annual_tables.py: the words under report_tables
                keys = [ast.Constant("report_tables"), *keys]
            elif node.func.id not in {"word", "plural", "words"}:
                continue
            written = [
                k.value for k in keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
            ]
            if keys and len(written) == len(keys):
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", tuple(written)))
    return found


def test_every_word_python_looks_up_exists() -> None:
    lookups = _python_lookups()
    assert len(lookups) > 100
    missing = []
    for where, keys in lookups:
        try:
            wording.words(*keys)
        except (KeyError, TypeError):
            missing.append(f"{where}: {'.'.join(keys)}")
    assert missing == []
