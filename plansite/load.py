"""Load and check a board's data folder: the first step of every build and of `make check`.

Reads every file, validates it against the models, cross-checks references between files,
and raises one DataError listing every problem, or returns the BoardData.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from plansite.check.advice import data_advice
from plansite.check.crossrefs import cross_check
from plansite.check.messages import explain
from plansite.check.sections import guide_advice
from plansite.check.yearly_reports import check_report_dates, check_reports
from plansite.model.annual_tables import Budget, Course
from plansite.model.base import Model, key_lines
from plansite.model.board import Board, Member, SubgroupsFile
from plansite.model.board_data import BoardData
from plansite.model.glossary import GlossaryFile, national_glossary
from plansite.model.indicators import IndicatorsFile, Population, Thresholds, Value
from plansite.model.plan import Plan
from plansite.model.planner import Planner
from plansite.model.yearly_report import Report
from plansite.read.board_pages import PAGES_FOLDER, read_board_pages
from plansite.read.csvfile import read_csv
from plansite.read.files import data_files, plan_files
from plansite.read.images import logo_problem
from plansite.read.problems import DataError, Problems, display_path, ordered
from plansite.read.text import read_text
from plansite.read.yamlfile import YamlDoc, read_yaml

M = TypeVar("M", bound=BaseModel)

KEY_ALIASES = {"leads": "lead"}  # a field that editors may also write under another key
# Values that name something to match (refs, ids, leads, keys): read without pasted invisible
# or non-breaking spaces, so `CSE\u00a0Group` still finds its subgroup (with a warning).
NAMES = frozenset({
    "id", "ref", "key", "status", "lead", "leads", "owner", "related", "indicators", "actions",
    "acronym", "aliases", "who", "indicator", "period", "area", "category", "kind", "unit",
    "polarity", "period_type", "current", "date", "due", "as_at", "new", "year", "currency",
})  # fmt: skip


def load_board_data(
    data_dir: Path, language: str = "en", *, url: str = "", own_url: bool = False, pdfs: bool = True
) -> BoardData:
    """The board's data; `language` picks the default glossary of national terms. The site's
    address (PDFs link to its pages) is `url`, or with `own_url` board.yml's `site_url` when it
    gives one; `pdfs` False makes no PDF (a preview)."""
    with no_cycle_collection():
        return _load_board_data(data_dir, language, (url, own_url), pdfs)


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Loading makes millions of objects and frees almost none: Python's cycle collector would
    only scan them again and again (it more than doubled the time to load 12,000 actions). So
    does importing the libraries that make the published files (plansite/documents)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_board_data(data_dir: Path, language: str, url: tuple[str, bool], pdfs: bool) -> BoardData:
    problems = Problems()
    refused = data_files(data_dir, problems)  # what is not read, and why; links out refused
    board = _yaml_model(data_dir / "board.yml", Board, problems, refused=refused)
    # Only board.yml and one plan are required: every other file turns on a part of the site.
    subgroups = _yaml_model(
        data_dir / "subgroups.yml", SubgroupsFile, problems, False, refused=refused
    )
    members = _csv_models(
        data_dir / "members.csv", Member, ["agency", "role", "name"], problems, False,
        refused=refused,
    )  # fmt: skip
    plans, unread_plans = _plans(data_dir / "plans", problems, refused)
    indicators = _yaml_model(
        data_dir / "indicators.yml", IndicatorsFile, problems, False, refused=refused
    )
    values = _csv_models(
        data_dir / "indicator_values.csv",
        Value,
        ["indicator", "period", "area", "value"],
        problems,
        required=False,
        optional=["category", "dimension", "second_value", "note"],
        refused=refused,
    )
    population = _csv_models(
        data_dir / "indicator_population.csv",
        Population,
        ["period", "category", "population"],
        problems,
        required=False,
        optional=["area", "dimension"],
        refused=refused,
    )
    planner = _yaml_model(data_dir / "planner.yml", Planner, problems, False, refused=refused)
    budget = _yaml_model(data_dir / "budget.yml", Budget, problems, False, refused=refused)
    training = _csv_models(
        data_dir / "training.csv", Course, ["course", "length", "delegates"], problems, False,
        refused=refused,
    )  # fmt: skip
    glossary = _yaml_model(
        data_dir / "glossary.yml", GlossaryFile, problems, required=False, refused=refused
    )
    reports = _reports(data_dir / "reports", problems)
    pages = read_board_pages(data_dir / PAGES_FOLDER, problems)
    if board is not None:
        _check_logo(data_dir, board, problems)
    if values is not None and not (data_dir / "indicators.yml").exists():
        problems.add(
            display_path(data_dir / "indicator_values.csv"),
            1,
            "there is no indicators.yml to say what these values measure; add indicators.yml "
            "or remove this file",
        )
    # a file that is there but cannot be read: checking references to it would only repeat it
    unread = [
        name
        for name, loaded in (("subgroups.yml", subgroups), ("members.csv", members),
                             ("indicators.yml", indicators))
        if loaded is None and (data_dir / name).exists()
    ]  # fmt: skip
    if board is None or not plans or unread or (values is not None and indicators is None):
        raise DataError(problems)
    if not unread_plans:
        _choose_current_plan(plans, problems)
    site = BoardData(
        board=board,
        subgroups=subgroups.subgroups if subgroups else [],
        members=members or [],
        plans=plans,
        indicators=indicators.indicators if indicators else [],
        values=values or [],
        thresholds=indicators.thresholds if indicators else Thresholds(),
        planner=planner,
        budget=budget,
        training=training or [],
        population=population or [],
        glossary=glossary.terms if glossary else {},
        national_glossary=national_glossary(language),
        reports=reports,
        pages=pages,
        data_dir=data_dir,
        url=board.site_url if url[1] and board.site_url else url[0],
        pdfs=pdfs,
    )
    cross_check(site, problems, unread_plans)
    check_reports(site, problems, unread_plans)
    if problems:
        raise DataError(problems)
    site.warnings.extend(ordered(problems.warnings))
    site.advice.extend(ordered([*problems.advice, *guide_advice(site), *data_advice(site)]))
    return site


def _choose_current_plan(plans: list[Plan], problems: Problems) -> None:
    """A board with one plan need not mark it; with several and none marked, the most recent is
    shown first and the editor is told how to choose another."""
    if any(plan.current for plan in plans):
        return
    latest = max(plans, key=lambda p: (p.as_at_date, p.id))
    latest.current = True
    if len(plans) > 1:
        problems.advise(
            latest.source_file,
            1,
            f"no plan has `current: true`, so `{latest.id}` (the most recent) is shown first; "
            "add `current: true` to the plan that should be",
        )


def _check_logo(data_dir: Path, board: Board, problems: Problems) -> None:
    if not board.logo:
        return
    path = data_dir / board.logo
    where = (display_path(data_dir / "board.yml"), board.line_of("logo"))
    if not path.is_file():
        problems.add(*where, f"logo `{board.logo}` is not in the data folder; put the file at "
                     f"{display_path(path)} or correct the name")  # fmt: skip
    elif not path.resolve().is_relative_to(data_dir.resolve()):
        return  # a link out of the data folder: refused with the data folder's files
    elif problem := logo_problem(path):
        problems.add(*where, f"logo `{board.logo}` {problem}")


def _plans(folder: Path, problems: Problems, refused: set[Path]) -> tuple[list[Plan], set[str]]:
    """The plans read, and the ids (file names) of plan files that could not be read."""
    files = [p for p in plan_files(folder) if p not in refused] if folder.is_dir() else []
    named = display_path(folder) + "/"
    if not files and not any(p.file.startswith(named) for p in problems.items):
        problems.add(display_path(folder), 1, "no plans found; add at least one plans/<id>.yml")
    plans, unread = [], set()
    for path in files:
        plan = _yaml_model(path, Plan, problems)
        if plan is None:
            unread.add(path.stem)
        else:
            plans.append(plan)
    return plans, unread


def _reports(folder: Path, problems: Problems) -> list[Report]:
    """data/reports/<year>.yml with their chapters in data/reports/<year>/; none is fine."""
    reports = []
    first_file: dict[str, Path] = {}  # a year's report, by its file name without .yml or .yaml
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        if (earlier := first_file.setdefault(path.stem, path)) != path:
            problems.add(display_path(path), 1, f"`{earlier.name}` is a report for the same "
                         "year; keep one of the two files and delete the other")  # fmt: skip
            continue
        report = _yaml_model(path, Report, problems)
        if report is None:
            continue
        if path.stem != report.year:
            problems.add(display_path(path), report.line_of("year"),
                         f"year `{report.year}` does not match the file name; rename the file "
                         f"{report.year}.yml or correct the year")  # fmt: skip
        else:  # which of the two is wrong decides what the dates are checked against
            check_report_dates(report, problems)
        chapters = {}
        sections = report.sections
        for name in type(sections).model_fields:
            section = getattr(sections, name)
            if section is None or not section.chapter:
                continue
            chapter = folder / path.stem / section.chapter
            if not chapter.is_file():
                problems.add(section.source_file, section.line_of("chapter"),
                             f"chapter `{section.chapter}` not found; create "
                             f"{display_path(chapter)} or correct the name")  # fmt: skip
                continue
            text = read_text(chapter, problems)
            if text is not None:
                chapters[section.chapter] = text
        report.keep_chapters(chapters)
        reports.append(report)
    return sorted(reports, key=lambda r: r.end_date)


def _yaml_model(
    path: Path,
    model: type[M],
    problems: Problems,
    required: bool = True,
    refused: frozenset[Path] | set[Path] = frozenset(),
) -> M | None:
    if path in refused or (not required and not path.exists()):
        return None
    doc = read_yaml(path, problems, NAMES)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        problems.add(doc.file, 1, "the file must be a block of `key: value` lines")
        return None
    try:
        result = model.model_validate(doc.data)
    except ValidationError as error:
        for detail in error.errors():
            detail["loc"] = _yaml_loc(detail["loc"], doc)
            problems.add(doc.file, doc.line(detail["loc"]), explain(detail, model))
        return None
    _locate(result, doc, (), Shared())
    return result


def _yaml_loc(loc: tuple[Any, ...], doc: YamlDoc) -> tuple[Any, ...]:
    """pydantic names fields; the editor may have written the other key (`lead` for `leads`)."""
    path: list[Any] = []
    for part in loc:
        if part in KEY_ALIASES and (*path, part) not in doc.lines:
            part = KEY_ALIASES[part]
        path.append(part)
    return tuple(path)


class Shared:
    """What the objects of one file written alike share: their keys' tuple, their fields' set."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.fields: dict[frozenset[str], frozenset[str]] = {}


