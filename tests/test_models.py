"""The model holds the shapes real board documents use, without loss."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from plansite.load import load_board_data
from plansite.model.board_data import BoardData
from plansite.schemas import SCHEMAS, schema_text

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "corpus-base"

IMPROVEMENT_PLAN = """\
id: improve
title: Improvement plan after inspection
kind: improvement
period: 2026 to 2027
as_at: 2026-05
statuses:
  - {key: blue, label: Completed and embedded, colour: "#1d70b8", done: true}
  - {key: green, label: Completed, colour: "#00703c", done: true}
  - {key: amber, label: In progress, colour: "#ffdd00"}
  - {key: red, label: Off track, colour: "#d4351c"}
priorities:
  - ref: R1
    title: Strengthen the response to exploitation
    young_people: We want to spot children at risk sooner.
    evidence:
      - {text: Return interviews happen within 72 hours, status: amber}
      - {text: Audits show the risk tool is used, status: blue}
    children_will_say:
      - I know who my worker is and they listen to me.
    actions:
      - ref: LMG 1
        title: Review the exploitation pathway
        leads: [CSE Group, Head of Service]
        outcome: Children at risk are found earlier.
        measure: Audit of 20 cases.
        source: Inspection recommendation 2, paragraph 41
        due: Jun-26 to Jun 27
        due_was: [Dec 25]
        milestones:
          - {due: Mar 26, what: Draft pathway, result: Done}
          - {due: Sept 26, what: Audit}
        status: amber
        new: true
        related: ["plan-a:1.1"]
        updates:
          - date: 2026-03
            status: green
            text: "<p><b>Update Mar 26:</b> draft agreed</p>"
          - {date: 2026-05-14, status: amber, text: Audit delayed by staffing.}
      - ref: 21B.1
        title: Phrase-status action
        due: Moved to new Strategic Plan
"""


@pytest.fixture
def site(tmp_path: Path) -> BoardData:
    data = tmp_path / "data"
    shutil.copytree(BASE, data)
    (data / "plans" / "improve.yml").write_text(IMPROVEMENT_PLAN, encoding="utf-8")
    return load_board_data(data)


def test_brag_plan_with_impact_measures_and_child_voice(site: BoardData) -> None:
    plan = site.plan_by_id["improve"]
    assert [s.label for s in plan.statuses if s.done] == ["Completed and embedded", "Completed"]
    priority = plan.priorities[0]
    assert [(e.text[:6], e.status) for e in priority.evidence] == [
        ("Return", "amber"),
        ("Audits", "blue"),
    ]
    assert priority.children_will_say == ["I know who my worker is and they listen to me."]
    assert plan.as_at_date == date(2026, 5, 31)  # a month means its last day


def test_action_shapes(site: BoardData) -> None:
    action = site.plan_by_id["improve"].find_action("LMG 1")
    assert action.leads == ["CSE Group", "Head of Service"]
    assert action.due_date is not None and action.due_date.date == date(2027, 6, 30)
    assert action.due_was == ["Dec 25"]
    assert [(m.due, m.result) for m in action.milestones] == [("Mar 26", "Done"), ("Sept 26", "")]
    assert action.is_new and action.new_since is None
    assert [u.date for u in action.updates_newest_first] == ["2026-05-14", "2026-03"]
    assert site.find_action("plan-a:1.1") is site.plan_by_id["plan-a"].find_action("1.1")
    moved = site.plan_by_id["improve"].find_action("21B.1")
    assert moved.due_date is not None and moved.due_date.reason == "moved to another plan"
    assert moved.status is None


def test_sub_rows_keep_their_issue(site: BoardData) -> None:
    plan = site.plan_by_id["plan-a"]
    first, second, loose = plan.actions
    assert first.issue is second.issue is not None
    assert first.issue.title == "Check schools keep pupils safe online"
    assert loose.issue is None
    assert [a.priority.ref for a in plan.actions] == ["1", "1", "1"]


def test_leads_link_to_subgroups_by_acronym_alias_or_name(site: BoardData) -> None:
    pppg = site.subgroups[0]
    assert site.subgroup_for("PPPG") is pppg
    assert site.subgroup_for("ppg") is pppg  # an alias, any case
    assert site.subgroup_for("Policy, Procedures and Performance Group") is pppg
    assert site.subgroup_for("Head of Education") is None


def test_status_words_and_order(site: BoardData) -> None:
    vocabulary = site.plan_by_id["improve"].vocabulary
    assert vocabulary.find("AMBER") is not None
    assert vocabulary.worse("green", "amber")
    assert not vocabulary.worse("red", "blue")


def test_objects_know_their_lines(site: BoardData) -> None:
    action = site.plan_by_id["improve"].find_action("LMG 1")
    assert action.source_file.endswith("plans/improve.yml")
    assert action.line_of() == 21
    assert action.line_of("status") == 32
    assert action.updates[1].line_of("date") == 39


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schemas_match_the_models(name: str) -> None:
    committed = (ROOT / "data" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[name]), "run `make schemas` and commit data/schemas/"


def test_every_yaml_file_names_its_schema() -> None:
    for path in sorted((ROOT / "data").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert json.loads(schema.read_text())["type"] == "object", path
