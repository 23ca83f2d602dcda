"""Statuses the board's own dates contradict: an overdue action still marked on track is
published as written, and said plainly beside it (issue 24, part 3). Judged at the plan's "as
at" date. The example board's counts are computed here from its YAML, never written down."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from plansite.check.advice import data_advice
from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.model.dates import parse_due
from plansite.model.plan import Plan
from plansite.model.progress import needs_attention, summary
from plansite.pages.registry import render_page
from plansite.render.contradictions import contradiction_note
from plansite.render.home import home_page
from plansite.render.plans import plan_home, sentence
from tests.conftest import ROOT

PLAN_FILE = ROOT / "data" / "plans" / "business-plan-2025-28.yml"


@pytest.fixture(scope="module")
def site() -> BoardData:
    return load_board_data(ROOT / "data")


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))
    return loaded


def yaml_actions(raw: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for priority in raw["priorities"]:
        for issue in priority.get("issues", []):
            found.extend(issue["actions"])
        found.extend(priority.get("actions", []))
    return found


def late_in_yaml(raw: dict[str, Any]) -> list[dict[str, Any]]:
    """Actions not complete whose due date is before the plan's as-at date, read from the YAML."""
    as_at = raw["as_at"]
    assert isinstance(as_at, date)
    late = []
    for action in yaml_actions(raw):
        due = parse_due(str(action["due"])).date if action.get("due") else None
        if due is not None and due < as_at and action.get("status") != "green":
            late.append(action)
    return late


def test_overdue_actions_still_marked_on_target_are_the_ones_in_the_yaml(
    site: BoardData, raw: dict[str, Any]
) -> None:
    plan = site.plan_by_id["business-plan-2025-28"]
    expected = {a["ref"] for a in late_in_yaml(raw) if a["status"] == "amber"}
    found = needs_attention(plan).contradicted
    assert {c.action.ref for c in found} == expected
    assert "1.14" in expected  # the issue's example: twelve months late, still On target
    assert all(c.status.label == "On target" for c in found)
    # every one needs attention, and the page counts them with the rest
    assert {c.action.anchor for c in found} <= needs_attention(plan).actions


def test_the_words_say_what_the_dates_say(site: BoardData) -> None:
    plan = site.plan_by_id["business-plan-2025-28"]
    action = next(a for a in plan.actions if a.ref == "1.14")
    # due Sep-25; its latest update (August 2026) still gave amber
    assert contradiction_note(plan, action) == (
        "Due September 2025, still marked on target at its latest update (August 2026)"
    )
    done = next(a for a in plan.actions if a.ref == "1.1a")
    assert contradiction_note(plan, done) == ""


def small_plan(*actions: dict[str, Any], **fields: object) -> Plan:
    data: dict[str, Any] = {"id": "p", "title": "P", "as_at": "2026-06-30", "statuses": "brag"}
    data.update(fields)
    data["priorities"] = [{"ref": "1", "title": "One", "actions": list(actions)}]
    return Plan.model_validate(data)


def test_not_updated_since_and_never_updated() -> None:
    plan = small_plan(
        {"ref": "a", "title": "A", "due": "Dec 25", "status": "amber",
         "updates": [{"date": "2025-06", "text": "Started.", "status": "amber"}]},
        {"ref": "b", "title": "B", "due": "31 March 2026", "status": "On target"},
        {"ref": "c", "title": "C", "due": "Dec 25", "status": "red"},  # says it is late
        {"ref": "d", "title": "D", "due": "Dec 26", "status": "amber"},  # not due yet
    )  # fmt: skip
    a, b, c, d = plan.actions
    assert contradiction_note(plan, a) == (
        "Due December 2025, still marked on track: not updated since June 2025"
    )
    assert contradiction_note(plan, b) == (
        "Due 31 March 2026, still marked on track, with no dated update"
    )
    assert contradiction_note(plan, c) == contradiction_note(plan, d) == ""
    assert [x.action.ref for x in needs_attention(plan).contradicted] == ["a", "b"]
    counts = summary(plan, plan.actions)
    assert counts.overdue == 3
    assert sentence(counts) == "0 of 4 actions complete, 1 off track, 3 overdue"


