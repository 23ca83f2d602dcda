"""Checks that need more than one object: statuses against vocabularies, refs, totals."""

from __future__ import annotations

from collections.abc import Callable, Collection
from math import floor
from pathlib import PurePosixPath

from plansite.check.addresses import check_addresses
from plansite.check.figures import check_figures
from plansite.check.framework import check_framework
from plansite.check.pages import check_pages
from plansite.model.base import Model
from plansite.model.board_data import BoardData
from plansite.model.colours import WHITE, contrast
from plansite.model.indicators import period_problem
from plansite.model.periods import period_start
from plansite.model.plan import Action, Plan, Priority, refs_in_words
from plansite.read.problems import BETWEEN_FILES, Problems

Add = Callable[[Model, str | None, str], None]


def cross_check(site: BoardData, problems: Problems, unread: Collection[str] = ()) -> None:
    """`unread`: ids of plan files that failed to load. What refers to them is not checked:
    it would only repeat, many times over, that their file has a problem (listed first)."""

    def add(obj: Model, field: str | None, message: str) -> None:
        problems.add(obj.source_file, obj.line_of(field), message, BETWEEN_FILES)

    def advise(obj: Model, field: str | None, message: str) -> None:
        problems.advise(obj.source_file, obj.line_of(field), message)

    _check_board(site, add)
    _check_plans(site, add, unread)
    _untidy_refs(site, advise, unread)
    _check_subgroups(site, add)
    _check_indicators(site, add)
    check_framework(site, add, advise)
    _check_planner(site, add, advise, unread)
    _check_budget(site, add)
    check_pages(site, problems)
    check_addresses(site, problems)
    check_figures(site, problems)


def _in_unread_plan(reference: str, unread: Collection[str]) -> bool:
    return ":" in reference and reference.split(":", 1)[0].strip() in unread


MIN_CONTRAST = 4.5  # WCAG 2.2 AA for normal text: the header's white words on the brand colour


def _check_board(site: BoardData, add: Add) -> None:
    colour = site.board.colour
    if colour and (ratio := contrast(colour, WHITE)) < MIN_CONTRAST:
        add(site.board, "colour", f"colour `{colour}` is too light: white text on it has a "
            f"contrast of {floor(ratio * 100) / 100:.2f}:1, and needs at least {MIN_CONTRAST:.2f}:1 to be read by "
            "everyone; choose a darker shade of it")  # fmt: skip


def _duplicates(items: list[Model], key: str, what: str, add: Add) -> None:
    seen: dict[str, Model] = {}
    for item in items:
        value = str(getattr(item, key))
        if value in seen:
            first = seen[value]
            add(item, key, f"{what} `{value}` is used twice (first on line {first.line_of(key)}); "
                "give each a different one")  # fmt: skip
        else:
            seen[value] = item


def _check_plans(site: BoardData, add: Add, unread: Collection[str]) -> None:
    current = [p for p in site.plans if p.current]
    if len(current) > 1:  # said at the first that has it, naming every other file and line
        named = [
            "this plan",
            *(f"{p.source_file} (line {p.line_of('current')})" for p in current[1:]),
        ]
        add(current[0], "current", f"{', '.join(named[:-1])} and {named[-1]} "
            f"{'both' if len(named) == 2 else 'all'} have `current: true`; only one plan can "
            f"be current: set `current: false` in the other{'' if len(named) == 2 else 's'}")  # fmt: skip
    elif site.plans and not current and not unread:
        add(site.plans[0], "current", "exactly one plan must have `current: true` (now: none)")
    _duplicates(list(site.plans), "id", "plan id", add)
    for plan in site.plans:
        stem = PurePosixPath(plan.source_file).stem
        if plan.id != stem:
            add(plan, "id", f"plan id `{plan.id}` must match the file name; rename the file to "
                f"{plan.id}.yml or set `id: {stem}`")  # fmt: skip
        _check_statuses(plan, add)
        _check_titles(plan, add)
        for priority in plan.priorities:
            for evidence in priority.evidence:
                _status(plan, evidence, add)
        for action in plan.actions:
            _check_action(site, plan, action, add, unread)


def _check_titles(plan: Plan, add: Add) -> None:
    """Only a row under an issue may leave out its title."""
    for action in plan.actions:
        if not action.title:
            add(action, None, f"action {_named(action)} has no `title`; write what will be done "
                "(only a row under an issue may leave it out, to add a lead, a date or an "
                "update to the issue)")  # fmt: skip


def _named(action: Action) -> str:
    return f"`{action.ref}`" if action.ref else f"at `#{action.anchor}`"


