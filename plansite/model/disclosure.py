"""Disclosure control: which counts of children may never be published, decided once per build.

Counts from 1 up to `suppress_below - 1` are hidden (primary suppression). In a distribution, and
in each breakdown of a series (its groups in one period: age bands, cohorts), the
total is published, so one hidden cell could be worked out as the total minus the other cells:
the next smallest cell is hidden too (secondary suppression), and when no other cell can hide
it, the total is hidden. A percentage of a total shares its count's fate. Rates and percentages
that the data gives as such are not counts and are never hidden.

Every output (pages, charts, tables, prose macros, downloads) asks a `Disclosure` object.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from plansite.model.indicators import Indicator, Value

SUPPRESSED = "[c]"
# second figures in these units are not counts of children; any other (`count`, or words such as
# "modifiable" or "young people") is
FIGURES = {"rate_per_10000", "rate_per_100000", "percent", "money", "ratio", "days"}

Key = tuple[str, str, str, str, str]  # indicator, period, area, dimension, category
# indicator, period, area, dimension: one distribution, or one breakdown's groups in a period
GroupKey = tuple[str, str, str, str]


def key_of(value: Value) -> Key:
    return (value.indicator, value.period, value.area, value.dimension, value.category)


def is_small(count: float, suppress_below: int) -> bool:
    """A count that could identify a child: more than 0 and less than the threshold."""
    return 0 < count < suppress_below


def hidden_cells(counts: list[tuple[str, float]], suppress_below: int) -> tuple[set[str], bool]:
    """Which categories of one distribution to hide, and whether to hide its total too."""
    hidden = {category for category, count in counts if is_small(count, suppress_below)}
    if len(hidden) == 1:
        # One hidden cell = total minus the others: hide the smallest other non-zero cell.
        others = sorted(
            ((count, index, category) for index, (category, count) in enumerate(counts)),
        )
        spare = [category for count, _, category in others if count > 0 and category not in hidden]
        if spare:
            hidden.add(spare[0])
    total = sum(count for _, count in counts)
    # With no other cell to hide behind, the total itself would give the small count away.
    hide_total = bool(hidden) and (
        is_small(total, suppress_below) or all(c in hidden or n == 0 for c, n in counts)
    )
    return hidden, hide_total


@dataclass(frozen=True)
class Disclosure:
    suppress_below: int
    hidden: frozenset[Key] = field(default_factory=frozenset)
    hidden_totals: frozenset[GroupKey] = field(default_factory=frozenset)
    hidden_seconds: frozenset[Key] = field(default_factory=frozenset)

    def is_hidden(self, value: Value) -> bool:
        return key_of(value) in self.hidden

    def total_hidden(self, indicator: str, period: str, area: str, dimension: str = "") -> bool:
        return (indicator, period, area, dimension) in self.hidden_totals

    def second_published(self, value: Value) -> float | None:
        """A value's second figure as it may be published: hidden with its value, and on its
        own when it counts children (`16 (4 modifiable)`) and is small."""
        if self.is_hidden(value) or key_of(value) in self.hidden_seconds:
            return None
        return value.second_value

    def published(self, value: Value) -> float | None:
        """The value as it may be published, or None where it must show as [c] (or, for a
        value written in words, as its words)."""
        return None if self.is_hidden(value) else value.value


def decide(
    indicators: Iterable[Indicator], values: Iterable[Value], suppress_below: int
) -> Disclosure:
    """Apply the rules above to every count indicator's values."""
    indicators = list(indicators)
    counts = {i.key: i for i in indicators if i.unit == "count"}
    second_counts = {i.key for i in indicators if i.second_unit and i.second_unit not in FIGURES}
    hidden_seconds = {
        key_of(v)
        for v in values
        if v.indicator in second_counts
        and v.second_value is not None
        and is_small(v.second_value, suppress_below)
    }
    hidden: set[Key] = set()
    hidden_totals: set[GroupKey] = set()
    groups: dict[GroupKey, list[Value]] = {}
    for value in values:
        indicator = counts.get(value.indicator)
        if indicator is None or value.value is None:
            continue
        if indicator.kind == "distribution" or value.dimension:
            # a breakdown's groups add up to its total like a distribution's categories
            group = (value.indicator, value.period, value.area, value.dimension)
            groups.setdefault(group, []).append(value)
        elif is_small(value.value, suppress_below):
            hidden.add(key_of(value))
    for group, rows in groups.items():
        pairs = [(r.category, r.value) for r in rows if r.value is not None]
        cells, hide_total = hidden_cells(pairs, suppress_below)
        hidden.update((*group, category) for category in cells)
        if hide_total:
            hidden_totals.add(group)
    return Disclosure(
        suppress_below, frozenset(hidden), frozenset(hidden_totals), frozenset(hidden_seconds)
    )