def _locate(value: Any, doc: YamlDoc, path: tuple[Any, ...], shared: Shared) -> None:
    """Tell every model object where it was written, for messages found after validation; each
    shares its fields' set with the objects of the file written alike."""
    if isinstance(value, Model):
        written = doc.key_lines.get(path, {})
        lines = written
        for field, alias in KEY_ALIASES.items():
            if alias in written and field not in written:
                lines = {**lines, field: written[alias]}
        line = doc.line(path)
        value.located(doc.file, line, key_lines(line, lines, shared.keys))
        value.share_fields_set(shared.fields)
        for name in _fields_with_models(type(value)):
            key = name if name in written else KEY_ALIASES.get(name, name)
            _locate(getattr(value, name), doc, (*path, key), shared)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _locate(item, doc, (*path, index), shared)


@functools.cache
def _fields_with_models(model: type[BaseModel]) -> list[str]:
    """The fields that can hold models: the only ones `_locate` needs to look inside."""
    return [name for name, info in model.model_fields.items() if _holds_model(info.annotation)]


def _holds_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return True
    return any(_holds_model(arg) for arg in get_args(annotation))


def _csv_models(
    path: Path,
    model: type[M],
    columns: list[str],
    problems: Problems,
    required: bool = True,
    optional: list[str] | None = None,
    refused: frozenset[Path] | set[Path] = frozenset(),
) -> list[M] | None:
    if path in refused or (not required and not path.exists()):
        return None
    table = read_csv(path, columns, optional or [], problems, NAMES)
    if table is None:
        return None
    rows: list[M] = []
    for line, row in table.rows():
        try:
            item = model.model_validate({k: v for k, v in row.items() if v != ""})
        except ValidationError as error:
            for detail in error.errors():
                name = detail["loc"][0] if detail["loc"] else "value"
                message = (
                    f"the `{name}` cell is empty; fill it in"
                    if detail["type"] == "missing"
                    else explain(detail, model)
                )
                problems.add(table.file, line, message)
            continue
        if isinstance(item, Model):
            item.located(table.file, line)
        rows.append(item)
    return rows
