"""Issue 24 part 10 and issue 26: PDFs sized for people, and priority pages that show each action
once. The example board's published PDFs are read back with pdftotext (what a reader's PDF viewer
finds), and a long synthetic plan's PDF is made and measured with pdfinfo."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.check.advice import data_advice
from plansite.documents import pdf as documents
from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.print_size import LONG_PLAN, is_long
from plansite.model.progress import needs_attention, summary
from plansite.render.plans import sentence
from plansite.words.wording import word
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from bench.synthetic import generate

PLAN = "business-plan-2025-28"
# words that only make sense on a screen: none may be printed in a PDF
WEB_ONLY = [
    "to sort, filter and download",
    "select a reference",
    "open this action",
    "more about",
    "each row is one action",
    "download this plan",
    "skip to content",
    "on this page",
    "table of contents",
    "back to top",
    "click",
]
# the long synthetic plan's PDF: at least 3 actions a page, after its summary pages; and made in
# minutes even on a loaded 2-core machine (WeasyPrint's time grows with its pages)
ACTIONS_PER_PAGE = 3
SUMMARY_PAGES = 15
SECONDS = 300


def flat(text: str) -> str:
    """Text as a reader searches it: one space between words, lower case."""
    return " ".join(text.split()).lower()


def letters(text: str) -> str:
    """Only the letters and digits: pdftotext joins a word hyphenated at a line's end
    ("five-" "year" reads "fiveyear")."""
    return re.sub(r"[\W_]+", "", text).lower()


def web_only_words(text: str) -> list[str]:
    found = flat(text)
    return [phrase for phrase in WEB_ONLY if phrase in found]


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)[1])  # type: ignore[index]


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def pdfs(example_site: Path) -> dict[str, list[str]]:
    """Each published PDF of the example board, page by page, as pdftotext reads it."""
    found = {p.name: pdf_pages(p) for p in sorted((example_site / "downloads").glob("*.pdf"))}
    assert len(found) == 5  # two yearly reports, three plans
    return found


def test_the_web_only_check_finds_a_web_only_phrase() -> None:
    printed = "All 72 actions in one table,\nto sort, filter and\ndownload"
    assert web_only_words(printed) == ["to sort, filter and download"]
    assert web_only_words("Each action has a lead and a due date.") == []


def test_no_pdf_prints_web_only_words(pdfs: dict[str, list[str]]) -> None:
    found = {name: web_only_words("\n".join(pages)) for name, pages in pdfs.items()}
    assert found == {name: [] for name in pdfs}


def test_the_cover_says_what_the_document_is_as_at_when_and_who_from(
    pdfs: dict[str, list[str]], site: BoardData
) -> None:
    plan = site.plan_by_id[PLAN]
    cover = flat(pdfs[f"{PLAN}.pdf"][0])
    assert site.board.name.lower() in cover
    assert "for northvale" in cover  # the board's area
    assert plan.title.lower() in cover
    assert flat(word("print_document", "plan_kind")) in cover
    assert "progress as at 30 september 2026" in cover
    assert f"https://plans.northvale-scp.example.org/plans/{PLAN}/" in cover
    report = site.reports[-1]
    day = report.published_date
    report_cover = flat(pdfs[f"annual-report-{report.year}.pdf"][0])
    assert report.heading.lower() in report_cover
    assert f"published {day.day} {day.strftime('%B %Y').lower()}" in report_cover


def test_the_plan_pdf_opens_with_the_counts_the_site_shows(
    pdfs: dict[str, list[str]], site: BoardData, example_site: Path
) -> None:
    plan = site.plan_by_id[PLAN]
    whole = sentence(summary(plan, plan.actions))
    attention = needs_attention(plan)
    assert whole == "39 of 72 actions complete, 11 off target, 17 overdue"
    glance = flat(pdfs[f"{PLAN}.pdf"][1])
    assert flat(whole) in glance
    assert (
        f"{len(attention.actions)} actions need attention: {len(attention.overdue)} overdue"
        in glance
    )
    contradicted = len(attention.contradicted)
    assert contradicted > 0
    assert f"{contradicted} overdue actions are still marked on target" in glance
    # the same counts as the plan's page and its Needs attention page
    home = (example_site / "plans" / PLAN / "index.html").read_text(encoding="utf-8")
    assert whole in home
    needs = (example_site / "plans" / PLAN / "needs-attention" / "index.html").read_text("utf-8")
    assert f"({contradicted})" in BeautifulSoup(needs, "html.parser").find(id="still-on-track").text


def test_the_plan_pdf_gives_each_latest_update_and_leaves_the_histories_to_the_site(
    pdfs: dict[str, list[str]], site: BoardData
) -> None:
    plan = site.plan_by_id[PLAN]
    text = flat("\n".join(pdfs[f"{PLAN}.pdf"]))
    with_history = [a for a in plan.actions if len(a.updates) >= 2]
    assert len(with_history) > 30
    latest = {a.ref: a.latest_update for a in plan.actions}
    printed = letters(" ".join(u.text for u in latest.values() if u is not None))
    left_out = 0
    for action in with_history:
        assert letters(_plain_start(latest[action.ref].text)) in letters(text), action.ref
        for earlier in action.updates:
            start = letters(_plain_start(earlier.text))
            if earlier is not latest[action.ref] and start not in printed:  # said only then
                assert start not in letters(text), action.ref
                left_out += 1
    assert left_out > 100
    assert "dated updates, newest first" not in text
    assert flat(word("print_document", "histories_on_the_site")) in text
    assert f"https://plans.northvale-scp.example.org/plans/{PLAN}/" in text


def _plain_start(text: str) -> str:
    """The first words of an update, before any formatting or link."""
    return re.split(r"[*_\[\]()<>`]", text.strip())[0].split("\n")[0][:60].rsplit(" ", 1)[0]


def test_captions_stay_on_the_page_of_their_tables(
    pdfs: dict[str, list[str]], site: BoardData
) -> None:
    """A caption's table starts on the caption's page: its first row is printed there."""
    documents_made = [documents.plan_document(site, p) for p in site.plans] + [
        documents.report_document(site, r) for r in site.reports
    ]
    checked = 0
    for document in documents_made:
        pages = [flat(page) for page in pdfs[Path(document.path).name]]
        at, offset = 0, 0  # where the previous caption was: they are found in the document's order
        soup = BeautifulSoup(document.html, "html.parser")
        for table in soup.select("table"):
            caption, body = table.find("caption"), table.find("tbody")
            first = body.find(["th", "td"]) if body is not None else None
            if caption is None or first is None or not first.get_text(strip=True):
                continue
            words, row = flat(caption.get_text()), flat(first.get_text())[:40]
            at, offset = next(
                (i, found + len(words))
                for i in range(at, len(pages))
                if (found := pages[i].find(words, offset if i == at else 0)) >= 0
            )
            # pdftotext may read a tagged table's caption after its cells: the page is the test
            assert row in pages[at], (document.path, at + 1, words)
            checked += 1
    assert checked > 40


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[BoardData, Path, float]:
    """The largest plan of a synthetic board of 400 actions (240 in its current plan), its PDF
    and the seconds WeasyPrint took to make it."""
    site = load_board_data(generate(tmp_path_factory.mktemp("long") / "data", 400))
    site.url = "https://plans.example.org/"
    plan = max(site.plans, key=lambda p: len(p.actions))
    document = documents.plan_document(site, plan)
    started = time.monotonic()
    made = documents._weasyprint(document, documents.PRINT_CSS.read_text(encoding="utf-8"))
    took = time.monotonic() - started
    path = tmp_path_factory.mktemp("long-pdf") / "plan.pdf"
    path.write_bytes(made)
    return site, path, took


def test_a_long_plans_pdf_stays_within_its_page_budget_and_time(
    long_plan: tuple[BoardData, Path, float],
) -> None:
    site, path, took = long_plan
    plan = max(site.plans, key=lambda p: len(p.actions))
    assert len(plan.actions) == 240 and is_long(plan)
    pages = page_count(path)
    assert pages <= SUMMARY_PAGES + len(plan.actions) / ACTIONS_PER_PAGE, pages
    assert took < SECONDS, took
    text = flat("\n".join(pdf_pages(path)))
    assert all(f" {a.ref} " in text for a in plan.actions)  # every action, by its ref
    assert web_only_words(text) == []


def test_a_long_plan_is_said_on_its_page_and_by_make_check(
    long_plan: tuple[BoardData, Path, float],
) -> None:
    site, _, _ = long_plan
    plan = max(site.plans, key=lambda p: len(p.actions))
    advice = [p for p in data_advice(site) if "more than" in p.message]
    assert [(p.message.split(":")[0]) for p in advice] == [
        f"the plan has {len(plan.actions)} actions, more than {LONG_PLAN}"
    ]
    from plansite.render.plans import plan_home

    page = plan_home(site, plan, "plans/x/", ("x.pdf", "1 MB"))
    note = word("plans_home", "long_pdf")
    assert note in BeautifulSoup(page, "html.parser").select_one(".ps-download").get_text()
    short = min(site.plans, key=lambda p: len(p.actions))
    assert not is_long(short)
    short_page = plan_home(site, short, "plans/x/", ("x.pdf", "1 MB"))
    assert note not in BeautifulSoup(short_page, "html.parser").get_text()


def test_the_cover_shows_the_boards_logo(data_copy: Callable[[str], Path]) -> None:
    folder = data_copy("data")
    logo = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>'
    (folder / "logo.svg").write_text(logo, encoding="utf-8")
    board = folder / "board.yml"
    board.write_text(board.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    site = load_board_data(folder)
    cover = BeautifulSoup(documents.plan_document(site, site.current_plan).html, "html.parser")
    image = cover.select_one("header.ps-cover img.ps-cover__logo")
    assert image["alt"] == f"{site.board.name} logo"
    assert image["src"] == "data:image/svg+xml;base64," + base64.b64encode(logo.encode()).decode()
