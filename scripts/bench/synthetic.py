"""A synthetic board in the data format, of any size, for measuring builds.

Everything comes from a seeded random generator, so the same N always gives the same files.
The shape follows a large real partnership: several plans, many priorities, issues grouping
actions, four dated updates per action with 150 to 400 characters each, indicators with values
(small counts included, so suppression runs) and a reporting planner that points at actions.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import yaml

# libyaml's emitter when PyYAML has it: dumping 12,000 actions in pure Python takes a while
Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

AS_AT = "2026-09-30"
UPDATE_MONTHS = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)][3:33]
PLANS = [  # (id, title, kind, share of the actions, priorities)
    ("business-plan-2025-28", "Business Plan 2025 to 2028", "business", 0.6, 14),
    ("improvement-plan-2026", "Improvement Plan 2025 to 2026", "improvement", 0.25, 6),
    ("business-plan-2022-25", "Business Plan 2022 to 2025", "business", 0.15, 4),
]
SUBGROUPS = [
    ("pppg", "Policy, Procedures and Performance Group", "PPPG"),
    ("cse", "Child Exploitation Group", "CSE Group"),
    ("pmqa", "Performance Monitoring and Quality Assurance Group", "PMQA"),
    ("ehb", "Early Help Board", "EHB"),
    ("ld", "Learning and Development Group", "L&D"),
    ("csprg", "Case Review Group", "CSPRG"),
    ("edu", "Education Safeguarding Group", "ESG"),
    ("vpg", "Voice of the Child Group", "VCG"),
]
STATUSES = [
    {"key": "green", "label": "Complete", "colour": "#00703c", "meaning": "Finished.", "done": "true"},
    {"key": "amber", "label": "On target", "colour": "#ffdd00", "meaning": "Going to plan."},
    {"key": "red", "label": "Off target", "colour": "#d4351c", "meaning": "Late or at risk."},
]  # fmt: skip
TOPICS = [
    "neglect", "online safety", "exploitation", "missing children", "domestic abuse",
    "early help", "school attendance", "mental health", "safer sleep", "youth violence",
    "care leavers", "private fostering", "disabled children", "thresholds", "transitions",
]  # fmt: skip
SENTENCES = [
    "The lead reported to the subgroup that work on {t} is moving as planned.",
    "A task and finish group met twice and agreed the scope of the review of {t}.",
    "Partners shared figures on {t} and the analyst has started to look for patterns.",
    "Frontline staff were asked what gets in the way when they deal with {t}.",
    "The draft guidance on {t} went out for comment to all partner agencies.",
    "**Progress is slower than hoped** because two agencies have not sent their returns.",
    "Training on {t} was delivered to {n} practitioners across health, police and schools.",
    "An audit of {n} cases found that records on {t} were clear in most of them.",
    "Young advisers reviewed the leaflet on {t} and asked for shorter, plainer words.",
    "The board asked for a short report on {t} at its next meeting.",
    "A new referral pathway for {t} started in the north of the county this month.",
    "The subgroup chair wrote to agencies about missing data on {t}.",
    "Findings were shared at the practitioner forum, with a *seven minute briefing* to follow.",
    "Work is on hold until the new case recording system is in place.",
]  # fmt: skip


def text(rng: random.Random, low: int = 150, high: int = 400) -> str:
    """Sentences until the text is between `low` and `high` characters long."""
    target = rng.randint(low, high)
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < target:
        sentence = rng.choice(SENTENCES).format(t=rng.choice(TOPICS), n=rng.randint(6, 240))
        parts.append(sentence)
    joined = " ".join(parts)
    return joined if len(joined) <= high else joined[: joined.rfind(" ", 0, high)] + "."


def _months(rng: random.Random) -> list[str]:
    return sorted(rng.sample(UPDATE_MONTHS, 4))


def _action(
    rng: random.Random, ref: str, refs_so_far: list[str], indicators: list[str]
) -> dict[str, Any]:
    months = _months(rng)
    statuses = [rng.choice(["amber", "amber", "red", "green"]) for _ in months]
    action: dict[str, Any] = {
        "ref": ref,
        "title": text(rng, 60, 140).rstrip("."),
        "leads": rng.sample([s[2] for s in SUBGROUPS], rng.randint(1, 2)),
        "outcome": text(rng, 80, 160),
        "measure": text(rng, 60, 120),
        "due": rng.choice(["Dec 25", "Mar-26", "End of Nov 26", "Ongoing", "2027-03"]),
        "status": statuses[-1],
    }
    if rng.random() < 0.1:
        action["due_was"] = ["Sep-25"]
    if rng.random() < 0.05:
        action["new"] = "2026-06"
    if refs_so_far and rng.random() < 0.2:
        action["related"] = [rng.choice(refs_so_far)]
    if rng.random() < 0.3:
        action["indicators"] = [rng.choice(indicators)]
    action["updates"] = [
        {"date": month, "status": status, "text": text(rng)}
        for month, status in zip(months, statuses, strict=True)
    ]
    return action


def _priority(rng: random.Random, number: int, count: int, indicators: list[str]) -> dict[str, Any]:
    ref = str(number)
    priority: dict[str, Any] = {
        "ref": ref,
        "title": f"Priority {number}: keep children safe from {rng.choice(TOPICS)}",
        "description": text(rng, 200, 500),
        "focus": rng.sample(TOPICS, 3),
        "outcomes": [text(rng, 60, 120) for _ in range(3)],
        "owner": rng.choice(SUBGROUPS)[2],
        "young_people": "We want you to be safe and to know who to talk to.",
        "evidence": [{"text": text(rng, 60, 120), "status": "amber"}],
    }
    refs: list[str] = []
    grouped = count // 2  # half the actions sit under issues, as in real plans
    issues = []
    for issue_number in range(1, max(1, grouped // 10) + 1):
        issue_actions: list[dict[str, Any]] = []
        for _ in range(min(10, grouped - len(refs))):
            action_ref = f"{ref}.{issue_number}.{len(issue_actions) + 1}"
            issue_actions.append(_action(rng, action_ref, refs, indicators))
            refs.append(action_ref)
        if issue_actions:
            title = text(rng, 40, 90).rstrip(".")
            issues.append(
                {"ref": f"{ref}.{issue_number}", "title": title, "actions": issue_actions}
            )
    actions = []
    while len(refs) < count:
        action_ref = f"{ref}.{len(refs) + 1}"
        actions.append(_action(rng, action_ref, refs, indicators))
        refs.append(action_ref)
    priority["issues"] = issues
    priority["actions"] = actions
    return priority


def _plans(rng: random.Random, actions: int, indicators: list[str]) -> list[dict[str, Any]]:
    plans = []
    left = actions
    for index, (plan_id, title, kind, share, priorities) in enumerate(PLANS):
        in_plan = left if index == len(PLANS) - 1 else round(actions * share)
        left -= in_plan
        sizes = [
            in_plan // priorities + (1 if i < in_plan % priorities else 0)
            for i in range(priorities)
        ]
        plans.append(
            {
                "id": plan_id,
                "title": title,
                "kind": kind,
                "current": "true" if index == 0 else "false",
                "period": title.split(" ", 2)[-1],
                "as_at": AS_AT,
                "introduction": text(rng, 300, 600),
                "statuses": STATUSES,
                "priorities": [
                    _priority(rng, number, size, indicators)
                    for number, size in enumerate(sizes, start=1)
                ],
            }
        )
    return plans


UNITS = ["rate_per_10000", "percent", "count", "days"]
INDICATORS = 30  # as many as a large real partnership's; fewer make a quicker board (the tests')


def _indicators(rng: random.Random, count: int) -> tuple[dict[str, Any], list[list[str]]]:
    units = UNITS
    indicators = []
    rows = [["indicator", "period", "area", "category", "value"]]
    for number in range(1, count + 1):
        unit = units[number % len(units)]
        ref = f"S{number}"
        indicators.append(
            {
                "ref": ref,
                "title": f"Synthetic indicator {number}: {rng.choice(TOPICS)}",
                "description": text(rng, 80, 160),
                "meaning": text(rng, 80, 200),
                "unit": unit,
                "polarity": rng.choice(["higher_is_better", "lower_is_better", "none"]),
                "period_type": "financial_year",
                "theme": rng.choice(["Child protection", "Children in need", "Early help"]),
                "commentary": [{"period": "2025-26", "comment": text(rng, 100, 250)}],
            }
        )
        for year in range(2019, 2026):
            period = f"{year}-{(year + 1) % 100:02d}"
            for area in ("local", "england", "neighbours"):
                if area != "local" and unit == "count":
                    continue
                # counts from 1 to 9, so some are below the threshold and are suppressed
                value = rng.randint(1, 9) if unit == "count" else round(rng.uniform(5, 80), 1)
                rows.append([ref, period, area, "", str(value)])
    return {"thresholds": {"suppress_below": "6"}, "indicators": indicators}, rows


def _planner(
    rng: random.Random, plans: list[dict[str, Any]], indicators: list[str]
) -> dict[str, Any]:
    current = plans[0]
    refs = [
        a["ref"]
        for p in current["priorities"]
        for a in [*(x for i in p["issues"] for x in i["actions"]), *p["actions"]]
    ]
    items = []
    for number in range(1, 25):
        items.append(
            {
                "what": f"Report {number} on {rng.choice(TOPICS)}",
                "who": rng.choice(SUBGROUPS)[2],
                "activity": text(rng, 60, 140),
                "tells_board": text(rng, 60, 140),
                "when": rng.choice(["Quarterly", "Twice a year", "Annual report every March"]),
                "actions": [
                    f"{current['id']}:{ref}" for ref in rng.sample(refs, min(2, len(refs)))
                ],
                "indicators": rng.sample(indicators, 2),
            }
        )
    return {"year_start": "2026-04", "items": items}


def _board() -> dict[str, Any]:
    return {
        "name": "Benchmark Safeguarding Children Partnership",
        "short_name": "BSCP",
        "area": "Benchmark",
        "vision": "Children in Benchmark are safe and grow up well.",
        "objectives": ["Coordinate what partners do", "Check that it works"],
        "contact": {"email": "board@bench.example.org", "phone": "01632 960 000"},
        "meeting_months": ["Jan", "Mar", "May", "Jul", "Sep", "Nov"],
        "young_people": {"about": "We are people who work together to keep children safe."},
    }


def _subgroups(rng: random.Random) -> dict[str, Any]:
    return {
        "subgroups": [
            {
                "id": sid,
                "name": name,
                "acronym": acronym,
                "chair": "A. Chair",
                "purpose": text(rng, 60, 140),
                "responsibilities": [text(rng, 40, 90) for _ in range(3)],
            }
            for sid, name, acronym in SUBGROUPS
        ]
    }


def _budget() -> dict[str, Any]:
    return {
        "year": "2025-26",
        "currency": "GBP",
        "expenditure": [{"line": f"Line {n}", "budget": str(1000 * n), "actual": str(990 * n)} for n in range(1, 9)],
        "income": [{"line": "Training income", "budget": "15500", "actual": "11835"}],
        "contributions": [{"partner": f"Partner {n}", "amount": str(5000 * n), "group": "Operating costs"} for n in range(1, 6)],
    }  # fmt: skip


def _write_yaml(path: Path, data: dict[str, Any]) -> None:
    text = yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def generate(folder: Path, actions: int, seed: int = 8, indicators: int = INDICATORS) -> Path:
    """Write a board with `actions` actions and `indicators` indicators (at least one of each
    unit) into `folder` (created) and return the folder."""
    if indicators < len(UNITS):
        raise ValueError(f"a synthetic board has at least {len(UNITS)} indicators")
    rng = random.Random(seed)
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    indicator_file, value_rows = _indicators(rng, indicators)
    refs = [i["ref"] for i in indicator_file["indicators"]]
    plans = _plans(rng, actions, refs)
    for plan in plans:
        _write_yaml(folder / "plans" / f"{plan['id']}.yml", plan)
    _write_yaml(folder / "board.yml", _board())
    _write_yaml(folder / "subgroups.yml", _subgroups(rng))
    _write_yaml(folder / "indicators.yml", indicator_file)
    _write_yaml(folder / "planner.yml", _planner(rng, plans, refs))
    _write_yaml(folder / "budget.yml", _budget())
    _write_csv(folder / "indicator_values.csv", value_rows)
    members = [["agency", "role", "name"]] + [
        [f"Agency {n}", "Director", f"Person {n}"] for n in range(1, 13)
    ]
    _write_csv(folder / "members.csv", members)
    courses = [["course", "length", "delegates"]] + [
        [f"Course {n}", "1 day", str(20 * n)] for n in range(1, 11)
    ]
    _write_csv(folder / "training.csv", courses)
    return folder
