"""Annual report tables: the budget statement and the training table."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from macros.model.base import Model


class BudgetLine(Model):
    line: str
    budget: float | None = None
    actual: float | None = None


class Contribution(Model):
    partner: str
    amount: float = Field(description="What the partner paid (the actual contribution)")
    budget: float | None = Field(None, description="What the partner was asked to pay")
    group: str = Field("", description="What the contribution is for, e.g. Multi-agency trainer")


class StatedTotals(Model):
    """Totals as printed in the source document; each is checked against its lines."""

    expenditure_budget: float | None = None
    expenditure_actual: float | None = None
    income_budget: float | None = None
    income_actual: float | None = None
    contributions: float | None = None


class Budget(Model):
    year: str
    currency: str = Field("GBP", description="Three-letter currency code, e.g. GBP")

    @field_validator("currency")
    @classmethod
    def _currency_code(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise ValueError(f"currency `{value}` must be a three-letter code such as GBP")
        return value

    expenditure: list[BudgetLine] = Field(default_factory=list)
    income: list[BudgetLine] = Field(default_factory=list)
    contributions: list[Contribution] = Field(default_factory=list)
    stated_totals: StatedTotals = Field(default_factory=StatedTotals)


class Course(Model):
    course: str
    length: str
    delegates: int
