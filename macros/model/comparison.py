"""Comparison words for an indicator: against England or neighbours, and since last period.

"Similar" has one definition everywhere: the two values differ by no more than SIMILAR_WITHIN
(5%) of the comparator's value. Otherwise the indicator's polarity decides between "better" and
"worse"; an indicator with polarity `none` gets neutral words ("higher", "lower"), no judgement.
"""

from __future__ import annotations

from typing import Literal

from macros.model.indicators import Polarity

SIMILAR_WITHIN = 0.05  # a share of the comparator's value

Side = Literal["higher", "similar", "lower"]


def side(value: float, comparator: float) -> Side:
    """Where `value` stands against `comparator`, with the 5% band counted as similar."""
    if abs(value - comparator) <= SIMILAR_WITHIN * abs(comparator):
        return "similar"
    return "higher" if value > comparator else "lower"


def judgement(value: float, comparator: float, polarity: Polarity) -> str:
    """ "better than", "similar to" or "worse than"; "higher than"/"lower than" with no polarity."""
    where = side(value, comparator)
    if where == "similar":
        return "similar to"
    if polarity == "none":
        return f"{where} than"
    good = (where == "higher") == (polarity == "higher_is_better")
    return "better than" if good else "worse than"


def direction(latest: float, previous: float, polarity: Polarity) -> str:
    """Direction of travel since the previous period: "up, better", "down", "no change"."""
    if latest == previous:
        return "no change"
    moved = "up" if latest > previous else "down"
    if polarity == "none":
        return moved
    good = (moved == "up") == (polarity == "higher_is_better")
    return f"{moved}, {'better' if good else 'worse'}"
