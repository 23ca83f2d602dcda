"""How outcomes differ between groups of children: for a count broken down by group (ethnicity,
age band, sex...), each group's rate per 10,000 children of that group, and how many times the
rate for all children it is. Needs the population of each group (indicator_population.csv).

Disclosure first: a suppressed count gives no rate. A group with fewer than
`thresholds.min_count` children counted gets its rate but no comparison, since a rate from a
handful of children swings too far to judge.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.indicators import Indicator, Value
from plansite.model.periods import period_id, period_key

PER = 10_000
ALL_CHILDREN = "all children"


@dataclass(frozen=True)
class GroupRate:
    category: str
    count: float | None  # None: suppressed
    rate: float | None  # per 10,000 children of the group; None: suppressed
    times: float | None  # rate / the rate for all children; None: hidden or too few


@dataclass(frozen=True)
class GroupRates:
    indicator: Indicator
    dimension: str
    period: str
    overall: float | None  # the rate for all children; None: it cannot be worked out
    groups: list[GroupRate]
    missing: list[str]  # groups with no population, or "all children"


def _population(site: BoardData, period: str, dimension: str) -> dict[str, float]:
    wanted = period_id(period)
    found: dict[str, float] = {}
    for row in site.population:
        if row.area != "local" or period_id(row.period) != wanted:
            continue
        if row.dimension.lower() == dimension.lower() or (
            not row.dimension and row.category.lower() == ALL_CHILDREN
        ):
            found.setdefault(row.category.lower(), row.population)
    return found


def group_rates(site: BoardData, indicator: Indicator, dimension: str) -> GroupRates | None:
    """The latest period of one breakdown of a count, group by group."""
    if indicator.unit != "count":
        return None
    values = [
        v
        for v in site.values_for(indicator.key)
        if v.area == "local" and v.dimension == dimension and v.value is not None
    ]
    if not values:
        return None
    period = max((v.period for v in values), key=period_key)
    rows = [v for v in values if period_id(v.period) == period_id(period)]
    population = _population(site, period, dimension)
    missing = [v.category for v in rows if v.category.lower() not in population]
    overall = _overall_rate(site, indicator, rows, population, missing)
    if overall is None and ALL_CHILDREN not in population and not missing:
        missing.append("All children")
    groups = []
    for value in rows:
        people = population.get(value.category.lower())
        if people is None or not people:
            continue
        published = site.disclosure.published(value)
        rate = None if published is None else PER * published / people
        enough = published is not None and published >= site.thresholds.min_count
        times = rate / overall if rate is not None and overall and enough else None
        groups.append(GroupRate(value.category, published, rate, times))
    return GroupRates(indicator, dimension, period, overall, groups, missing)


def _overall_rate(
    site: BoardData,
    indicator: Indicator,
    rows: list[Value],
    population: dict[str, float],
    missing: list[str],
) -> float | None:
    """All children's rate: the indicator's own figure for the period (or else the groups'
    sum) over the area's child population (or else the groups' populations added up)."""
    whole = next(
        (
            v
            for v in site.values_for(indicator.key)
            if v.area == "local" and not v.dimension and not v.category
            and period_id(v.period) == period_id(rows[0].period)
        ),
        None,
    )  # fmt: skip
    first = rows[0]
    if whole is not None:
        count = site.disclosure.published(whole)
    elif site.disclosure.total_hidden(indicator.key, first.period, "local", first.dimension):
        count = None  # the total would give a suppressed group away
    else:
        count = sum(v.value for v in rows if v.value is not None)
    people = population.get(ALL_CHILDREN)
    if people is None and not missing:
        people = sum(population[v.category.lower()] for v in rows)
    if count is None or not people:
        return None
    return PER * count / people


def all_group_rates(site: BoardData) -> list[GroupRates]:
    found = []
    for indicator in site.indicators:
        dimensions = dict.fromkeys(
            v.dimension for v in site.values_for(indicator.key) if v.dimension
        )
        for dimension in dimensions:
            rates = group_rates(site, indicator, dimension)
            if rates is not None:
                found.append(rates)
    return found
