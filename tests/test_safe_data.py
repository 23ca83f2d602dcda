"""Issue 28's data cases: what would publish something wrong without a word is an error or
advice with its file and line (yearly reports, published paths, duplicate ids, leftovers)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plansite.check.__main__ import main
from plansite.check.addresses import claims, served
from plansite.documents import pdf as documents
from plansite.load import load_board_data
from plansite.model import links
from plansite.pages.registry import generated_pages
from plansite.publish import make_files
from plansite.render.datasets import datasets
from plansite.render.glossary import glossary_page
from plansite.render.indicators import catalogue
from plansite.render.subgroups import subgroup_page
from tests.bad_inputs.careless import SECOND_PLAN
from tests.bad_inputs.cases import REPORT, YEAR, Case, both, replace, write_text
from tests.conftest import ROOT
from tests.test_bad_inputs import BASE, report

BROKEN_PLAN_B = SECOND_PLAN.decode().replace("as_at: 2025-03-31", "as_at: 2025-02-30")
REVIEW = "sections:\n  reviews:\n    reviews:\n      - name: Child A\n        date: {date}\n"

CASES = [
    Case("report-dated-outside-its-year",  # a review of an earlier year may be told of: advice
         write_text(REPORT, YEAR + REVIEW.format(date="2024-11")),
         ["data/reports/2025-26.yml:9: review `Child A` is dated 2024-11, outside the 2025-26 report's year (2025-04-01 to 2026-03-31); it is published as written: correct the date if it is wrong (advice)"]),
    Case("report-review-in-its-last-month-is-fine",
         write_text(REPORT, YEAR + REVIEW.format(date="2026-03")),
         []),
    Case("report-published-before-its-year-ends",
         write_text(REPORT, YEAR.replace("published: 2026-09-30", "published: 2026-01-15")),
         ["data/reports/2025-26.yml:4: the report is published on 2026-01-15, before its year ends (2026-03-31), so its counts would be for a year not yet over; set `published` to a day after `end`"]),
    Case("report-published-on-its-last-day",
         write_text(REPORT, YEAR.replace("published: 2026-09-30", "published: 2026-03-31")),
         ["data/reports/2025-26.yml:4: the report is published on 2026-03-31, before its year ends (2026-03-31), so its counts would be for a year not yet over; set `published` to a day after `end`"]),
    Case("report-year-as-yml-and-yaml",
         both(write_text(REPORT, YEAR), write_text("reports/2025-26.yaml", YEAR)),
         ["data/reports/2025-26.yml:1: `2025-26.yaml` is a report for the same year; keep one of the two files and delete the other"]),
    Case("report-year-spanning-two-years",
         write_text("reports/2025-27.yml", YEAR.replace("year: 2025-26", "year: 2025-27")),
         ['data/reports/2025-27.yml:1: year `2025-27` spans more than one year; a report covers one reporting year, written like "2025-26"']),
    Case("report-year-written-in-full",
         write_text("reports/2024-2026.yml", YEAR.replace("year: 2025-26", "year: 2024-2026")),
         ['data/reports/2024-2026.yml:1: year `2024-2026` spans more than one year; a report covers one reporting year, written like "2024-25"']),
    Case("report-year-of-two-full-years",
         write_text("reports/2025-2026.yml", YEAR.replace("year: 2025-26", "year: 2025-2026")),
         ['data/reports/2025-2026.yml:1: year `2025-2026` must be written like "2025-26"']),
    Case("report-year-with-a-slash",
         write_text("reports/2025.yml", YEAR.replace("year: 2025-26", "year: 2025/26")),
         ['data/reports/2025.yml:1: year `2025/26` must be written like "2025-26"']),
    Case("report-dates-spanning-two-years",
         write_text(REPORT, YEAR.replace("end: 2026-03-31", "end: 2027-03-31").replace("2026-09-30", "2027-09-30")),
         ["data/reports/2025-26.yml:3: the report runs from 2025-04-01 to 2027-03-31, more than a year; a report covers one reporting year: correct `start` or `end`"]),
    Case("report-starting-in-another-year",
         write_text(REPORT, YEAR.replace("start: 2025-04-01", "start: 2024-04-01")),
         ["data/reports/2025-26.yml:2: the 2025-26 report starts on 2024-04-01, which is not in 2025; correct `start` or `year`"]),
    Case("report-on-a-plan-that-could-not-be-read",  # only the cause: never "does not exist"
         both(write_text("plans/plan-b.yml", BROKEN_PLAN_B),
              write_text(REPORT, YEAR + "plans: [plan-b]\nsections:\n  next_year: {plan: plan-b}\n"
                         + REVIEW.format(date="2025-11")[len("sections:\n"):]
                         + '        recommendations:\n          - {text: Share learning, actions: ["1.1"]}\n')),
         ["data/plans/plan-b.yml:4: `2025-02-30` is not a real date (day 30, month 2, year 2025)"]),
    Case("report-lists-a-plan-twice",
         write_text(REPORT, YEAR + "plans: [plan-a, plan-a]\n"),
         ["data/reports/2025-26.yml:5: plan `plan-a` is listed twice; list each plan once"]),
    # two things claiming one published address
    Case("plan-id-makes-a-reports-pdf",
         both(write_text(REPORT, YEAR),
              write_text("plans/annual-report-2025-26.yml", SECOND_PLAN.decode().replace("plan-b", "annual-report-2025-26"))),
         ["data/plans/annual-report-2025-26.yml:1: the PDF of plan `annual-report-2025-26` would be published at `downloads/annual-report-2025-26.pdf`, where the PDF of the 2025-26 report (data/reports/2025-26.yml, line 1) is published; one would replace the other: give the plan another `id` (and its file the same name)"]),
    Case("plan-id-like-a-report-of-another-year-is-fine",
         both(write_text(REPORT, YEAR),
              write_text("plans/annual-report-2024-25.yml", SECOND_PLAN.decode().replace("plan-b", "annual-report-2024-25"))),
         []),
    # the leftovers of the previous corpus
    Case("lead-of-only-spaces",
         replace("plans/plan-a.yml", "lead: CSE Group", 'lead: "   "'),
         ["data/plans/plan-a.yml:40: a lead is empty (only spaces); write who leads, or remove it"]),
    Case("one-of-two-leads-only-spaces",
         replace("plans/plan-a.yml", "leads: [PPG, Head of Education]", 'leads: [PPG, " "]'),
         ["data/plans/plan-a.yml:29: a lead is empty (only spaces); write who leads, or remove it"]),
    Case("two-plans-marked-current",  # plan-0 is read first but is not current: never named
         both(write_text("plans/plan-0.yml", SECOND_PLAN.decode().replace("plan-b", "plan-0")),
              write_text("plans/plan-b.yml", SECOND_PLAN.decode().replace("period:", "current: true\nperiod:"))),
         ["data/plans/plan-a.yml:4: this plan and data/plans/plan-b.yml (line 3) both have `current: true`; only one plan can be current: set `current: false` in the other"]),
    Case("three-plans-marked-current",
         both(write_text("plans/plan-b.yml", SECOND_PLAN.decode().replace("period:", "current: true\nperiod:")),
              write_text("plans/plan-c.yml", SECOND_PLAN.decode().replace("plan-b", "plan-c").replace("period:", "current: yes\nperiod:"))),
         ["data/plans/plan-a.yml:4: this plan, data/plans/plan-b.yml (line 3) and data/plans/plan-c.yml (line 3) all have `current: true`; only one plan can be current: set `current: false` in the others"]),
    Case("budget-for-a-future-year",
         replace("budget.yml", "year: 2025-26", "year: 2029-30"),
         ["data/budget.yml:1: the budget is for 2029-30, a year that starts after the current plan's `as_at` date (2026-06-30); it is published as written: correct `year` if it is wrong (advice)"]),
    Case("budget-for-the-year-under-way-is-fine",
         replace("budget.yml", "year: 2025-26", "year: 2026-27"),
         []),
    Case("data-address-of-ten-megabytes-in-one-line",
         replace("plans/plan-a.yml", "title: Train staff", f'title: "Train staff ![plan](data:image/png;base64,{"QUJD" * 2_621_440})"'),
         ["data/plans/plan-a.yml:39: `data:image/png;…` on this line is a whole file written into the text, and is not published; remove it, and link to the file's web address instead"]),
    Case("data-address-in-a-chapter",
         both(write_text(REPORT, YEAR + "sections:\n  foreword: {chapter: foreword.md}\n"),
              write_text("reports/2025-26/foreword.md", 'Our year.\n\n<img src="data:image/svg+xml,%3Csvg%3E" alt="">\n')),
         ["data/reports/2025-26/foreword.md:3: `data:image/svg+xml,…` on this line is a whole file written into the text, and is not published; remove it, and link to the file's web address instead"]),
    Case("line-of-two-million-characters",
         replace("plans/plan-a.yml", "title: Train staff", "title: Train staff " + "A" * 2_000_000),
         ["data/plans/plan-a.yml:39: this line is 2,000,027 characters long, more than the 1,000,000 a line may hold; split the text into paragraphs or remove what is not plan data"]),
    Case("value-of-many-lines-over-a-million-characters",
         replace("plans/plan-a.yml", "        status: amber\n", "        status: amber\n        progress: |\n" + ("          " + "word " * 20 + "\n") * 10_000),
         ["data/plans/plan-a.yml:43: this value is 1,010,000 characters long, more than the 1,000,000 a value may hold; shorten it or remove what is not plan data"]),
    Case("glossary-redefines-a-subgroups-acronym",
         write_text("glossary.yml", "terms:\n  LSCP: Local Safeguarding Children Partnership\n  PPPG: Planning panel\n"),
         ['data/glossary.yml:3: PPPG is the acronym of the subgroup "Policy, Procedures and Performance Group" (data/subgroups.yml, line 4), but here it means "Planning panel"; pages explain PPPG as written here. Remove the term (the subgroup explains it) or write the subgroup\'s name as its meaning (advice)']),
    Case("glossary-explains-a-subgroups-acronym-alike-is-fine",
         write_text("glossary.yml", "terms:\n  PPPG: The Policy, Procedures and Performance Group of the partnership\n"),
         []),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_safe_data(
    case: Case,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    case.breaks(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    status = main(["data"])
    lines, expected_status = report(case.expected)
    assert capsys.readouterr().err.splitlines() == lines
    assert status == expected_status


def test_a_lead_written_in_lower_case_is_on_its_subgroups_page(tmp_path: Path) -> None:
    """`cse group` and `ppg` name the subgroups as `CSE Group` and `PPG` do."""
    shutil.copytree(BASE, tmp_path / "data")
    plan = tmp_path / "data" / "plans" / "plan-a.yml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("lead: CSE Group", "lead: cse group").replace("[PPG,", "[ppg,")
    plan.write_text(text, encoding="utf-8")
    site = load_board_data(tmp_path / "data")
    for subgroup_id, refs in (("cse", ["1.2"]), ("pppg", ["1.1", "1.1a"])):
        subgroup = next(s for s in site.subgroups if s.id == subgroup_id)
        page = BeautifulSoup(
            subgroup_page(site, subgroup, links.subgroup(subgroup_id)), "html.parser"
        )
        actions = page.find(id="actions").find_next("table")
        rows = [row.th.get_text(" ", strip=True) for row in actions.select("tbody tr")]
        assert rows == refs


def test_every_address_the_example_board_publishes_is_claimed() -> None:
    """The registry is fed by every page and file a board's data names: none is left out of the
    check (the site's datasets and /admin/ are named by the site alone)."""
    site = load_board_data(ROOT / "data")
    site.pdfs = False  # their addresses are claimed below; making them takes a minute
    pages = {served(page.path) for page in generated_pages(site)}
    pdfs = {documents.report_path(r) for r in site.reports} | {
        documents.plan_path(p) for p in site.plans
    }
    own = {links.open_data(d.path) for d in datasets(site)} | {links.open_data("datapackage.json")}
    files = {path for path in make_files(site) if path not in own and not path.startswith("admin/")}
    claimed = [claim.address for claim in claims(site)]
    assert len(claimed) == len(set(claimed))  # the example board claims each address once
    assert pages | pdfs | files <= set(claimed)
    assert len(pages) >= 70 and {
        "downloads/annual-report-2025-26.pdf",
        "calendars/pppg.ics",
    } <= set(claimed)


def test_a_glossary_term_written_in_other_case_replaces_the_national_one(tmp_path: Path) -> None:
    """`Lado` in the board's glossary and the national `LADO`, or `Pppg` and the subgroup's
    acronym `PPPG`, would be two entries with one id: the board's own term is the one shown."""
    shutil.copytree(BASE, tmp_path / "data")
    (tmp_path / "data" / "glossary.yml").write_text(
        "terms:\n  Lado: Our designated officer for allegations\n"
        "  Pppg: Policy, Procedures and Performance Group, which writes procedures\n",
        encoding="utf-8",
    )
    site = load_board_data(tmp_path / "data")
    page = BeautifulSoup(glossary_page(site, links.glossary()), "html.parser")
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids)) == len(site.glossary_terms)
    entries = {dt.get_text(" ", strip=True): dt["id"] for dt in page.select("dt")}
    assert {term: entries[term] for term in ("Lado", "Pppg")} == {
        "Lado": "term-lado",
        "Pppg": "term-pppg",
    }
    assert "LADO" not in entries and "PPPG" not in entries
    assert site.advice == []


