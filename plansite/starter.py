"""The starter's example plan (`make new-board`): written by plansite/new_board.py, and known
again by `make import`, which replaces it while nobody has edited it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

STARTER_ID = re.compile(r"business-plan-(\d{4})-\d{2}")
STARTER_DAY = re.compile(r"(?m)^as_at: (\d{4}-\d{2}-\d{2})\b")


def starter_plan(plans: Path) -> Path | None:
    """The starter's example plan in `plans`, when it is there exactly as the starter wrote it
    (its three example actions, never edited) and is the only plan; else None."""
    files = sorted(plans.glob("*.yml")) if plans.is_dir() else []
    if len(files) != 1:
        return None
    path = files[0]
    named, text = STARTER_ID.fullmatch(path.stem), path.read_text(encoding="utf-8")
    day = STARTER_DAY.search(text)
    if named is None or day is None:
        return None
    written = plan_yml(path.stem, int(named.group(1)), date.fromisoformat(day.group(1)))
    return path if text == written else None


def plan_yml(plan_id: str, start: int, today: date) -> str:
    return f"""# yaml-language-server: $schema=../schemas/plan.schema.json
# One plan. Add more plans as more files in this folder; exactly one has `current: true`.

id: {plan_id}                      # must match the file name (without .yml)
title: Business plan {start} to {start + 3}
kind: business                     # business, improvement, strategic or other
current: true                      # the plan the site shows first
period: {start} to {start + 3}
as_at: {today.isoformat()}                 # the date of the latest progress: "today" for this plan

# The status words of this plan, best first; `done: true` marks those that count as done.
statuses:
  - key: green                     # the word used in `status:` below
    label: Complete                # the word readers see
    colour: "#00703c"
    meaning: The action is finished.
    done: true
  - key: amber
    label: On target
    colour: "#ffdd00"
    meaning: Work is under way and should finish on time.
  - key: red
    label: Off target
    colour: "#d4351c"
    meaning: The action is late or at risk.

priorities:
  - ref: "1"                       # the priority's number
    title: Keep children safe online
    description: What the partnership will do so that children are safe online.
    # young people's words for the guide; a priority without them is left out of the guide
    young_people: We want you to be safe online. We will help you and your family.
    actions:
      - ref: "1.1"                 # unique in the plan
        title: Write an online safety guide for parents
        lead: Online safety group  # who leads it: a subgroup or a person's role
        due: March {start + 1}
        status: green              # one of the status keys above
        updates:                   # dated progress, newest anywhere in the list
          - date: {today.isoformat()}
            text: The guide is published on the council's website.
            status: green
      - ref: "1.2"
        title: Train school staff to spot harm online
        lead: Training group
        due: September {start + 1}
        status: amber
      - ref: "1.3"
        title: Ask children what makes them feel unsafe online
        lead: Participation officer
        due: December {start + 1}
        status: red
"""