def test_today_is_the_plans_as_at_date_not_the_clock() -> None:
    action = {"ref": "a", "title": "A", "due": "Dec 25", "status": "amber"}
    assert (
        contradiction_note(
            small_plan(action, as_at="2025-11-30"),
            small_plan(action, as_at="2025-11-30").actions[0],
        )
        == ""
    )
    later = small_plan(action, as_at="2026-01-31")
    assert needs_attention(later).contradicted[0].action.ref == "a"


def test_a_plan_with_one_outstanding_status_claims_no_contradiction() -> None:
    """With only "open" and "done", an open status does not say the action is on time."""
    statuses = [
        {"key": "done", "label": "Done", "colour": "#00703c", "done": True},
        {"key": "open", "label": "Open", "colour": "#ffdd00"},
    ]
    plan = small_plan({"ref": "a", "title": "A", "due": "Dec 25", "status": "open"},
                      statuses=statuses)  # fmt: skip
    assert needs_attention(plan).contradicted == []
    assert summary(plan, plan.actions).overdue == 1


def test_headline_counts_include_overdue(site: BoardData, raw: dict[str, Any]) -> None:
    plan = site.plan_by_id["business-plan-2025-28"]
    actions = yaml_actions(raw)
    done = sum(1 for a in actions if a.get("status") == "green")
    red = sum(1 for a in actions if a.get("status") == "red")
    late = len(late_in_yaml(raw))
    expected = f"{done} of {len(actions)} actions complete, {red} off target, {late} overdue"
    assert sentence(summary(plan, plan.actions)) == expected
    home = BeautifulSoup(home_page(site, "index.md"), "html.parser")
    assert expected in " ".join(home.get_text().split())
    plan_page = BeautifulSoup(plan_home(site, plan, "plans/business-plan-2025-28/index.md"),
                              "html.parser")  # fmt: skip
    assert expected in " ".join(plan_page.get_text().split())
    # the home page says how many are still marked on target
    on_target = sum(1 for a in late_in_yaml(raw) if a["status"] == "amber")
    assert (f"{on_target} of them are past their due date but still marked on target."
            in " ".join(home.get_text().split()))  # fmt: skip


def test_needs_attention_page_heads_with_them(site: BoardData, raw: dict[str, Any]) -> None:
    here = "plans/business-plan-2025-28/needs-attention.md"
    html = render_page(site, here, "plan_attention", "business-plan-2025-28")
    soup = BeautifulSoup(html, "html.parser")
    first = soup.find("h2")
    assert first is not None and first["id"] == "still-on-track"
    on_target = [a for a in late_in_yaml(raw) if a["status"] == "amber"]
    assert " ".join(first.get_text().split()) == (
        f"Past the due date but still marked on target ({len(on_target)})"
    )
    table = first.find_next("table")
    refs = [th.get_text(strip=True) for th in table.select("tbody th")]
    assert sorted(refs) == sorted(a["ref"] for a in on_target)
    row = next(tr for tr in table.select("tbody tr") if tr.th.get_text(strip=True) == "1.14")
    assert "Due September 2025, still marked on target at its latest update (August 2026)" in (
        row.get_text()
    )


def test_priority_page_says_it_beside_the_status(site: BoardData) -> None:
    here = "plans/business-plan-2025-28/priority-1.md"
    html = render_page(site, here, "priority", "business-plan-2025-28", "1")
    soup = BeautifulSoup(html, "html.parser")
    notes = [" ".join(n.get_text().split()) for n in soup.select(".ps-contradiction")]
    assert "Due September 2025, still marked on target at its latest update (August 2026)" in notes


