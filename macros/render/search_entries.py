"""Search entries for the priority pages, made from the model in the search plugin's own index
format (`{"location", "title", "text"}`), so Material's search plugin does not parse those
pages' HTML again (it took a quarter of a build; macros/plugin.py tells it to skip them).

One entry per priority (its page: the words above the actions, and its issues' titles) and one per
action, at its anchor, titled with its ref: the words a reader searches for (its title, leads and
their acronyms, status, due dates, outcome, measure, source, related refs, progress and every dated
update). The summary table at the top of a priority page is left out, as before: each action is
found once, in its own section.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from macros.model.board_data import BoardData
from macros.model.plan import Action, Plan, Priority
from macros.model.progress import status_of
from macros.render.plans import history, leads
from macros.render.text import plain, rich, rich_inline
from macros.render.wording import month_year

Entry = dict[str, str]


def priority_entries(site: BoardData, plan: Plan, priority: Priority, url: str) -> list[Entry]:
    """`url`: the priority page's address in the site, e.g. "plans/p/priority-1/"."""
    words = [plan.title, priority.owner, priority.description, *priority.focus, *priority.outcomes]
    for item in priority.evidence:
        status = plan.vocabulary.find(item.status) if item.status else None
        words += [item.text, status.label if status else ""]
    words += priority.children_will_say
    words += [
        f"{issue.ref}. {issue.title}" if issue.ref else issue.title for issue in priority.issues
    ]
    page = _entry(url, f"{priority.ref}. {priority.title}", words)
    return [page, *(_action_entry(site, plan, a, url) for a in priority.all_actions)]


def _action_entry(site: BoardData, plan: Plan, action: Action, url: str) -> Entry:
    status = status_of(plan, action)
    words = [status.label if status else ""]
    for lead in leads(site, action, url):
        words += [lead.text, lead.acronym]
    words += [action.due or "", *action.due_was]
    words += [f"{step.due} {step.what} {step.result}" for step in action.milestones]
    words += [action.outcome, action.measure, action.source, *action.related, action.progress]
    words += list(_updates(plan, action))
    return _entry(f"{url}#{action.anchor}", f"{action.ref} {action.title}", words)


def _updates(plan: Plan, action: Action) -> Iterator[str]:
    for entry in history(plan, action):
        status = entry.status.label if entry.status else ""
        day = entry.update.day
        when = month_year(day.value)  # as the page shows it: "June 2026" or "14 June 2026"
        yield f"{when if day.precision == 'month' else f'{day.value.day} {when}'} {status} " + (
            entry.update.text
        )


def _entry(location: str, title: str, words: list[str]) -> Entry:
    """Title and text as the search plugin writes them: the words as the page shows them (data
    is Markdown), HTML escaped."""
    text = " ".join(" ".join(plain(rich(w)).split()) for w in words if w and w.strip())
    return {
        "location": location,
        "title": html.escape(plain(rich_inline(title)), quote=False),
        "text": html.escape(text, quote=False),
    }
