"""`make import FILE=<plan.docx|plan.xlsx|plan.csv> PLAN=<id> [FORCE=1] [PLAN_MAP=map.yml]
[SHEET=name]`: write data/plans/<id>.yml from a document, report, then run `make check`."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from macros.check.__main__ import main as check_data
from macros.read.office.changes import Changes, compare, keep_hand_edits
from macros.read.office.columns import read_map
from macros.read.office.document import Document
from macros.read.office.docx import UnreadableFile, read_docx
from macros.read.office.mapper import Outcome, map_document
from macros.read.office.planner_out import write_planner
from macros.read.office.report import report_lines
from macros.read.office.words import MESSAGES
from macros.read.office.xlsx import read_csv_file, read_xlsx
from macros.read.office.yaml_out import plan_yaml

KINDS = {".docx": ("a Word document (.docx)", "Word"), ".xlsx": ("an Excel workbook (.xlsx)", "Excel"),
         ".xlsm": ("an Excel workbook (.xlsx)", "Excel"), ".csv": ("a CSV file", "Excel")}  # fmt: skip
KEPT = [
    "title",
    "current",
    "kind",
    "period",
    "stale_after_months",
    "introduction",
]  # not in a document
PLAN_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


class Stop(Exception):
    """The import cannot go on; the message says why and what to do, in words."""


def read_document(path: Path, sheet: str | None) -> Document:
    if not path.is_file():
        raise Stop(MESSAGES["missing"].format(file=path))
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise Stop(MESSAGES["unknown_kind"].format(file=path))
    kind, app = KINDS[suffix]
    try:
        if suffix == ".docx":
            return read_docx(path)
        if suffix == ".csv":
            return read_csv_file(path)
        return read_xlsx(path, sheet)
    except UnreadableFile as error:
        raise Stop(
            MESSAGES["unreadable"].format(file=path, kind=kind, reason=error, app=app)
        ) from None


def read_plan_map(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    if not path.is_file():
        raise Stop(MESSAGES["missing"].format(file=path))
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        raise Stop(MESSAGES["bad_map"].format(file=path, line=line, problem=error)) from None
    found, problems = read_map(data)
    if problems:
        raise Stop(
            "\n".join(MESSAGES["bad_map"].format(file=path, line=1, problem=p) for p in problems)
        )
    return found


def import_plan(
    file: Path, plan_id: str, data: Path, force: bool, plan_map: Path | None, sheet: str | None
) -> tuple[Outcome, Changes | None, Path]:
    if not PLAN_ID.fullmatch(plan_id):
        raise Stop(MESSAGES["bad_id"].format(plan=plan_id))
    target = data / "plans" / f"{plan_id}.yml"
    if target.exists() and not force:
        raise Stop(MESSAGES["exists"].format(target=target))
    outcome = map_document(read_document(file, sheet), read_plan_map(plan_map))
    if not outcome.mapping:
        raise Stop(MESSAGES["no_table"].format(file=file))
    plan: dict[str, Any] = {"id": plan_id}
    plan.update(outcome.plan)
    plan.setdefault("title", re.sub(r"[-_]+", " ", file.stem).strip().capitalize())
    changes = None
    if target.exists():
        before = yaml.load(target.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
        for key in KEPT:
            if key in before and key not in outcome.plan:
                plan[key] = _typed(before[key])
        keep_hand_edits(before, plan)
        changes = compare(before, plan)
    elif not any((data / "plans").glob("*.yml")):
        plan["current"] = True  # the board's first plan is the one the site shows
    outcome.plan = plan
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(plan_yaml(plan), encoding="utf-8")
    outcome.planner_written = write_planner(outcome.planner, data, file, force)
    return outcome, changes, target


def _typed(value: object) -> object:
    """A value read back as text: yes/no and whole numbers written as YAML writes them."""
    if isinstance(value, str) and value.lower() in {"true", "yes", "false", "no"}:
        return value.lower() in {"true", "yes"}
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make import")
    parser.add_argument("file", type=Path)
    parser.add_argument("plan")
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--map", type=Path, default=None)
    parser.add_argument("--sheet", default=None)
    args = parser.parse_args(argv)
    try:
        outcome, changes, target = import_plan(
            args.file, args.plan, args.data, args.force, args.map, args.sheet
        )
    except Stop as stop:
        print(stop, file=sys.stderr)
        return 1
    except Exception as error:  # a file shaped in a way nobody foresaw: say so, no traceback
        error_words = f"{type(error).__name__}: {error}"
        print(MESSAGES["unexpected"].format(file=args.file, error=error_words), file=sys.stderr)
        return 1
    print(MESSAGES["written"].format(target=target))
    print("\n".join(report_lines(outcome, args.file.name, changes)))
    if check_data([str(args.data)]) != 0:
        print(MESSAGES["check_failed"].format(target=target), file=sys.stderr)
        return 1
    print(MESSAGES["check_passed"])
    if shown := current_elsewhere(target):
        print(MESSAGES["not_current"].format(current=shown, target=target))
    return 0


def current_elsewhere(target: Path) -> Path | None:
    """Another plan the site shows first: a board started with `make new-board` keeps its
    example plan current until the editor says otherwise."""
    for path in sorted(target.parent.glob("*.yml")):
        if path != target and re.search(r"(?m)^current:\s*(true|yes)\b", path.read_text("utf-8")):
            return path
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
