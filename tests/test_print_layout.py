"""Issue 24 part 10 and issue 26: PDFs sized for people, and priority pages that show each action
once. The example board's published PDFs are read back with pdftotext (what a reader's PDF viewer
finds), and a long synthetic plan's PDF is made and measured with pdfinfo."""

from __future__ import annotations

import base64
import posixpath
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.check.advice import data_advice
from plansite.documents import pdf as documents
from plansite.load import load_board_data
from plansite.model import print_size
from plansite.model.board_data import BoardData
from plansite.model.plan import Plan
from plansite.model.print_size import LONG_PLAN, is_long, printed_parts
from plansite.model.progress import needs_attention, summary
from plansite.pages.annual_reports import _downloads
from plansite.pages.plans import _priority
from plansite.render.plans import part_title, sentence
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
# the long synthetic plan's PDFs: at least 3 actions a page, after the summary's or a priority's
# opening pages; and each made in minutes even on a loaded 2-core machine (WeasyPrint's time
# grows with its pages)
ACTIONS_PER_PAGE = 3
SUMMARY_PAGES = 15
# a long plan's PDF per priority: its cover, then its description, outcomes and evidence
PRIORITY_PAGES = 4
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
def long_site(tmp_path_factory: pytest.TempPathFactory) -> BoardData:
    """A synthetic board of 400 actions: its current plan's 240 make it long."""
    site = load_board_data(generate(tmp_path_factory.mktemp("long") / "data", 400))
    site.url = "https://plans.example.org/"
    return site


def _longest(site: BoardData) -> Plan:
    return max(site.plans, key=lambda p: len(p.actions))


@pytest.fixture(scope="module")
def long_plan(
    long_site: BoardData, tmp_path_factory: pytest.TempPathFactory
) -> tuple[BoardData, dict[str, Path], float]:
    """The long plan's PDFs as the build publishes them (its progress at a glance, then one
    per priority), by path, and the most seconds WeasyPrint took to make one of them."""
    plan = _longest(long_site)
    folder = tmp_path_factory.mktemp("long-pdf")
    css = documents.PRINT_CSS.read_text(encoding="utf-8")
    made, slowest = {}, 0.0
    for path, make in documents.plan_documents(long_site):
        if path != documents.plan_path(plan) and not path.startswith(f"downloads/{plan.id}/"):
            continue
        started = time.monotonic()
        content = documents._weasyprint(make(), css)
        slowest = max(slowest, time.monotonic() - started)
        made[path] = folder / path
        made[path].parent.mkdir(parents=True, exist_ok=True)
        made[path].write_bytes(content)
    return long_site, made, slowest


def test_a_long_plans_pdfs_each_stay_within_their_page_budget_and_time(
    long_plan: tuple[BoardData, dict[str, Path], float],
) -> None:
    """The at-a-glance PDF within SUMMARY_PAGES; each priority's within PRIORITY_PAGES (its
    cover, description, outcomes and evidence) + its actions / ACTIONS_PER_PAGE; together they
    print every action once, in its own priority's PDF."""
    site, made, slowest = long_plan
    plan = _longest(site)
    assert len(plan.actions) == 240 and is_long(plan)
    parts = printed_parts(plan)
    assert [p.path for p in parts] == [
        f"downloads/{plan.id}/priority-{p.slug}.pdf" for p in plan.priorities
    ]
    assert sorted(made) == sorted([documents.plan_path(plan), *(p.path for p in parts)])
    glance = made[documents.plan_path(plan)]
    assert page_count(glance) <= SUMMARY_PAGES, page_count(glance)
    glance_text = flat("\n".join(pdf_pages(glance)))
    assert not any(f" {a.ref} " in glance_text for a in plan.actions)  # no action's row
    for part in parts:
        pages = page_count(made[part.path])
        assert pages <= PRIORITY_PAGES + len(part.actions) / ACTIONS_PER_PAGE, (part.path, pages)
        text = flat("\n".join(pdf_pages(made[part.path])))
        assert all(f" {a.ref} " in text for a in part.actions), part.path
        others = [a for a in plan.actions if a.priority is not part.priority]
        assert not any(f" {a.ref} " in text for a in others), part.path
        assert web_only_words(text) == []
    assert sum(len(p.actions) for p in parts) == len(plan.actions)
    assert slowest < SECONDS, slowest


def test_the_at_a_glance_pdf_names_and_links_every_priority_pdf(
    long_plan: tuple[BoardData, dict[str, Path], float],
) -> None:
    site, made, _ = long_plan
    plan = _longest(site)
    text = letters("\n".join(pdf_pages(made[documents.plan_path(plan)])))
    html = BeautifulSoup(documents.plan_document(site, plan).html, "html.parser")
    links = [a["href"] for a in html.select(".ps-print-pieces a")]
    parts = printed_parts(plan)
    assert links == [f"https://plans.example.org/{p.path}" for p in parts]
    for part, address in zip(parts, links, strict=True):
        assert letters(part_title(part)) in text and letters(address) in text, part.path
    assert flat(word("print_document", "glance_kind")) in flat(
        pdf_pages(made[documents.plan_path(plan)])[0]
    )


