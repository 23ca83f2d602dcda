"""An indicator's target judged from its figures, never from a status word: whether the latest
local figure meets it, and whether the board's own status word says the opposite."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plansite.model.disclosure import Disclosure
from plansite.model.indicators import Indicator, Target, Value
from plansite.model.periods import period_id, period_key, period_start

# status words that claim the target is (or will be) met, and ones that say it is not
CLAIMS_MET = re.compile(r"^(met|achieved|on (track|target)|green|g|good|exceeded|complete(d)?)$")
CLAIMS_MISSED = re.compile(
    r"^(not met|missed|off (track|target)|red|r|below target|behind|not achieved)$"
)


@dataclass(frozen=True)
class Judged:
    indicator: Indicator
    target: Target
    aim: str  # at_least or at_most
    latest: Value | None  # the local figure judged (None: no figure yet)
    met: bool | None  # None: no figure, a figure in words, or a suppressed count
    claims: str  # "met", "missed" or "": what the board's status word says
    year: str = ""  # the report year asked for ("" on the indicator's page)
    of_year: bool = False  # the figure judged is the year's own, not an earlier one

    @property
    def contradicted(self) -> bool:
        if self.met is None or not self.claims:
            return False
        return (self.claims == "met") != self.met


def claim_of(status: str) -> str:
    said = " ".join(status.lower().replace("-", " ").split())
    if CLAIMS_MISSED.match(said):
        return "missed"
    if CLAIMS_MET.match(said):
        return "met"
    return ""


def judge(
    indicator: Indicator, values: list[Value], disclosure: Disclosure, year: str = ""
) -> Judged | None:
    """Judged on the latest local figure, or with `year` (a yearly report's) on that year's
    figure, else the latest one that starts no later."""
    target = indicator.target
    if target is None or not target.aim(indicator.polarity):
        return None
    local = [v for v in values if v.area == "local" and not v.dimension and not v.category]
    own = [v for v in local if year and period_id(v.period) == period_id(year)]
    if year and not own:
        start = period_start(year)
        local = [
            v
            for v in local
            if start is not None and (found := period_start(v.period)) and found <= start
        ]
    latest = max(
        own or local, key=lambda v: period_key(v.period, indicator.period_type), default=None
    )
    figure = disclosure.published(latest) if latest is not None else None
    met = None
    if figure is not None:
        aim = target.aim(indicator.polarity)
        met = figure >= target.value if aim == "at_least" else figure <= target.value
    aim = target.aim(indicator.polarity)
    return Judged(indicator, target, aim, latest, met, claim_of(indicator.status), year, bool(own))
