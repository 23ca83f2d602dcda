"""Annual report tables: budget, training, membership, board structure, downloads.

Totals are computed here from the lines; any total the data states is checked against the
same lines when the data is loaded (plansite/check/crossrefs.py), so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from plansite.model import links
from plansite.model.annual_tables import Budget, BudgetLine
from plansite.model.board import SETTING_KINDS
from plansite.model.board_data import BoardData
from plansite.model.plan import Plan
from plansite.model.sections import sections_on
from plansite.render.datasets import Column, datasets
from plansite.render.figures import money, number, size_text
from plansite.render.plans import PdfLink
from plansite.render.tables import Row, Table
from plansite.render.templates import render
from plansite.words.wording import word

SECTIONS = ("expenditure", "income", "contributions")
COLUMNS = ("budget", "actual")


def _w(key: str, **values: str) -> str:
    """The budget and training tables' words (words file, `report_tables:`)."""
    return word("report_tables", key, **values)


@dataclass(frozen=True)
class Download:
    title: str
    href: str
    size: str
    description: str
    columns: list[Column]


def budget_total(budget: Budget, section: str, column: str = "actual") -> float:
    """The total of one section's lines: `expenditure` or `income` (budget or actual), or
    `contributions`."""
    if section == "contributions":
        return sum(c.amount for c in budget.contributions)
    if section not in SECTIONS or column not in COLUMNS:
        raise ValueError(
            f"budget_total(section, column): section is one of {', '.join(SECTIONS)} and "
            f"column is budget or actual, not `{section}`, `{column}`"
        )
    lines: list[BudgetLine] = getattr(budget, section)
    return sum(getattr(line, column) or 0 for line in lines)


def _money(value: float | None, currency: str, missing: str = "no_figure") -> str:
    """The amount, or words for what is missing: a table has no empty cell."""
    return _w(missing) if value is None else money(value, currency)


def _lines_table(budget: Budget, section: str, caption: str) -> Table:
    currency = budget.currency
    lines: Sequence[BudgetLine] = getattr(budget, section)
    rows = []
    for line in lines:
        difference = (
            line.actual - line.budget
            if line.actual is not None and line.budget is not None
            else None
        )
        rows.append(
            Row(line.line, [_money(line.budget, currency), _money(line.actual, currency),
                            _money(difference, currency)])
        )  # fmt: skip
    planned, spent = budget_total(budget, section, "budget"), budget_total(budget, section)
    return Table(
        caption=caption,
        columns=[_w("line"), _w("budget"), _w("actual"), _w("difference")],
        rows=rows,
        total=Row(_w("total"), [money(planned, currency), money(spent, currency),
                            money(spent - planned, currency)]),
    )  # fmt: skip


def contributions_total(budget: Budget, column: str = "actual") -> float:
    """What partners paid (actual) or agreed to pay (budget; what they paid where no budget is
    written for a contribution)."""
    if column == "budget":
        return sum(c.amount if c.budget is None else c.budget for c in budget.contributions)
    return budget_total(budget, "contributions")


def _summary_table(budget: Budget) -> Table:
    currency = budget.currency
    rows = []
    balances = []
    for column in COLUMNS:
        spent = budget_total(budget, "expenditure", column)
        received = budget_total(budget, "income", column)
        balances.append(contributions_total(budget, column) + received - spent)
    rows.append(
        Row(
            _w("contributions"),
            [money(contributions_total(budget, c), currency) for c in COLUMNS],
        )
    )
    rows.append(
        Row(
            _w("other_income"),
            [money(budget_total(budget, "income", c), currency) for c in COLUMNS],
        )
    )
    rows.append(
        Row(
            _w("expenditure"),
            [money(budget_total(budget, "expenditure", c), currency) for c in COLUMNS],
        )
    )
    return Table(
        caption=_w("summary_caption", year=budget.year),
        columns=[_w("summary"), _w("budget"), _w("actual")],
        rows=rows,
        total=Row(_w("balance"), [money(b, currency) for b in balances]),
    )


def _contributions_table(budget: Budget) -> Table:
    groups = list(dict.fromkeys(c.group or _w("contribution") for c in budget.contributions))
    partners: dict[str, dict[str, float]] = {}
    for contribution in budget.contributions:
        row = partners.setdefault(contribution.partner, {})
        group = contribution.group or _w("contribution")
        row[group] = row.get(group, 0) + contribution.amount
    currency = budget.currency
    rows = [
        Row(partner, [_money(amounts.get(g), currency, "no_contribution") for g in groups]
            + [money(sum(amounts.values()), currency)])
        for partner, amounts in partners.items()
    ]  # fmt: skip
    by_group = [sum(c.amount for c in budget.contributions if (c.group or _w("contribution")) == g)
                for g in groups]  # fmt: skip
    return Table(
        caption=_w("contributions_caption", year=budget.year),
        columns=[_w("partner"), *groups, _w("total")],
        rows=rows,
        total=Row(_w("total"), [money(v, currency) for v in by_group]
                  + [money(budget_total(budget, "contributions"), currency)]),
    )  # fmt: skip