def _untidy_refs(site: BoardData, advise: Add, unread: Collection[str]) -> None:
    """Refs as real documents write them: used twice, or left out. Published as written, each
    with its own address; the advice says what could be tidied."""
    for plan in site.plans:
        _repeated(plan.priorities, advise)
        _repeated(plan.actions, advise)
        _unnumbered(plan, advise)
        for action in plan.actions:
            for reference in action.related:
                found = site.find_actions(reference, plan, near=action)
                if len(found) != 1 and not _in_unread_plan(reference, unread):
                    advise(action, "related", _unlinked(reference, found, "related action"))


def _repeated(items: list[Action] | list[Priority], advise: Add) -> None:
    first: dict[str, Action | Priority] = {}
    for item in items:
        ref = item.ref.strip().lower()
        if not ref:
            continue
        if ref not in first:
            first[ref] = item
            continue
        earlier = first[ref]
        where = f"line {earlier.line_of('ref')}"
        if earlier.source_file != item.source_file:
            where = f"{earlier.source_file}:{earlier.line_of('ref')}"
        if isinstance(item, Action):
            within = "this plan"
            if isinstance(earlier, Action) and earlier.priority is item.priority:
                within = f"priority {_priority_name(item.priority)}"
            said = f"action ref `{item.ref}` is used twice in {within}"
            second = f"`#{item.anchor}`"
        else:
            said = f"priority ref `{item.ref}` is used twice in this plan"
            second = f"the page address `{item.slug}`"
        advise(item, "ref", f"{said} (first on {where}); both are published as written, the "
               f"second at {second}; give each its own ref if the document allows")  # fmt: skip


def _unnumbered(plan: Plan, advise: Add) -> None:
    """A priority or action the document gives no number is published with none; one note for
    a priority whose actions are all unnumbered (the document does not number them)."""
    for priority in plan.priorities:
        if not priority.ref:
            advise(priority, "title", f"priority {_priority_name(priority)} has no ref, so it is "
                   f"published with no number (its page address uses its place: `{priority.slug}`); "
                   "add `ref:` if the document numbers it")  # fmt: skip
        rows = [a for a in priority.all_actions if a.has_own_title]
        missing = [a for a in rows if not a.written_ref]
        if missing and len(missing) == len(rows) > 1:
            advise(missing[0], "title", f"no action of priority {_priority_name(priority)} has a "
                   "ref, so they are published with no numbers (their addresses are numbered by "
                   "place); add `ref:` to each if the document numbers them")  # fmt: skip
            continue
        for action in missing:
            advise(action, "title", f"this action of priority {_priority_name(priority)} has no "
                   f"ref, so it is published with no number (its address is `#{action.anchor}`); "
                   "add `ref:` if the document numbers it")  # fmt: skip


def _priority_name(priority: Priority) -> str:
    return f"`{priority.ref}`" if priority.ref else f"`{priority.title}`"


def _unlinked(reference: str, found: list[Action], what: str) -> str:
    named = refs_in_words(reference.split(":", 1)[-1])
    if not found and len(named) > 1:
        return (f"{what} `{reference}` names {len(named)} refs "
                f"({', '.join(f'`{r}`' for r in named)}), so it is shown as written, with no "
                "link; write each as its own entry to link them")  # fmt: skip
    if found:
        refs = ", ".join(f"`{a.ref}` (`#{a.anchor}`)" if a.ref else f"`#{a.anchor}`" for a in found)
        return (f"{what} `{reference}` could mean any of {refs}, so it is shown as "
                "written, with no link; write the one you mean by its address (e.g. "
                f"`#{found[-1].anchor}`) to link it")  # fmt: skip
    return (f"{what} `{reference}` names no action of this plan, so it is shown as "
            "written, with no link; write an action's ref (or plan-id:ref for another plan) to "
            "link it")  # fmt: skip


def _check_statuses(plan: Plan, add: Add) -> None:
    for status, other in plan.vocabulary.clashes():
        add(status, "key", f"status key `{status.key}` is the same as `{other.key}` (line "
            f"{other.line_of('key')}) but for case, spaces or hyphens; give each its own key")  # fmt: skip


def _status(plan: Plan, obj: Model, add: Add, field: str = "status") -> None:
    """`status:` (or an action's `impact:`, the rating of its measure) must be a status of
    the plan: its key, its label or an alias."""
    value = getattr(obj, field, None)
    if value is None:
        return
    found = plan.vocabulary.meanings(value)
    if len(found) > 1:
        keys = " or ".join(f"`{s.key}`" for s in found)
        add(obj, field, f"{field} `{value}` could mean {keys}; write the key of the one you "
            "mean")  # fmt: skip
    elif not found:
        words = ", ".join(
            f"{s.key} ({s.label})" if s.label != s.key else s.key for s in plan.statuses
        )
        add(obj, field, f"{field} `{value}` is not one of this plan's statuses ({words}); "
            "write one of them, as its key or its label, or add it to `statuses:`")  # fmt: skip


