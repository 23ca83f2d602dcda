"""What a plan or planner may leave out: as_at, title, statuses, year_start, who; subgroup
meeting cycles; a renamed field still read; and `make check` failing whatever fails the build."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from plansite.check.__main__ import main
from plansite.check.contradictions import contradiction_advice
from plansite.load import load_board_data
from plansite.model.frequency import Body, place
from plansite.model.plan import Plan
from plansite.model.planner_schedule import schedule, year_start
from plansite.model.progress import needs_attention
from plansite.read.problems import DataError
from tests.conftest import FIXTURES, run_build

ANY_BOARD = FIXTURES / "any-board"
APRIL = 4


@pytest.fixture
def board(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ANY_BOARD, target)
    return target


def test_as_at_defaults_to_the_latest_dated_update() -> None:
    site = load_board_data(ANY_BOARD)
    rag = site.plan_by_id["rag-plan"]
    assert rag.as_at is None
    assert rag.progress_date == date(2017, 12, 31)  # "2017-12": judged at the month's end
    assert rag.as_at_date == rag.progress_date
    # judged at that date: 1a (on track, due Mar-16) and 1b (off track, due Mar-17) are late;
    # 2.1.2 is not: with no `status:` of its own it takes its latest update's, Completed
    assert [o.action.ref for o in needs_attention(rag).overdue] == ["1a", "1b"]
    assert rag.actions[4].current_status == "Completed"


def test_a_month_update_counts_to_the_months_last_day() -> None:
    updates = [{"date": "2017-12-15", "text": "a"}, {"date": "2017-12", "text": "b"},
               {"date": "2017-11-30", "text": "c"}]  # fmt: skip
    plan = Plan.model_validate({
        "id": "p", "priorities": [{"ref": "1", "title": "t", "actions": [
            {"ref": "a", "title": "t", "updates": updates}]}],
    })  # fmt: skip
    assert plan.progress_date == date(2017, 12, 31)


def test_a_plan_with_no_progress_gets_no_judgements() -> None:
    phrases = load_board_data(ANY_BOARD).plan_by_id["phrases-plan"]
    assert phrases.progress_date is None and not phrases.progress_recorded
    attention = needs_attention(phrases)
    assert (attention.overdue, attention.stale, attention.worsened) == ([], [], [])
    assert phrases.as_at_date == date(2018, 12, 31)  # its latest due date, for ordering only


def test_a_plan_without_a_title_is_named_with_a_warning() -> None:
    site = load_board_data(ANY_BOARD)
    rag = site.plan_by_id["rag-plan"]
    assert (rag.title, rag.title_written) == ("Business plan 2015 to 2018", False)
    # (the other advice is about statuses the dates contradict: tests/test_contradictions.py)
    assert [str(n) for n in site.advice if "still marked" not in n.message] == [
        f'{rag.source_file}:2: the plan has no `title`, so it is called "Business plan 2015 '
        'to 2018"; add `title:` to name it as the document does',
        # its one row with no number is published with none (it used to get "1.3")
        f"{rag.source_file}:27: this action of priority `1` has no ref, so it is published with "
        "no number (its address is `#action-1-3`); add `ref:` if the document numbers it",
    ]
    named = Plan.model_validate({"id": "action-plan-2015-16", "kind": "other", "as_at": "2016-03"})
    assert named.title == "Action plan 2015-16"  # from the file name


def test_make_check_shows_the_warning_and_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(ANY_BOARD)]) == 0
    err = capsys.readouterr().err
    contradicted = len(contradiction_advice(load_board_data(ANY_BOARD)))
    assert err.count("(advice)") == 2 + contradicted
    assert "rag-plan.yml:2: the plan has no `title`" in err


def test_a_planner_without_year_start_starts_at_the_current_plans_financial_year() -> None:
    site = load_board_data(ANY_BOARD)
    assert site.planner is not None and site.planner.year_start is None
    assert year_start(site) == date(2017, 4, 1)  # the current plan is as at December 2017


def test_every_other_subgroup_meeting_follows_that_subgroups_months() -> None:
    site = load_board_data(ANY_BOARD)
    placed = {entry.item.what: entry for entry in schedule(site)}
    # PPPG meets Feb, May, Aug, Nov; the board Jan, Apr, Jul, Oct
    audit = placed["Multi-agency audit findings"]
    assert audit.placement.months == (5, 11) and audit.placement.problem == ""
    assert audit.item.reports_to == ["PPPG", "Board"]
    # "every meeting" of an item going only to PPPG follows PPPG's meetings
    assert placed["Exploitation report"].placement.months == (5, 8, 11, 2)
    lay = placed["Lay members' report"]
    assert (lay.item.who, lay.subgroup, lay.placement.months) == ("", None, (3,))
    assert site.warnings == []


def test_a_subgroup_meeting_cycle_needs_that_subgroups_months() -> None:
    pmqag = Body("PMQAG", (), "subgroups.yml")
    # no months for PMQAG: placed on the board's meetings as before, with advice
    placed = place("Every other PMQAG meeting", [], [1, 4, 7, 10], APRIL, {"pmqag": pmqag})
    assert (placed.months, placed.problem) == ((4, 10), "")
    assert placed.note == (
        "`when: Every other PMQAG meeting` follows PMQAG's meetings, but subgroups.yml gives "
        "PMQAG no `meeting_months`, so it is placed on the board's meetings; add PMQAG's "
        "months there"
    )
    # and no board months either: it cannot be placed
    placed = place("Every other PMQAG meeting", [], [], APRIL, {"pmqag": pmqag})
    assert placed.as_required and placed.problem == (
        "`when: Every other PMQAG meeting` depends on PMQAG's meetings, but subgroups.yml gives "
        "PMQAG no `meeting_months`; add them there, or add `months: [...]` to this item"
    )
    unknown = place("Every other PMQAG meeting", [], [], APRIL, {})
    assert unknown.problem == (
        "`when: Every other PMQAG meeting` depends on PMQAG meetings, but no subgroup is called "
        "PMQAG and board.yml has no `meeting_months`; add PMQAG to subgroups.yml with its "
        "`meeting_months`, or add `months: [...]` to this item"
    )
    # an unknown name with board meetings to follow reads as today: the board's meetings
    assert place("Every other LSCB meeting", [], [1, 4, 7, 10], APRIL).months == (4, 10)


def test_a_renamed_field_is_still_read_with_a_warning_naming_the_new_name(board: Path) -> None:
    path = board / "planner.yml"
    text = path.read_text(encoding="utf-8").replace("    reports_to: PPPG\n", "    meeting: PPPG\n")
    path.write_text(text, encoding="utf-8")
    site = load_board_data(board)
    item = next(i for i in site.planner.items if i.what == "Exploitation report")  # type: ignore[union-attr]
    assert item.reports_to == ["PPPG"]
    line = text.splitlines().index("    meeting: PPPG") + 1
    assert f"{path.as_posix()}:{line}: `meeting` is now called `reports_to`; rename it (it is " \
        "still read for now)" in [str(n) for n in site.advice]  # fmt: skip
    path.write_text(text.replace("    meeting: PPPG\n", "    meeting: PPPG\n    reports_to: X\n"))
    with pytest.raises(DataError) as error:
        load_board_data(board)
    assert [p.message for p in error.value.problems.items] == [
        "write `reports_to` only: `meeting` is its old name"
    ]


def test_wording_that_depends_on_meetings_nobody_dates_is_advice_with_the_same_line(
    data_copy: Callable[[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's case: "every other PMQAG meeting" with no meeting months anywhere. Real
    planners say it; it is published as written, in no month, and `make check` and the build
    log say the same line (it used to stop a strict build)."""
    folder = data_copy("planner-unplaced")
    (folder / "board.yml").write_text(
        (folder / "board.yml").read_text().replace("meeting_months: [Jan, Apr, Jul, Oct]\n", "")
    )
    (folder / "planner.yml").write_text(
        "items:\n  - what: Multi-agency audits\n    who: PPPG\n    when: Every other PMQAG meeting\n"
    )
    advice = (
        f"{(folder / 'planner.yml').as_posix()}:4: `when: Every other PMQAG meeting` depends on "
        "PMQAG meetings, but no subgroup is called PMQAG and board.yml has no `meeting_months`; "
        "add PMQAG to subgroups.yml with its `meeting_months`, or add `months: [...]` to this "
        "item. It is shown as written, in no month."
    )
    assert main([str(folder)]) == 0
    assert f"{advice} (advice)" in capsys.readouterr().err.splitlines()
    result = run_build(folder, tmp_path / "site", pdfs=False)
    assert result.returncode == 0, result.stderr
    assert f"INFO    -  {advice}" in result.stderr.splitlines()
    planner = (tmp_path / "site" / "planner" / "index.html").read_text(encoding="utf-8")
    assert "Every other PMQAG meeting: no month set" in planner


def test_without_subgroup_months_items_stay_on_the_board_meetings_as_before(board: Path) -> None:
    """Data valid before subgroups had meeting months stays valid and places as it did."""
    path = board / "subgroups.yml"
    path.write_text(path.read_text().replace("    meeting_months: [Feb, May, Aug, Nov]\n", ""))
    site = load_board_data(board)
    placed = {entry.item.what: entry.placement for entry in schedule(site)}
    assert placed["Exploitation report"].months == (4, 7, 10, 1)  # the board: Jan, Apr, Jul, Oct
    assert placed["Multi-agency audit findings"].months == (4, 10)
    assert site.warnings == []
    line = (board / "planner.yml").read_text().splitlines().index(
        "    when: Every other PPPG meeting"
    ) + 1
    assert [f"{n.file}:{n.line}" for n in site.advice if "PPPG's meetings" in n.message] == [
        f"{(board / 'planner.yml').as_posix()}:{line}"
    ]
