"""A plan written in the data format as its document is: refs used twice, refs with spaces and
brackets, a priority and an action with no number, cross-references in words, planner wording
with no month, a period written "2015-18". Each is advice: the strict build publishes the plan
as written, and `make check` says what could be tidied (tests/fixtures/untidy)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from docx import Document

from plansite.check.__main__ import main
from plansite.check.figures import period_years
from plansite.load import load_board_data
from plansite.office.__main__ import main as import_main
from plansite.publish.plan_docx import plan_docx
from tests.conftest import FIXTURES, ROOT, run_build
from tests.office_docs import libreoffice_resave, word_file

UNTIDY = FIXTURES / "untidy"
PLAN_FILE = UNTIDY / "plans" / "business-plan-2015-18.yml"
PLAN_DIR = "plans/business-plan-2015-18"


def line_of(text: str, path: Path = PLAN_FILE, start: int = 0) -> int:
    """The first line after `start` holding `text`, so the test follows the fixture's edits."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > start and text in line)


@pytest.fixture(scope="module")
def site(build_fixture: Callable[[str], Path]) -> Path:
    return build_fixture("untidy")


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def expected_advice() -> list[str]:
    plan = "tests/fixtures/untidy/plans/business-plan-2015-18.yml"
    planner = "tests/fixtures/untidy/planner.yml"
    first = line_of("- ref: X 1")
    second = line_of("- ref: X 1", start=first)
    ambiguous = line_of('related: ["X 1", ')
    indicators = UNTIDY / "indicators.yml"
    return [
        f"tests/fixtures/untidy/indicators.yml:{line_of('ref: N16-2', indicators)}: indicator ref "
        f"`N16-2` differs from `N16 (2)` (line {line_of('ref: N16 (2)', indicators)}) only in "
        "case or punctuation; both are published, the second at `indicators/n16-2-2/`; if they "
        "are one indicator, keep one of the two",
        f"{planner}:{line_of('Every LIG', UNTIDY / 'planner.yml')}: `when: Every LIG meeting` "
        "follows LIG's meetings, but subgroups.yml gives LIG no `meeting_months`, so it is placed "
        "on the board's meetings; add LIG's months there",
        f"{planner}:{line_of('actions:', UNTIDY / 'planner.yml')}: action "
        "`business-plan-2015-18:X 1` could mean any of `X 1` (`#action-x-1`), `X 1` "
        "(`#action-x-1-2`), so it is shown as written, with no link; write the one you mean by "
        "its address (e.g. `#action-x-1-2`) to link it",
        f"{planner}:{line_of('Once the audit', UNTIDY / 'planner.yml')}: `when: Once the audit "
        "tool is agreed` does not say when in words this site can read; write e.g. "
        '"Quarterly", "Twice a year", "Annual report every March" or "As required", or add '
        "`months: [Mar, Sep]` to this item. It is shown as written, in no month.",
        f"{plan}:{second}: action ref `X 1` is used twice in priority `X` (first on line "
        f"{first}); both are published as written, the second at `#action-x-1-2`; give each its "
        "own ref if the document allows",
        f"{plan}:{line_of('- title: Learn from reviews')}: priority `Learn from reviews` has no "
        "ref, so it is published with no number (its page address uses its place: `2`); add "
        "`ref:` if the document numbers it",
        f"{plan}:{line_of('- title: Share the learning')}: this action of priority `Learn from "
        "reviews` has no ref, so it is published with no number (its address is "
        "`#action-2-1`); add `ref:` if the document numbers it",
        f"{plan}:{line_of('see point 99')}: related action `see 8 and X (2)` names 2 refs (`8`, "
        "`2`), so it is shown as written, with no link; write each as its own entry to link "
        "them",
        f"{plan}:{line_of('see point 99')}: related action `see point 99` names no action of "
        "this plan, so it is shown as written, with no link; write an action's ref (or "
        "plan-id:ref for another plan) to link it",
        f"{plan}:{ambiguous}: related action `X 1` could mean any of "
        "`X 1` (`#action-x-1`), `X 1` (`#action-x-1-2`), so it is shown as written, with no "
        "link; write the one you mean by its address (e.g. `#action-x-1-2`) to link it",
    ]


def test_make_check_passes_and_prints_each_advice_exactly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["tests/fixtures/untidy"]) == 0
    out, err = capsys.readouterr()
    # advice only, called advice: nothing that would stop a strict build, no false
    # "outside the plan's period" for the 2017-03 update in a 2015-18 plan
    assert err.splitlines() == [f"{line} (advice)" for line in expected_advice()]
    assert "no problems found (1 plan, 5 actions, 3 indicators)" in out


