"""macros/model/memo.py: whole-plan results are worked out once per object and per build."""

from __future__ import annotations

from macros.model import memo


def test_a_result_is_remembered_by_identity_until_the_next_build() -> None:
    calls: list[list[int]] = []

    @memo.per_object
    def total(numbers: list[int]) -> int:
        calls.append(numbers)
        return sum(numbers)

    first, equal_but_other = [1, 2], [1, 2]
    assert total(first) == 3 and total(first) == 3
    assert total(equal_but_other) == 3  # equal is not the same object: worked out again
    assert [c is first for c in calls] == [True, False]
    memo.forget_all()
    assert total(first) == 3
    assert len(calls) == 3
