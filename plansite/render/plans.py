"""Plan pages: the plans index (with the archive), a plan's home page and its priority pages."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from plansite.model import links
from plansite.model.board_data import BoardData
from plansite.model.dates import parse_day
from plansite.model.plan import TRUE_WORDS, Action, Plan, Priority, Update
from plansite.model.print_size import PrintedPart, is_long
from plansite.model.progress import (
    Summary,
    impact_of,
    is_overdue,
    needs_attention,
    periods,
    status_of,
    summary,
)
from plansite.model.status import Status
from plansite.render.contradictions import contradiction_note, evidence_note
from plansite.render.planner import next_meeting
from plansite.render.templates import render
from plansite.words.wording import month_year, plural, word


@dataclass(frozen=True)
class Lead:
    text: str
    href: str  # empty for free text (a person or an agency)
    acronym: str  # the subgroup's acronym when the plan wrote another name, so search finds it


@dataclass(frozen=True)
class HistoryEntry:
    update: Update
    status: Status | None
    changed_from: Status | None  # the status before, when this update changed it
    first: bool  # the first status this action was given


@dataclass(frozen=True)
class Segment:
    status: Status | None
    count: int
    percent: str  # the bar segment's width, e.g. "41.18"


@dataclass(frozen=True)
class Bar:
    label: str
    href: str
    summary: Summary
    sentence: str
    segments: list[Segment]


def leads(site: BoardData, action: Action, here: str) -> list[Lead]:
    result = []
    for text in action.leads:
        subgroup = site.subgroup_for(text)
        target = links.href(here, links.subgroup(subgroup.id)) if subgroup else ""
        acronym = subgroup.acronym if subgroup and subgroup.acronym != text else ""
        result.append(Lead(text, target, acronym))
    return result


def new_label(marker: str | None) -> str:
    """The words of a NEW marker: "New", or "New since June 2026" when the month is known."""
    if marker is None:
        return ""
    if marker.lower() in TRUE_WORDS:
        return word("new")
    return word("new_since", month=month_year(parse_day(marker).value))


def action_href(plan: Plan, action: Action, here: str) -> str:
    """The link to an action's permanent anchor on its priority page."""
    return links.href(here, links.priority(plan.id, action.priority.slug), action.anchor)


def history(plan: Plan, action: Action) -> list[HistoryEntry]:
    """Updates newest first; a status change is marked where the status differs from before."""
    entries: list[HistoryEntry] = []
    previous: Status | None = None
    for update in action.updates_oldest_first:
        status = plan.vocabulary.find(update.status) if update.status else None
        changed = previous if status and previous and status.key != previous.key else None
        entries.append(HistoryEntry(update, status, changed, bool(status and not previous)))
        previous = status or previous
    return entries[::-1]


def sentence(counts: Summary) -> str:
    """One plain sentence, e.g. "41 of 68 actions complete, 6 off target, 9 overdue". Closed actions
    (cancelled, superseded, merged) are not counted as still to do: they are named after."""
    open_total = counts.total - counts.closed
    words = plural("status_sentence", "done", count=open_total, done=counts.done)
    worst = counts.worst
    if worst is not None and worst.status is not None:
        words += word(
            "status_sentence", "worst", count=str(worst.count), status=worst.status.label.lower()
        )
    if counts.unset:
        words += word("status_sentence", "unset", count=str(counts.unset))
    if counts.overdue:  # late whatever the status says: a headline never leaves them out
        words += word("status_sentence", "overdue", count=str(counts.overdue))
    for item in counts.counts:
        if item.status is not None and item.status.closed and item.count:
            words += word(
                "status_sentence", "closed", count=str(item.count), status=item.status.label.lower()
            )
    return words


def bar(label: str, href: str, counts: Summary) -> Bar:
    total = counts.total or 1
    segments = [
        Segment(c.status, c.count, f"{100 * c.count / total:.2f}") for c in counts.counts if c.count
    ]
    return Bar(label, href, counts, sentence(counts), segments)


def _by_group(whole: Bar, bars: list[tuple[Priority, Bar]]) -> list[tuple[str, list[Bar]]]:
    """The bars in runs of priorities under one `group:` heading (an improvement plan's
    judgement area over its recommendations); without groups, one run, as before."""
    runs: list[tuple[str, list[Bar]]] = [("", [whole])]
    for priority, item in bars:
        if priority.group != runs[-1][0]:
            runs.append((priority.group, []))
        runs[-1][1].append(item)
    return runs


def plans_index(site: BoardData, here: str) -> str:
    current = site.current_plan
    rows = [
        (
            plan,
            links.href(here, links.plan_home(plan.id)),
            sentence(summary(plan, plan.actions)),
            is_earlier(site, plan),
        )
        for plan in site.plans_in_order
    ]
    return render("plans/index.html", rows=rows, current=current)