@pytest.mark.parametrize(
    ("period", "years"),
    [
        ("2015-18", [2015, 2018]),
        ("2015/16", [2015, 2016]),
        ("2015\u20132018", [2015, 2018]),
        ("2025 to 2028", [2025, 2028]),
        ("1999-01", [1999, 2001]),  # across a century
    ],
)
def test_a_two_digit_end_year_is_read_in_full(period: str, years: list[int]) -> None:
    found = period_years(period)
    assert (min(found), max(found)) == tuple(years)


def test_the_strict_build_logs_advice_and_stops_only_on_a_real_warning(tmp_path: Path) -> None:
    """The real warning stays: 1925 in a 2025-28 plan is a slip for 2025, and strict stops;
    the advice is logged beside it as information."""
    data = tmp_path / "data"
    shutil.copytree(UNTIDY, data)
    plan = data / "plans" / PLAN_FILE.name
    text = plan.read_text(encoding="utf-8").replace("period: 2015-18", "period: 2025-28")
    for year in ("2016", "2017", "2018"):  # the same plan ten years on, lines unchanged
        text = text.replace(f"date: {year}-", f"date: {int(year) + 10}-")
    assert text.count("date: 2026-03") == 1
    plan.write_text(text.replace("date: 2026-03", "date: 1925-03"), "utf-8")
    [warning] = load_board_data(data).warnings
    assert warning.message == (
        "update dated 1925-03 is far outside the plan's period (2025-28); check the year"
    )
    result = run_build(data, tmp_path / "site")
    assert result.returncode != 0
    logged = result.stderr.replace(str(data), "tests/fixtures/untidy")
    assert f"{PLAN_FILE.name}:{line_of('date: 2016-03')}: update dated 1925-03" in logged
    for advice in expected_advice():
        assert f"INFO    -  {advice}" in logged


def test_every_action_is_published_once_with_its_ref_as_written(site: Path) -> None:
    written = yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))
    actions = [a for p in written["priorities"] for a in p["actions"]]
    rows = page(site, f"{PLAN_DIR}/all-actions").select("table tbody tr")
    assert len(rows) == len(actions) == 5
    # the ref column as written; an action with no ref shows none, its link still named
    assert [r.th.a.get_text(strip=True) for r in rows] == [
        "X 1",
        "X 1",
        "X (2)",
        "—Open this action",
        "8",
    ]
    assert [r.th.a["href"] for r in rows] == [
        "../priority-x/#action-x-1",
        "../priority-x/#action-x-1-2",
        "../priority-x/#action-x-2",
        "../priority-2/#action-2-1",
        "../priority-3/#action-8",
    ]
    headings = [
        h
        for path in ("priority-x", "priority-2", "priority-3")
        for h in page(site, f"{PLAN_DIR}/{path}").select(".ps-action-title")
    ]
    assert [(h["id"], h.select_one(".ps-ref").get_text()) for h in headings] == [
        ("action-x-1", "X 1"),
        ("action-x-1-2", "X 1"),
        ("action-x-2", "X (2)"),
        ("action-2-1", ""),
        ("action-8", "8"),
    ]
    assert [h.get_text(" ", strip=True) for h in headings] == [
        f"{a['ref']} {a['title']}" if "ref" in a else a["title"] for a in actions
    ]


def test_no_number_is_invented_for_a_priority_with_none(site: Path) -> None:
    unnumbered = page(site, f"{PLAN_DIR}/priority-2")  # named by its place, for its address only
    assert unnumbered.h1.get_text(" ", strip=True) == "Learn from reviews"
    assert unnumbered.caption.get_text(" ", strip=True).startswith("Actions for this priority,")
    assert page(site, f"{PLAN_DIR}/priority-3").h1.get_text(" ", strip=True) == (
        "3. Support families earlier"
    )
    home = page(site, PLAN_DIR).get_text(" ", strip=True)
    assert "X. Keep children safe online" in home and "3. Support families earlier" in home
    assert "2. Learn from reviews" not in home and "Learn from reviews" in home
    assert page(site, "guide/goal-2").h1.get_text(" ", strip=True).startswith("Goal: ")
    document = Document(str(site / "downloads" / "business-plan-2015-18.docx"))
    headings = [p.text for p in document.paragraphs if p.text.startswith(("Priority", "Learn"))]
    assert headings == [
        "Priority X: Keep children safe online",
        "Learn from reviews",
        "Priority 3: Support families earlier",
    ]


