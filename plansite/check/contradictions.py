"""Advice, never an error: an overdue action whose status still says it is on track, and
evidence marked on track while its indicator moves away from its target. The site publishes the
status as written, with a note saying what the board's own dates or figures say."""

from __future__ import annotations

from plansite.model.board_data import BoardData
from plansite.model.evidence_figures import falling_away
from plansite.model.progress import needs_attention
from plansite.model.targets import judge
from plansite.read.problems import Problem


def contradiction_advice(site: BoardData) -> list[Problem]:
    found = []
    for plan in site.plans:
        for item in needs_attention(plan).contradicted:
            action = item.action
            due = action.due or item.due.isoformat()
            latest = (
                f"its latest update ({item.last.date}) still says so"
                if item.said_after_due and item.last is not None
                else f"it has not been updated since {item.last.date}"
                if item.last is not None
                else "it has no dated update"
            )
            found.append(
                Problem(
                    plan.source_file,
                    action.line_of("status" if action.status else "due"),
                    f'action {action.ref or repr(action.title)} was due "{due}", before the plan\'s as-at date '
                    f'{plan.as_at_date.isoformat()}, but is still marked "{item.status.label}" '
                    f"and {latest}. It is published as written, with a note that its dates say "
                    "it is late; give it the status the board agrees, or a new `due:` (moving "
                    "the old one to `due_was:`)",
                )
            )
        for away in falling_away(site, plan):
            figures = (
                f"{away.indicator.ref} was {away.previous.value:g}% in {away.previous.period} "
                f"and {away.latest.value:g}% in {away.latest.period}"
            )
            found.append(
                Problem(
                    plan.source_file,
                    away.evidence.line_of("status"),
                    f'priority {away.priority.ref or repr(away.priority.title)}\'s evidence "{away.evidence.text}" is marked '
                    f'"{away.status.label}", but {figures} (indicator_values.csv), moving away '
                    f"from the {away.target:g}% target. It is published as written, with a note "
                    "saying what the figures say; give it the status the board agrees",
                )
            )
    for indicator in site.indicators:
        judged = judge(indicator, site.values_for(indicator.key), site.disclosure)
        if judged is None or not judged.contradicted or judged.latest is None:
            continue
        found.append(
            Problem(
                indicator.source_file,
                indicator.line_of("status"),
                f'indicator {indicator.ref or indicator.key} is marked "{indicator.status}", but '
                f"its latest figure ({judged.latest.period}: {judged.latest.value:g}) "
                f"{'meets' if judged.met else 'does not meet'} its target of "
                f"{judged.target.value:g}. It is published as written, with a note saying what "
                "the figures say; give it the status the board agrees",
            )
        )
    return found
