"""A plan dict written as YAML a person can read and edit: fields in the documented order,
refs quoted, long text as indented blocks, and nothing YAML would read differently."""

from __future__ import annotations

import json
import re
from typing import Any

QUOTED_KEYS = {"ref", "due", "due_was", "colour", "period"}  # always quoted, as the docs advise
PLAIN = re.compile(r"^[A-Za-z(][^\n]*$")
UNSAFE = re.compile(r":\s|\s#|^[-?:,\[\]{}#&*!|>'\"%@`]|[\s:]$")
YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "y", "n", "null", "~"}
PLAIN_KEYS = {"done", "closed", "current", "stale_after_months"}
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
TOP_ORDER = [
    "id", "title", "kind", "current", "period", "as_at", "stale_after_months", "introduction",
    "statuses", "priorities", "notes",
]  # fmt: skip


def scalar(value: object, key: str = "", flow: bool = False) -> str:
    """One value; `flow`: an item of a [a, b] list, where commas and brackets need quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if key in QUOTED_KEYS:
        return json.dumps(text, ensure_ascii=False)
    if DATE.match(text) or (key == "new" and text == "true"):
        return text
    if key in PLAIN_KEYS and re.fullmatch(r"true|false|\d+", text):  # read back from a plan
        return text
    in_flow = flow and any(c in text for c in ",[]{}")
    if (
        PLAIN.match(text)
        and not UNSAFE.search(text)
        and text.lower() not in YAML_WORDS
        and not in_flow
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str) -> list[str]:
    """Text of several lines as an indented block (`|-`: exactly these lines); text a block
    cannot hold as it is (leading or trailing spaces) is written quoted instead."""
    lines = text.split("\n")
    if text[:1].isspace() or any(ln != ln.rstrip() for ln in lines) or "\t" in text:
        return [json.dumps(text, ensure_ascii=False)]
    return ["|-"] + [f"{indent}{ln}" if ln else "" for ln in lines]


def _value(key: str, value: Any, indent: str) -> list[str]:
    """The lines for `key: value` at this indent (the first line has no indent yet)."""
    inner = indent + "  "
    if isinstance(value, dict):
        return [f"{key}:", *_mapping(value, inner)]
    if isinstance(value, list):
        if not value:
            return [f"{key}: []"]
        if all(isinstance(v, str) and "\n" not in v for v in value) and key in {
            "leads", "due_was", "related", "indicators",
        }:  # fmt: skip
            return [f"{key}: [{', '.join(scalar(v, key, flow=True) for v in value)}]"]
        lines = [f"{key}:"]
        for item in value:
            if isinstance(item, dict):
                body = _mapping(item, inner + "  ")
                lines.append(f"{inner}- {body[0].lstrip()}")
                lines.extend(body[1:])
            elif isinstance(item, str) and "\n" in item:
                block = _block(item, inner + "    ")
                lines.append(f"{inner}- {block[0]}")
                lines.extend(block[1:])
            else:
                lines.append(f"{inner}- {scalar(item, key)}")
        return lines
    if isinstance(value, str) and "\n" in value:
        block = _block(value, inner)
        return [f"{key}: {block[0]}", *block[1:]]
    return [f"{key}: {scalar(value, key)}"]


def _mapping(data: dict[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        produced = _value(key, value, indent)
        lines.append(indent + produced[0])
        lines.extend(produced[1:])
    return lines


def plan_yaml(plan: dict[str, Any]) -> str:
    ordered = {k: plan[k] for k in TOP_ORDER if k in plan}
    ordered.update({k: v for k, v in plan.items() if k not in ordered})
    header = "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
    return header + "\n".join(_mapping(ordered, "")) + "\n"


def planner_yaml(planner: dict[str, Any]) -> str:
    """The board's planner file (data/planner.yml): `year_start`, then its items."""
    ordered: dict[str, Any] = {k: planner[k] for k in ("year_start", "items") if k in planner}
    ordered.update({k: v for k, v in planner.items() if k not in ordered})
    header = "# yaml-language-server: $schema=schemas/planner.schema.json\n"
    return header + "\n".join(_mapping(ordered, "")) + "\n"