def test_a_priority_past_the_limit_is_printed_in_numbered_parts(
    long_site: BoardData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A priority of more than PART_ACTIONS actions in parts of near-equal size, in order, each
    with only its own rows; the at-a-glance PDF names every part."""
    monkeypatch.setattr(print_size, "PART_ACTIONS", 7)
    plan = _longest(long_site)
    parts = printed_parts(plan)
    for priority in plan.priorities:
        own = [p for p in parts if p.priority is priority]
        assert [a for p in own for a in p.actions] == priority.all_actions
        assert [p.number for p in own] == list(range(1, len(own) + 1))
        assert len(own) == -(-len(priority.all_actions) // 7) > 1
        assert max(len(p.actions) for p in own) - min(len(p.actions) for p in own) <= 1
        assert own[1].path == f"downloads/{plan.id}/priority-{priority.slug}-part-2.pdf"
    document = documents.priority_document(long_site, plan, parts[1])
    rows = BeautifulSoup(document.html, "html.parser").select("tr.ps-action th")
    assert [r.get_text() for r in rows] == [a.ref for a in parts[1].actions]
    assert "part 2 of" in document.html
    glance = BeautifulSoup(documents.plan_document(long_site, plan).html, "html.parser")
    assert len(glance.select(".ps-print-pieces a")) == len(parts)


@pytest.mark.parametrize("limit", [print_size.PART_ACTIONS, 7])
def test_the_downloads_and_priority_pages_link_every_pdf_of_a_long_plan(
    long_site: BoardData, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(print_size, "PART_ACTIONS", limit)
    plan = _longest(long_site)
    parts = printed_parts(plan)
    # 17 or 18 actions a priority: each whole, or in 3 parts of 7 at most
    assert len(parts) == len(plan.priorities) * (3 if limit == 7 else 1)
    here = "downloads.md"
    page = _downloads(long_site, here, defaultdict(lambda: 1000))
    listed = _pdfs(page, here, f"#pdfs-{plan.id} + p + ul")
    assert listed == [documents.plan_path(plan), *(p.path for p in parts)]
    assert len(BeautifulSoup(page, "html.parser").select("[id^=pdfs-]")) == 1  # the long plan
    for priority in plan.priorities:
        here = f"plans/{plan.id}/{priority.slug}.md"
        linked = _pdfs(_priority(long_site, here, plan.id, priority.slug), here, ".ps-download")
        assert linked == [p.path for p in parts if p.priority is priority]
    short = min(long_site.plans, key=lambda p: len(p.actions))
    first = short.priorities[0]
    here = f"plans/{short.id}/{first.slug}.md"
    assert _pdfs(_priority(long_site, here, short.id, first.slug), here, ".ps-download") == []


def _pdfs(page: str, here: str, where: str) -> list[str]:
    """The PDFs linked under `where` on the page at `here`, as paths inside site/."""
    found = BeautifulSoup(page, "html.parser").select(f"{where} a[href$='.pdf']")
    served = posixpath.dirname(here) + "/" if here.endswith("index.md") else here[:-3] + "/"
    return [posixpath.normpath(posixpath.join(served, a["href"])) for a in found]


def test_a_long_plan_is_said_on_its_page_and_by_make_check(long_site: BoardData) -> None:
    site = long_site
    plan = _longest(site)
    advice = [p for p in data_advice(site) if "more than" in p.message]
    assert [(p.message.split(":")[0]) for p in advice] == [
        f"the plan has {len(plan.actions)} actions, more than {LONG_PLAN}"
    ]
    assert f"names {len(plan.priorities)} more PDFs, one per priority" in advice[0].message
    from plansite.render.plans import plan_home

    page = plan_home(site, plan, "plans/x/", ("x.pdf", "1 MB"))
    note = word("plans_home", "long_pdf")
    assert note in BeautifulSoup(page, "html.parser").select_one(".ps-download").get_text()
    short = min(site.plans, key=lambda p: len(p.actions))
    assert not is_long(short) and printed_parts(short) == []
    short_page = plan_home(site, short, "plans/x/", ("x.pdf", "1 MB"))
    assert note not in BeautifulSoup(short_page, "html.parser").get_text()


def test_the_example_boards_plans_are_each_one_pdf(
    pdfs: dict[str, list[str]], site: BoardData, example_site: Path
) -> None:
    """No plan of the example board is long: each is printed whole, in one PDF, as before."""
    assert all(printed_parts(plan) == [] for plan in site.plans)
    assert sorted(pdfs) == sorted(
        [Path(documents.plan_path(p)).name for p in site.plans]
        + [Path(documents.report_path(r)).name for r in site.reports]
    )
    assert not [p for p in (example_site / "downloads").iterdir() if p.is_dir()]


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
