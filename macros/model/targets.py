"""An indicator's target judged from its figures, never from a status word: whether the latest
local figure meets it, and whether the board's own status word says the opposite."""

from __future__ import annotations

import re
from dataclasses import dataclass

from macros.model.disclosure import Disclosure
from macros.model.indicators import Indicator, Target, Value
from macros.model.periods import period_key

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
    latest: Value | None  # the latest local figure (None: no figure yet)
    met: bool | None  # None: no figure, a figure in words, or a suppressed count
    claims: str  # "met", "missed" or "": what the board's status word says

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


def judge(indicator: Indicator, values: list[Value], disclosure: Disclosure) -> Judged | None:
    target = indicator.target
    if target is None or not target.aim(indicator.polarity):
        return None
    local = [v for v in values if v.area == "local" and not v.dimension and not v.category]
    latest = max(local, key=lambda v: period_key(v.period, indicator.period_type), default=None)
    figure = disclosure.published(latest) if latest is not None else None
    met = None
    if figure is not None:
        aim = target.aim(indicator.polarity)
        met = figure >= target.value if aim == "at_least" else figure <= target.value
    return Judged(
        indicator, target, target.aim(indicator.polarity), latest, met, claim_of(indicator.status)
    )
