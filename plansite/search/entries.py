"""Search entries made from the model in the search plugin's own index format (`{"location",
"title", "text"}`), so that Material's search plugin does not parse a generated page's HTML
again (it took a quarter of a build). Each page type says how its entries are made
(`PageType.search`, plansite/pages); the plugin adds them where the search plugin would have added
its own, and tells it to skip the page.

The entries keep the places and titles the search plugin cut from the HTML: one per page (its
words above the first heading) and one per section heading, titled as the heading. Their text is
the words a reader searches for, as the page shows them. What the pages already keep out of
search (`data-search-exclude`: tables listing actions indexed on their priority page, charts,
filters) stays out, so each action is found once, at its own anchor. Every figure comes from the
same functions as the page's, after disclosure control: a suppressed count is only ever [c].
Left out on purpose: the "Last updated" line at a page's foot (it would be found under whichever
section comes last), and links that only name another page ("Back to the guide", "PDF (125 KB)").

This module: the helpers, and the priority pages, the one page type whose places differ from
the search plugin's. One entry per priority (its page: the words above the actions, i.e. focus,
outcomes, evidence, what children will say, and its issues' titles, which the search plugin cut
into one entry per heading) and one per action, at its anchor, titled with its ref (without the
"New since ..." marker: not part of its name): its title, leads and their acronyms, status, due
dates, outcome, measure, source, related refs, progress and every dated update. The summary
table at the top of a priority page is left out, as before. The other page types:
search_plan_pages.py, search_board_pages.py (subgroups, indicators, glossary),
search_guide_pages.py and search_report_pages.py.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from typing import Protocol

from markupsafe import Markup

from plansite.model.board_data import BoardData
from plansite.model.plan import Action, Plan, Priority
from plansite.model.progress import status_of
from plansite.render.plans import history, leads
from plansite.render.tables import Table
from plansite.render.text import plain, rich, rich_inline
from plansite.words.wording import month_year

Entry = dict[str, str]


class IndexedPage(Protocol):
    """What the entries need of a generated page (plansite/pages.GeneratedPage, a layer above):
    its title and the arguments that say which plan, priority or indicator it shows."""

    @property
    def title(self) -> str: ...

    @property
    def args(self) -> tuple[str, ...]: ...


def entry(location: str, title: str, words: Iterable[str]) -> Entry:
    """`title` and `words`: plain text (`md`, `said` and `inline` make it). Title and text as
    the search plugin writes them: the words as the page shows them, HTML escaped."""
    text = " ".join(" ".join(w.split()) for w in words if w and w.strip())
    return {
        "location": location,
        "title": html.escape(title, quote=False),
        "text": html.escape(text, quote=False),
    }


def md(text: str) -> str:
    """Text from data (Markdown) as plain text, as the page shows it."""
    return plain(rich(text)) if text else ""


def said(words: Markup | str) -> str:
    """Our own wording (HTML from the words file, e.g. `t("plans_home.progress_by_priority")`)
    as plain text."""
    return plain(str(words))


def inline(text: str) -> str:
    """A title from data (Markdown) as plain text, as a heading shows it."""
    return plain(rich_inline(text))


def table_words(*tables: Table | None) -> list[str]:
    """A table's caption, headings and cells, as the page shows them (figures already through
    disclosure control: a suppressed count is [c])."""
    words = []
    for table in tables:
        if table is not None:
            rows = [*table.rows, *([table.total] if table.total else [])]
            words += [table.caption, *table.columns]
            words += [w for row in rows for w in (row.label, *row.cells)]
    return words


def priority_entries(
    site: BoardData, plan: Plan, priority: Priority, url: str, title: str
) -> list[Entry]:
    """`url`: the priority page's address in the site, e.g. "plans/p/priority-1/"; `title`:
    the page's title, plain text."""
    words = [plan.title, priority.owner, priority.description, *priority.focus, *priority.outcomes]
    for item in priority.evidence:
        status = plan.vocabulary.find(item.status) if item.status else None
        words += [item.text, status.label if status else ""]
    words += priority.children_will_say
    words += [
        f"{issue.ref}. {issue.title}" if issue.ref else issue.title for issue in priority.issues
    ]
    page = entry(url, title, map(md, words))
    return [page, *(_action_entry(site, plan, a, url) for a in priority.all_actions)]


def _action_entry(site: BoardData, plan: Plan, action: Action, url: str) -> Entry:
    status = status_of(plan, action)
    words = [status.label if status else ""]
    for lead in leads(site, action, url):
        words += [lead.text, lead.acronym]
    words += [action.due or "", *action.due_was]
    words += [f"{step.due} {step.what} {step.result}" for step in action.milestones]
    words += [action.outcome, action.measure, action.source, *action.related, action.progress]
    words = [*map(md, words), *_updates(plan, action)]
    # the ref as the heading shows it, as text: only the title is Markdown (and converted once,
    # for the page, with the ref in front it would miss that cache and be converted again)
    return entry(f"{url}#{action.anchor}", f"{action.ref} {inline(action.title)}".strip(), words)


def _updates(plan: Plan, action: Action) -> Iterator[str]:
    for item in history(plan, action):
        status = item.status.label if item.status else ""
        day = item.update.day
        when = month_year(day.value)  # as the page shows it: "June 2026" or "14 June 2026"
        yield f"{when if day.precision == 'month' else f'{day.value.day} {when}'} {status} " + (
            md(item.update.text)
        )
