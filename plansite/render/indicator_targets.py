"""An indicator's target in words: what it is, whether the latest figure meets it (from the
figures), and the board's own status word, with a note when the figures contradict it."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.board_data import BoardData
from plansite.model.indicators import Indicator
from plansite.model.targets import judge
from plansite.render.figures import value_text
from plansite.render.indicator_values import cell_text
from plansite.words.wording import word


@dataclass(frozen=True)
class TargetWords:
    target: str  # "Target: 80.0% or more by March 2026."
    judged: str  # "The latest figure (2025-26: 76.0%) does not meet it."
    status: str  # "The board's own status: On track." ("" when it gives none)
    contradiction: str  # "" when the status and the figures agree


def target_words(site: BoardData, indicator: Indicator, year: str = "") -> TargetWords | None:
    """On the indicator's page, judged on the latest figure; in a yearly report (`year`), on
    that year's figure, or else the latest before it, saying so."""
    judged = judge(indicator, site.values_for(indicator.key), site.disclosure, year)
    if judged is None:
        return None
    by = word("indicator_targets", "by", by=judged.target.by) if judged.target.by else ""
    target = word(
        "indicator_targets",
        judged.aim,
        value=value_text(judged.target.value, indicator.unit),
        by=by,
    )
    if judged.latest is None:
        said = word("indicator_targets", "no_year_figure" if year else "no_figure", year=year)
    else:
        kind = "unjudged" if judged.met is None else "met" if judged.met else "missed"
        figure = cell_text(site, indicator, judged.latest)
        if judged.of_year:
            said = word("indicator_targets", f"year_{kind}", year=year, figure=figure)
        else:
            said = word("indicator_targets", kind, period=judged.latest.period, figure=figure)
            if year:
                said = f"{word('indicator_targets', 'not_this_year', year=year)} {said}"
    status = (
        word("indicator_targets", "status", status=indicator.status) if indicator.status else ""
    )
    contradiction = ""
    if judged.contradicted:
        kind = "contradicted_met" if judged.claims == "met" else "contradicted_missed"
        contradiction = word("indicator_targets", kind, status=indicator.status)
    return TargetWords(target, said, status, contradiction)
