"""Status presets, statuses written as the document has them, and closed statuses (no build)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from plansite.load import load_board_data
from plansite.model.colours import contrast, text_on
from plansite.model.plan import Plan
from plansite.model.progress import needs_attention, status_of, summary
from plansite.model.status import Status
from plansite.model.status_presets import CLOSED, PRESETS
from plansite.read.problems import DataError
from plansite.render.plans import sentence

ANY_BOARD = Path(__file__).resolve().parent / "fixtures" / "any-board"


def plan_with(statuses: object, *actions: dict[str, Any], **fields: object) -> Plan:
    data: dict[str, Any] = {"id": "p", "title": "P", "as_at": "2026-06-30", **fields}
    if statuses is not None:
        data["statuses"] = statuses
    data["priorities"] = [{"ref": "1", "title": "One", "actions": list(actions)}]
    return Plan.model_validate(data)


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_colour_gives_its_tag_text_at_least_4_5_to_1(name: str) -> None:
    plan = plan_with(name)
    assert len(plan.statuses) == len(PRESETS[name]) + len(CLOSED)
    for status in plan.statuses:
        ratio = contrast(status.colour, text_on(status.colour))
        assert ratio >= 4.5, f"{name} {status.key} {status.colour}: {ratio:.2f}"


@pytest.mark.parametrize(
    ("preset", "written", "key", "done"),
    [
        ("rag", "G", "green", False),  # standard RAG: green is on track
        ("rag", "on track", "green", False),
        ("rag", "Complete", "complete", True),
        ("rag", "a", "amber", False),
        ("rag-amber-on-target", "On Target", "amber", False),
        ("rag-amber-on-target", "g", "green", True),  # Amber = on target, Green = complete
        ("rag-amber-on-target", "Off  target", "red", False),
        ("brag", "B", "blue", True),
        ("brag", "Complete and embedded", "blue", True),
        ("brag", "G", "green", True),
        ("brag", "On target", "amber", False),
        ("phrases", "Not yet completed but on-track", "on-track", False),
        ("phrases", "not yet completed but ON TRACK", "on-track", False),
        ("phrases", "Not yet completed and off-track", "off-track", False),
        ("phrases", "Not yet started", "not-started", False),
        ("phrases", "Completed", "completed", True),
        ("brag", "Merged into another action", "merged", False),
    ],
)
def test_a_status_may_be_written_as_the_document_has_it(
    preset: str, written: str, key: str, done: bool
) -> None:
    plan = plan_with(preset, {"ref": "a", "title": "A", "status": written})
    found = plan.vocabulary.find(written)
    assert found is not None and found.key == key and found.done is done


def test_a_plans_own_colour_keys_answer_to_their_letters() -> None:
    plan = plan_with([
        {"key": "green", "label": "Complete", "colour": "#00703c", "done": True},
        {"key": "amber", "label": "On target", "colour": "#ffdd00"},
        {"key": "Red", "label": "Off target", "colour": "#d4351c"},
        {"key": "rejected", "label": "Rejected", "colour": "#505a5f", "closed": True},
    ])  # fmt: skip
    assert [plan.vocabulary.find(w).key for w in ("G", "a", "R")] == ["green", "amber", "Red"]  # type: ignore[union-attr]
    assert plan.vocabulary.find("B") is None


def test_no_statuses_means_standard_rag() -> None:
    plan = plan_with(None)
    assert [s.key for s in plan.statuses] == [
        "complete", "green", "amber", "red", "cancelled", "superseded", "merged",
    ]  # fmt: skip
    assert [s.label for s in plan.statuses_shown] == [
        "Complete",
        "On track",
        "At risk",
        "Off track",
    ]


@pytest.mark.parametrize(
    ("words", "preset"),
    [
        (["Green", "Red", "A"], "rag"),
        (["Completed", "Not yet completed but on-track", "not yet started"], "phrases"),
        (["Blue", "Green", "Amber"], "brag"),
        (["On Target", "Complete"], "rag-amber-on-target"),
    ],
)
def test_no_statuses_means_the_preset_whose_words_the_plan_uses(
    words: list[str], preset: str
) -> None:
    """A plan written "as it is" names no statuses: its words choose the preset."""
    actions = [{"ref": str(n), "title": f"Action {n}", "status": w} for n, w in enumerate(words)]
    plan = plan_with(None, *actions)
    expected = plan_with(preset).statuses
    assert [(s.key, s.label) for s in plan.statuses] == [(s.key, s.label) for s in expected]
    assert all(plan.vocabulary.find(w) for w in words)


def test_words_no_preset_knows_leave_standard_rag_for_the_check_to_name() -> None:
    plan = plan_with(None, {"ref": "1", "title": "A", "status": "Purple"})
    assert [s.key for s in plan.statuses][:4] == ["complete", "green", "amber", "red"]


def test_an_unknown_preset_names_the_presets() -> None:
    with pytest.raises(ValidationError) as error:
        plan_with("rgb")
    assert (
        "`statuses: rgb` is not a preset; name one of rag, rag-amber-on-target, brag, phrases, "
        "or list the plan's own statuses"
    ) in str(error.value)


def test_a_custom_key_may_have_spaces_and_is_slugged_for_addresses() -> None:
    status = Status.model_validate({"key": "Not yet started", "label": "x", "colour": "#505a5f"})
    assert status.slug == "not-yet-started"
    no_key = Status.model_validate({"label": "On Target", "colour": "#ffdd00"})
    assert (no_key.key, no_key.slug) == ("On Target", "on-target")
    with pytest.raises(ValidationError, match="needs at least one letter or digit"):
        Status.model_validate({"key": "--", "label": "x", "colour": "#505a5f"})
    with pytest.raises(ValidationError, match="cannot be both `done` and `closed`"):
        Status.model_validate({"key": "x", "label": "x", "colour": "#505a5f", "done": True,
                               "closed": True})  # fmt: skip


def test_a_key_clash_and_an_ambiguous_word_are_problems_with_their_lines(tmp_path: Path) -> None:
    board = tmp_path / "data"
    shutil.copytree(ANY_BOARD, board)
    path = board / "plans" / "amber-plan.yml"
    text = (
        path.read_text()
        .replace(
            "statuses: rag-amber-on-target\n",
            "statuses:\n"
            '  - {key: done, label: Complete, colour: "#00703c", done: true}\n'
            '  - {key: on-track, label: On track, colour: "#1d70b8", aliases: [Complete]}\n'
            '  - {key: On Track, label: Off target, colour: "#d4351c"}\n',
        )
        .replace("status: On Target", "status: on-track")
    )
    path.write_text(text)
    with pytest.raises(DataError) as error:
        load_board_data(board)
    # a label or alias two statuses share is fine until an action uses it
    used = text.splitlines().index("        status: Complete") + 1
    assert [str(p) for p in error.value.problems.items] == [
        f"{path.as_posix()}:9: status key `On Track` is the same as `on-track` (line 8) but for "
        "case, spaces or hyphens; give each its own key",
        f"{path.as_posix()}:{used}: status `Complete` could mean `done` or `on-track`; write the "
        "key of the one you mean",
    ]


def test_closed_actions_are_never_late_quiet_or_still_to_do() -> None:
    old_due = {"due": "Jan-25", "lead": "PPPG"}
    plan = plan_with(
        "brag",
        {"ref": "a", "title": "Open and late", "status": "amber", **old_due},
        {"ref": "b", "title": "Cancelled", "status": "Cancelled", **old_due},
        {"ref": "c", "title": "Superseded", "status": "superseded", **old_due},
        {"ref": "d", "title": "Merged", "status": "Merged", **old_due},
        {"ref": "e", "title": "Done", "status": "B", **old_due},
    )
    attention = needs_attention(plan)
    assert [o.action.ref for o in attention.overdue] == ["a"]
    assert [s.action.ref for s in attention.stale] == ["a"]
    counts = summary(plan, plan.actions)
    assert (counts.total, counts.done, counts.closed) == (5, 1, 3)
    assert sentence(counts) == (
        "1 of 2 actions complete, 0 off track, 1 overdue; 1 cancelled; 1 superseded; "
        "1 merged into another action"
    )
    assert plan.vocabulary.worst is not None and plan.vocabulary.worst.key == "red"
    # closing an action is not a step back, although closed statuses are listed last
    assert not plan.vocabulary.worse("amber", "cancelled")
    assert plan.vocabulary.worse("amber", "red")


def test_closed_statuses_nothing_uses_are_not_shown() -> None:
    plan = plan_with("rag", {"ref": "a", "title": "A", "status": "cancelled"})
    assert [s.key for s in plan.statuses_shown] == [
        "complete",
        "green",
        "amber",
        "red",
        "cancelled",
    ]


def test_the_board_using_every_preset_and_document_labels_loads_with_exact_counts() -> None:
    site = load_board_data(ANY_BOARD)
    expected = {
        # plan: [(ref, status key)] in plan order ("" for an action with no ref); the second of
        # those has only an update's status
        "amber-plan": [("1.1", "amber"), ("1.2", "green"), ("1.3", "red")],
        "brag-plan": [("1a", "blue"), ("1b", "cancelled"), ("2a", "green"), ("2b", "amber")],
        "phrases-plan": [("1", "on-track"), ("2", "not-started"), ("3", "off-track"),
                         ("4", "completed")],
        "rag-plan": [("1a", "green"), ("1b", "red"), ("", "green"), ("2.1a", "complete"),
                     ("", "complete"), ("2a", "amber")],
    }  # fmt: skip
    for plan_id, actions in expected.items():
        plan = site.plan_by_id[plan_id]
        found = [
            (a.ref, status.key if (status := status_of(plan, a)) else None) for a in plan.actions
        ]
        assert found == actions, plan_id
