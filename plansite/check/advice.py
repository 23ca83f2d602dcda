"""Advice about the data that does not stop publishing: `make check` prints each as advice
with its file and line, and the build logs it as information (a strict build goes on)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from plansite.check.contradictions import contradiction_advice
from plansite.check.planner import planner_advice
from plansite.check.yearly_reports import review_dates_advice
from plansite.model import changes_size, links
from plansite.model.base import Model
from plansite.model.board_data import BoardData
from plansite.model.dates import calendar_months
from plansite.model.glossary import clashes
from plansite.model.plan import Plan
from plansite.model.print_size import LONG_PLAN, PART_ACTIONS, is_long, printed_parts
from plansite.read.problems import Problem, display_path


def data_advice(site: BoardData) -> list[Problem]:
    found = []
    for plan in site.plans:
        if not plan.title_written:
            found.append(
                Problem(plan.source_file, plan.line_of("id"), f"the plan has no `title`, so it "
                        f'is called "{plan.title}"; add `title:` to name it as the document does')
            )  # fmt: skip
        found.extend(unexplained_statuses(plan))
        if is_long(plan):
            found.append(long_plan(plan))
        if quarters := changes_size.quarter_pages(plan):
            found.append(changes_a_quarter_a_page(plan, len(quarters)))
    found.extend(behind for plan in site.plans if (behind := stale_as_at(plan)) is not None)
    found.extend(contradiction_advice(site))
    if site.planner is not None:
        for item in site.planner.items:
            found.extend(renamed(item))
        found.extend(planner_advice(site))
    found.extend(advice for report in site.reports for advice in review_dates_advice(report))
    found.extend(subgroup_clashes(site))
    return found + national_clashes(site) + unlinked_reviews(site) + future_budget(site)


def long_plan(plan: Plan) -> Problem:
    """A plan too long for its PDF to be tabled whole: said, and printed in pieces."""
    parts = printed_parts(plan)
    split = sum(1 for part in parts if part.number == 1)
    in_parts = f" ({split} of more than {PART_ACTIONS} actions in numbered parts)" if split else ""
    return Problem(
        plan.source_file,
        plan.line_of("id"),
        f"the plan has {len(plan.actions)} actions, more than {LONG_PLAN}: its PDF "
        f"(`{links.plan_pdf(plan.id)}`) gives its progress at a glance and names "
        f"{len(parts)} more PDFs, one per priority{in_parts}, each with its actions' status "
        "and latest update; the plan's page, each priority's page and the Downloads page "
        "link them, and the full histories are on the site; to table a shorter paper, take "
        "the board through the priorities one at a time, or the plan's Needs attention page",
    )


def changes_a_quarter_a_page(plan: Plan, earlier: int) -> Problem:
    """A plan whose What changed is too long for one page: published a quarter a page, and the
    page says so."""
    page = links.served_dir(links.plan_page(plan.id, "what-changed"))
    limit, updates = changes_size.CHANGES_LIMIT, changes_size.dated_updates(plan)
    return Problem(
        plan.source_file,
        plan.line_of("id"),
        f"the plan's What changed lists more than {limit} updates and status changes ({updates} "
        "updates), too many for one page: it is published a quarter a page, the latest quarter "
        f"in full on `{page}` with a link to each of the {earlier} earlier quarters' own pages "
        f"(`{page}<quarter>/`), and the page says so; nothing is left out",
    )


def unexplained_statuses(plan: Plan) -> list[Problem]:
    """A status the import could not explain is published as written, counted neither done nor
    late, until the board says what it means."""
    return [
        Problem(
            status.source_file or plan.source_file,
            status.line_of("unexplained"),
            f'status `{status.key}` ("{status.label}") is marked `unexplained: true`: '
            "nothing in the document said what it means, so it counts neither done nor late; "
            "write its `meaning:` (and `done: true` if it means finished), then remove "
            "`unexplained: true`",
        )
        for status in plan.statuses
        if status.unexplained
    ]


def unlinked_reviews(site: BoardData) -> list[Problem]:
    """A review marked published with no address: the report cannot link it, so it leaves the
    sentence out rather than claim a publication nobody can find."""
    found = []
    for report in site.reports:
        section = report.sections.reviews
        for review in section.reviews if section else []:
            if review.published and not review.url:
                found.append(Problem(review.source_file, review.line_of("published"), (
                    f"the review of {review.name} is marked `published: true` but has no `url:`, "
                    "so the report does not say it is published; add `url:` with the address "
                    "of the full review")))  # fmt: skip
    return found


def national_clashes(site: BoardData) -> list[Problem]:
    """A board's short name that means something else nationally (SCR for its Case Review
    Group, when SCR nationally is a Serious Case Review) confuses partners who know the
    national term: the board's meaning is published, with this note."""
    national = site.national_glossary
    found = []
    for group in site.subgroups:
        if usual := clashes(group.acronym, group.name, national):
            found.append(Problem(group.source_file, group.line_of("acronym"), _clash(
                group.acronym, group.name, usual, "subgroup's `acronym`")))  # fmt: skip
    path = site.data_dir / "glossary.yml"
    for term, meaning in site.glossary.items():
        if usual := clashes(term, meaning, national):
            found.append(Problem(display_path(path), _line_of_key(path, term), _clash(
                term, meaning, usual, "term")))  # fmt: skip
    return found


