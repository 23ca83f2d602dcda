"""The words for a status the board's own dates or figures contradict: an action marked on
track past its due date (plansite/model/progress.py), evidence marked on track while its indicator
moves away from the target (plansite/model/evidence_figures.py). Published as the board wrote it,
and said plainly beside it."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.model.evidence_figures import FallingAway, falling_away
from plansite.model.plan import Action, Evidence, Plan
from plansite.model.progress import Contradiction, contradiction
from plansite.words.wording import due_words, month_year, word


def contradiction_words(found: Contradiction) -> str:
    """e.g. "Due December 2025, still marked on target: not updated since June 2025"."""
    due = found.action.due_date
    values = {
        "due": due_words(due) if due is not None else month_year(found.due),
        "status": found.status.label.lower(),
    }
    if found.last is None:
        return word("contradiction", "never_updated", **values)
    last = month_year(found.last.day.value)
    kind = "said_after_due" if found.said_after_due else "not_updated"
    return word("contradiction", kind, last=last, **values)


def contradiction_note(plan: Plan, action: Action) -> str:
    """The words for `action`, or "" when its status and dates agree."""
    found = contradiction(plan, action)
    return contradiction_words(found) if found is not None else ""


def falling_away_words(found: FallingAway) -> str:
    """e.g. "L11 was 69% in 2026 Q2 and 63% in 2026 Q3: moving away from the 80% target"."""
    return word(
        "contradiction", "falling_away", ref=found.indicator.ref,
        previous=f"{found.previous.value:g}%", previous_period=found.previous.period,
        latest=f"{found.latest.value:g}%", period=found.latest.period,
        target=f"{found.target:g}%",
    )  # fmt: skip


def evidence_note(site: BoardData, plan: Plan, evidence: Evidence) -> str:
    """The words for a piece of evidence of success, or "" when its figures do not contradict it."""
    found = next((f for f in falling_away(site, plan) if f.evidence is evidence), None)
    return falling_away_words(found) if found is not None else ""
