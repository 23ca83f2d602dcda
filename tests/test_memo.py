"""plansite/model/memo.py: whole-plan results are worked out once per object, kept on it."""

from __future__ import annotations

import gc
import weakref
from dataclasses import dataclass

from plansite.model import memo


@dataclass
class Numbers:
    values: list[int]


def test_a_result_is_remembered_by_identity_and_goes_with_its_object() -> None:
    calls: list[Numbers] = []

    @memo.per_object
    def total(numbers: Numbers) -> int:
        calls.append(numbers)
        return sum(numbers.values)

    first, equal_but_other = Numbers([1, 2]), Numbers([1, 2])
    assert total(first) == 3 and total(first) == 3
    assert total(equal_but_other) == 3  # equal is not the same object: worked out again
    assert [c is first for c in calls] == [True, False]
    calls.clear()
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None  # nothing else holds the object (or its result)


def test_a_pydantic_plan_keeps_its_results_out_of_its_fields() -> None:
    from plansite.load import load_board_data
    from plansite.model.progress import periods
    from tests.conftest import FIXTURES

    plan = load_board_data(FIXTURES / "corpus-base").plans[0]
    before = plan.model_dump()
    assert periods(plan) is periods(plan)
    assert plan.model_dump() == before
