"""The accessibility statement (GOV.UK's model statement, PSBAR 2018 regulation 7), from the
board's `accessibility:` facts and the automated checks this repository really has."""

from __future__ import annotations

from plansite.model.accessibility import compliance, present_checks
from plansite.model.board_data import BoardData
from plansite.model.dates import parse_day
from plansite.model.sections import sections_on
from plansite.render.templates import render


def statement(site: BoardData, here: str) -> str:
    facts = site.board.accessibility
    parts = sections_on(site)
    # without a date of its own, the statement is dated with the content it describes
    prepared = parse_day(facts.prepared) if facts.prepared else None
    return render(
        "accessibility/statement.html",
        board=site.board,
        facts=facts,
        status=compliance(facts),
        checks=[c.key for c in present_checks(parts)],
        parts=parts,
        prepared=prepared,
        reviewed=parse_day(facts.reviewed) if facts.reviewed else None,
        tested=parse_day(facts.tested) if facts.tested else None,
        content_date=site.current_plan.as_at_date,
    )
