"""Evidence of success marked on track while its own indicator moves away from the target the
evidence names: "rise to 80% (indicator L11)", marked On target, while L11 fell from 69% to 63%.

Only a claim the data can judge is judged: the evidence names an indicator with a polarity, a
percentage target ("80%") and the indicator is a percentage with two local figures. The status
is published as written; the site and `make check` say what the figures say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.indicators import Indicator, Value
from plansite.model.memo import per_object
from plansite.model.periods import period_key
from plansite.model.plan import Evidence, Plan, Priority
from plansite.model.progress import on_track_status
from plansite.model.status import Status

NAMED = re.compile(r"\bindicators?\s+([A-Za-z0-9][A-Za-z0-9.\-]*[A-Za-z0-9])", re.I)
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


@dataclass(frozen=True)
class FallingAway:
    priority: Priority
    evidence: Evidence
    status: Status
    indicator: Indicator
    target: float
    latest: Value
    previous: Value


def falling_away(site: BoardData, plan: Plan) -> list[FallingAway]:
    return _found(site).get(plan.id, [])


@per_object
def _found(site: BoardData) -> dict[str, list[FallingAway]]:
    result: dict[str, list[FallingAway]] = {}
    for plan in site.plans:
        on_track = on_track_status(plan) if plan.progress_recorded else None
        for priority in plan.priorities:
            for evidence in priority.evidence:
                status = plan.vocabulary.find(evidence.status) if evidence.status else None
                if status is None or status is not on_track:
                    continue
                if found := _judged(site, priority, evidence, status):
                    result.setdefault(plan.id, []).append(found)
    return result


def _judged(
    site: BoardData, priority: Priority, evidence: Evidence, status: Status
) -> FallingAway | None:
    named = [site.indicator_by_ref.get(ref) for ref in NAMED.findall(evidence.text)]
    target = PERCENT.search(evidence.text)
    indicators = [i for i in named if i is not None and i.unit == "percent"]
    if len(indicators) != 1 or target is None or indicators[0].polarity == "none":
        return None
    indicator, goal = indicators[0], float(target.group(1))
    local = sorted(
        (
            v
            for v in site.values_for(indicator.key)
            if v.area == "local" and not v.category and not v.dimension
        ),
        key=lambda v: period_key(v.period, indicator.period_type),
    )
    if len(local) < 2:
        return None
    previous, latest = local[-2], local[-1]
    if latest.value is None or previous.value is None:
        return None  # a figure in words ("not available") says nothing about the direction
    higher = indicator.polarity == "higher_is_better"
    short = latest.value < goal if higher else latest.value > goal
    away = latest.value < previous.value if higher else latest.value > previous.value
    if short and away:
        return FallingAway(priority, evidence, status, indicator, goal, latest, previous)
    return None
