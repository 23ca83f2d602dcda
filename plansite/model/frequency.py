"""Reporting frequencies as people write them: "Quarterly", "Twice a year", "Every other meeting".

`place` turns the wording (and optional explicit months) into the months of the planner's year
when the report comes to the board, or says why it cannot. The wording itself is kept for
display; this only derives months from it. Pure: no clock, no files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from plansite.model.dates import MONTHS, month_number

EXAMPLES = '"Quarterly", "Twice a year", "Annual report every March" or "As required"'


@dataclass(frozen=True)
class Placement:
    """When an item comes to the board: month numbers (1-12) in the planner's order."""

    months: tuple[int, ...]
    as_required: bool = False  # no fixed months: said so, or could not be placed
    problem: str = ""  # why the wording could not be used, and the fix; "" when fine
    note: str = ""  # placed, but not as the wording means: advice that does not stop the build


@dataclass(frozen=True)
class Body:
    """The board or a subgroup: "every other PMQAG meeting" follows PMQAG's meeting months."""

    name: str  # "the board", or the subgroup's acronym as the wording may write it
    months: tuple[int, ...]
    file: str  # where its meeting months are written: board.yml or subgroups.yml


BOARD_WORDS = {"board", "lscb", "lscp", "scp", "partnership", "full"}  # mean the board itself
# "every other PMQAG meeting", "each Board meeting", "at alternate CSE meetings"
NAMED_MEETING = re.compile(
    r"\b(?:every|each|all|at)\s+(?:(?:other|second|alternate)\s+)?([\w&-]+)\s+meetings?\b|"
    r"\balternate\s+([\w&-]+)\s+meetings?\b",
    re.I,
)


@dataclass
class _Found:
    """What the wording says, phrase by phrase."""

    named: set[int]
    intervals: list[int]
    every_meeting: bool = False
    every_other_meeting: bool = False
    annual: bool = False
    as_required: bool = False


MEETING = r"(?:\w+\s+)?meetings?"
# Order matters: a matched phrase is blanked out, so "bi-monthly" is not read as "monthly" too.
PHRASES: list[tuple[re.Pattern[str], Callable[[_Found], None]]] = [
    (
        re.compile(r"\bas (?:and when )?(?:required|needed|appropriate)\b|\bad[ -]hoc\b|"
                   r"\bwhen (?:required|needed)\b|\bby exception\b"),
        lambda f: setattr(f, "as_required", True),
    ),
    (
        re.compile(rf"\b(?:every|each|at) (?:other|second|alternate) {MEETING}|"
                   rf"\balternate {MEETING}"),
        lambda f: setattr(f, "every_other_meeting", True),
    ),
    (
        re.compile(rf"\b(?:every|each|all) {MEETING}|\bstanding item\b"),
        lambda f: setattr(f, "every_meeting", True),
    ),
    (
        re.compile(r"\bbi-?monthly\b|\bevery (?:two|2) months\b|\b(?:two|2)[ -]?monthly\b"),
        lambda f: f.intervals.append(2),
    ),
    (
        re.compile(r"\bquarterly\b|\b(?:every|each) quarter\b|\bevery (?:three|3) months\b|"
                   r"\b(?:three|3)[ -]?monthly\b"),
        lambda f: f.intervals.append(3),
    ),
    (
        re.compile(r"\b(?:three|3) times (?:a|per|each) year\b|\bevery (?:four|4) months\b|"
                   r"\b(?:four|4)[ -]?monthly\b"),
        lambda f: f.intervals.append(4),
    ),
    (
        re.compile(r"\b(?:twice|two times|2 times) (?:a|per|each) year\b|\btwice yearly\b|"
                   r"\bbi-?annual(?:ly)?\b|\bhalf[ -]?yearly\b|\b(?:six|6)[ -]?monthly\b|"
                   r"\bevery (?:six|6) months\b"),
        lambda f: f.intervals.append(6),
    ),
    (
        re.compile(r"\bmonthly\b|\b(?:every|each) month\b|\bweekly\b|\bfortnightly\b"),
        lambda f: f.intervals.append(1),
    ),
    (
        re.compile(r"\bannual(?:ly)?\b|\byearly\b|\bonce (?:a|per) year\b|\b(?:every|each) year\b"),
        lambda f: setattr(f, "annual", True),
    ),
]  # fmt: skip
# Month names anywhere in the wording ("every March", "Annually (July)"); "may" only as "May".
MONTH_WORD = re.compile(
    r"\b(" + "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True)) + r")\b",
    re.I,
)
MAY = re.compile(r"\bMay\b")


def place(
    when: str,
    months: Sequence[str],
    meeting_months: Sequence[int],
    first_month: int,
    bodies: Mapping[str, Body] | None = None,
    default: Body | None = None,
) -> Placement:
    """The months an item reports in; explicit `months` win over the wording.

    `meeting_months` are the board's meeting months (1-12); `first_month` is the planner
    year's first month, which orders the result and breaks ties between equally good phases.
    `bodies` are the subgroups by every name (lower case) the wording may use for them;
    "every meeting" with no name follows `default` (the board unless the item reports only to
    a subgroup).
    """
    board = Body("the board", tuple(meeting_months), "board.yml")
    found = _meeting_body(when, bodies or {}, default or board)
    if isinstance(found, Placement):
        return found
    body, note = found
    written = _from_wording(when, body, first_month)
    if note and not written.problem:
        written = replace(written, note=note)
    if not months:
        return written
    chosen = _in_order({month_number(m) for m in months}, first_month)
    problem = ""
    if written.months and len(written.months) != len(chosen):
        problem = (
            f"`when: {when}` means {_times(len(written.months))} a year but `months` lists "
            f"{len(chosen)} month{'' if len(chosen) == 1 else 's'}; make them agree"
        )
    return Placement(chosen, problem=problem)