def _contributions_against_budget(budget: Budget) -> Table:
    """Each partner's agreed contribution (budget) beside what it paid (actual)."""
    agreed: dict[str, float] = {}
    paid: dict[str, float] = {}
    for contribution in budget.contributions:
        agreed[contribution.partner] = agreed.get(contribution.partner, 0) + (
            contribution.amount if contribution.budget is None else contribution.budget
        )
        paid[contribution.partner] = paid.get(contribution.partner, 0) + contribution.amount
    currency = budget.currency
    rows = [
        Row(p, [money(agreed[p], currency), money(paid[p], currency),
                money(paid[p] - agreed[p], currency)])
        for p in paid
    ]  # fmt: skip
    asked, given = sum(agreed.values()), sum(paid.values())
    return Table(
        caption=_w("against_caption", year=budget.year),
        columns=[_w("partner"), _w("budget"), _w("actual"), _w("difference")],
        rows=rows,
        total=Row(_w("total"), [money(asked, currency), money(given, currency),
                            money(given - asked, currency)]),
    )  # fmt: skip


def tables_for(budget: Budget) -> list[Table]:
    """The budget statement: summary, expenditure, income and the partners' contributions."""
    tables = [
        _summary_table(budget),
        _lines_table(budget, "expenditure", _w("expenditure_caption", year=budget.year)),
        _lines_table(budget, "income", _w("income_caption", year=budget.year)),
    ]
    if any(c.budget is not None for c in budget.contributions):
        tables.append(_contributions_against_budget(budget))
    if budget.contributions:
        tables.append(_contributions_table(budget))
    return tables


def budget_tables(site: BoardData, here: str) -> str:
    budget = site.budget
    if budget is None:
        return render("report/none.html", what=word("report_none", "budget"), file="budget.yml")
    return render("report/tables.html", tables=tables_for(budget))


def training_figures(site: BoardData) -> Table:
    return Table(
        caption=_w("training_caption"),
        columns=[_w("course"), _w("length"), _w("delegates")],
        rows=[Row(c.course, [c.length, number(c.delegates)]) for c in site.training],
        total=Row(
            _w("total"), [_w("not_added_up"), number(sum(c.delegates for c in site.training))]
        ),
    )


def training_table(site: BoardData, here: str) -> str:
    if not site.training:
        return render("report/none.html", what=word("report_none", "training"), file="training.csv")
    return render("report/tables.html", tables=[training_figures(site)])


def membership(site: BoardData, here: str) -> str:
    return render(
        "report/membership.html", members=site.members, board=site.board, **settings(site)
    )


def settings(site: BoardData) -> dict[str, object]:
    """The education and childcare settings the board names, under a heading per kind."""
    return {"setting_groups": setting_groups(site)}


def setting_groups(site: BoardData) -> list[tuple[str, list[str]]]:
    """e.g. [("Schools", ["Ashbridge Community College", ...]), ("Colleges", [...])]: the
    kinds in a fixed order, each kind the board names once."""
    named = site.board.education_and_childcare
    return [
        (word("report_settings", "kind_" + kind.replace(" ", "_")), names)
        for kind in SETTING_KINDS
        if (names := [s.name for s in named if s.kind == kind])
    ]


def structure(site: BoardData, here: str) -> str:
    pages = {s.id: links.href(here, links.subgroup(s.id)) for s in site.subgroups}
    return render("report/structure.html", board=site.board, subgroups=site.subgroups, pages=pages)


def about_board(site: BoardData, here: str) -> str:
    return render("report/board.html", board=site.board)


def downloads(
    site: BoardData,
    here: str,
    files: Mapping[str, int],
    printed: Sequence[tuple[Plan, Sequence[PdfLink]]] = (),
) -> str:
    """`files`: the size of each of the build's published files, by path. `printed`: each
    long plan's PDFs (its at-a-glance PDF and one per priority or part), with their sizes'
    placeholders: the PDFs are still being made (plansite/documents/sizes.py)."""
    items = []
    for dataset in datasets(site):
        path = links.open_data(dataset.path)
        items.append(
            Download(
                f"{dataset.title} ({dataset.path})",
                links.href(here, path),
                size_text(files[path]),
                dataset.description,
                dataset.columns,
            )
        )
    package = links.open_data("datapackage.json")
    feed_list = [(word("feeds", "every_plan_name"), links.site_feed())] + [
        (plan.title, links.plan_feed(plan.id)) for plan in site.plans_in_order
    ]
    return render(
        "report/downloads.html",
        items=items,
        feeds=[(name, links.href(here, path), size_text(files[path])) for name, path in feed_list],
        printed=printed,
        site_feed_limit=links.SITE_FEED_LIMIT,
        package_href=links.href(here, package),
        package_size=size_text(files[package]),
        indicators_href=(
            links.href(here, links.indicators_index()) if "indicators" in sections_on(site) else ""
        ),
    )
