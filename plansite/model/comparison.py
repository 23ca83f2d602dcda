"""How an indicator compares: against England or neighbours, and since last period. Facts, not
words: the words readers see are plansite/words/<lang>.yml's.

"Similar" has one definition everywhere: the two values differ by no more than SIMILAR_WITHIN
(5%) of the comparator's value. Otherwise the indicator's polarity decides between "better" and
"worse"; an indicator with polarity `none` gets neutral facts ("higher", "lower"), no judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from plansite.model.indicators import Polarity

SIMILAR_WITHIN = 0.05  # a share of the comparator's value

Side = Literal["higher", "similar", "lower"]
Judgement = Literal["better", "similar", "worse", "higher", "lower"]


def side(value: float, comparator: float) -> Side:
    """Where `value` stands against `comparator`, with the 5% band counted as similar."""
    if abs(value - comparator) <= SIMILAR_WITHIN * abs(comparator):
        return "similar"
    return "higher" if value > comparator else "lower"


def judgement(value: float, comparator: float, polarity: Polarity) -> Judgement:
    """better, similar or worse; higher or lower for an indicator with no polarity."""
    where = side(value, comparator)
    if where == "similar" or polarity == "none":
        return where
    good = (where == "higher") == (polarity == "higher_is_better")
    return "better" if good else "worse"


@dataclass(frozen=True)
class Travel:
    """The direction of travel since the previous period."""

    moved: Literal["up", "down", "same"]
    judged: Literal["better", "worse", ""]  # "" with no polarity, or no change


def direction(latest: float, previous: float, polarity: Polarity) -> Travel:
    if latest == previous:
        return Travel("same", "")
    moved: Literal["up", "down"] = "up" if latest > previous else "down"
    if polarity == "none":
        return Travel(moved, "")
    good = (moved == "up") == (polarity == "higher_is_better")
    return Travel(moved, "better" if good else "worse")