THEMES = """
  - ref: N20
    title: Children looked after
    unit: rate_per_10000
    theme: Child Protection
  - ref: N21
    title: Repeat plans
    unit: percent
    theme: "Child protection."
"""


def test_themes_differing_in_case_are_two_tables_with_ids_of_their_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(BASE, tmp_path / "data")
    with (tmp_path / "data" / "indicators.yml").open("a", encoding="utf-8") as handle:
        handle.write(THEMES)
    site = load_board_data(tmp_path / "data")
    page = BeautifulSoup(catalogue(site, links.indicators_index()), "html.parser")
    headings = [(h2.get_text(strip=True), h2["id"]) for h2 in page.select("h2")]
    assert headings == [
        ("Child protection", "child-protection"),
        ("Child Protection", "child-protection-2"),
        ("Child protection.", "child-protection-3"),
    ]
    monkeypatch.chdir(tmp_path)
    assert main(["data"]) == 0
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"data/indicators.yml:{line}: theme `{theme}` differs from `Child protection` (line 7) "
        "only in case or punctuation; both are published, each as a table of its own; if they "
        "are one theme, write it the same way (advice)"
        for line, theme in ((12, "Child Protection"), (16, "Child protection."))
    ]


def test_a_utf16_indicators_csv_is_read_as_the_same_figures(tmp_path: Path) -> None:
    """Excel's and Notepad's "Unicode" (UTF-16 with a byte order mark) is read as the editor
    meant it: the same rows, the same lines, as the UTF-8 file."""
    figures = []
    for encoding in ("utf-8", "utf-16"):
        folder = tmp_path / encoding / "data"
        shutil.copytree(BASE, folder)
        values = folder / "indicator_values.csv"
        values.write_bytes(values.read_text(encoding="utf-8").encode(encoding))
        site = load_board_data(folder)
        figures.append([(v.indicator, v.period, v.area, v.value, v.line_of()) for v in site.values])
    assert figures[0] == figures[1]
    assert len(figures[1]) == 3  # the rows of corpus-base/indicator_values.csv