def _check_action(
    site: BoardData, plan: Plan, action: Action, add: Add, unread: Collection[str]
) -> None:
    _status(plan, action, add)
    _status(plan, action, add, "impact")
    for update in action.updates:
        _status(plan, update, add)
        if update.day.value > plan.as_at_date:
            add(update, "date", f"update dated {update.date} is after the plan's `as_at` date "
                f"({plan.as_at}); correct the date or move `as_at` forward")  # fmt: skip
    for ref in action.indicators:
        if ref not in site.indicator_by_ref:
            add(action, "indicators", f"indicator `{ref}` does not exist in indicators.yml")


def _check_subgroups(site: BoardData, add: Add) -> None:
    _duplicates(list(site.subgroups), "id", "subgroup id", add)
    owners: dict[str, set[str]] = {}
    for subgroup in site.subgroups:
        for name in subgroup.names:
            owners.setdefault(name.lower(), set()).add(subgroup.id)
    for subgroup in site.subgroups:
        for name in subgroup.names:
            if len(owners[name.lower()]) > 1:  # same id twice is reported above
                add(subgroup, None, f"`{name}` names more than one subgroup; leads that use "
                    "it could mean either: give each subgroup its own acronym and aliases")  # fmt: skip
                break


def _check_indicators(site: BoardData, add: Add) -> None:
    _duplicates([i for i in site.indicators if not i.id], "ref", "indicator ref", add)
    _duplicates([i for i in site.indicators if i.id], "id", "indicator id", add)
    seen: dict[tuple[str, str, str, str, str], Model] = {}
    for value in site.values:
        indicator = site.indicator_by_ref.get(value.indicator)
        if indicator is None:
            add(value, None, f"indicator `{value.indicator}` is not in indicators.yml; "
                "add it there or correct the ref")  # fmt: skip
            continue
        problem = period_problem(value.period, indicator.period_type)
        # a comparator has its own period ("2013" beside the local "as at 30 September 2013")
        if problem and not (value.is_comparator and period_start(value.period)):
            add(value, None, problem)
        if indicator.kind == "distribution" and not value.category:
            add(value, None, f"{value.indicator} is a distribution: fill in `category`")
        if indicator.kind == "series" and value.category and not value.dimension:
            add(value, None, f"{value.indicator} is a series: leave `category` empty, or set "
                "`kind: distribution` in indicators.yml")  # fmt: skip
        key = (value.indicator, value.period, value.area, value.dimension, value.category)
        if key in seen:
            add(value, None, f"{value.indicator} {value.period} {value.area} "
                f"{value.category}{f' ({value.dimension})' if value.dimension else ''} appears twice (first on line {seen[key].line_of()}); "
                "keep one row")  # fmt: skip
        else:
            seen[key] = value
    for indicator in site.indicators:
        for note in indicator.commentary:
            problem = period_problem(note.period, indicator.period_type)
            if problem:
                add(note, "period", problem)


def _check_planner(site: BoardData, add: Add, advise: Add, unread: Collection[str]) -> None:
    if site.planner is None:
        return
    current = next((p.id for p in site.plans if p.current), "plan-id")
    for item in site.planner.items:
        for reference in item.actions:
            if ":" not in reference:
                add(item, "actions", f"write `{reference}` as plan-id:ref, e.g. "
                    f"{current}:{reference}")  # fmt: skip
            elif _in_unread_plan(reference, unread):
                continue
            elif not (found := site.find_actions(reference)):
                add(item, "actions", f"action `{reference}` does not exist")
            elif len(found) > 1:  # a ref the plan uses twice: shown, unlinked
                advise(item, "actions", _unlinked(reference, found, "action"))
        for ref in item.indicators:
            if ref not in site.indicator_by_ref:
                add(item, "indicators", f"indicator `{ref}` does not exist in indicators.yml")


def _check_budget(site: BoardData, add: Add) -> None:
    budget = site.budget
    if budget is None:
        return
    computed = {
        "expenditure_budget": sum(line.budget or 0 for line in budget.expenditure),
        "expenditure_actual": sum(line.actual or 0 for line in budget.expenditure),
        "income_budget": sum(line.budget or 0 for line in budget.income),
        "income_actual": sum(line.actual or 0 for line in budget.income),
        "contributions": sum(c.amount for c in budget.contributions),
    }
    stated = budget.stated_totals
    for name, total in computed.items():
        written = getattr(stated, name)
        if written is not None and abs(written - total) > 0.005:
            add(stated, name, f"{name.replace('_', ' ')} total is stated as {written:,.2f} but "
                f"its lines add up to {total:,.2f}; correct the lines or the total")  # fmt: skip
