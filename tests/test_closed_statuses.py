"""An imported status that says an action was stopped or moved ("Closed: merged into 2.3",
"Withdrawn") is neither complete nor late, even when it holds a word that usually means
finished: counted as complete, it would publish a false "complete" figure."""

from __future__ import annotations

import pytest

from plansite.office.statuses import Statuses

CLOSED = [
    "Closed - merged into action 2.3",
    "Completed elsewhere: moved to the health plan",
    "Superseded by the new strategy",
    "Withdrawn",
    "Carried forward to 2026-27",
]


@pytest.mark.parametrize("word", CLOSED)
def test_a_status_that_closes_an_action_is_closed_never_done(word: str) -> None:
    statuses = Statuses()
    key = statuses.from_word(word, "table 1, row 2, column Status")
    (entry,) = [e for e in statuses.plan_list() if e["key"] == key]
    assert entry == {"key": key, "label": word, "colour": entry["colour"], "closed": True}
    assert statuses.unexplained() == []  # it says what it means: nothing to ask the board
    (held,) = [e for e in statuses.entries if e.key == key]
    assert not held.is_done


def test_the_same_words_without_a_closing_phrase_are_done() -> None:
    statuses = Statuses()
    key = statuses.from_word("Completed", "table 1, row 2, column Status")
    (entry,) = [e for e in statuses.plan_list() if e["key"] == key]
    assert entry.get("done") is True and "closed" not in entry
