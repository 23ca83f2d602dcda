"""Each group's rate against all children's, in words (see plansite/model/disproportionality.py),
on the indicator's page and in the yearly report's impact section."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.disclosure import SUPPRESSED
from plansite.model.disproportionality import GroupRates, all_group_rates, group_rates
from plansite.model.indicators import Indicator
from plansite.render.figures import number
from plansite.render.text import plain
from plansite.words.wording import word


@dataclass(frozen=True)
class GroupWords:
    heading: str
    intro: str
    lines: list[str]


def group_words(site: BoardData, indicator: Indicator, dimension: str) -> GroupWords | None:
    rates = group_rates(site, indicator, dimension)
    if rates is None or rates.overall is None or not rates.groups:
        return None
    lines = []
    for group in rates.groups:
        if group.rate is None:
            lines.append(word("indicator_groups", "hidden", group=group.category, mark=SUPPRESSED))
        elif group.times is None:
            lines.append(
                word(
                    "indicator_groups",
                    "few",
                    group=group.category,
                    rate=number(group.rate, 1),
                    count=number(group.count or 0, 0),
                )
            )
        else:
            lines.append(
                word(
                    "indicator_groups",
                    "times",
                    group=group.category,
                    rate=number(group.rate, 1),
                    times=number(group.times, 1),
                )
            )
    return GroupWords(
        word("indicator_groups", "heading", dimension=dimension),
        word("indicator_groups", "intro", period=rates.period, overall=number(rates.overall, 1)),
        lines,
    )


def largest_findings(site: BoardData, keys: set[str], limit: int = 3) -> list[str]:
    """The groups furthest above all children's rate, for the indicators `keys`, in words."""
    found: list[tuple[float, GroupRates, str]] = []
    for rates in all_group_rates(site):
        if rates.indicator.key not in keys:
            continue
        for group in rates.groups:
            if group.times is not None and group.times > 1:
                found.append((group.times, rates, group.category))
    found.sort(key=lambda f: -f[0])
    return [
        word(
            "indicator_groups",
            "finding",
            title=plain(rates.indicator.title),
            group=category,
            dimension=rates.dimension,
            times=number(times, 1),
            period=rates.period,
        )
        for times, rates, category in found[:limit]
    ]
