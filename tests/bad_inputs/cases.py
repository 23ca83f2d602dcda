"""The bad-input corpus: broken data sets, each with the exact report `make check` must give.

Every case starts from tests/fixtures/corpus-base (a small, valid board) and breaks it in one
way. `expected` is the whole report in the order printed, one `data/<file>:<line>: message` per
problem (causes first: what is wrong inside a file, then what the checks between files found),
then the warnings, each ending "(advice)"; the summary line is added by the test. An empty
list means the input is odd but valid (a byte order mark, markup to be sanitised).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PLAN = "data/plans/plan-a.yml"


@dataclass(frozen=True)
class Case:
    name: str
    breaks: Callable[[Path], None]
    expected: list[str]


def replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"corpus base changed: {old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write_bytes(file: str, content: bytes) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data / file).write_bytes(content)

    return apply


def remove(file: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data / file).unlink()

    return apply


def huge(file: str, megabytes: int) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        with (data / file).open("ab") as handle:
            handle.write(b"#" * (megabytes * 1024 * 1024))

    return apply


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        for step in steps:
            step(data)

    return apply


def write_text(file: str, content: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        (data / file).parent.mkdir(parents=True, exist_ok=True)
        (data / file).write_text(content, encoding="utf-8")

    return apply


REPORT = "reports/2025-26.yml"
YEAR = "year: 2025-26\nstart: 2025-04-01\nend: 2026-03-31\npublished: 2026-09-30\n"


CASES = [
    Case("yaml-unclosed-quote",
         replace("plans/plan-a.yml", 'title: Train staff', 'title: "Train staff'),
         [f"{PLAN}:39: a quote is opened but never closed; close it with the same kind of quote"]),
    Case("yaml-tab-indent",
         replace("plans/plan-a.yml", "    owner: PPPG", "\towner: PPPG"),
         [f"{PLAN}:14: a tab is used for indenting; YAML needs spaces: replace the tab with spaces"]),
    Case("yaml-colon-in-value",
         replace("plans/plan-a.yml", "title: Train staff", "title: Update: train staff"),
         [f'{PLAN}:39: a value contains ": " (a colon and a space); put the whole value in quotes, e.g. text: "Update: report received"']),
    Case("yaml-bad-indentation",
         replace("plans/plan-a.yml", "    title: Online safety", "   title: Online safety"),
         [f"{PLAN}:13: a line has no `key:` or its indentation does not line up with the lines above; check the indentation and put long text in quotes"]),
    Case("yaml-only-comments",
         write_bytes("planner.yml", b"# the planner will come later\n"),
         ["data/planner.yml:1: file has no data, only comments; add its content"]),
    Case("yaml-list-instead-of-block",
         write_bytes("board.yml", b"- name: Testshire\n"),
         ["data/board.yml:1: the file must be a block of `key: value` lines"]),
    Case("yaml-duplicate-key",
         replace("plans/plan-a.yml", "    owner: PPPG\n", "    owner: PPPG\n    owner: CSE Group\n"),
         [f"{PLAN}:15: `owner` appears twice in the same block (first on line 14); keep one and delete the other"]),
    Case("no-in-a-number-field",
         replace("plans/plan-a.yml", "as_at: 2026-06-30", "as_at: 2026-06-30\nstale_after_months: NO"),
         [f"{PLAN}:7: `stale_after_months` must be a whole number, not `NO`"]),
    Case("yes-in-a-choice-field",
         replace("plans/plan-a.yml", "kind: business", "kind: yes"),
         [f"{PLAN}:3: `kind` cannot be `yes`; use one of 'business', 'improvement', 'strategic' or 'other'"]),
    Case("word-in-a-yes-no-field",
         replace("plans/plan-a.yml", "current: true", "current: perhaps"),
         [f"{PLAN}:4: `current` must be yes or no (true or false), not `perhaps`"]),
    Case("bare-date-month-13",
         replace("plans/plan-a.yml", "due: Mar-26", "due: 2026-13-01"),
         [f"{PLAN}:30: `2026-13-01` is not a real date (day 1, month 13, year 2026)"]),
    Case("impossible-date",
         replace("plans/plan-a.yml", "as_at: 2026-06-30", "as_at: 2026-02-30"),
         [f"{PLAN}:6: `2026-02-30` is not a real date (day 30, month 2, year 2026)"]),
    Case("unparseable-update-date",
         replace("plans/plan-a.yml", "date: 2026-01,", "date: soon,"),
         [f"{PLAN}:36: `soon` is not a date this site can read; write it as 2025-12 (a month) or 2025-12-14 (a day)"]),
    Case("unparseable-new-marker",
         replace("plans/plan-a.yml", "new: 2025-10", "new: recently"),
         [f"{PLAN}:32: `recently` is not a date this site can read; write it as 2025-12 (a month) or 2025-12-14 (a day)"]),
    Case("update-after-as-at",
         replace("plans/plan-a.yml", "date: 2026-01,", "date: 2026-08,"),
         [f"{PLAN}:36: update dated 2026-08 is after the plan's `as_at` date (2026-06-30); correct the date or move `as_at` forward"]),
    Case("unknown-key-typo",
         replace("plans/plan-a.yml", "            status: green", "            stauts: green"),
         [f"{PLAN}:23: unknown key `stauts`; did you mean `status`?"]),
    Case("unknown-key-in-board",
         replace("board.yml", "area: Testshire", "areas: Testshire"),
         ["data/board.yml:3: unknown key `areas`; did you mean `area`?"]),
    Case("missing-required-field",
         replace("plans/plan-a.yml", "    title: Online safety\n", ""),
         [f"{PLAN}:12: `title` is missing; add `title:` here"]),
    Case("action-with-no-title-outside-an-issue",
         replace("plans/plan-a.yml", "        title: Train staff\n", ""),
         [f"{PLAN}:38: action `1.2` has no `title`; write what will be done (only a row under an issue may leave it out, to add a lead, a date or an update to the issue)"]),
    Case("unknown-status",
         replace("plans/plan-a.yml", "status: red\n", "status: amberr\n"),
         [f"{PLAN}:31: status `amberr` is not one of this plan's statuses (green (Complete), amber (On target), red (Off target)); write one of them, as its key or its label, or add it to `statuses:`"]),
    Case("unknown-impact",
         replace("plans/plan-a.yml", "status: red\n", "status: red\n            impact: bluish\n"),
         [f"{PLAN}:32: impact `bluish` is not one of this plan's statuses (green (Complete), amber (On target), red (Off target)); write one of them, as its key or its label, or add it to `statuses:`"]),
    Case("unknown-status-in-update",
         replace("plans/plan-a.yml", "text: Draft written., status: amber", "text: Draft written., status: yellow"),
         [f"{PLAN}:25: status `yellow` is not one of this plan's statuses (green (Complete), amber (On target), red (Off target)); write one of them, as its key or its label, or add it to `statuses:`"]),
    Case("status-colour-not-hex",
         replace("plans/plan-a.yml", 'colour: "#d4351c"', "colour: red"),
         [f'{PLAN}:10: colour `red` must be written as #rrggbb, e.g. "#ffdd00"']),
    Case("no-statuses",
         replace("plans/plan-a.yml", "statuses:\n", "statuses: []\nold_statuses:\n"),
         [f"{PLAN}:7: `statuses` needs at least one item",
          f"{PLAN}:8: unknown key `old_statuses`; did you mean `statuses`?"]),
    Case("duplicate-action-ref",
         replace("plans/plan-a.yml", 'ref: "1.2"', 'ref: "1.1"'),
         [f"{PLAN}:33: related action `1.1` could mean any of `1.1` (`#action-1-1`), `1.1` (`#action-1-1-2`), so it is shown as written, with no link; write the one you mean by its address (e.g. `#action-1-1-2`) to link it (advice)",
          f"{PLAN}:38: action ref `1.1` is used twice in priority `1` (first on line 19); both are published as written, the second at `#action-1-1-2`; give each its own ref if the document allows (advice)"]),
    Case("dangling-related-action",
         replace("plans/plan-a.yml", 'related: ["1.1"]', 'related: ["9.9"]'),
         [f"{PLAN}:33: related action `9.9` names no action of this plan, so it is shown as written, with no link; write an action's ref (or plan-id:ref for another plan) to link it (advice)"]),
    Case("dangling-indicator-on-action",
         replace("plans/plan-a.yml", "        lead: CSE Group\n", "        lead: CSE Group\n        indicators: [N99]\n"),
         [f"{PLAN}:41: indicator `N99` does not exist in indicators.yml"]),
    Case("dangling-planner-action",
         replace("planner.yml", "    who: PPPG\n", "    who: PPPG\n    actions: [\"plan-a:7.7\"]\n"),
         ["data/planner.yml:5: action `plan-a:7.7` does not exist"]),
    Case("plan-id-not-file-name",
         replace("plans/plan-a.yml", "id: plan-a", "id: plan-b"),
         [f"{PLAN}:1: plan id `plan-b` must match the file name; rename the file to plan-b.yml or set `id: plan-a`"]),
    Case("one-plan-not-marked-current",  # a board's only plan is its current plan
         replace("plans/plan-a.yml", "current: true", "current: false"),
         []),
    Case("plan-file-wrong-extension",
         lambda data: (data / "plans" / "plan-a.yml").rename(data / "plans" / "plan-a.yaml"),
         ["data/plans/plan-a.yaml:1: `plan-a.yaml` is not read: rename it to `plan-a.yml` (plans are read only from .yml files)"]),
    Case("unknown-data-file",
         write_bytes("plan.yml", b"title: misplaced\n"),
         ["data/plan.yml:1: unknown data file `plan.yml`; the files are: board.yml, budget.yml, glossary.yml, indicator_population.csv, indicator_values.csv, indicators.yml, members.csv, planner.yml, subgroups.yml, training.csv"]),
    Case("duplicate-subgroup-id",
         replace("subgroups.yml", "  - id: cse", "  - id: pppg"),
         ["data/subgroups.yml:9: subgroup id `pppg` is used twice (first on line 2); give each a different one"]),
    Case("acronym-names-two-subgroups",
         replace("subgroups.yml", "    acronym: CSE Group", "    acronym: PPG"),
         ["data/subgroups.yml:2: `PPG` names more than one subgroup; leads that use it could mean either: give each subgroup its own acronym and aliases",
          "data/subgroups.yml:9: `PPG` names more than one subgroup; leads that use it could mean either: give each subgroup its own acronym and aliases"]),
    Case("unknown-meeting-month",
         replace("board.yml", "[Jan, Apr, Jul, Oct]", "[Jan, Apr, Jly, Oct]"),
         ["data/board.yml:7: `Jly` is not a month; write Jan, Feb, Mar, ... or the full name"]),
    Case("unknown-planner-month",
         replace("planner.yml", "    when: Annual report every March\n", "    when: Annual report every March\n    months: [Marhc]\n"),
         ["data/planner.yml:6: `Marhc` is not a month; write Jan, Feb, Mar, ... or the full name"]),
    Case("wrong-polarity-word",
         replace("indicators.yml", "polarity: none", "polarity: up"),
         ["data/indicators.yml:6: `polarity` cannot be `up`; use one of 'higher_is_better', 'lower_is_better' or 'none'"]),
    Case("non-numeric-indicator-value",
         replace("indicator_values.csv", "N19,2024-25,local,,23.4", "N19,2024-25,local,,23.4%"),
         ["data/indicator_values.csv:3: value `23.4%` is not a number; write digits only, e.g. 27.4 (no %, £ or words); when there is no figure, write one of: n/a, not available, not yet published, suppressed at source, no longer reported, <5, or leave the row out"]),
    Case("empty-indicator-value",
         replace("indicator_values.csv", "N19,2024-25,local,,23.4", "N19,2024-25,local,,"),
         ["data/indicator_values.csv:3: the `value` cell is empty; fill it in"]),
    Case("unknown-indicator-in-values",
         replace("indicator_values.csv", "N19,2024-25,england", "N91,2024-25,england"),
         ["data/indicator_values.csv:4: indicator `N91` is not in indicators.yml; add it there or correct the ref"]),
    Case("wrong-period-format",
         replace("indicator_values.csv", "N19,2023-24,local", "N19,2023,local"),
         ["data/indicator_values.csv:2: period `2023` is not a financial year; write it like 2024-25"]),
    Case("duplicate-indicator-row",
         replace("indicator_values.csv", "N19,2024-25,england,,37.9", "N19,2024-25,local,,37.9"),
         ["data/indicator_values.csv:4: N19 2024-25 local  appears twice (first on line 3); keep one row"]),
    Case("series-with-category",
         replace("indicator_values.csv", "N19,2024-25,england,,37.9", "N19,2024-25,england,Girls,37.9"),
         ["data/indicator_values.csv:4: N19 is a series: leave `category` empty, or set `kind: distribution` in indicators.yml"]),
    Case("empty-area",
         replace("indicator_values.csv", "N19,2024-25,england", "N19,2024-25,"),
         ["data/indicator_values.csv:4: the `area` cell is empty; fill it in"]),
    Case("csv-missing-column",
         replace("members.csv", "agency,role,name", "agency,role"),
         ["data/members.csv:1: missing column name; the header row must be: agency,role,name"]),
    Case("csv-row-with-extra-field",
         replace("training.csv", "Safer recruitment,1 day,84", "Safer recruitment,1 day,84,extra"),
         ['data/training.csv:3: this row has 4 cells but the header has 3; remove the extra comma, or put text that contains commas in "double quotes"']),
    Case("csv-non-integer-delegates",
         replace("training.csv", "Half day,142", "Half day,about 140"),
         ["data/training.csv:2: `delegates` must be a whole number, not `about 140`"]),
    Case("csv-not-utf8",
         write_bytes("members.csv", "agency,role,name\nCouncil,Director,Zo\u00eb Smith\n".encode("latin-1")),
         ['data/members.csv:2: file is not UTF-8 text (a character on this line cannot be read); save it as UTF-8 (in Excel: Save As, "CSV UTF-8")']),
    Case("csv-with-bom-and-a-bad-row",
         write_bytes("training.csv", "course,length,delegates\nBasic awareness,Half day,lots\n".encode("utf-8-sig")),
         ["data/training.csv:2: `delegates` must be a whole number, not `lots`"]),
    Case("csv-with-bom-is-fine",
         write_bytes("training.csv", "course,length,delegates\nBasic awareness,Half day,142\n".encode("utf-8-sig")),
         []),
    Case("empty-file",
         write_bytes("board.yml", b"\n  \n"),
         ["data/board.yml:1: file is empty; add its content or remove the file"]),
    Case("missing-file",
         remove("board.yml"),
         ["data/board.yml:1: file not found; create it (see docs/maintainers/data-format.md)"]),
    Case("values-without-indicators",
         remove("indicators.yml"),
         ["data/indicator_values.csv:1: there is no indicators.yml to say what these values measure; add indicators.yml or remove this file"]),
    Case("brand-colour-too-light",
         replace("board.yml", "area: Testshire", 'area: Testshire\ncolour: "#ffdd00"'),
         ["data/board.yml:4: colour `#ffdd00` is too light: white text on it has a contrast of 1.34:1, and needs at least 4.50:1 to be read by everyone; choose a darker shade of it"]),
    Case("logo-not-there",
         replace("board.yml", "area: Testshire", "area: Testshire\nlogo: crest.png"),
         ["data/board.yml:4: logo `crest.png` is not in the data folder; put the file at data/crest.png or correct the name"]),
    Case("huge-file",
         huge("indicator_values.csv", 51),
         ["data/indicator_values.csv:1: file is 51 MB, more than the 50 MB limit; split it or remove what is not plan data"]),
    Case("budget-total-disagrees",
         replace("budget.yml", "expenditure_budget: 30075", "expenditure_budget: 31075"),
         ["data/budget.yml:11: expenditure budget total is stated as 31,075.00 but its lines add up to 30,075.00; correct the lines or the total"]),
    Case("lead-written-as-a-block",
         replace("plans/plan-a.yml", "        lead: CSE Group", "        lead: {name: CSE Group}"),
         [f"{PLAN}:40: `lead` must be a list (items on lines starting with `- `, or [a, b]), not a block of `key: value` lines"]),
    Case("website-that-is-a-script",
         replace("board.yml", 'address: "1 High Street, Testtown"}', 'address: "1 High Street, Testtown", website: "javascript:alert(1)"}'),
         ["data/board.yml:6: website `javascript:alert(1)` must be a web address starting https:// (or http://)"]),
    Case("script-injection-is-kept-for-the-sanitiser",
         replace("plans/plan-a.yml", "title: Train staff", "title: Train staff <script>alert(1)</script>"),
         []),
    Case("report-year-differs-from-its-file-name",
         write_text(REPORT, YEAR.replace("year: 2025-26", "year: 2024-25")),
         ["data/reports/2025-26.yml:1: year `2024-25` does not match the file name; rename the file 2024-25.yml or correct the year"]),
    Case("report-year-written-as-a-date",
         write_text(REPORT, YEAR.replace("year: 2025-26", "year: 2025")),
         ['data/reports/2025-26.yml:1: year `2025` must be written like "2025-26"']),
    Case("report-ends-before-it-starts",
         write_text(REPORT, YEAR.replace("end: 2026-03-31", "end: 2025-03-31")),
         ["data/reports/2025-26.yml:3: the year ends before it starts; correct `start` or `end`"]),
    Case("report-chapter-missing",
         write_text(REPORT, YEAR + "sections:\n  foreword: {chapter: foreword.md}\n"),
         ["data/reports/2025-26.yml:6: chapter `foreword.md` not found; create data/reports/2025-26/foreword.md or correct the name"]),
    Case("report-chapter-not-markdown",
         write_text(REPORT, YEAR + "sections:\n  foreword: {chapter: Foreword.docx}\n"),
         ["data/reports/2025-26.yml:6: chapter `Foreword.docx` must be a file name in the report's folder, in lower case and ending .md, e.g. foreword.md"]),
    Case("report-names-a-plan-that-does-not-exist",
         write_text(REPORT, YEAR + "plans: [plan-z]\n"),
         ["data/reports/2025-26.yml:5: plan `plan-z` does not exist; use an id from data/plans/"]),
    Case("report-recommendation-names-an-unknown-action",
         write_text(REPORT, YEAR + "sections:\n  reviews:\n    reviews:\n      - name: Child A\n        date: 2025-11\n"
                    "        recommendations:\n          - {text: Share learning, actions: [\"9.9\"]}\n"),
         ["data/reports/2025-26.yml:11: action `9.9` is not in plan plan-a; write its ref, or plan-id:ref for an action of another plan"]),
    Case("report-with-an-unknown-section",
         write_text(REPORT, YEAR + "sections:\n  thanks: {chapter: thanks.md}\n"),
         ["data/reports/2025-26.yml:6: unknown key `thanks`; allowed keys: data_use, effectiveness, foreword, funding, little_progress, next_year, reviews, scrutineer_view, scrutiny, training, voices"]),
]  # fmt: skip
