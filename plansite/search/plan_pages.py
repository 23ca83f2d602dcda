"""Search entries of a plan's pages besides its priorities (plansite/search/entries.py
says why and how): the plans index, a plan's home, "All actions", "Needs attention" and "What
changed". The same places and titles as the search plugin cut from their HTML, with the words
those places show.

The tables of actions on these pages were already kept out of search (`data-search-exclude`):
every action is found once, at its own section of its priority page. So "All actions" is one
entry for the page, and the sections of "Needs attention" and "What changed" carry their
headings and counts, not the actions they list.
"""

from __future__ import annotations

from datetime import date

from plansite.model.board_data import BoardData
from plansite.model.frequency import month_dates
from plansite.model.plan import Action, Plan
from plansite.model.planner_schedule import next_meeting_after, schedule, year_start
from plansite.model.progress import needs_attention, on_track_status, periods, summary
from plansite.model.status import Status
from plansite.render.plans import sentence
from plansite.render.text import plain
from plansite.search.entries import Entry, IndexedPage, entry, inline, md, said
from plansite.words.wording import month_year, t, word


def plans_index(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    words = [f"{said(t('plans_index.the_current_plan_is'))} {site.current_plan.title}"]
    for plan in site.plans_in_order:
        words += [plan.title, plan.period, sentence_of(plan)]
    return [entry(url, plain(page.title), words)]


def plan_home(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    plan = site.plan_by_id[page.args[0]]
    top = entry(url, plain(page.title), [plan.period, sentence_of(plan), md(plan.introduction)])
    shown = [f"{word('status_sentence', 'whole_plan')}: {_sentence(plan, plan.actions)}."]
    group = ""
    for p in plan.priorities:
        if p.group != group:  # the group's heading above its priorities' bars
            group = p.group
            shown += [group] if group else []
        label = p.numbered(inline(p.title))
        shown.append(f"{label}: {_sentence(plan, p.all_actions)}.")
    progress = entry(f"{url}#progress", said(t("plans_home.progress_by_priority")), shown)
    statuses = entry(
        f"{url}#statuses",
        said(t("plans_home.what_the_statuses_mean")),
        [f"{status.label} {status.meaning} {_counted(status)}" for status in plan.statuses_shown],
    )
    notes = [entry(f"{url}#notes", said(t("plans_home.notes")), plan.notes)] if plan.notes else []
    return [top, *_next_meeting(site, plan, url), progress, statuses, *notes]


def _next_meeting(site: BoardData, plan: Plan, url: str) -> list[Entry]:
    """As plansite.render.planner.next_meeting: shown when that meeting is in the planner's year."""
    start = year_start(site)
    meeting = next_meeting_after(site, plan.as_at_date)
    if start is None or meeting is None or meeting not in month_dates(start):
        return []
    due = [item for item in schedule(site) if meeting in item.dates]
    words = [month_year(meeting)]
    for item in due:
        who = item.subgroup.acronym or item.subgroup.name if item.subgroup else item.item.who
        words += [inline(item.item.what), who, inline(item.item.tells_board)]
    return [
        entry(
            f"{url}#next-meeting",
            said(
                t("planner_next_meeting.due_at_the_next_board", as_at_date=_long(plan.as_at_date))
            ),
            words,
        )
    ]


def _long(day: date) -> str:
    """As the pages' long_date: "30 September 2026"."""
    return f"{day.day} {month_year(day)}"


def _counted(status: Status) -> str:
    if status.done:
        return said(t("plans_home.counts_as_complete"))
    return said(t("plans_home.not_counted_as_complete_late")) if status.closed else ""


def all_actions(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    """One entry: the table is found action by action on the priority pages."""
    plan = site.plan_by_id[page.args[0]]
    return [
        entry(
            url,
            plain(page.title),
            [plan.title, said(t("plans_all_actions.every_action_of_the_plan"))],
        )
    ]


def attention(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    plan = site.plan_by_id[page.args[0]]
    found = needs_attention(plan)
    summary_words = t(
        "plans_attention.action_need_attention_overdue_with",
        count=len(found.actions),
        overdue=len(found.overdue),
        stale=len(found.stale),
        stale_after_months=found.stale_after_months,
        worsened=len(found.worsened),
    )
    sections = [
        (
            "overdue",
            t("plans_attention.overdue_past_the_due_date", attention=len(found.overdue)),
            found.overdue,
            t("plans_attention.no_action_is_overdue"),
        ),
        (
            "no-recent-update",
            t(
                "plans_attention.no_update_for_more_than",
                stale_after_months=found.stale_after_months,
                attention=len(found.stale),
            ),
            found.stale,
            t("plans_attention.every_action_that_is_not"),
        ),
        (
            "got-worse",
            t("plans_attention.status_got_worse_at_the", attention=len(found.worsened)),
            found.worsened,
            t("plans_attention.no_action_s_status_got"),
        ),
    ]
    result = [entry(url, plain(page.title), [plan.title, said(summary_words)])]
    on_track = on_track_status(plan)
    if found.contradicted and on_track is not None:  # as the page: only when there are some
        title = t(
            "plans_attention.still_on_track_heading",
            status=on_track.label.lower(),
            attention=len(found.contradicted),
        )
        intro = said(t("plans_attention.still_on_track_intro"))
        result.append(entry(f"{url}#still-on-track", said(title), [intro]))
    for anchor, title, listed, none in sections:
        # the list itself is left out, as the page leaves it out of search
        result.append(entry(f"{url}#{anchor}", said(title), [] if listed else [said(none)]))
    return result


def changes(site: BoardData, page: IndexedPage, url: str) -> list[Entry]:
    plan = site.plan_by_id[page.args[0]]
    found = periods(plan)
    intro = [plan.title, said(t("plans_changes.what_moved_in_each_reporting"))]
    if not found:
        intro.append(said(t("plans_changes.this_plan_has_no_dated")))
    result = [entry(url, plain(page.title), intro)]
    for period in found:
        title = t("plans_changes.to", start=month_year(period.start), end=month_year(period.end))
        counts = t(
            "plans_changes.update_status_change_of_them",
            updates=t("counted.updates", count=len(period.updates)),
            changes=t("counted.status_changes", count=len(period.changes)),
            worse=len([c for c in period.changes if c.worse]),
        )
        result.append(entry(f"{url}#{period.anchor}", said(title), [said(counts)]))
    return result


def sentence_of(plan: Plan) -> str:
    return _sentence(plan, plan.actions)


def _sentence(plan: Plan, actions: list[Action]) -> str:
    """e.g. "39 of 72 actions complete, 11 off target", as the page says it."""
    return sentence(summary(plan, actions))