def test_downloads_and_feeds_keep_both_actions_that_share_a_ref(site: Path) -> None:
    with (site / "data" / "actions.csv").open(encoding="utf-8") as file:
        actions = list(csv.DictReader(file))
    assert [(r["action_ref"], r["action_id"]) for r in actions] == [
        ("X 1", "action-x-1"),
        ("X 1", "action-x-1-2"),
        ("X (2)", "action-x-2"),
        ("", "action-2-1"),
        ("8", "action-8"),
    ]
    updates = list(csv.DictReader(io.StringIO((site / "data" / "updates.csv").read_text())))
    assert [r["action_id"] for r in updates][:2] == ["action-x-1", "action-x-1-2"]
    feed = (site / PLAN_DIR / "updates.xml").read_text(encoding="utf-8")
    for anchor in ("action-x-1", "action-x-1-2", "action-x-2", "action-2-1", "action-8"):
        assert f'#{anchor}"' in feed
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = {d["location"]: d["title"] for d in index["docs"] if "#action-" in d["location"]}
    assert found == {
        f"{PLAN_DIR}/priority-x/#action-x-1": "X 1 Refresh the online safety guidance for schools",
        f"{PLAN_DIR}/priority-x/#action-x-1-2": "X 1 Ask pupils how safe they feel online",
        f"{PLAN_DIR}/priority-x/#action-x-2": "X (2) Check filtering in libraries",
        f"{PLAN_DIR}/priority-2/#action-2-1": (
            "Share the learning from each review within three months"
        ),
        f"{PLAN_DIR}/priority-3/#action-8": "8 Agree one early help assessment across partners",
    }


def see_also(site: Path, path: str, anchor: str) -> BeautifulSoup:
    section = page(site, f"{PLAN_DIR}/{path}").find(id=anchor).find_next("dl")
    return section.find("dt", string="See also").find_next_sibling("dd")


def test_cross_references_link_only_when_they_name_one_action(site: Path) -> None:
    in_words = see_also(site, "priority-x", "action-x-2")
    assert [(a.get_text(), a["href"]) for a in in_words.find_all("a")] == [
        ("links to point 8", "../priority-3/#action-8")
    ]
    bare = see_also(site, "priority-2", "action-2-1")  # "see point 99" names none; "8" one
    assert bare.get_text() == "see point 99, 8, see 8 and X (2)"
    assert [(a.get_text(), a["href"]) for a in bare.find_all("a")] == [
        ("8", "../priority-3/#action-8")
    ]
    twice = see_also(site, "priority-3", "action-8")  # "X 1" names two: words, no link; the
    assert twice.get_text() == "X 1, X 1"  # second is named by its address, and linked
    assert [(a.get_text(), a["href"]) for a in twice.find_all("a")] == [
        ("X 1", "../priority-x/#action-x-1-2")
    ]


def test_indicator_refs_as_written_each_with_its_own_page(site: Path) -> None:
    for ref, folder in (("N12 a", "n12-a"), ("N16 (2)", "n16-2"), ("N16-2", "n16-2-2")):
        assert page(site, f"indicators/{folder}").h1.get_text(" ", strip=True).startswith(ref)
    rows = csv.DictReader((site / "data" / "indicators" / "n16-2.csv").open(encoding="utf-8-sig"))
    assert [row["indicator"] for row in rows] == ["N16 (2)", "N16 (2)"]  # its own rows only
    assert (site / "data" / "indicators" / "n16-2-2.csv").read_text().count("\n") == 1


def test_planner_wording_with_no_month_is_shown_as_written(site: Path) -> None:
    rows = [tr for tr in page(site, "planner").select("tr") if "Audit of supervision" in tr.th.text]
    listed, calendar = rows  # the list of reports, then the year's calendar
    assert listed.find_all("td")[-1].get_text() == "Once the audit tool is agreed"
    assert [td.get_text() for td in calendar.find_all("td")] == [
        "Once the audit tool is agreed: no month set"
    ]
    assert not any("as required" in tr.get_text().lower() for tr in rows)