def subgroup_clashes(site: BoardData) -> list[Problem]:
    """A glossary term that is a subgroup's acronym, with another meaning: the glossary has the
    last word, so pages explain the acronym otherwise than the subgroup's own page names it."""
    acronyms = {s.acronym.lower(): s for s in site.subgroups if s.acronym}
    path = site.data_dir / "glossary.yml"
    found = []
    for term, meaning in site.glossary.items():
        group = acronyms.get(term.lower())
        if group is None or group.name.lower() in meaning.lower():
            continue
        found.append(Problem(display_path(path), _line_of_key(path, term), f"{term} is the "
                             f'acronym of the subgroup "{group.name}" ({group.source_file}, '
                             f'line {group.line_of("acronym")}), but here it means "{meaning}"; '
                             f"pages explain {term} as written here. Remove the term (the "
                             "subgroup explains it) or write the subgroup's name as its meaning"))  # fmt: skip
    return found


def _clash(term: str, meaning: str, usual: str, what: str) -> str:
    return (
        f'{term} here means "{meaning}", but nationally {term} means "{usual}"; pages explain '
        f"{term} as written here. To avoid confusing partners, change this {what} to another "
        f'short name, or start its meaning with "{usual}" if that is what it is'
    )


def _line_of_key(path: Path, key: str) -> int:
    """The line where `key:` is written in a YAML file (1 when it cannot be found)."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        written = line.split(":", 1)[0].strip().strip("\"'")
        if ":" in line and written == key:
            return number
    return 1


def renamed(obj: Model) -> list[Problem]:
    """A field written under its old name is still read; say what it is called now."""
    result = []
    for old, new in getattr(obj, "RENAMED", {}).items():
        if old in obj.model_fields_set:
            result.append(
                Problem(obj.source_file, obj.line_of(old), f"`{old}` is now called `{new}`; "
                        f"rename it (it is still read for now)")
            )  # fmt: skip
    return result


AS_AT_BEHIND_MONTHS = 3


def stale_as_at(plan: Plan) -> Problem | None:
    """`as_at:` more than three months before the plan's latest update: every page judges the
    plan at `as_at` (what is overdue, the next meeting), so it says less than the board knows."""
    if plan.as_at is None:
        return None
    days = [u.day.month_end if u.day.precision == "month" else u.day.value
            for a in plan.actions for u in a.updates]  # fmt: skip
    latest = max(days, default=None)
    if latest is None or calendar_months(plan.as_at_date, latest) <= AS_AT_BEHIND_MONTHS:
        return None
    return Problem(
        plan.source_file, plan.line_of("as_at"),
        f"`as_at: {plan.as_at}` is more than {AS_AT_BEHIND_MONTHS} months before the plan's "
        f"latest update ({latest.isoformat()}); every page judges the plan at `as_at` (what is "
        "overdue, the next board meeting), so move it to the date of the latest progress",
    )  # fmt: skip


def future_budget(site: BoardData) -> list[Problem]:
    """A budget for a financial year that has not begun by the current plan's `as_at` date is
    more likely a typing slip than a plan for the future: published as written, with a note."""
    budget = site.budget
    match = re.fullmatch(r"(\d{4})-\d{2}", budget.year.strip()) if budget else None
    if budget is None or match is None:
        return []
    as_at = site.current_plan.as_at_date
    if dt.date(int(match[1]), 4, 1) <= as_at:
        return []
    return [
        Problem(budget.source_file, budget.line_of("year"), f"the budget is for {budget.year}, "
                f"a year that starts after the current plan's `as_at` date ({as_at}); it is "
                "published as written: correct `year` if it is wrong")
    ]  # fmt: skip
