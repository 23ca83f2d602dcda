"""Issue 17's bad inputs, and more a careless or hostile editor would try: pasted text from Word
and Excel, odd files in the data folder, figures that cannot be right, and YAML used against us.

Each case's `expected` is the whole report in the order printed (see cases.py); the first line
names the cause with its file and line.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.bad_inputs.cases import CASES, Case, both, replace, write_bytes

# A second plan and a planner item that refer to plan-a: when plan-a cannot be read, what refers
# to it must not be reported as broken too (the cause would be buried under its consequences).
SECOND_PLAN = b"""id: plan-b
title: Plan B
period: 2022 to 2025
as_at: 2025-03-31
statuses:
  - {key: done, label: Done, colour: "#00703c", meaning: Finished., done: true}
priorities:
  - ref: "1"
    title: Earlier work
    actions:
      - ref: "1.1"
        title: Write the strategy
        status: done
        related: ["plan-a:1.1", "plan-a:1.2"]
"""
WITH_REFERENCES = both(
    write_bytes("plans/plan-b.yml", SECOND_PLAN),
    replace(
        "planner.yml",
        "    who: PPPG\n",
        '    who: PPPG\n    actions: ["plan-a:1.1", "plan-a:1.2"]\n',
    ),
)
# A distribution indicator and a percentage and a count, for figures that cannot be right
MORE_INDICATORS = b"""
  - ref: N30
    title: Referrals by source
    unit: count
    kind: distribution
  - ref: N13
    title: Conferences on time
    unit: percent