def _meeting_body(
    when: str, bodies: Mapping[str, Body], default: Body
) -> tuple[Body, str] | Placement:
    """Whose meetings the wording follows: the body it names, else `default`; and a note when
    the named subgroup has no meeting months yet (its reports stay on `default`'s meetings, as
    before subgroups had months, so that data valid then stays valid)."""
    match = NAMED_MEETING.search(when)
    word = (match.group(1) or match.group(2)) if match else None
    if word is None or word.lower() in BOARD_WORDS:
        return default, ""
    named = bodies.get(word.lower())
    if named is not None and (named.months or not default.months):
        return named, ""
    if named is not None:
        return default, (
            f"`when: {when}` follows {named.name}'s meetings, but subgroups.yml gives "
            f"{named.name} no `meeting_months`, so it is placed on {default.name}'s meetings; "
            f"add {named.name}'s months there"
        )
    if word.isupper() and len(word) > 1 and not default.months:
        return _unplaced(
            f"`when: {when}` depends on {word} meetings, but no subgroup is called {word} and "
            f"{default.file} has no `meeting_months`; add {word} to subgroups.yml with its "
            "`meeting_months`, or add `months: [...]` to this item"
        )
    return default, ""  # a word such as "quarterly" or "full": the usual meetings


def _from_wording(when: str, body: Body, first_month: int) -> Placement:
    found = _read(when)
    meetings = _in_order(set(body.months), first_month)
    chosen = set(found.named)
    for every in found.intervals:
        chosen.update(_every(every, meetings, first_month))
    if (found.every_meeting or found.every_other_meeting) and not meetings:
        if body.file == "board.yml":
            return _unplaced(
                f"`when: {when}` depends on the board's meetings, but board.yml has no "
                "`meeting_months`; add them there, or add `months: [...]` to this item"
            )
        return _unplaced(
            f"`when: {when}` depends on {body.name}'s meetings, but subgroups.yml gives "
            f"{body.name} no `meeting_months`; add them there, or add `months: [...]` to this "
            "item"
        )
    wanted = max((12 // every for every in found.intervals), default=0)
    if wanted > len(chosen - found.named) and meetings and found.intervals:
        fewer = (
            f"`when: {when}` means {_times(wanted)} a year, but {body.name} meets in only "
            f"{len(meetings)} months, so it is placed on those meetings; add `months: [...]` "
            "to this item to say otherwise"
        )
    else:
        fewer = ""
    if found.every_meeting:
        chosen.update(meetings)
    if found.every_other_meeting:
        chosen.update(meetings[::2])
    if chosen:
        return Placement(_in_order(chosen, first_month), note=fewer)
    if found.as_required:
        return Placement((), as_required=True)
    if found.annual:
        return _unplaced(
            f'`when: {when}` does not say which month; name it, e.g. "Annual report every '
            'March", or add `months: [Mar]` to this item'
        )
    return _unplaced(
        f"`when: {when}` does not say when in words this site can read; write e.g. "
        f"{EXAMPLES}, or add `months: [Mar, Sep]` to this item"
    )


def named_months(when: str) -> set[int]:
    """The months the wording names itself: "Annually (July)" names July."""
    return _read(when).named


def _read(when: str) -> _Found:
    found = _Found(named=set(), intervals=[])
    text = when.replace("\u2013", "-").replace("\u2011", "-")
    if MAY.search(text):
        found.named.add(5)
    lowered = text.lower()
    for pattern, record in PHRASES:
        for match in pattern.finditer(lowered):
            record(found)
            lowered = lowered[: match.start()] + " " * len(match.group()) + lowered[match.end() :]
    found.named.update(MONTHS[m.group(1).lower()] for m in MONTH_WORD.finditer(lowered))
    return found


def _every(step: int, meetings: Sequence[int], first_month: int) -> list[int]:
    """Every `step` months, on the body's meetings: a report goes to the board at a meeting,
    so each month of the cycle moves to the next meeting on or after it ("Quarterly" to a
    board meeting every other month is four of its meetings, never a month it does not meet).
    Of the cycle's phases, the one giving the most meetings, then the least moved, then the
    earliest. With no meetings known, the cycle starts in the planner's first month."""
    phases = [
        [(first_month - 1 + phase + k * step) % 12 + 1 for k in range(12 // step)]
        for phase in range(step)
    ]
    if not meetings:
        return phases[0]

    def wait(month: int) -> int:  # months from `month` to the next meeting
        return min((meeting - month) % 12 for meeting in meetings)

    def snapped(months: list[int]) -> list[int]:
        return sorted({(m - 1 + wait(m)) % 12 + 1 for m in months})

    best = max(phases, key=lambda ms: (len(snapped(ms)), -sum(wait(m) for m in ms)))
    return snapped(best)


def _in_order(months: set[int], first_month: int) -> tuple[int, ...]:
    return tuple(sorted(months, key=lambda m: (m - first_month) % 12))


def _unplaced(problem: str) -> Placement:
    return Placement((), as_required=True, problem=problem)


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def month_dates(year_start: date) -> list[date]:
    """The first day of each of the twelve months the planner covers, from `year_start`."""
    first = year_start.year * 12 + year_start.month - 1
    return [date((first + k) // 12, (first + k) % 12 + 1, 1) for k in range(12)]
