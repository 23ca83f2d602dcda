"""`make import FILE=<plan.docx|plan.xlsx|plan.csv> PLAN=<id> [FORCE=1] [PLAN_MAP=map.yml]
[SHEET=name]`: write <board folder>/plans/<id>.yml from a document, report, then run `make
check`."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plansite.check.__main__ import check_board
from plansite.office.bounds import TooLarge
from plansite.office.changes import Changes, compare, keep_hand_edits
from plansite.office.columns import read_map
from plansite.office.document import Document
from plansite.office.docx import UnreadableFile, read_docx
from plansite.office.fidelity import CHANGED, Fidelity, compare_cells
from plansite.office.mapper import Outcome, map_document
from plansite.office.marks import direction_marks
from plansite.office.planner_out import write_planner
from plansite.office.report import fidelity_lines, report_lines
from plansite.office.words import MESSAGES
from plansite.office.xlsx import read_csv_file, read_xlsx
from plansite.office.yaml_out import plan_yaml
from plansite.read.text import DIRECTION_WHY
from plansite.starter import starter_plan

KINDS = {".docx": ("a Word document (.docx)", "Word"), ".xlsx": ("an Excel workbook (.xlsx)", "Excel"),
         ".xlsm": ("an Excel workbook (.xlsx)", "Excel"), ".csv": ("a CSV file", "Excel")}  # fmt: skip
PREVIOUS = ".previous"  # plans/.previous/: the plans re-imports replaced
# the board's set-up kept from the starter (not its years: the document's plan may be older)
STARTER_KEPT = ("title", "kind")
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
    except TooLarge as error:
        raise Stop(MESSAGES["too_large"].format(file=path, reason=error)) from None
    except UnreadableFile as error:
        raise Stop(
            MESSAGES["unreadable"].format(file=path, kind=kind, reason=error, app=app)
        ) from None


def refuse_direction_marks(document: Document, file: Path) -> None:
    marks = direction_marks(document)
    if marks:
        raise Stop(
            "\n".join(
                MESSAGES["direction"].format(
                    file=file, place=where, what=what, text=text, why=DIRECTION_WHY
                )
                for where, what, text in marks
            )
        )


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


@dataclass
class Imported:
    """What an import did: the plan written and, on a re-import, what changed and where the
    plan it replaced was kept."""

    outcome: Outcome
    target: Path
    changes: Changes | None = None
    kept: int = 0  # fields added by hand to the plan replaced, kept
    previous: Path | None = None  # the plan replaced, as it was
    starter: Path | None = None  # the starter's example plan, replaced
    fidelity: Fidelity = field(default_factory=Fidelity)  # every cell against the plan written
    written: bool = False
    columns: Path | None = None  # the mapping file of the last import, used again


def import_plan(
    file: Path, plan_id: str, data: Path, force: bool, plan_map: Path | None, sheet: str | None
) -> Imported:
    """Read the document into the plan, compare it cell by cell with the plan as it will be
    written, and write it, unless a cell was changed on the way (then nothing is written)."""
    if not PLAN_ID.fullmatch(plan_id):
        raise Stop(MESSAGES["bad_id"].format(plan=plan_id))
    target = data / "plans" / f"{plan_id}.yml"
    if target.exists() and not force:
        raise Stop(MESSAGES["exists"].format(target=target))
    # the columns the board named at the last import (PLAN_MAP=) are named again on a re-import
    remembered = target.parent / PREVIOUS / f"{plan_id}.columns.yml"
    reused = plan_map is None and target.exists() and remembered.is_file()
    if reused:
        plan_map = remembered
    document = read_document(file, sheet)
    refuse_direction_marks(document, file)
    outcome = map_document(document, read_plan_map(plan_map))
    if not outcome.mapping:
        raise Stop(MESSAGES["no_table"].format(file=file))
    plan: dict[str, Any] = {"id": plan_id}
    plan.update(outcome.plan)
    done = Imported(outcome, target, columns=remembered if reused else None)
    before: dict[str, Any] = {}
    done.starter = starter_plan(data / "plans")  # its example words are nobody's: not kept
    if target.exists() and target != done.starter:
        old_text = target.read_text(encoding="utf-8")
        before = yaml.load(old_text, Loader=yaml.BaseLoader) or {}
        columns = {name for _, mapping in outcome.mapping for name in mapping.values()}
        done.kept = keep_hand_edits(before, plan, columns)
        for key, value in before.items():
            if plan.get(key) is value:
                plan[key] = _typed(value)
        done.changes = compare(before, plan)
    else:
        others = [p for p in (data / "plans").glob("*.yml") if p != done.starter]
        if not others:
            plan["current"] = True  # the board's first plan is the one the site shows
    if done.starter is not None:  # its set-up (the board's title and years) stays; its words go
        starter = yaml.load(done.starter.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        for key in STARTER_KEPT:
            if key in (starter or {}) and key not in plan:
                plan[key] = starter[key]
    plan.setdefault("title", re.sub(r"[-_]+", " ", file.stem).strip().capitalize())
    outcome.plan = plan
    text = plan_yaml(plan)
    done.fidelity = compare_cells(document, outcome, text)
    if done.fidelity.count(CHANGED):
        return done  # a fault of the import's: nothing is written, main() says so
    if target.exists() and target != done.starter:
        done.previous = keep_previous(target, old_text, before)
    if done.starter is not None:
        done.starter.unlink()  # its example actions must not be published as the board's
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    done.written = True
    outcome.planner_written = write_planner(outcome.planner, data, file, force)
    if plan_map is not None and not reused:
        remembered.parent.mkdir(exist_ok=True)
        remembered.write_text(plan_map.read_text(encoding="utf-8"), encoding="utf-8")
    return done


def keep_previous(target: Path, text: str, before: dict[str, Any]) -> Path:
    """The plan a re-import replaces, kept as it was in plans/.previous/ (a folder the site does
    not read): named by the plan and its as-at date, so the same plan is kept once."""
    folder = target.parent / PREVIOUS
    folder.mkdir(exist_ok=True)
    as_at = before.get("as_at")
    stem = f"{target.stem}-{as_at if isinstance(as_at, str) and as_at else 'undated'}"
    for number in range(1, 1000):
        path = folder / (f"{stem}.yml" if number == 1 else f"{stem}-{number}.yml")
        if not path.exists() or path.read_text(encoding="utf-8") == text:
            path.write_text(text, encoding="utf-8")
            return path
    raise Stop(MESSAGES["previous_full"].format(folder=folder))


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
    args = parser.parse_args(file_and_plan_first(argv))
    return run_import(args.file, args.plan, args.data, args.force, args.map, args.sheet)


def run_import(
    file: Path, plan_id: str, data: Path, force: bool, plan_map: Path | None, sheet: str | None
) -> int:
    """Import, report what was imported and what changed, then check the board's folder."""
    try:
        done = import_plan(file, plan_id, data, force, plan_map, sheet)
    except Stop as stop:
        print(stop, file=sys.stderr)
        return 1
    except Exception as error:  # a file shaped in a way nobody foresaw: say so, no traceback
        error_words = f"{type(error).__name__}: {error}"
        print(MESSAGES["unexpected"].format(file=file, error=error_words), file=sys.stderr)
        return 1
    target = done.target
    report = report_lines(done.outcome, file.name, done.changes)
    report += fidelity_lines(done.fidelity)
    if not done.written:
        print("\n".join(report))
        changed = done.fidelity.count(CHANGED)
        print(MESSAGES["fidelity_failed"].format(count=changed, file=file), file=sys.stderr)
        return 1
    print(MESSAGES["written"].format(target=target))
    if done.starter is not None:
        print(MESSAGES["starter_replaced"].format(starter=done.starter, target=target))
    print("\n".join(report))
    if done.previous is not None:
        print(MESSAGES["previous"].format(previous=done.previous, kept=done.kept))
    if done.columns is not None:
        print(MESSAGES["columns_again"].format(columns=done.columns))
    if check_board(data) != 0:
        print(MESSAGES["check_failed"].format(target=target), file=sys.stderr)
        return 1
    print(MESSAGES["check_passed"])
    if shown := current_elsewhere(target):
        print(MESSAGES["not_current"].format(current=shown, target=target))
    return 0


OPTIONS = ("-h", "--help", "--data", "--force", "--map", "--sheet")


def file_and_plan_first(argv: list[str]) -> list[str]:
    """`make import` passes FILE and PLAN first: they are read as they are, after "--", so a
    plan id such as "-x" gets the plan id's message rather than argparse's usage line."""
    if len(argv) >= 2 and not any(a.split("=")[0] in OPTIONS for a in argv[:2]):
        return [*argv[2:], "--", *argv[:2]]
    return argv


def current_elsewhere(target: Path) -> Path | None:
    """Another plan the site shows first: a board started with `make new-board` keeps its
    example plan current until the editor says otherwise."""
    for path in sorted(target.parent.glob("*.yml")):
        if path != target and re.search(r"(?m)^current:\s*(true|yes)\b", path.read_text("utf-8")):
            return path
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