"""
MORE_VALUES = b"N30,2024-25,local,Schools,40\nN13,2024-25,local,,88.5\n"


def append(file: str, content: bytes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        with (data / file).open("ab") as handle:
            handle.write(content)

    return apply


def with_indicators(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    return both(
        append("indicators.yml", MORE_INDICATORS),
        append("indicator_values.csv", MORE_VALUES),
        *steps,
    )


def rename(old: str, new: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data / old).rename(data / new)

    return apply


def link(name: str, target: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        os.symlink(target, data / name)

    return apply


def transform(
    file: str, change: Callable[[str], str], encoding: str = "utf-8"
) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / file
        path.write_bytes(change(path.read_text(encoding="utf-8")).encode(encoding))

    return apply


NESTED = b"id: plan-a\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n"
ALIAS_BOMB = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

ISSUE_CASES = [
    # 1. the cause first; nothing reported about what refers to a plan that could not be read
    Case(
        "cause-first-bad-date",
        both(WITH_REFERENCES, replace("plans/plan-a.yml", "date: 2026-01,", "date: 01/02/2025,")),
        [
            "data/plans/plan-a.yml:36: `01/02/2025` is not a date this site can read; write it as 2025-12 (a month) or 2025-12-14 (a day)"
        ],
    ),
    Case(
        "cause-first-key-typo",
        both(
            WITH_REFERENCES,
            replace("plans/plan-a.yml", "            status: green", "            staus: green"),
        ),
        ["data/plans/plan-a.yml:23: unknown key `staus`; did you mean `status`?"],
    ),
    Case(
        "cause-first-title-deleted",
        both(
            WITH_REFERENCES,
            replace(
                "plans/plan-a.yml", "        title: Check schools keep pupils safe online\n", ""
            ),
        ),
        ["data/plans/plan-a.yml:16: `title` is missing; add `title:` here"],
    ),
    Case(
        "cause-first-unclosed-quote",
        both(
            WITH_REFERENCES,
            replace("plans/plan-a.yml", "title: Online safety", 'title: "Online safety'),
        ),
        [
            "data/plans/plan-a.yml:13: a quote is opened but never closed; close it with the same kind of quote"
        ],
    ),
    Case(
        "cause-first-two-files",
        both(
            WITH_REFERENCES,
            replace("plans/plan-a.yml", "title: Train staff", 'title: "Train staff'),
            replace("board.yml", "area: Testshire", "areas: Testshire"),
        ),
        [
            "data/board.yml:3: unknown key `areas`; did you mean `area`?",
            "data/plans/plan-a.yml:39: a quote is opened but never closed; close it with the same kind of quote",
        ],
    ),
    # 2. whatever fails the build fails `make check` first
    Case(
        "planner-wording-with-no-month",
        replace("planner.yml", "when: Annual report every March", "when: Now and then"),
        [
            'data/planner.yml:5: `when: Now and then` does not say when in words this site can read; write e.g. "Quarterly", "Twice a year", "Annual report every March" or "As required", or add `months: [Mar, Sep]` to this item. It is shown as written, in no month. (advice)',
        ],
    ),
    Case(
        "inf-as-an-indicator-value",
        replace("indicator_values.csv", "N19,2024-25,local,,23.4", "N19,2024-25,local,,inf"),
        [
            "data/indicator_values.csv:3: value `inf` is not a number; write digits only, e.g. 27.4 (no %, £ or words); when there is no figure, write one of: n/a, not available, not yet published, suppressed at source, no longer reported, <5, or leave the row out"
        ],
    ),
    Case(
        "mathtext-category-is-drawn-as-typed",
        with_indicators(
            replace(
                "indicator_values.csv",
                "N30,2024-25,local,Schools",
                "N30,2024-25,local,Education $\\frac{1}{$",
            )
        ),
        [],
    ),
    Case(
        "dollar-category-is-drawn-as-typed",
        with_indicators(
            replace(
                "indicator_values.csv", "N30,2024-25,local,Schools", "N30,2024-25,local,$5 to $10"
            )
        ),
        [],
    ),
    # 3. pasted spaces in names
    Case(
        "nbsp-in-a-lead",
        replace("plans/plan-a.yml", "lead: CSE Group", "lead: CSE\u00a0Group"),
        [
            "data/plans/plan-a.yml:40: `CSE Group` contains a non-breaking space (pasted from Word or a web page?); it was read without it: retype that part to remove this note (advice)"
        ],
    ),
    Case(
        "zero-width-space-in-a-ref",
        replace("plans/plan-a.yml", 'ref: "1.1a"', 'ref: "1.1a\u200b"'),
        [
            "data/plans/plan-a.yml:27: `1.1a` contains an invisible zero-width character (pasted from Word or a web page?); it was read without it: retype that part to remove this note (advice)"
        ],
    ),
    Case(
        "nbsp-in-a-key",
        replace("plans/plan-a.yml", "    owner: PPPG", "    owner\u00a0: PPPG"),
        [
            "data/plans/plan-a.yml:14: `owner` contains a non-breaking space (pasted from Word or a web page?); it was read without it: retype that part to remove this note (advice)"
        ],
    ),
    Case(
        "nbsp-in-an-indicator-ref-cell",
        replace("indicator_values.csv", "N19,2023-24", "N19\u00a0,2023-24"),
        [
            "data/indicator_values.csv:2: `N19` contains a non-breaking space (pasted from Word or a web page?); it was read without it: retype that part to remove this note (advice)"
        ],
    ),
    # 4. a comment that cuts text short
    Case(
        "hash-cuts-update-text",
        replace(
            "plans/plan-a.yml",
            "text: Survey planned., status: amber}",
            "text: Survey planned., status: amber}\n              - date: 2026-02\n                text: sent #2 to partners",
        ),
        [
            "data/plans/plan-a.yml:37: only `sent` is read here: YAML takes ` #` and the rest of the line as a comment, which is not published; put the whole value in quotes to keep it",
            "1 problem found in the data; `make build` (strict) would stop on it.",
        ],
    ),
    Case(
        "hash-after-a-title",
        replace("plans/plan-a.yml", "title: Train staff", "title: Train staff # and volunteers"),
        [
            "data/plans/plan-a.yml:39: only `Train staff` is read here: YAML takes ` #` and the rest of the line as a comment, which is not published; put the whole value in quotes to keep it",
            "1 problem found in the data; `make build` (strict) would stop on it.",
        ],
    ),
    Case(
        "comment-after-a-status-is-fine",
        replace("plans/plan-a.yml", "        status: amber", "        status: amber  # was red"),
        [],
    ),
    # 5. control characters from Word
    Case(
        "vertical-tab-in-yaml",
        replace("plans/plan-a.yml", "title: Train staff", "title: Train\x0bstaff"),
        [
            "data/plans/plan-a.yml:39: a vertical tab (from Word's line break, Shift+Enter) is on this line; replace it with a new line, or a space"
        ],
    ),
    Case(
        "form-feed-in-yaml",
        replace("plans/plan-a.yml", "title: Online safety", "title: Online\x0csafety"),
        [
            "data/plans/plan-a.yml:13: a form feed (from Word's page break) is on this line; replace it with a new line, or a space"
        ],
    ),
    Case(
        "nul-in-yaml",
        replace("board.yml", "vision: Children", "vision: \x00Children"),
        [
            "data/board.yml:4: a NUL character (the file may not be text) is on this line; delete it (retype the text around it if it looks wrong)"
        ],
    ),
    Case(
        "vertical-tab-in-a-csv-cell",
        replace("members.csv", "Pat Smith", '"Pat\x0bSmith"'),
        [
            "data/members.csv:2: a vertical tab (from Word's line break, Shift+Enter) is on this line; replace it with a new line, or a space"
        ],
    ),
    # 6. figures that cannot be right
    Case(
        "decimal-comma",
        replace("indicator_values.csv", "N19,2024-25,local,,23.4", 'N19,2024-25,local,,"23,4"'),
        [
            "data/indicator_values.csv:3: value `23,4` has a decimal comma; write a decimal point: 23.4"
        ],
    ),
    Case(
        "nan-as-a-value",
        replace("indicator_values.csv", "N19,2024-25,local,,23.4", "N19,2024-25,local,,NaN"),
        [
            "data/indicator_values.csv:3: value `NaN` is not a number; write digits only, e.g. 27.4 (no %, £ or words); when there is no figure, write one of: n/a, not available, not yet published, suppressed at source, no longer reported, <5, or leave the row out"
        ],
    ),
    Case(
        "percentage-over-100",
        with_indicators(
            replace("indicator_values.csv", "N13,2024-25,local,,88.5", "N13,2024-25,local,,150")
        ),
        [
            "data/indicator_values.csv:6: value 150 is a percentage and must be from 0 to 100; correct the figure"
        ],
    ),
    Case(
        "negative-count",
        with_indicators(
            replace(
                "indicator_values.csv",
                "N30,2024-25,local,Schools,40",
                "N30,2024-25,local,Schools,-3",
            )
        ),
        [
            "data/indicator_values.csv:5: value -3 cannot be negative: N30 is a count; correct the figure (leave the row out when there is none)"
        ],
    ),
    Case(
        "negative-rate",
        replace("indicator_values.csv", "N19,2024-25,england,,37.9", "N19,2024-25,england,,-37.9"),
        [
            "data/indicator_values.csv:4: value -37.9 cannot be negative: N19 is a rate; correct the figure (leave the row out when there is none)"
        ],
    ),
    Case(
        "negative-budget-line",
        replace(
            "budget.yml",
            "{line: Training venues, budget: 18075, actual: 14268}",
            "{line: Training venues, budget: 18075, actual: -14268}",
        ),
        [
            "data/budget.yml:4: `actual` is negative (-14268) on a line that is not a refund or an adjustment; write the figure without the minus, or say in `line` that it is a refund or adjustment"
        ],
    ),
    Case(
        "negative-refund-line-is-fine",
        replace(
            "budget.yml",
            "  - {line: Training income, budget: 15500, actual: 11835}",
            "  - {line: Training income, budget: 15500, actual: 11835}\n  - {line: Refund of a venue deposit, actual: -500}",
        ),
        [],
    ),
    Case(
        "update-dated-1925",
        replace("plans/plan-a.yml", "date: 2025-09,", "date: 1925-09,"),
        [
            "data/plans/plan-a.yml:25: update dated 1925-09 is far outside the plan's period (2025 to 2027); check the year",
            "1 problem found in the data; `make build` (strict) would stop on it.",
        ],
    ),
    Case(
        "suppress-below-lowered",
        replace("indicators.yml", "suppress_below: 6", "suppress_below: 3"),
        [
            "data/indicators.yml:1: `suppress_below: 3` is lower than the usual 6: counts from 3 to 5 will be published and could identify a child; use 6 unless your data protection lead has agreed a lower one (advice)"
        ],
    ),
    # 8. no two things share a page
    Case(
        "priority-refs-1-and-1-dot",
        replace(
            "plans/plan-a.yml",
            '    actions:\n      - ref: "1.2"',
            '  - ref: "1."\n    title: Also online safety\n    actions:\n      - ref: "1.2"',
        ),
        [
            # published: "1." gets a page name of its own (1-2); only the guide advice remains
            "data/plans/plan-a.yml:13: priority 1 is left out of the young people's guide: it has no `young_people:` wording. To add it, write under its title `young_people: <two or three short sentences a 10-year-old can read>` (advice)"
        ],
    ),
    Case(
        "indicator-refs-differ-by-case",
        append("indicators.yml", b"  - ref: n19\n    title: Another\n    unit: count\n"),
        [
            # both published, each with a page of its own; advice, as they may be one indicator
            "data/indicators.yml:8: indicator ref `n19` differs from `N19` (line 3) only in case or punctuation; both are published, the second at `indicators/n19-2/`; if they are one indicator, keep one of the two (advice)"
        ],
    ),
    Case(
        "plan-id-dot",
        both(
            rename("plans/plan-a.yml", "plans/..yml"),
            replace("plans/..yml", "id: plan-a", 'id: "."'),
        ),
        [
            "data/plans/..yml:1: plan id `.` must be lower-case letters, digits and hyphens, e.g. business-plan-2025-28 (and the file named the same, with .yml)"
        ],
    ),
    Case(
        "plan-file-three-dots",
        both(
            rename("plans/plan-a.yml", "plans/...yml"),
            replace("plans/...yml", "id: plan-a", 'id: ".."'),
        ),
        [
            "data/plans/...yml:1: plan id `..` must be lower-case letters, digits and hyphens, e.g. business-plan-2025-28 (and the file named the same, with .yml)"
        ],
    ),
    # 9. files not read
    Case(
        "plan-file-upper-case-ending",
        rename("plans/plan-a.yml", "plans/plan-a.YML"),
        [
            "data/plans/plan-a.YML:1: `plan-a.YML` is not read: rename it to `plan-a.yml` (plans are read only from .yml files)"
        ],
    ),
    Case(
        "plan-file-with-hidden-txt",
        rename("plans/plan-a.yml", "plans/plan-a.yml.txt"),
        [
            "data/plans/plan-a.yml.txt:1: `plan-a.yml.txt` is not read: rename it to `plan-a.yml` (plans are read only from .yml files)"
        ],
    ),
    Case("office-lock-file-is-ignored", write_bytes("plans/~$plan-a.yml", b"\x00\x01lock"), []),
    Case(
        "link-outside-the-data-folder",
        link("plans/secrets.yml", "/etc/hostname"),
        [
            "data/plans/secrets.yml:1: is a link to a file outside the data folder, which would be published; copy the file into the data folder instead of linking to it"
        ],
    ),
    # 10. YAML used against us
    Case(
        "alias-bomb",
        write_bytes("board.yml", ALIAS_BOMB),
        [
            "data/board.yml:2: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
            "data/board.yml:3: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
            "data/board.yml:4: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
            "data/board.yml:5: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
            "data/board.yml:6: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
            "data/board.yml:7: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
            "data/board.yml:8: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
            "data/board.yml:9: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full",
        ],
    ),
    Case(
        "recursive-alias",
        write_bytes("board.yml", b"name: &a [x, *a]\n"),
        [
            "data/board.yml:1: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full"
        ],
    ),
    Case(
        "merge-key",
        replace("plans/plan-a.yml", "    owner: PPPG\n", "    <<: &defaults {owner: PPPG}\n"),
        [
            "data/plans/plan-a.yml:14: aliases, anchors and `<<:` merge keys (`&name`, `*name`) are not allowed in data files; write the value out in full"
        ],
    ),
    Case(
        "five-thousand-nested-brackets",
        write_bytes("plans/plan-a.yml", NESTED),
        [
            "data/plans/plan-a.yml:2: lists or blocks are nested more than 40 deep; a plan needs far fewer: check the brackets `[` `{` and the indentation"
        ],
    ),
    # 12. small things
    Case(
        "entity-typed-in-text-is-fine",
        replace("plans/plan-a.yml", "title: Train staff", "title: Train staff &amp; carers"),
        [],
    ),
    Case(
        "excel-blank-row-in-the-middle",
        replace("training.csv", "Safer recruitment", ",,\nSafer recruitment"),
        ["data/training.csv:3: blank row: delete it"],
    ),
    Case("excel-blank-rows-at-the-end-are-fine", append("training.csv", b",,\n,,\n"), []),
    Case(
        "lead-with-a-bar-is-fine",
        replace("plans/plan-a.yml", "lead: CSE Group", "lead: Police | Council"),
        [],
    ),
    Case(
        "formula-in-a-title-is-fine",
        replace(
            "plans/plan-a.yml",
            "title: Train staff",
            "title: \"=HYPERLINK('http://x.example','y')\"",
        ),
        [],
    ),
]

OWN_CASES = [
    Case(
        "comment-after-a-lead-on-purpose-is-fine",
        replace("plans/plan-a.yml", "lead: CSE Group", "lead: CSE Group  # who leads it"),
        [],
    ),
    Case("yaml-with-bom-is-fine", transform("board.yml", lambda t: t, "utf-8-sig"), []),
    Case("yaml-in-utf16-is-fine", transform("board.yml", lambda t: t, "utf-16"), []),
    Case(
        "windows-line-endings-keep-line-numbers",
        transform(
            "plans/plan-a.yml",
            lambda t: t.replace("status: red\n", "status: purple\n").replace("\n", "\r\n"),
        ),
        [
            "data/plans/plan-a.yml:31: status `purple` is not one of this plan's statuses (green (Complete), amber (On target), red (Off target)); write one of them, as its key or its label, or add it to `statuses:`"
        ],
    ),
    Case(
        "empty-plan-file",
        write_bytes("plans/plan-a.yml", b""),
        ["data/plans/plan-a.yml:1: file is empty; add its content or remove the file"],
    ),
    Case(
        "plan-file-is-a-list",
        write_bytes("plans/plan-a.yml", b"- id: plan-a\n- title: Plan A\n"),
        ["data/plans/plan-a.yml:1: the file must be a block of `key: value` lines"],
    ),
    Case(
        "plan-file-is-only-a-separator",
        write_bytes("plans/plan-a.yml", b"---\n"),
        ["data/plans/plan-a.yml:1: file has no data after `---`; add its content"],
    ),
    Case(
        "two-yaml-documents",
        append("board.yml", b"---\nname: Again\n"),
        [
            "data/board.yml:11: a second `---` starts another document; a data file has one: delete the `---` line"
        ],
    ),
    Case(
        "priorities-as-one-word",
        replace(
            "plans/plan-a.yml", 'priorities:\n  - ref: "1"', 'priorities: none\nold:\n  - ref: "1"'
        ),
        [
            "data/plans/plan-a.yml:11: `priorities` must be a list (items on lines starting with `- `, or [a, b]), not `none`",
            "data/plans/plan-a.yml:12: unknown key `old`; allowed keys: as_at, current, id, introduction, kind, notes, period, priorities, stale_after_months, statuses, title",
        ],
    ),
    Case(
        "updates-as-text",
        replace(
            "plans/plan-a.yml",
            "        status: amber\n",
            "        status: amber\n        updates: Survey planned\n",
        ),
        [
            "data/plans/plan-a.yml:43: `updates` must be a list (items on lines starting with `- `, or [a, b]), not `Survey planned`"
        ],
    ),
    Case(
        "statuses-as-one-word",
        replace("plans/plan-a.yml", "statuses:\n", "statuses: green\nold:\n"),
        [
            "data/plans/plan-a.yml:7: `statuses: green` is not a preset; name one of rag, rag-amber-on-target, brag, phrases, or list the plan's own statuses",
            "data/plans/plan-a.yml:8: unknown key `old`; allowed keys: as_at, current, id, introduction, kind, notes, period, priorities, stale_after_months, statuses, title",
        ],
    ),
    Case(
        "due-31-february",
        replace("plans/plan-a.yml", "due: Mar-26", "due: 31/02/2026"),
        ["data/plans/plan-a.yml:30: `31/02/2026` is not a real date (day 31, month 2, year 2026)"],
    ),
    Case(
        "update-date-day-first",
        replace("plans/plan-a.yml", "date: 2025-09,", "date: 31/02/2025,"),
        [
            "data/plans/plan-a.yml:25: `31/02/2025` is not a date this site can read; write it as 2025-12 (a month) or 2025-12-14 (a day)"
        ],
    ),
    Case(
        "not-a-leap-year",
        replace("plans/plan-a.yml", "as_at: 2026-06-30", "as_at: 2025-02-29"),
        ["data/plans/plan-a.yml:6: `2025-02-29` is not a real date (day 29, month 2, year 2025)"],
    ),
    Case(
        "emoji-in-a-title-is-fine",
        replace(
            "plans/plan-a.yml", "title: Online safety", "title: Online safety \U0001f6e1\ufe0f"
        ),
        [],
    ),
    Case(
        "emoji-as-a-priority-ref",
        replace(
            "plans/plan-a.yml",
            '  - ref: "1"\n    title: Online',
            '  - ref: "\U0001f6e1"\n    title: Online',
        ),
        [],  # shown as written; its page is named by its place in the plan
    ),
    Case(
        "rtl-mark-in-a-status-key",
        replace("plans/plan-a.yml", "status: red\n", "status: red\u200f\n"),
        [
            "data/plans/plan-a.yml:31: `red` contains an invisible text-direction mark (pasted from Word or a web page?); it was read without it: retype that part to remove this note (advice)"
        ],
    ),
    Case(
        "rtl-override-in-a-subgroup-id",
        replace("subgroups.yml", "  - id: cse", "  - id: \u202ecse"),
        [
            "data/subgroups.yml:9: an invisible text-direction control (U+202E) is on this line; delete it, as it can make the words around it read differently from what they say (retype them if they look wrong)"
        ],
    ),
    Case(
        "script-in-a-lead-is-kept-for-the-sanitiser",
        replace("plans/plan-a.yml", "lead: CSE Group", 'lead: "<script>alert(1)</script>"'),
        [],
    ),
    Case(
        "image-with-onerror-in-an-update",
        replace(
            "plans/plan-a.yml",
            "text: Survey delayed.",
            'text: "<img src=x onerror=alert(1)>Survey delayed."',
        ),
        [],
    ),
    Case(
        "very-long-title-is-fine",
        replace("plans/plan-a.yml", "title: Train staff", "title: " + "Train staff " * 5000),
        [],
    ),
    Case(
        "title-left-empty",
        replace("plans/plan-a.yml", "title: Online safety", "title:"),
        ["data/plans/plan-a.yml:13: `title` is empty; write it after `title:`"],
    ),
    Case(
        "two-current-plans",
        write_bytes("plans/plan-b.yml", SECOND_PLAN.replace(b"period:", b"current: true\nperiod:")),
        [
            "data/plans/plan-a.yml:4: this plan and data/plans/plan-b.yml (line 3) both have `current: true`; only one plan can be current: set `current: false` in the other"
        ],
    ),
    Case(
        "plan-id-with-capitals",
        both(
            rename("plans/plan-a.yml", "plans/Plan-A.yml"),
            replace("plans/Plan-A.yml", "id: plan-a", "id: Plan-A"),
        ),
        [
            "data/plans/Plan-A.yml:1: plan id `Plan-A` must be lower-case letters, digits and hyphens, e.g. business-plan-2025-28 (and the file named the same, with .yml)"
        ],
    ),
    Case(
        "indicator-ref-with-a-space",
        both(
            replace("indicators.yml", "ref: N19", "ref: N 19"),
            replace("indicator_values.csv", "N19,2023-24", "N 19,2023-24"),
        ),
        [
            # `N 19` is a ref as documents write it; the figures still written N19 name no indicator
            "data/indicator_values.csv:3: indicator `N19` is not in indicators.yml; add it there or correct the ref",
            "data/indicator_values.csv:4: indicator `N19` is not in indicators.yml; add it there or correct the ref",
        ],
    ),
    Case(
        "subgroup-id-index",
        replace("subgroups.yml", "  - id: cse", "  - id: index"),
        [
            "data/subgroups.yml:9: the page of subgroup `index` would be published at `subgroups/index.html`, where the list of subgroups is published; one would replace the other: give the subgroup another `id`"
        ],
    ),
    Case(
        "indicator-ref-index",
        append("indicators.yml", b"  - ref: Index\n    title: An index\n    unit: count\n"),
        [],  # published at indicators/index-2/: the list of all of them keeps its page
    ),
    Case(
        "action-refs-make-one-anchor",
        replace("plans/plan-a.yml", 'ref: "1.1a"', 'ref: "1-1"'),
        [],  # `1-1` gets its own address, #action-1-1-2
    ),
    Case(
        "csv-with-semicolons",
        write_bytes("members.csv", b"agency;role;name\nCouncil;Director;Pat Smith\n"),
        [
            'data/members.csv:1: the columns are separated by semicolons; save it with commas (in Excel: Save As, "CSV UTF-8 (Comma delimited)")'
        ],
    ),
    Case(
        "csv-unicode-minus",
        replace(
            "indicator_values.csv", "N19,2024-25,england,,37.9", "N19,2024-25,england,,\u221237.9"
        ),
        [
            "data/indicator_values.csv:4: value `−37.9` is not a number; write digits only, e.g. 27.4 (no %, £ or words); when there is no figure, write one of: n/a, not available, not yet published, suppressed at source, no longer reported, <5, or leave the row out"
        ],
    ),
    Case(
        "thousands-separator-is-fine",
        with_indicators(
            replace(
                "indicator_values.csv",
                "N30,2024-25,local,Schools,40",
                'N30,2024-25,local,Schools,"1,240"',
            )
        ),
        [],
    ),
    Case(
        "huge-exponent-is-infinite",
        replace("indicator_values.csv", "N19,2024-25,local,,23.4", "N19,2024-25,local,,1e400"),
        [
            "data/indicator_values.csv:3: value `1e400` is not a number; write digits only, e.g. 27.4 (no %, £ or words); when there is no figure, write one of: n/a, not available, not yet published, suppressed at source, no longer reported, <5, or leave the row out"
        ],
    ),
    Case(
        "nan-in-the-budget",
        replace("budget.yml", "budget: 12000, actual: 12000", "budget: .nan, actual: 12000"),
        ["data/budget.yml:3: `budget` must be a number, not `.nan`"],
    ),
    Case(
        "pound-sign-in-the-budget",
        replace("budget.yml", "budget: 12000, actual: 12000", "budget: £12000, actual: 12000"),
        ["data/budget.yml:3: `budget` must be a number, not `£12000`"],
    ),
    Case(
        "negative-delegates",
        replace("training.csv", "Half day,142", "Half day,-3"),
        ["data/training.csv:2: `delegates` must be at least 0, not -3"],
    ),
    Case(
        "negative-contribution",
        replace("budget.yml", "amount: 6997", "amount: -6997"),
        ["data/budget.yml:9: `amount` must be at least 0, not -6997"],
    ),
    Case(
        "suppress-below-zero",
        replace("indicators.yml", "suppress_below: 6", "suppress_below: 0"),
        ["data/indicators.yml:1: `suppress_below` must be at least 1, not 0"],
    ),
    Case(
        "readme-in-the-data-folder",
        write_bytes("README.txt", b"notes\n"),
        [
            "data/README.txt:1: is not read: only the data files and plans/ are; move it out of the data folder (advice)"
        ],
    ),
    Case(
        "folder-in-the-data-folder",
        lambda data: shutil.copytree(data / "plans", data / "old"),
        [
            "data/old:1: this folder is not read: only plans/, pages/ and reports/ are; move it out of the data folder (advice)"
        ],
    ),
    Case(
        "known-file-with-capitals",
        rename("board.yml", "Board.yml"),
        [
            "data/Board.yml:1: `Board.yml` is not read: rename it to `board.yml` (the data files are read only by that name)"
        ],
    ),
    Case(
        "csv-saved-with-txt-ending",
        rename("training.csv", "training.csv.txt"),
        [
            "data/training.csv.txt:1: `training.csv.txt` is not read: rename it to `training.csv` (the data files are read only by that name)"
        ],
    ),
    Case("hidden-mac-file-is-ignored", write_bytes("plans/.DS_Store", b"\x00\x00\x00\x01Bud1"), []),
    Case("libreoffice-lock-file-is-ignored", write_bytes(".~lock.members.csv#", b"x,y\n"), []),
    Case(
        "undefined-alias",
        replace("plans/plan-a.yml", "        lead: CSE Group", "        lead: *lead"),
        ["data/plans/plan-a.yml:40: a value starts with `*`; put the value in quotes"],
    ),
    Case(
        "key-that-is-a-list",
        replace("board.yml", "area: Testshire", "[area]: Testshire"),
        ["data/board.yml:3: a key must be a plain word"],
    ),
    Case(
        "deep-indentation",
        write_bytes(
            "board.yml", b"name: x\nvision:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 60))
        ),
        [
            "data/board.yml:43: lists or blocks are nested more than 40 deep; a plan needs far fewer: check the brackets `[` `{` and the indentation"
        ],
    ),
    Case(
        "c1-control-from-latin1-paste",
        replace("plans/plan-a.yml", "title: Train staff", "title: Train \u0093staff\u0094"),
        [
            "data/plans/plan-a.yml:39: a control character (U+0093) is on this line; delete it (retype the text around it if it looks wrong)"
        ],
    ),
    Case(
        "line-separator-from-a-web-page",
        replace("plans/plan-a.yml", "title: Train staff", "title: Train\u2028staff"),
        [
            "data/plans/plan-a.yml:39: a line separator is on this line; replace it with a new line, or a space"
        ],
    ),
    Case(
        "entity-for-a-control-character",
        replace("plans/plan-a.yml", "title: Train staff", "title: Train&#11;staff"),
        [
            "data/plans/plan-a.yml:39: `&#11;`, which stands for a vertical tab (from Word's line break, Shift+Enter), is on this line; replace it with a new line, or a space"
        ],
    ),
]

ALL_CASES = [*CASES, *ISSUE_CASES, *OWN_CASES]