def test_a_planner_item_links_the_one_action_it_names_and_shows_the_other_as_written(
    site: Path,
) -> None:
    row = page(site, "planner").find(id="report-learning-from-case-reviews")
    actions = row.select_one(".ps-planner-links li")
    assert actions.get_text(" ", strip=True) == "Actions: X (2) , business-plan-2015-18:X 1"
    assert [(a.get_text(), a["href"]) for a in actions.find_all("a")] == [
        ("X (2)", f"../{PLAN_DIR}/priority-x/#action-x-2")
    ]


# --- the same untidiness in a Word plan, imported (and as LibreOffice saves it) -------------

IMPORT_ROWS = [
    ["Ref", "Action", "Lead", "Due", "RAG", "Progress"],
    ["Priority 1: Online safety", *[None] * 5],
    ["1.1", "Refresh the guidance for schools", "PPPG", "Mar-26", "G", "Update Jan 26: Sent"],
    ["1.1", "Ask pupils how safe they feel", "PPPG", "Jun-26", "A", "Update Feb 26: Planned"],
    ["Learning from reviews", *[None] * 5],
    ["2.1", "Share the learning within three months", "LIG", "Sep-26", "A", ""],
]


@pytest.fixture(scope="module")
def word_plans(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("untidy-word")
    parts = [
        ("title", "Untidy Plan 2025-28"),
        ("para", "Updated March 2026"),
        ("table", (IMPORT_ROWS, [(1, 0, 1, 5), (4, 0, 4, 5)])),
    ]
    made = word_file(folder / "untidy.docx", parts)
    return [made, libreoffice_resave(made)]


def test_an_untidy_word_plan_imports_and_passes_the_check_with_advice(
    word_plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = []
    for number, document in enumerate(word_plans):
        board = tmp_path / f"board-{number}"
        shutil.copytree(FIXTURES / "minimal", board)
        assert import_main([str(document), "untidy-import", "--data", str(board)]) == 0
        out, err = capsys.readouterr()
        assert "The data check passed." in out
        target = board / "plans" / "untidy-import.yml"
        text = target.read_text(encoding="utf-8")
        lines = text.splitlines()
        first = next(n for n, line in enumerate(lines, 1) if 'ref: "1.1"' in line)
        second = next(n for n, line in enumerate(lines, 1) if n > first and 'ref: "1.1"' in line)
        unnumbered = next(n for n, line in enumerate(lines, 1) if "title: Learning from" in line)
        plan = target.as_posix()
        assert f"{plan}:{second}: action ref `1.1` is used twice in priority `1` (first on line " \
            f"{first}); both are published as written, the second at `#action-1-1-2`; give " \
            "each its own ref if the document allows (advice)" in err.splitlines()  # fmt: skip
        assert f"{plan}:{unnumbered}: priority `Learning from reviews` has no ref, so it is " \
            "published with no number (its page address uses its place: `2`); add `ref:` if " \
            "the document numbers it (advice)" in err.splitlines()  # fmt: skip
        written.append(yaml.safe_load(text)["priorities"])
    word, libreoffice = written
    assert word == libreoffice  # LibreOffice's file reads the same
    assert [(p.get("ref"), [a["ref"] for a in p["actions"]]) for p in word] == [
        ("1", ["1.1", "1.1"]),
        (None, ["2.1"]),
    ]


def test_a_history_row_whose_ref_two_actions_share_is_listed_not_guessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Word export's appendix names an update's action by priority and ref: for the two
    `X 1`s that names neither alone, so the rows are reported as not placed."""
    data = tmp_path / "data"
    shutil.copytree(UNTIDY, data)
    plan_file = data / "plans" / PLAN_FILE.name
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace("- ref: X\n", '- ref: "1"\n')
    )
    plan = load_board_data(data).plans[0]
    document = tmp_path / "export.docx"
    document.write_bytes(plan_docx(plan))
    assert import_main([str(document), "again", "--data", str(data)]) == 0
    report = capsys.readouterr().out.splitlines()
    shared = [line for line in report if "two actions in the plan have this ref" in line]
    assert [line.split(": ")[-1] for line in shared] == [
        "1", "X 1", "March 2016", "Complete", "Guidance refreshed and sent to every school.",
        "1", "X 1", "March 2017", "On Target", "Survey results due at the spring meeting.",
    ]  # fmt: skip
    again = next(p for p in load_board_data(data).plans if p.id == "again")
    twins = [a for a in again.actions if a.ref == "X 1"]
    # each keeps the update the document's own table gives it, and no other
    assert [[u.text for u in a.updates] for a in twins] == [
        ["Guidance refreshed and sent to every school."],
        ["Survey results due at the spring meeting."],
    ]
