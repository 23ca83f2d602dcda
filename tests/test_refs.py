"""Refs unique only within their priority or issue; qualified refs; rows with no ref or title."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from plansite.check.contradictions import contradiction_advice
from plansite.load import load_board_data
from plansite.model.plan import Plan
from plansite.model.refs import qualify

ROOT = Path(__file__).resolve().parents[1]
ANY_BOARD = ROOT / "tests" / "fixtures" / "any-board"


@pytest.mark.parametrize(
    ("parent", "ref", "qualified"),
    [
        ("2", "c", "2c"),  # letters restart under each priority
        ("1", "1.1a", "1.1a"),  # already starts with its priority's ref: kept
        ("1", "10a", "1.10a"),  # "10a" does not start with priority "1"
        ("2", "1", "2.1"),
        ("R3", "a", "R3a"),
        ("R2", "LMG 1", "R2.LMG 1"),
        ("2.1", "b", "2.1b"),
        ("4", "(ii)", "4(ii)"),
        ("A", "b", "A.b"),
        ("", "c", "c"),
    ],
)
def test_qualify_keeps_the_plans_own_style(parent: str, ref: str, qualified: str) -> None:
    assert qualify(parent, ref) == qualified


def plan(*priorities: dict[str, Any]) -> Plan:
    return Plan.model_validate(
        {"id": "p", "title": "P", "as_at": "2026-06-30", "priorities": list(priorities)}
    )


def test_refs_written_once_in_the_plan_stay_as_they_are() -> None:
    built = plan(
        {"ref": "R2", "title": "x", "actions": [{"ref": "LMG 1", "title": "a"}]},
        {"ref": "R3", "title": "y", "actions": [{"ref": "21B.1", "title": "b"}]},
    )
    assert [a.ref for a in built.actions] == ["LMG 1", "21B.1"]


def test_the_example_boards_refs_and_titles_are_unchanged() -> None:
    site = load_board_data(ROOT / "data")
    assert all(a.ref == a.written_ref and a.has_own_title for a in site.plans[0].actions)
    assert sum(a.ref != a.written_ref for p in site.plans for a in p.actions) == 0
    # the example's advice: statuses its dates and figures contradict (tests/test_contradictions.py)
    # and its subgroup short name SCR, which nationally means a Serious Case Review
    # (tests/test_default_glossary.py)
    contradicted = sorted(map(str, contradiction_advice(site)))
    others = [a.message.split(";")[0] for a in site.advice if str(a) not in contradicted]
    assert others == [
        'SCR here means "Case Review Group", but nationally SCR means "Serious Case Review"'
    ]
    assert site.warnings == []


def test_refs_restarting_under_each_priority_are_qualified_and_cross_refs_find_them() -> None:
    built = plan(
        {"ref": "1", "title": "x", "actions": [
            {"ref": "a", "title": "a1"},
            {"ref": "b", "title": "b1", "related": ["a"]},
            {"title": "no ref"},
        ]},
        {"ref": "2", "title": "y", "issues": [
            {"ref": "1", "title": "The issue", "actions": [
                {"ref": "a", "title": "under the issue"},
                {"lead": "PPPG", "due": "Mar-26"},
            ]},
        ], "actions": [{"ref": "a", "title": "a2"}]},
    )  # fmt: skip
    assert [(a.written_ref, a.ref, a.anchor) for a in built.actions] == [
        ("a", "1a", "action-1a"),
        ("b", "1b", "action-1b"),
        ("", "", "action-1-3"),  # no number shown; addressed by its place under its priority
        ("a", "2.1a", "action-2-1a"),
        ("", "", "action-2-1-2"),
        ("a", "2a", "action-2a"),
    ]
    sub_row = built.actions[4]
    assert (sub_row.title, sub_row.has_own_title) == ("The issue", False)
    # "a" written in priority 1 means that priority's a; the qualified ref works anywhere
    first_b = built.actions[1]
    assert built.find_action("a", near=first_b) is built.actions[0]
    assert built.find_action("2.1a") is built.actions[3]
    assert built.find_action("2A") is built.actions[5]


def write(board: Path, text: str) -> Path:
    path = board / "plans" / "rag-plan.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def board(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(ANY_BOARD, target)
    return target


def test_a_ref_used_twice_in_one_priority_is_advice_and_both_are_published(board: Path) -> None:
    path = board / "plans" / "rag-plan.yml"
    text = path.read_text(encoding="utf-8")
    write(board, text.replace("      - ref: b\n", "      - ref: a\n", 1))
    lines = text.splitlines()
    first = lines.index("      - ref: a") + 1
    second = lines.index("      - ref: b") + 1
    site = load_board_data(board)
    rag = site.plan_by_id["rag-plan"]
    twins = [a for a in rag.actions if a.written_ref == "a" and a.priority is rag.priorities[0]]
    assert [(a.ref, a.anchor) for a in twins] == [("1a", "action-1a"), ("1a", "action-1a-2")]
    assert site.warnings == []
    assert [str(p) for p in site.advice if "used twice" in p.message] == [
        f"{path.as_posix()}:{second}: action ref `1a` is used twice in priority `1` (first on "
        f"line {first}); both are published as written, the second at `#action-1a-2`; give each "
        "its own ref if the document allows"
    ]


def test_two_refs_that_make_one_web_address_get_addresses_of_their_own(board: Path) -> None:
    path = board / "plans" / "amber-plan.yml"
    text = path.read_text(encoding="utf-8")
    # "1-1" and "1.1" differ, and both would be #action-1-1: the second is #action-1-1-2
    path.write_text(text.replace('- ref: "1.3"', '- ref: "1-1"'), encoding="utf-8")
    amber = load_board_data(board).plan_by_id["amber-plan"]
    assert [(a.ref, a.anchor) for a in amber.actions if a.ref in ("1.1", "1-1")] == [
        ("1.1", "action-1-1"),
        ("1-1", "action-1-1-2"),
    ]


def test_a_cross_reference_to_a_qualified_ref_resolves(board: Path) -> None:
    site = load_board_data(board)
    rag = site.plan_by_id["rag-plan"]
    assert site.find_action("brag-plan:2a") is site.plan_by_id["brag-plan"].actions[2]
    assert site.find_action("b", rag, near=rag.actions[0]) is rag.actions[1]
    path = board / "plans" / "rag-plan.yml"
    text = path.read_text(encoding="utf-8")
    write(board, text.replace('"brag-plan:2a"', '"brag-plan:a"'))
    site = load_board_data(board)  # "a" is written in two of brag-plan's priorities
    line = text.splitlines().index('        related: [a, "brag-plan:2a"]') + 1
    assert [str(p) for p in site.advice if "related" in p.message] == [
        f"{path.as_posix()}:{line}: related action `brag-plan:a` could mean any of `1a` "
        "(`#action-1a`), `2a` (`#action-2a`), so it is shown as written, with no link; write the "
        "one you mean by its address (e.g. `#action-2a`) to link it"
    ]