def plan_home(
    site: BoardData,
    plan: Plan,
    here: str,
    pdf: tuple[str, str] | None = None,
    print_summary: str = "",
) -> str:
    """`pdf`: the link to the plan's PDF and its size, on the page (not inside the PDF).
    `print_summary`: in the PDF, what needs attention, under the plan's headline sentence."""
    whole = bar(word("status_sentence", "whole_plan"), "", summary(plan, plan.actions))
    priorities = [
        bar(
            p.numbered_title,
            links.href(here, links.priority(plan.id, p.slug)),
            summary(plan, p.all_actions),
        )
        for p in plan.priorities
    ]
    latest = periods(plan)
    return render(
        "plans/home.html",
        plan=plan,
        pdf=pdf,
        long_pdf=is_long(plan),
        print_summary=Markup(print_summary),
        whole=whole,
        priorities=priorities,
        bar_groups=_by_group(whole, list(zip(plan.priorities, priorities, strict=True))),
        attention=len(needs_attention(plan).actions),
        latest_period=latest[0] if latest else None,
        pages={
            name: links.href(here, links.plan_page(plan.id, name))
            for name in ("all-actions", "needs-attention", "what-changed")
        },
        archived_note=_archived_note(site, plan, here),
        next_meeting=Markup(next_meeting(site, plan, here)),
        filtered=lambda status: (
            links.href(here, links.plan_page(plan.id, "all-actions")) + f"?status={status.slug}"
        ),
    )


def is_earlier(site: BoardData, plan: Plan) -> bool:
    """An archived plan: not current, and its progress stops before the current plan's."""
    return not plan.current and plan.as_at_date < site.current_plan.as_at_date


def _archived_note(site: BoardData, plan: Plan, here: str) -> tuple[str, str] | None:
    """An earlier plan says so, and links to the current plan."""
    if not is_earlier(site, plan):
        return None
    current = site.current_plan
    return current.title, links.href(here, links.plan_home(current.id))


@dataclass(frozen=True)
class PdfLink:
    """One of a long plan's PDFs, as its priority page and the Downloads page link it."""

    label: str
    href: str
    size: str  # the size's placeholder (plansite/documents/sizes.py)


def part_title(part: PrintedPart) -> str:
    """ "Priority 3: Keep children safe online", with ", part 1 of 2" for a part."""
    priority = part.priority
    if not part.number:
        return word("documents", "priority", ref=priority.ref, title=priority.title)
    return word(
        "documents",
        "priority_part",
        ref=priority.ref,
        title=priority.title,
        part=str(part.number),
        parts=str(part.parts),
    )


def priority_page(
    site: BoardData,
    plan: Plan,
    priority: Priority,
    here: str,
    printed: bool = False,
    only: Collection[str] | None = None,
    pdfs: Sequence[PdfLink] = (),
) -> str:
    """The priority's page. `printed`: the plan's PDF (plansite/documents/pdf.py), the same HTML
    without what only the site shows (each action's details and history, behind a disclosure
    on the page): the PDF gives each action's latest update and leaves the histories to the
    site, and WeasyPrint is not given thousands of elements it would not print. Each is asked
    for once a build, so neither is kept: a large plan's pages are hundreds of megabytes.
    `only`: the anchors of the actions a part of a long plan's priority prints (the rest are
    in its other parts). `pdfs`: a long plan's priority page links its own PDFs."""

    def related(action: Action, reference: str) -> tuple[str, str]:
        """The ref as pages show it ("2c", or "plan-id:2c") and its link; a reference that
        names no one action is shown as written, with no link (`make check` advises)."""
        target = site.find_action(reference, plan, near=action)
        if target is None:
            return reference, ""
        if ":" not in reference:
            # a ref as the pages show it ("2c" for "c"); a reference in words as written
            shown = reference if len(reference.split()) > 1 else target.ref
            return shown, action_href(plan, target, here)
        plan_id = reference.split(":")[0].strip()
        return f"{plan_id}:{target.ref}", action_href(site.plan_by_id[plan_id], target, here)

    groups: list[tuple[str, str, str | None, list[Action]]] = [
        (issue.ref, issue.title, issue.new, issue.actions) for issue in priority.issues
    ]
    if priority.actions:
        groups.append(("", "", None, priority.actions))
    if only is not None:
        kept = [
            (ref, title, new, [a for a in acts if a.anchor in only])
            for ref, title, new, acts in groups
        ]
        groups = [group for group in kept if group[3]]
    owner = site.subgroup_for(priority.owner) if priority.owner else None
    return render(
        "plans/priority.html",
        plan=plan,
        priority=priority,
        groups=groups,
        archived_note=_archived_note(site, plan, here),
        home_href=links.href(here, links.plan_home(plan.id)),
        owner_href=links.href(here, links.subgroup(owner.id)) if owner else "",
        find_status=plan.vocabulary.find,
        status_of=lambda action: status_of(plan, action),
        impact_of=lambda action: impact_of(plan, action),
        is_overdue=lambda action: is_overdue(plan, action),
        contradiction=lambda action: contradiction_note(plan, action),
        evidence_note=lambda evidence: evidence_note(site, plan, evidence),
        leads=lambda action: leads(site, action, here),
        history=lambda action: history(plan, action),
        related=related,
        new_label=new_label,
        printed=printed,
        pdfs=pdfs,
    )