def test_make_check_advises_on_each_one_with_its_line(site: BoardData, raw: dict[str, Any]) -> None:
    advice = [p for p in data_advice(site) if "still marked" in p.message]
    plan_advice = [p for p in advice if p.file.endswith("business-plan-2025-28.yml")]
    on_target = [a for a in late_in_yaml(raw) if a["status"] == "amber"]
    assert len(plan_advice) == len(on_target)
    lines = PLAN_FILE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.search(r'ref: "1\.14"', line))
    status_line = next(i for i in range(start, len(lines)) if "status:" in lines[i]) + 1
    found = next(p for p in plan_advice if "action 1.14 " in p.message)
    assert found.line == status_line
    assert found.message.startswith(
        'action 1.14 was due "Sep-25", before the plan\'s as-at date 2026-09-30, but is still '
        'marked "On target" and its latest update (2026-08) still says so.'
    )
    # advice, never an error: the site builds and check passes
    assert not site.warnings


def test_no_progress_recorded_claims_no_contradiction() -> None:
    plan = small_plan({"ref": "a", "title": "A", "due": "Dec 25"}, as_at=None)
    assert needs_attention(plan).contradicted == []
    assert contradiction_note(plan, plan.actions[0]) == ""


def local_figures(ref: str) -> list[tuple[str, float]]:
    """The indicator's local figures, oldest first, read from the example's CSV."""
    text = (ROOT / "data" / "indicator_values.csv").read_text(encoding="utf-8")
    rows = [line.split(",") for line in text.splitlines()[1:]]
    return sorted((r[1], float(r[4])) for r in rows if r[0] == ref and r[2] == "local" and not r[3])


def test_evidence_on_target_while_its_indicator_falls_away(
    site: BoardData, raw: dict[str, Any]
) -> None:
    evidence = raw["priorities"][0]["evidence"][0]
    assert evidence["status"] == "amber" and "80%" in evidence["text"]
    (previous_period, previous), (period, latest) = local_figures("L11")[-2:]
    assert latest < previous < 80  # what the CSV says: falling, below the target
    expected = (
        f"L11 was {previous:g}% in {previous_period} and {latest:g}% in {period}: "
        "moving away from the 80% target"
    )
    here = "plans/business-plan-2025-28/priority-1.md"
    soup = BeautifulSoup(render_page(site, here, "priority", "business-plan-2025-28", "1"),
                         "html.parser")  # fmt: skip
    row = soup.find(id="evidence").find_next("table").select("tbody tr")[0]
    assert row.select_one(".ps-contradiction").get_text() == expected
    # the status is still published as the board wrote it
    assert "On target" in row.get_text()
    lines = PLAN_FILE.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines) if "(indicator L11)" in text) + 2
    advice = [p for p in data_advice(site) if "evidence" in p.message]
    assert [(p.file.split("/")[-1], p.line) for p in advice] == [(PLAN_FILE.name, line)]
    assert f"but L11 was {previous:g}% in {previous_period}" in advice[0].message


def test_evidence_meeting_its_target_or_improving_is_not_flagged(site: BoardData) -> None:
    from plansite.model.evidence_figures import falling_away
    from plansite.model.indicators import Indicator, Value

    def site_with(figures: list[float]) -> BoardData:
        base = site
        values = [v for v in base.values if v.indicator != "L11"]
        values += [Value(indicator="L11", period=f"2026 Q{n + 1}", area="local", value=f)
                   for n, f in enumerate(figures)]  # fmt: skip
        assert isinstance(base.indicator_by_ref["L11"], Indicator)
        return dataclasses.replace(base, values=values)

    plan_id = "business-plan-2025-28"
    falling = site_with([69, 63])
    assert len(falling_away(falling, falling.plan_by_id[plan_id])) == 1
    rising = site_with([63, 69])  # below target, but moving towards it
    assert falling_away(rising, rising.plan_by_id[plan_id]) == []
    met = site_with([90, 85])  # falling, but still above the target
    assert falling_away(met, met.plan_by_id[plan_id]) == []


def test_the_narrative_status_summary_counts_overdue_too(
    site: BoardData, raw: dict[str, Any]
) -> None:
    from plansite.pages.narrative import narrative_macros

    said = narrative_macros(lambda: site, lambda: "index.md")["status_summary"]()
    assert said.endswith(f"; **{len(late_in_yaml(raw))}** were past their due date")
